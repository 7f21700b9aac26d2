import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205044439 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_account" add column if not exists "balance" numeric not null default 0, add column if not exists "raw_balance" jsonb not null default '{"value":"0","precision":20}';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_account_balance_customer_id" ON "loyalty_account" ("balance", "customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_loyalty_account_balance_customer_id";`);
    this.addSql(`alter table if exists "loyalty_account" drop column if exists "balance", drop column if exists "raw_balance";`);
  }

}
