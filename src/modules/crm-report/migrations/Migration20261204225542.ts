import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204225542 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "crm_report_run" drop constraint if exists "crm_report_run_due_unique";`);
    this.addSql(`create table if not exists "crm_export" ("id" text not null, "source" text check ("source" in ('filter', 'selection', 'segment')) not null default 'filter', "segment_id" text null, "filter" jsonb not null, "columns" jsonb not null, "format" text check ("format" in ('csv', 'jsonl')) not null default 'csv', "status" text check ("status" in ('pending', 'running', 'done', 'failed', 'expired')) not null default 'pending', "processed" integer not null default 0, "total" integer not null default 0, "file_id" text null, "size_bytes" integer null, "expires_at" timestamptz null, "error" text null, "created_by" text null, "started_at" timestamptz null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_export_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_export_deleted_at" ON "crm_export" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_export_created_at" ON "crm_export" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_export_status" ON "crm_export" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "crm_report" ("id" text not null, "name" text not null, "segment_id" text null, "filter" jsonb null, "columns" jsonb not null, "format" text check ("format" in ('csv', 'jsonl')) not null default 'csv', "frequency" text check ("frequency" in ('daily', 'weekly', 'monthly')) not null, "time" text not null, "weekday" integer null, "day_of_month" integer null, "timezone" text not null default 'UTC', "destination_type" text check ("destination_type" in ('file', 'email', 'sftp')) not null, "destination" jsonb not null, "secret" text null, "enabled" boolean not null default true, "next_run_at" timestamptz null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_report_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_report_deleted_at" ON "crm_report" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_report_next_run_at" ON "crm_report" ("next_run_at") WHERE enabled = true AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "crm_report_run" ("id" text not null, "report_id" text not null, "trigger" text check ("trigger" in ('schedule', 'manual')) not null, "status" text check ("status" in ('queued', 'running', 'retrying', 'succeeded', 'failed')) not null default 'queued', "due_at" timestamptz not null, "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "rows" integer null, "size_bytes" integer null, "duration_ms" integer null, "file_id" text null, "remote_path" text null, "error" text null, "started_at" timestamptz null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_report_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_report_run_deleted_at" ON "crm_report_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_report_run_due_unique" ON "crm_report_run" ("report_id", "due_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_report_run_status_next_attempt_at" ON "crm_report_run" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_export" cascade;`);

    this.addSql(`drop table if exists "crm_report" cascade;`);

    this.addSql(`drop table if exists "crm_report_run" cascade;`);
  }

}
