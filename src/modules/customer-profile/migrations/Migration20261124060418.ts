import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124060418 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_store" drop constraint if exists "customer_store_customer_channel_unique";`);
    this.addSql(`alter table if exists "customer_profile" drop constraint if exists "customer_profile_external_id_unique";`);
    this.addSql(`alter table if exists "customer_profile" drop constraint if exists "customer_profile_customer_id_unique";`);
    this.addSql(`create table if not exists "customer_profile" ("id" text not null, "customer_id" text not null, "birth_date" text null, "gender" text check ("gender" in ('female', 'male', 'non_binary', 'unspecified')) null, "nationality" text null, "anniversary" text null, "external_id" text null, "gate_code" text null, "photo_file_id" text null, "photo_url" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_profile_deleted_at" ON "customer_profile" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_profile_customer_id_unique" ON "customer_profile" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_profile_external_id_unique" ON "customer_profile" ("external_id") WHERE deleted_at IS NULL AND external_id IS NOT NULL;`);

    this.addSql(`create table if not exists "customer_store" ("id" text not null, "customer_id" text not null, "sales_channel_id" text not null, "source" text check ("source" in ('manual', 'order')) not null default 'manual', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_store_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_store_deleted_at" ON "customer_store" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_store_customer_channel_unique" ON "customer_store" ("customer_id", "sales_channel_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_store_sales_channel_id" ON "customer_store" ("sales_channel_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_profile" cascade;`);

    this.addSql(`drop table if exists "customer_store" cascade;`);
  }

}
