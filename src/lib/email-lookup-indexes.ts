/**
 * Case-insensitive e-mail indexes on Medusa's `customer` and `order` tables, for finding a
 * person's records and orders by e-mail (`resolvePerson`, the retention policy, the open-order
 * check): without them each lookup reads the whole table. Each statement creates its index only
 * when the table exists and the index does not, so it can run before Medusa's own migrations (the
 * plugin's module migration, in an app that migrates plugins first: then it does nothing) and
 * again after them (the plugin's migration script).
 */
export const EMAIL_LOOKUP_INDEX_STATEMENTS = [
  ["customer", "IDX_crm_customer_email_lower"],
  ["order", "IDX_crm_order_email_lower"],
].map(
  ([table, index]) => `DO $$
BEGIN
  IF to_regclass('public."${table}"') IS NOT NULL THEN
    CREATE INDEX IF NOT EXISTS "${index}" ON "${table}" (lower(email)) WHERE deleted_at IS NULL;
  END IF;
END $$;`
)
