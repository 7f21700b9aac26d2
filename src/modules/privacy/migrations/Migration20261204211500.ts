import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { EMAIL_LOOKUP_INDEX_STATEMENTS } from "../../../lib/email-lookup-indexes";

/**
 * Indexes for finding a person's records and orders by e-mail, case-insensitively (`resolvePerson`,
 * the retention policy, the anonymization's open-order check). Without them each lookup reads the
 * whole customer or order table: the retention run over 10,000 customers spent most of its time
 * there. They are on Medusa's tables (same database) and change nothing but query plans. In an app
 * that migrates the plugin's modules before Medusa's, the tables do not exist yet: then this does
 * nothing and the plugin's migration script (`src/migration-scripts`) creates them afterwards.
 */
export class Migration20261204211500 extends Migration {

  override async up(): Promise<void> {
    for (const statement of EMAIL_LOOKUP_INDEX_STATEMENTS) {
      this.addSql(statement);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_crm_customer_email_lower";`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_crm_order_email_lower";`);
  }

}
