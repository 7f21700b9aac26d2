import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204230321 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_privacy_consent_purpose_customer_occurred" ON "privacy_consent" ("purpose_id", "customer_id", "occurred_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_privacy_consent_purpose_customer_occurred";`);
  }

}
