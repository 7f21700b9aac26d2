import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204225540 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_segment_member" drop constraint if exists "customer_segment_member_unique";`);
    this.addSql(`alter table if exists "customer_segment" drop constraint if exists "customer_segment_group_unique";`);
    this.addSql(`alter table if exists "customer_segment" drop constraint if exists "customer_segment_name_unique";`);
    this.addSql(`create table if not exists "customer_segment" ("id" text not null, "name" text not null, "description" text null, "filter" jsonb not null, "group_id" text null, "manual_members" text check ("manual_members" in ('keep', 'remove')) not null default 'keep', "created_by" text null, "dirty_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_segment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_segment_deleted_at" ON "customer_segment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_segment_name_unique" ON "customer_segment" ("name") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_segment_group_unique" ON "customer_segment" ("group_id") WHERE group_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_segment_member" ("id" text not null, "segment_id" text not null, "customer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_segment_member_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_segment_member_deleted_at" ON "customer_segment_member" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_segment_member_unique" ON "customer_segment_member" ("segment_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_segment_member_customer_id" ON "customer_segment_member" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_segment_sync" ("id" text not null, "segment_id" text not null, "status" text check ("status" in ('running', 'succeeded', 'failed')) not null default 'running', "trigger" text check ("trigger" in ('schedule', 'event', 'manual', 'created')) not null, "added" integer not null default 0, "removed" integer not null default 0, "members" integer not null default 0, "error" text null, "started_at" timestamptz not null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_segment_sync_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_segment_sync_deleted_at" ON "customer_segment_sync" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_segment_sync_segment_id_started_at" ON "customer_segment_sync" ("segment_id", "started_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_segment" cascade;`);

    this.addSql(`drop table if exists "customer_segment_member" cascade;`);

    this.addSql(`drop table if exists "customer_segment_sync" cascade;`);
  }

}
