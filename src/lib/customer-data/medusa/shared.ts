import { selectRows, type SqlRow } from "../../queries/sql"
import { ANONYMIZED_EMAIL_DOMAIN } from "../placeholders"
import type { CustomerDataContext, Person } from "../types"

/**
 * What the handlers of Medusa's own data share. Medusa's modules have no service method that
 * rewrites a customer's personal values in place (its `removeCustomerAccountWorkflow` deletes the
 * customer too), so these handlers write plain, set-based SQL in the person's one transaction: one
 * statement per table, whatever the number of orders.
 */

/** The values every statement of a person may use. */
export type PersonValues = {
  customer_ids: string[]
  emails: string[]
  phones: string[]
  domain: string
}

/** The person as statement values: ids, lower-case e-mails, phones and the placeholder domain. */
export function personValues(person: Person): PersonValues {
  return {
    customer_ids: [...new Set(person.customer_ids)],
    emails: [...new Set(person.emails.map((e) => e.toLowerCase()))],
    phones: [...new Set(person.phones.filter(Boolean))],
    domain: ANONYMIZED_EMAIL_DOMAIN,
  }
}

/**
 * The customers' own e-mails and phones, for `delete`, which is given ids only: read before the
 * customer handler (the last in the list) removes the records.
 */
export async function customersAsPerson(ctx: CustomerDataContext, customerIds: string[]): Promise<PersonValues> {
  const rows = await selectRows(
    ctx.sql,
    `SELECT lower(email) AS email, phone FROM customer WHERE id = any(:customer_ids)`,
    { customer_ids: customerIds }
  )
  return {
    customer_ids: [...new Set(customerIds)],
    emails: [...new Set(rows.map((r) => r.email as string | null).filter((e): e is string => !!e))],
    phones: [...new Set(rows.map((r) => r.phone as string | null).filter((p): p is string => !!p))],
    domain: ANONYMIZED_EMAIL_DOMAIN,
  }
}

/**
 * The rows of `table` filed under one of the person's records or with one of their e-mails, soft
 * deleted ones too. Live rows are found through the table's partial indexes (`WHERE deleted_at IS
 * NULL`: its customer_id index and the plugin's lower(email) one), deleted rows through its
 * deleted_at index: one condition over both would read the whole table.
 */
const personRows = (table: string) => {
  const match = `(customer_id = any(:customer_ids) OR lower(email) = any(:emails))`
  return `SELECT id FROM ${table} WHERE deleted_at IS NULL AND ${match}
    UNION ALL SELECT id FROM ${table} WHERE deleted_at IS NOT NULL AND ${match}`
}

/**
 * The person's orders (draft orders included): filed under one of their customer records, or
 * placed with one of their e-mails. A sub-select for `IN (...)`; uses `:customer_ids`, `:emails`.
 */
export const PERSON_ORDERS = personRows(`"order"`)

/** The person's carts: of one of their records, or with one of their e-mails. */
export const PERSON_CARTS = personRows("cart")

/**
 * The SQL of a record's placeholder e-mail, as `anonymizedEmail(id)` writes it:
 * `<lower-case id>@anonymized.invalid`. Uses `:domain`.
 */
export function placeholderEmailSql(idColumn: string): string {
  return `lower(${idColumn}) || '@' || :domain`
}

/**
 * Keys of provider and change JSON (`payment.data`, `payment_session.data`, `fulfillment.data`,
 * `order_change_action.details`) that hold a person's values: e-mails, names, phones, addresses,
 * free text, and the old/new values of an order's e-mail or address change. Ids and amounts stay.
 */
export const PERSONAL_JSON_KEYS = [
  "email",
  "receipt_email",
  "customer_email",
  "new_email",
  "original_email",
  "old",
  "new",
  "name",
  "first_name",
  "last_name",
  "company",
  "company_name",
  "phone",
  "address",
  "shipping",
  "shipping_address",
  "billing_address",
  "billing_details",
  "customer_details",
  "delivery_address",
  "recipient",
  "note",
  "internal_note",
  "description",
  "metadata",
]

/** The personal-data columns an address table shares (Medusa's customer, cart, order and fulfillment addresses). */
export const ADDRESS_COLUMNS = [
  "company",
  "first_name",
  "last_name",
  "address_1",
  "address_2",
  "city",
  "postal_code",
  "phone",
  "metadata",
]

/** `col = NULL, …` for the columns. */
export function setNull(columns: string[]): string {
  return columns.map((c) => `${c} = NULL`).join(", ")
}

/** True when one of the columns still holds something: skips rows already anonymized. */
export function anyNotNull(columns: string[], alias?: string): string {
  return `num_nonnulls(${columns.map((c) => (alias ? `${alias}.${c}` : c)).join(", ")}) > 0`
}

/**
 * Resolves a sub-select of ids (`PERSON_ORDERS`, `PERSON_CARTS`) once, so the statements that
 * follow look rows up by primary key instead of scanning for the e-mail again.
 */
export async function idsOf(ctx: CustomerDataContext, select: string, values: Record<string, unknown>): Promise<string[]> {
  return ids(await selectRows(ctx.sql, select, values))
}

/** Runs a statement with named values. */
export function run(ctx: CustomerDataContext, sql: string, values: Record<string, unknown> = {}): Promise<SqlRow[]> {
  return selectRows(ctx.sql, sql, values)
}

/** The first column of each row, as strings. */
export function ids(rows: SqlRow[], column = "id"): string[] {
  return rows.map((r) => String(r[column]))
}

/** A count(*) row's number. */
export function countOf(rows: SqlRow[]): number {
  return Number(rows[0]?.n ?? 0)
}
