/**
 * Trigram indexes for the CRM list's search (`q`: partial, case-insensitive, anywhere in the
 * text), on the exact expressions the list's SQL searches (`src/lib/queries/customer-list.ts`):
 * the name both ways round, the company, the lower-cased e-mail and the phone's digits on Medusa's
 * `customer`, and the alternate e-mails. Without them every search reads the whole customer table.
 *
 * They need the `pg_trgm` extension. Creating it may be refused (a hosted Postgres without the
 * right, or without the extension): then the statements only leave a notice and the search works
 * without the indexes, slower on big stores. Each statement is guarded like the e-mail lookup
 * indexes: a missing table or extension skips it, an existing index is kept, so the statements run
 * from the plugin's module migration (before Medusa's tables exist, in some apps) and again from
 * its migration script after every module migrated.
 */
/**
 * The searched expressions over a customer alias, as the list's SQL writes them. Each is indexed
 * exactly as written here: Postgres uses an expression index only for the same expression.
 */
export const nameSql = (a = "c") => `lower(coalesce(${a}.first_name, '') || ' ' || coalesce(${a}.last_name, ''))`
export const nameReversedSql = (a = "c") => `lower(coalesce(${a}.last_name, '') || ' ' || coalesce(${a}.first_name, ''))`
export const companySql = (a = "c") => `lower(coalesce(${a}.company_name, ''))`
export const phoneDigitsSql = (a = "c") => `regexp_replace(${a}.phone, '[^0-9]', '', 'g')`

const TRIGRAM_INDEXES: [table: string, index: string, expression: string][] = [
  ["customer", "IDX_crm_customer_name_trgm", nameSql("customer")],
  ["customer", "IDX_crm_customer_name_reversed_trgm", nameReversedSql("customer")],
  ["customer", "IDX_crm_customer_company_trgm", companySql("customer")],
  ["customer", "IDX_crm_customer_email_trgm", "lower(customer.email)"],
  ["customer", "IDX_crm_customer_phone_digits_trgm", phoneDigitsSql("customer")],
  ["customer_alternate_email", "IDX_crm_customer_alternate_email_trgm", "customer_alternate_email.email"],
]

export const TRIGRAM_EXTENSION_STATEMENT = `DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'medusa-crm: pg_trgm could not be created (%): the customer search works without trigram indexes', SQLERRM;
    END;
  END IF;
END $$;`

export const LIST_SEARCH_INDEX_STATEMENTS = [
  TRIGRAM_EXTENSION_STATEMENT,
  ...TRIGRAM_INDEXES.map(
    ([table, index, expression]) => `DO $$
BEGIN
  IF to_regclass('public."${table}"') IS NOT NULL AND EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    BEGIN
      CREATE INDEX IF NOT EXISTS "${index}" ON "${table}" USING gin ((${expression}) gin_trgm_ops) WHERE deleted_at IS NULL;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'medusa-crm: trigram index ${index} skipped (%)', SQLERRM;
    END;
  END IF;
END $$;`
  ),
]

export const LIST_SEARCH_INDEX_NAMES = TRIGRAM_INDEXES.map(([, index]) => index)
