import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129052736 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_archive" drop constraint if exists "customer_archive_customer_unique";`);
    this.addSql(`create table if not exists "customer_archive" ("id" text not null, "customer_id" text not null, "archived_at" timestamptz not null, "archived_by" text null, "reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_archive_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_archive_deleted_at" ON "customer_archive" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_archive_customer_unique" ON "customer_archive" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_archive" cascade;`);
  }

}
