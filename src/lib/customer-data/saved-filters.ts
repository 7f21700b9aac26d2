import { phoneKey } from "../queries/customer-search"
import { selectRows } from "../queries/sql"
import type { CustomerDataContext, CustomerDataHandler } from "./types"

/** The tables that keep a filter of the CRM list: segments, list exports and reports. */
const TABLES = ["customer_segment", "crm_export", "crm_report"] as const

/** What replaces a search that quoted the person: it matches nobody, so a segment does not grow. */
export const ANONYMIZED_SEARCH = "[anonymized]"

/** The shortest phone digits or name that count as quoting someone (shorter is too common). */
const MIN_NEEDLE = 5

/**
 * The strings that identify the person in a typed search: their e-mails, phone numbers (digits)
 * and names ("first last" and "last first"), lower case, read from their records before those are
 * changed (Medusa's customer handler runs last).
 */
async function needles(ctx: CustomerDataContext, customerIds: string[], emails: string[] = [], phones: string[] = []) {
  const rows = await selectRows(
    ctx.sql,
    `SELECT lower(email) AS email, phone,
            lower(btrim(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))) AS name,
            lower(btrim(coalesce(last_name, '') || ' ' || coalesce(first_name, ''))) AS reversed
       FROM customer WHERE id = any(:ids::text[])`,
    { ids: customerIds }
  )
  const values = new Set<string>()
  for (const email of [...emails, ...rows.map((r) => r.email as string | null)]) {
    if (email) values.add(email.toLowerCase())
  }
  for (const phone of [...phones, ...rows.map((r) => r.phone as string | null)]) {
    // As stored (digits) and as the national significant number, which both ways of writing it hold.
    for (const digits of [(phone ?? "").replace(/[^0-9]/g, ""), phoneKey(phone ?? "")]) {
      if (digits.length >= MIN_NEEDLE) values.add(digits)
    }
  }
  for (const row of rows) {
    for (const name of [row.name, row.reversed] as (string | null)[]) {
      if (name && name.length >= MIN_NEEDLE && name.includes(" ")) values.add(name)
    }
  }
  return [...values]
}

/**
 * Replaces the search (`q`) of every saved filter that quotes one of the needles, as typed or as
 * its digits (a phone written with spaces), with `ANONYMIZED_SEARCH`.
 */
async function scrubSearches(ctx: CustomerDataContext, values: string[]) {
  if (!values.length) {
    return
  }
  for (const table of TABLES) {
    await selectRows(
      ctx.sql,
      `UPDATE ${table} SET filter = jsonb_set(filter::jsonb, '{q}', to_jsonb(:placeholder::text)), updated_at = now()
        WHERE filter IS NOT NULL AND jsonb_typeof(filter::jsonb -> 'q') = 'string'
          AND EXISTS (SELECT 1 FROM unnest(:needles::text[]) n
                      WHERE position(n IN lower(filter::jsonb ->> 'q')) > 0
                         OR position(n IN regexp_replace(filter::jsonb ->> 'q', '[^0-9]', '', 'g')) > 0)`,
      { placeholder: ANONYMIZED_SEARCH, needles: values }
    )
  }
}

/**
 * Saved filters of the CRM list (segments, list exports, reports) belong to the shop, but a search
 * typed into one may quote a person (`q`: "jan@example.com", "Jan Jansen", a phone number), and an
 * export of a selection lists customer ids (`id`). Anonymize and delete replace such a search with
 * `[anonymized]`, which matches nobody; ids stay (they name no one once the record is anonymized).
 * Records: the selection exports that list the customer.
 */
export const savedFiltersCustomerDataHandler: CustomerDataHandler = {
  name: "saved_filters",
  owner: "plugin",
  claims: TABLES.map((table) => ({
    table,
    columns: ["filter"],
    holds: "a saved filter of the CRM list: its search may quote the person; a selection lists customer ids",
  })),

  async count(ctx, customerIds) {
    const [row] = await selectRows(
      ctx.sql,
      `SELECT count(*)::int AS n FROM crm_export WHERE jsonb_exists_any(filter::jsonb -> 'id', :ids::text[])`,
      { ids: customerIds }
    )
    return Number(row.n)
  },

  async list(ctx, customerIds) {
    const rows = await selectRows(
      ctx.sql,
      `SELECT e.id, c.id AS customer_id FROM crm_export e, unnest(:ids::text[]) c(id)
        WHERE jsonb_exists(e.filter::jsonb -> 'id', c.id) ORDER BY e.id, c.id`,
      { ids: customerIds }
    )
    return rows.map((r) => ({ kind: "list_export_selection", id: r.id as string, customer_id: r.customer_id as string }))
  },

  export: async () => ({}),

  async anonymize(ctx, person) {
    await scrubSearches(ctx, await needles(ctx, person.customer_ids, person.emails, person.phones))
  },

  async delete(ctx, customerIds) {
    await scrubSearches(ctx, await needles(ctx, customerIds))
  },
}
