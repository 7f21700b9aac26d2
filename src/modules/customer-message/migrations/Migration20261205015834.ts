import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205015834 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_inbox_entry" drop constraint if exists "customer_inbox_entry_campaign_customer_unique";`);
    this.addSql(`create table if not exists "customer_campaign" ("id" text not null, "kind" text check ("kind" in ('message', 'offer', 'loyalty_offer')) not null, "title" text not null, "short_description" text not null, "body" text null, "body_format" text check ("body_format" in ('text', 'markdown')) not null default 'text', "image_url" text null, "starts_at" timestamptz not null, "ends_at" timestamptz null, "ended_at" timestamptz null, "audience" jsonb not null, "send_email" boolean not null default false, "email_consent" text null, "promotion_id" text null, "personal" boolean not null default false, "points_cost" integer null, "reward_valid_days" integer null, "distributed_at" timestamptz null, "last_distributed_at" timestamptz null, "created_by" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_campaign_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_campaign_deleted_at" ON "customer_campaign" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_campaign_starts_at" ON "customer_campaign" ("starts_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_campaign_promotion_id" ON "customer_campaign" ("promotion_id") WHERE promotion_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_inbox_entry" ("id" text not null, "campaign_id" text not null, "customer_id" text not null, "kind" text check ("kind" in ('message', 'offer', 'loyalty_offer')) not null, "origin" text check ("origin" in ('distribution', 'redemption')) not null default 'distribution', "distributed_at" timestamptz not null, "read_at" timestamptz null, "emailed_at" timestamptz null, "redeemed_at" timestamptz null, "redeemed_order_id" text null, "removed_at" timestamptz null, "removed_by" text null, "promotion_id" text null, "promotion_code" text null, "expires_at" timestamptz null, "points_spent" integer null, "loyalty_entry_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_inbox_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_inbox_entry_campaign_id" ON "customer_inbox_entry" ("campaign_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_inbox_entry_deleted_at" ON "customer_inbox_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_inbox_entry_campaign_customer_unique" ON "customer_inbox_entry" ("campaign_id", "customer_id") WHERE origin = 'distribution' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_inbox_entry_customer_id_distributed_at" ON "customer_inbox_entry" ("customer_id", "distributed_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_inbox_entry_promotion_id" ON "customer_inbox_entry" ("promotion_id") WHERE promotion_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "customer_inbox_entry" add constraint "customer_inbox_entry_campaign_id_foreign" foreign key ("campaign_id") references "customer_campaign" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_inbox_entry" drop constraint if exists "customer_inbox_entry_campaign_id_foreign";`);

    this.addSql(`drop table if exists "customer_campaign" cascade;`);

    this.addSql(`drop table if exists "customer_inbox_entry" cascade;`);
  }

}
