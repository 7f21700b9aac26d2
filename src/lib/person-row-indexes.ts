/**
 * Indexes for finding every row of a person, soft-deleted rows included, as the customer-data
 * handlers do when they anonymize or delete someone (`customer_id = any(…)`, `lower(email) =
 * any(…)`). The models' own `customer_id` indexes leave soft-deleted rows out (`WHERE deleted_at IS
 * NULL`), so such a statement read the whole table: at 300k orders and 320k ledger entries that
 * made each anonymization of the retention run cost about 0.2 s. Guarded like the e-mail lookup
 * indexes: a missing table is skipped, an existing index kept, so the statements can run again.
 */
const INDEXES: [table: string, index: string, expression: string, where?: string][] = [
  // Medusa's cart: the person's carts by e-mail (its customer_id index serves the rest).
  ["cart", "IDX_crm_cart_email_lower", "lower(email)", "deleted_at IS NULL"],
  // The plugin's biggest per-customer tables.
  ["loyalty_entry", "IDX_crm_loyalty_entry_person", "customer_id"],
  ["privacy_consent", "IDX_crm_privacy_consent_person", "customer_id"],
  ["customer_tag", "IDX_crm_customer_tag_person", "customer_id"],
  ["customer_store", "IDX_crm_customer_store_person", "customer_id"],
]

export const PERSON_ROW_INDEX_STATEMENTS = INDEXES.map(
  ([table, index, expression, where]) => `DO $$
BEGIN
  IF to_regclass('public."${table}"') IS NOT NULL THEN
    CREATE INDEX IF NOT EXISTS "${index}" ON "${table}" (${expression})${where ? ` WHERE ${where}` : ""};
  END IF;
END $$;`
)
