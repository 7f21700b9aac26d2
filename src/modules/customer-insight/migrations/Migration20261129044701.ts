import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129044701 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_metric_month" drop constraint if exists "customer_metric_month_unique";`);
    this.addSql(`alter table if exists "customer_metric_day" drop constraint if exists "customer_metric_day_unique";`);
    this.addSql(`alter table if exists "customer_metric" drop constraint if exists "customer_metric_customer_currency_unique";`);
    this.addSql(`create table if not exists "customer_metric" ("id" text not null, "customer_id" text not null, "currency_code" text not null, "orders" integer not null default 0, "visits" integer not null default 0, "items" integer not null default 0, "lifetime_value" numeric not null, "refunded" numeric not null, "first_order_at" timestamptz null, "last_order_at" timestamptz null, "computed_at" timestamptz not null, "raw_lifetime_value" jsonb not null, "raw_refunded" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_metric_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_metric_deleted_at" ON "customer_metric" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_metric_customer_currency_unique" ON "customer_metric" ("customer_id", "currency_code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_metric_day" ("id" text not null, "customer_id" text not null, "currency_code" text not null, "day" text not null, "orders" integer not null default 0, "items" integer not null default 0, "net_sales" numeric not null, "raw_net_sales" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_metric_day_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_metric_day_deleted_at" ON "customer_metric_day" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_metric_day_unique" ON "customer_metric_day" ("customer_id", "currency_code", "day") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_metric_month" ("id" text not null, "customer_id" text not null, "currency_code" text not null, "month" text not null, "orders" integer not null default 0, "items" integer not null default 0, "net_sales" numeric not null, "raw_net_sales" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_metric_month_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_metric_month_deleted_at" ON "customer_metric_month" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_metric_month_unique" ON "customer_metric_month" ("customer_id", "currency_code", "month") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "insight_rebuild" ("id" text not null, "status" text check ("status" in ('running', 'done', 'failed')) not null default 'running', "processed" integer not null default 0, "total" integer not null default 0, "started_at" timestamptz not null, "finished_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "insight_rebuild_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_insight_rebuild_deleted_at" ON "insight_rebuild" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_metric" cascade;`);

    this.addSql(`drop table if exists "customer_metric_day" cascade;`);

    this.addSql(`drop table if exists "customer_metric_month" cascade;`);

    this.addSql(`drop table if exists "insight_rebuild" cascade;`);
  }

}
