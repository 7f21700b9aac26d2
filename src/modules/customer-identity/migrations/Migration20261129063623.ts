import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129063623 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_identity_claim" ("id" text not null, "customer_id" text not null, "email" text not null, "code_hash" text not null, "status" text check ("status" in ('pending', 'confirmed', 'failed')) not null default 'pending', "attempts" integer not null default 0, "expires_at" timestamptz not null, "confirmed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_identity_claim_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_identity_claim_deleted_at" ON "customer_identity_claim" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_identity_claim_customer_id_created_at" ON "customer_identity_claim" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_merge" ("id" text not null, "kind" text check ("kind" in ('merge', 'link', 'claim')) not null default 'merge', "status" text check ("status" in ('merged', 'undone')) not null default 'merged', "survivor_id" text not null, "source_id" text not null, "source_snapshot" jsonb not null, "moved" jsonb not null, "counts" jsonb not null, "merged_by" text null, "undo_until" timestamptz not null, "undone_at" timestamptz null, "undone_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_merge_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_merge_deleted_at" ON "customer_merge" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_merge_survivor_id" ON "customer_merge" ("survivor_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_merge_source_id" ON "customer_merge" ("source_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_identity_claim" cascade;`);

    this.addSql(`drop table if exists "customer_merge" cascade;`);
  }

}
