import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203222026 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "membership_scanner_key" drop constraint if exists "membership_scanner_key_token_hash_unique";`);
    this.addSql(`create table if not exists "membership_scanner_key" ("id" text not null, "name" text not null, "token_hash" text not null, "redacted" text not null, "created_by" text null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "revoked_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "membership_scanner_key_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_scanner_key_deleted_at" ON "membership_scanner_key" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_membership_scanner_key_token_hash_unique" ON "membership_scanner_key" ("token_hash") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "membership" add column if not exists "card_version" integer not null default 1;`);

    this.addSql(`alter table if exists "membership_share" add column if not exists "card_version" integer not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "membership_scanner_key" cascade;`);

    this.addSql(`alter table if exists "membership" drop column if exists "card_version";`);

    this.addSql(`alter table if exists "membership_share" drop column if exists "card_version";`);
  }

}
