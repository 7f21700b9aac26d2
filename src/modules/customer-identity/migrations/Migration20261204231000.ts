import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { LIST_SEARCH_INDEX_NAMES, LIST_SEARCH_INDEX_STATEMENTS } from "../../../lib/list-search-indexes";

/**
 * Trigram indexes for the CRM list's search on Medusa's `customer` table and on the alternate
 * e-mails (see `src/lib/list-search-indexes.ts`). Guarded: where `pg_trgm` cannot be created, or
 * Medusa's table does not exist yet, nothing happens (the plugin's migration script tries again
 * after every module migrated). They change nothing but query plans.
 */
export class Migration20261204231000 extends Migration {

  override async up(): Promise<void> {
    for (const statement of LIST_SEARCH_INDEX_STATEMENTS) {
      this.addSql(statement);
    }
  }

  override async down(): Promise<void> {
    for (const index of LIST_SEARCH_INDEX_NAMES) {
      this.addSql(`DROP INDEX IF EXISTS "${index}";`);
    }
  }

}
