import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204145815 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_note" add column if not exists "event" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_note" drop column if exists "event";`);
  }

}
