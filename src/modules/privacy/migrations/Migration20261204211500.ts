import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Indexes for finding a person's records and orders by e-mail, case-insensitively (`resolvePerson`,
 * the retention policy, the anonymization's open-order check). Without them each lookup reads the
 * whole customer or order table: the retention run over 10,000 customers spent most of its time
 * there. They are on Medusa's tables (same database) and change nothing but query plans.
 */
export class Migration20261204211500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_customer_email_lower" ON "customer" (lower(email)) WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_order_email_lower" ON "order" (lower(email)) WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_crm_customer_email_lower";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_crm_order_email_lower";`);
  }

}
