import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124060419 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_note_email" ("id" text not null, "note_id" text not null, "to" text not null, "sent_by_id" text null, "notification_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_note_email_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_note_email_note_id" ON "customer_note_email" ("note_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_note_email_deleted_at" ON "customer_note_email" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "customer_note_email" add constraint "customer_note_email_note_id_foreign" foreign key ("note_id") references "customer_note" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_note_email" cascade;`);
  }

}
