import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204175809 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "privacy_legal_hold" drop constraint if exists "privacy_legal_hold_customer_unique";`);
    this.addSql(`alter table if exists "privacy_erasure" drop constraint if exists "privacy_erasure_customer_unique";`);
    this.addSql(`create table if not exists "privacy_code" ("id" text not null, "customer_id" text not null, "code_hash" text not null, "attempts" integer not null default 0, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "privacy_code_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_code_deleted_at" ON "privacy_code" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_code_customer_id_created_at" ON "privacy_code" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "privacy_erasure" ("id" text not null, "customer_id" text not null, "kind" text check ("kind" in ('anonymized', 'deleted')) not null, "request_id" text null, "erased_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "privacy_erasure_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_erasure_deleted_at" ON "privacy_erasure" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_privacy_erasure_customer_unique" ON "privacy_erasure" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "privacy_legal_hold" ("id" text not null, "customer_id" text not null, "reason" text not null, "set_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "privacy_legal_hold_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_legal_hold_deleted_at" ON "privacy_legal_hold" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_privacy_legal_hold_customer_unique" ON "privacy_legal_hold" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "privacy_request" ("id" text not null, "customer_id" text not null, "kind" text check ("kind" in ('anonymize', 'delete')) not null, "status" text check ("status" in ('pending', 'completed', 'refused', 'failed')) not null default 'pending', "source" text check ("source" in ('admin', 'store', 'retention', 'api')) not null default 'admin', "actor_id" text null, "refusal_code" text null, "record_count" integer not null default 0, "completed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "privacy_request_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_request_deleted_at" ON "privacy_request" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_request_customer_id_created_at" ON "privacy_request" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_request_status" ON "privacy_request" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "privacy_setting" ("id" text not null, "staff_anonymize" boolean not null default true, "customer_self_anonymize" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "privacy_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_setting_deleted_at" ON "privacy_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "privacy_code" cascade;`);

    this.addSql(`drop table if exists "privacy_erasure" cascade;`);

    this.addSql(`drop table if exists "privacy_legal_hold" cascade;`);

    this.addSql(`drop table if exists "privacy_request" cascade;`);

    this.addSql(`drop table if exists "privacy_setting" cascade;`);
  }

}
