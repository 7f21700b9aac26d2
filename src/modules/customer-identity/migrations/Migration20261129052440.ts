import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129052440 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_alternate_email" drop constraint if exists "customer_alternate_email_email_unique";`);
    this.addSql(`create table if not exists "customer_alternate_email" ("id" text not null, "customer_id" text not null, "email" text not null, "source" text check ("source" in ('admin', 'merge', 'claim')) not null default 'admin', "added_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_alternate_email_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_alternate_email_deleted_at" ON "customer_alternate_email" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_alternate_email_email_unique" ON "customer_alternate_email" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_alternate_email_customer_id" ON "customer_alternate_email" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_alternate_email" cascade;`);
  }

}
