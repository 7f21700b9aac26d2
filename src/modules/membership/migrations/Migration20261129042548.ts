import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129042548 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "membership_share" drop constraint if exists "membership_share_unique";`);
    this.addSql(`alter table if exists "membership_event" drop constraint if exists "membership_event_line_item_unique";`);
    this.addSql(`alter table if exists "membership" drop constraint if exists "membership_number_unique";`);
    this.addSql(`alter table if exists "membership_plan" drop constraint if exists "membership_plan_variant_unique";`);
    this.addSql(`create table if not exists "membership_plan" ("id" text not null, "name" text not null, "description" text null, "level" integer not null default 0, "duration_unit" text check ("duration_unit" in ('day', 'month', 'year', 'lifetime')) not null, "duration_value" integer null, "customer_group_id" text null, "variant_id" text null, "max_shares" integer not null default 0, "reminder_days" integer not null default 14, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "membership_plan_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_plan_deleted_at" ON "membership_plan" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_membership_plan_variant_unique" ON "membership_plan" ("variant_id") WHERE variant_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "membership" ("id" text not null, "number" text not null, "plan_id" text not null, "customer_id" text not null, "status" text check ("status" in ('active', 'expired', 'cancelled')) not null default 'active', "starts_at" timestamptz not null, "expires_at" timestamptz null, "cancel_at_period_end" boolean not null default false, "cancelled_at" timestamptz null, "source" text check ("source" in ('admin', 'purchase', 'gift')) not null default 'admin', "order_id" text null, "joined_group" boolean not null default false, "reminded_for" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "membership_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_plan_id" ON "membership" ("plan_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_deleted_at" ON "membership" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_membership_number_unique" ON "membership" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_customer_id" ON "membership" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_status_expires_at" ON "membership" ("status", "expires_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "membership_event" ("id" text not null, "membership_id" text not null, "type" text check ("type" in ('created', 'renewed', 'expiration_edited', 'cancel_scheduled', 'cancelled', 'gifted', 'shared', 'unshared', 'expired')) not null, "actor_type" text check ("actor_type" in ('admin', 'customer', 'system')) not null default 'system', "actor_id" text null, "line_item_id" text null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "membership_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_event_membership_id" ON "membership_event" ("membership_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_event_deleted_at" ON "membership_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_event_membership_id_created_at" ON "membership_event" ("membership_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_membership_event_line_item_unique" ON "membership_event" ("line_item_id") WHERE line_item_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "membership_share" ("id" text not null, "membership_id" text not null, "customer_id" text not null, "joined_group" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "membership_share_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_share_membership_id" ON "membership_share" ("membership_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_share_deleted_at" ON "membership_share" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_membership_share_unique" ON "membership_share" ("membership_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_share_customer_id" ON "membership_share" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "membership" add constraint "membership_plan_id_foreign" foreign key ("plan_id") references "membership_plan" ("id") on update cascade;`);

    this.addSql(`alter table if exists "membership_event" add constraint "membership_event_membership_id_foreign" foreign key ("membership_id") references "membership" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "membership_share" add constraint "membership_share_membership_id_foreign" foreign key ("membership_id") references "membership" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "membership" drop constraint if exists "membership_plan_id_foreign";`);

    this.addSql(`alter table if exists "membership_event" drop constraint if exists "membership_event_membership_id_foreign";`);

    this.addSql(`alter table if exists "membership_share" drop constraint if exists "membership_share_membership_id_foreign";`);

    this.addSql(`drop table if exists "membership_plan" cascade;`);

    this.addSql(`drop table if exists "membership" cascade;`);

    this.addSql(`drop table if exists "membership_event" cascade;`);

    this.addSql(`drop table if exists "membership_share" cascade;`);
  }

}
