import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203222848 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_identity_claim_email_created_at" ON "customer_identity_claim" ("email", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_customer_identity_claim_email_created_at";`);
  }

}
