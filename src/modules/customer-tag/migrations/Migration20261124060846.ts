import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124060846 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_tag" drop constraint if exists "customer_tag_customer_definition_unique";`);
    this.addSql(`alter table if exists "customer_tag_definition" drop constraint if exists "customer_tag_definition_key_unique";`);
    this.addSql(`create table if not exists "customer_tag_definition" ("id" text not null, "key" text not null, "label" text not null, "description" text null, "color" text check ("color" in ('grey', 'red', 'green', 'blue', 'orange', 'purple')) not null default 'grey', "value_mode" text check ("value_mode" in ('flag', 'text', 'list')) not null default 'flag', "allowed_values" text[] null, "customer_group_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_tag_definition_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_tag_definition_deleted_at" ON "customer_tag_definition" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_tag_definition_key_unique" ON "customer_tag_definition" ("key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_tag_definition_customer_group_id" ON "customer_tag_definition" ("customer_group_id") WHERE customer_group_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_tag" ("id" text not null, "customer_id" text not null, "definition_id" text not null, "value" text null, "source" text not null default 'admin', "expires_at" timestamptz null, "assigned_by" text null, "joined_group" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_tag_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_tag_definition_id" ON "customer_tag" ("definition_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_tag_deleted_at" ON "customer_tag" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_tag_customer_definition_unique" ON "customer_tag" ("customer_id", "definition_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_tag_expires_at" ON "customer_tag" ("expires_at") WHERE expires_at IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "customer_tag" add constraint "customer_tag_definition_id_foreign" foreign key ("definition_id") references "customer_tag_definition" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_tag" drop constraint if exists "customer_tag_definition_id_foreign";`);

    this.addSql(`drop table if exists "customer_tag_definition" cascade;`);

    this.addSql(`drop table if exists "customer_tag" cascade;`);
  }

}
