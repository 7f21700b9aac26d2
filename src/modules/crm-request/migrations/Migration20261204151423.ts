import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204151423 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "crm_request_replay" ("key" text not null, "request_hash" text not null, "scope" text null, "state" text check ("state" in ('pending', 'done')) not null default 'pending', "response_status" integer null, "response_body" text null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_request_replay_pkey" primary key ("key"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_request_replay_deleted_at" ON "crm_request_replay" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_request_replay_expires_at" ON "crm_request_replay" ("expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_request_replay_scope" ON "crm_request_replay" ("scope") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_request_replay" cascade;`);
  }

}
