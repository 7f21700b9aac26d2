import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129035904 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_entry" drop constraint if exists "loyalty_entry_pending_cart_unique";`);
    this.addSql(`alter table if exists "loyalty_entry" drop constraint if exists "loyalty_entry_earn_order_unique";`);
    this.addSql(`alter table if exists "loyalty_account" drop constraint if exists "loyalty_account_customer_id_unique";`);
    this.addSql(`create table if not exists "loyalty_account" ("id" text not null, "customer_id" text not null, "enrolled" boolean not null default false, "enrolled_at" timestamptz null, "expired_through" timestamptz null, "reminded_through" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_account_deleted_at" ON "loyalty_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_account_customer_id_unique" ON "loyalty_account" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_entry" ("id" text not null, "account_id" text not null, "customer_id" text not null, "type" text check ("type" in ('earn', 'redeem', 'adjust', 'expire', 'reverse')) not null, "points" numeric not null, "status" text check ("status" in ('pending', 'available', 'void')) not null, "description" text null, "reason" text null, "order_id" text null, "cart_id" text null, "promotion_id" text null, "promotion_code" text null, "currency_code" text null, "amount" numeric null, "reference_id" text null, "created_by" text null, "available_at" timestamptz null, "expires_at" timestamptz null, "raw_points" jsonb not null, "raw_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_account_id" ON "loyalty_entry" ("account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_deleted_at" ON "loyalty_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_account_id_created_at" ON "loyalty_entry" ("account_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_customer_id" ON "loyalty_entry" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_order_id" ON "loyalty_entry" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_reference_id" ON "loyalty_entry" ("reference_id") WHERE reference_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_entry_earn_order_unique" ON "loyalty_entry" ("order_id") WHERE type = 'earn' AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_entry_pending_cart_unique" ON "loyalty_entry" ("cart_id") WHERE type = 'redeem' AND status = 'pending' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_available_at" ON "loyalty_entry" ("available_at") WHERE status = 'pending' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_expires_at" ON "loyalty_entry" ("expires_at") WHERE expires_at IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_program" ("id" text not null, "enabled" boolean not null default true, "enrollment" text check ("enrollment" in ('all', 'per_customer')) not null default 'all', "pending_days" integer not null default 0, "expiry_months" integer null, "expiry_reminder_days" integer not null default 14, "min_redeem_points" integer not null default 0, "redemption_hold_hours" integer not null default 72, "rates" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_program_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_program_deleted_at" ON "loyalty_program" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "loyalty_entry" add constraint "loyalty_entry_account_id_foreign" foreign key ("account_id") references "loyalty_account" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_entry" drop constraint if exists "loyalty_entry_account_id_foreign";`);

    this.addSql(`drop table if exists "loyalty_account" cascade;`);

    this.addSql(`drop table if exists "loyalty_entry" cascade;`);

    this.addSql(`drop table if exists "loyalty_program" cascade;`);
  }

}
