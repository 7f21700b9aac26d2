import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204145818 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_metric" add column if not exists "sales" numeric not null default 0, add column if not exists "paid" numeric not null default 0, add column if not exists "raw_sales" jsonb not null default '{"value":"0","precision":20}', add column if not exists "raw_paid" jsonb not null default '{"value":"0","precision":20}';`);

    this.addSql(`alter table if exists "customer_metric_day" add column if not exists "sales" numeric not null default 0, add column if not exists "raw_sales" jsonb not null default '{"value":"0","precision":20}';`);

    this.addSql(`alter table if exists "customer_metric_month" add column if not exists "sales" numeric not null default 0, add column if not exists "raw_sales" jsonb not null default '{"value":"0","precision":20}';`);

    // Rows computed before: their sales were the net figure plus what was refunded. Lifetime value
    // (now paid minus refunded) is right again after the next recompute or a rebuild.
    this.addSql(`update "customer_metric" set "sales" = "lifetime_value" + "refunded", "raw_sales" = jsonb_build_object('value', ("lifetime_value" + "refunded")::text, 'precision', 20);`);
    this.addSql(`update "customer_metric_day" set "sales" = "net_sales", "raw_sales" = "raw_net_sales";`);
    this.addSql(`update "customer_metric_month" set "sales" = "net_sales", "raw_sales" = "raw_net_sales";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_metric" drop column if exists "sales", drop column if exists "paid", drop column if exists "raw_sales", drop column if exists "raw_paid";`);

    this.addSql(`alter table if exists "customer_metric_day" drop column if exists "sales", drop column if exists "raw_sales";`);

    this.addSql(`alter table if exists "customer_metric_month" drop column if exists "sales", drop column if exists "raw_sales";`);
  }

}
