import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204230325 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_metric_currency_lifetime_value" ON "customer_metric" ("currency_code", "lifetime_value") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_metric_currency_last_order_at" ON "customer_metric" ("currency_code", "last_order_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_customer_metric_currency_lifetime_value";`);
    this.addSql(`drop index if exists "IDX_customer_metric_currency_last_order_at";`);
  }

}
