import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { DUPLICATE_KEY_DROP_STATEMENTS, DUPLICATE_KEY_STATEMENTS } from "../duplicate-keys";

/**
 * The duplicate keys kept as data (`customer_duplicate_key`, `customer_duplicate_group`), the
 * triggers that keep them up to date on Medusa's `customer` and the plugin's alternate e-mails,
 * archive and erasure log, and their backfill (see `../duplicate-keys.ts`). Guarded: a source
 * table that does not exist yet gets its triggers from the plugin's migration script, which runs
 * the same statements after every module migrated.
 */
export class Migration20261205120000 extends Migration {

  override async up(): Promise<void> {
    for (const statement of DUPLICATE_KEY_STATEMENTS) {
      this.addSql(statement);
    }
  }

  override async down(): Promise<void> {
    for (const statement of DUPLICATE_KEY_DROP_STATEMENTS) {
      this.addSql(statement);
    }
  }

}
