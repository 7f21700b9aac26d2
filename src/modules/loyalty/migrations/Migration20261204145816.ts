import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204145816 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_entry" add column if not exists "detail" jsonb null;`);

    this.addSql(`alter table if exists "loyalty_program" add column if not exists "earn_on" text check ("earn_on" in ('placed', 'paid')) not null default 'placed';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_entry" drop column if exists "detail";`);

    this.addSql(`alter table if exists "loyalty_program" drop column if exists "earn_on";`);
  }

}
