import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204204154 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "privacy_consent_text" drop constraint if exists "privacy_consent_text_version_unique";`);
    this.addSql(`alter table if exists "privacy_consent_purpose" drop constraint if exists "privacy_consent_purpose_handle_unique";`);
    this.addSql(`alter table if exists "privacy_activity" drop constraint if exists "privacy_activity_customer_unique";`);
    this.addSql(`create table if not exists "privacy_activity" ("id" text not null, "customer_id" text not null, "last_seen_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "privacy_activity_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_activity_deleted_at" ON "privacy_activity" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_privacy_activity_customer_unique" ON "privacy_activity" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "privacy_consent" ("id" text not null, "customer_id" text not null, "purpose_id" text not null, "granted" boolean not null, "source" text check ("source" in ('admin', 'storefront', 'checkout', 'import', 'api')) not null, "actor_id" text null, "text_version" integer not null, "reason" text null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "privacy_consent_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_consent_deleted_at" ON "privacy_consent" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_consent_customer_id_purpose_id_occurred_at" ON "privacy_consent" ("customer_id", "purpose_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_consent_purpose_id_granted" ON "privacy_consent" ("purpose_id", "granted") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "privacy_consent_purpose" ("id" text not null, "handle" text not null, "name" text not null, "description" text null, "current_version" integer not null default 1, "archived_at" timestamptz null, "rank" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "privacy_consent_purpose_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_consent_purpose_deleted_at" ON "privacy_consent_purpose" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_privacy_consent_purpose_handle_unique" ON "privacy_consent_purpose" ("handle") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "privacy_consent_text" ("id" text not null, "purpose_id" text not null, "version" integer not null, "text" text not null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "privacy_consent_text_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_consent_text_deleted_at" ON "privacy_consent_text" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_privacy_consent_text_version_unique" ON "privacy_consent_text" ("purpose_id", "version") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "privacy_retention_run" ("id" text not null, "status" text check ("status" in ('running', 'completed', 'failed')) not null default 'running', "dry_run" boolean not null default false, "trigger" text not null default 'job', "actor_id" text null, "cutoff" timestamptz not null, "period_months" integer not null, "cursor" text null, "candidates" integer not null default 0, "anonymized" integer not null default 0, "exempt" integer not null default 0, "skipped" integer not null default 0, "failed" integer not null default 0, "resumed" integer not null default 0, "started_at" timestamptz not null, "finished_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "privacy_retention_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_retention_run_deleted_at" ON "privacy_retention_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_retention_run_status" ON "privacy_retention_run" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_retention_run_started_at" ON "privacy_retention_run" ("started_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "privacy_request" drop constraint if exists "privacy_request_kind_check";`);

    this.addSql(`alter table if exists "privacy_request" add column if not exists "due_at" timestamptz null, add column if not exists "file_id" text null, add column if not exists "expires_at" timestamptz null, add column if not exists "include_notes" boolean not null default false, add column if not exists "size_bytes" integer null, add column if not exists "downloaded_at" timestamptz null;`);
    this.addSql(`alter table if exists "privacy_request" add constraint "privacy_request_kind_check" check("kind" in ('export', 'anonymize', 'delete'));`);
    // Requests made before the due date existed: one month after they were made (GDPR Art. 12(3)).
    this.addSql(`update "privacy_request" set "due_at" = "created_at" + interval '1 month' where "due_at" is null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_request_status_due_at" ON "privacy_request" ("status", "due_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_request_kind_expires_at" ON "privacy_request" ("kind", "expires_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "privacy_setting" add column if not exists "staff_export" boolean not null default true, add column if not exists "customer_self_export" boolean not null default false, add column if not exists "export_include_notes" boolean not null default false, add column if not exists "retention_enabled" boolean not null default false, add column if not exists "retention_months" integer not null default 36, add column if not exists "retention_exempt_purpose_ids" text[] null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "privacy_activity" cascade;`);

    this.addSql(`drop table if exists "privacy_consent" cascade;`);

    this.addSql(`drop table if exists "privacy_consent_purpose" cascade;`);

    this.addSql(`drop table if exists "privacy_consent_text" cascade;`);

    this.addSql(`drop table if exists "privacy_retention_run" cascade;`);

    this.addSql(`alter table if exists "privacy_request" drop constraint if exists "privacy_request_kind_check";`);

    this.addSql(`drop index if exists "IDX_privacy_request_status_due_at";`);
    this.addSql(`drop index if exists "IDX_privacy_request_kind_expires_at";`);
    this.addSql(`alter table if exists "privacy_request" drop column if exists "due_at", drop column if exists "file_id", drop column if exists "expires_at", drop column if exists "include_notes", drop column if exists "size_bytes", drop column if exists "downloaded_at";`);

    this.addSql(`alter table if exists "privacy_request" add constraint "privacy_request_kind_check" check("kind" in ('anonymize', 'delete'));`);

    this.addSql(`alter table if exists "privacy_setting" drop column if exists "staff_export", drop column if exists "customer_self_export", drop column if exists "export_include_notes", drop column if exists "retention_enabled", drop column if exists "retention_months", drop column if exists "retention_exempt_purpose_ids";`);
  }

}
