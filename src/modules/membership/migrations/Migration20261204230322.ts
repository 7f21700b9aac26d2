import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204230322 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_plan_status_customer" ON "membership" ("plan_id", "status", "customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_membership_plan_status_customer";`);
  }

}
