import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205044441 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_campaign" add column if not exists "distributed_count" integer not null default 0, add column if not exists "read_count" integer not null default 0, add column if not exists "redeemed_count" integer not null default 0, add column if not exists "removed_count" integer not null default 0, add column if not exists "emailed_count" integer not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_campaign" drop column if exists "distributed_count", drop column if exists "read_count", drop column if exists "redeemed_count", drop column if exists "removed_count", drop column if exists "emailed_count";`);
  }

}
