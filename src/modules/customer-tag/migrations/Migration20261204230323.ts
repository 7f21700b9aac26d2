import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204230323 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_tag_definition_customer" ON "customer_tag" ("definition_id", "customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_customer_tag_definition_customer";`);
  }

}
