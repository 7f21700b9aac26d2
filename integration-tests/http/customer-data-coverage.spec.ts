import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { customerDataHandlers, type CustomerDataHandler } from "../../src/lib/customer-data"
import { pluginTables } from "../helpers/plugin-tables"

jest.setTimeout(240 * 1000)

/**
 * The customer-data registry's coverage: after every migration (Medusa's, its links', the
 * plugin's) has run, every column of the database that references a customer must be claimed by a
 * registered handler, so anonymize, delete and export cannot forget it. A column references a
 * customer when
 * - it is named `customer_id` or `…_customer_id`,
 * - its name holds an e-mail, phone, name, company or street (`PERSONAL_NAME`), or
 * - it is on `KNOWN_PERSONAL`: free text and JSON that hold a person's values under other names.
 * Columns that match but are no customer's data are on `EXEMPT`, each with its reason.
 */

type Column = { table: string; column: string }

/** Column names that say they hold a customer reference or a person's contact details. */
const CUSTOMER_REFERENCE = /(^|_)customer_id$/
const PERSONAL_NAME = /email|phone|first_name|last_name|company|address_1|address_2|postal_code/

/** Personal data under names the patterns do not catch, table by table. */
const KNOWN_PERSONAL: Record<string, string[]> = {
  // Medusa
  customer: ["metadata"],
  order: ["metadata"],
  cart: ["metadata"],
  customer_address: ["city", "metadata"],
  order_address: ["city", "metadata"],
  cart_address: ["city", "metadata"],
  fulfillment_address: ["city", "metadata"],
  auth_identity: ["app_metadata"],
  provider_identity: ["entity_id", "provider_metadata", "user_metadata"],
  auth_password_reset_token: ["entity_id"],
  auth_verification: ["entity_id"],
  notification: ["to", "data", "receiver_id"],
  order_change: ["description", "internal_note"],
  order_change_action: ["details", "internal_note"],
  payment_session: ["context", "data"],
  payment: ["data"],
  account_holder: ["email", "data"],
  promotion_rule_value: ["value"],
  promotion_campaign_budget_usage: ["attribute_value"],
  fulfillment: ["data"],
  return_item: ["note"],
  order_claim_item: ["note"],
  order_exchange_item: ["note"],
  refund: ["note"],
  // The plugin
  customer_note: ["body", "event"],
  customer_note_email: ["to"],
  customer_tag: ["value"],
  customer_profile: ["birth_date", "gender", "nationality", "anniversary", "external_id", "gate_code", "photo_file_id", "photo_url"],
  customer_archive: ["reason"],
  customer_merge: ["source_id", "survivor_id", "source_snapshot"],
  crm_request_replay: ["response_body"],
  loyalty_entry: ["detail", "description", "reason"],
  membership_event: ["data"],
  privacy_legal_hold: ["reason"],
}

/** Columns that match the patterns but hold no customer's data. */
const EXEMPT: Record<string, { columns: string[]; reason: string }> = {
  user: { columns: ["email", "first_name", "last_name"], reason: "staff users, not customers" },
  invite: { columns: ["email"], reason: "invitations of staff users" },
  stock_location_address: {
    columns: ["company", "address_1", "address_2", "postal_code", "phone"],
    reason: "the store's own warehouses and pick-up points",
  },
  customer_campaign: {
    columns: ["send_email", "email_consent", "emailed_count"],
    reason:
      "a campaign's settings (whether it e-mails its recipients, under which consent purpose) and how many it e-mailed",
  },
  customer_duplicate_key: {
    columns: ["customer_id"],
    reason:
      "derived by database triggers from customer, customer_alternate_email, customer_archive and privacy_erasure: it follows them on anonymize, delete and merge; restoring or exporting it on its own would make it disagree with its sources",
  },
}

/** The columns of the catalog that reference a customer and are not exempt. */
function customerColumns(catalog: Column[]): Column[] {
  return catalog.filter(({ table, column }) => {
    if (EXEMPT[table]?.columns.includes(column)) {
      return false
    }
    return (
      CUSTOMER_REFERENCE.test(column) || PERSONAL_NAME.test(column) || !!KNOWN_PERSONAL[table]?.includes(column)
    )
  })
}

/** Those of `columns` that no handler claims, as `table.column`. */
function unclaimedColumns(columns: Column[], handlers: Pick<CustomerDataHandler, "claims">[]): string[] {
  const claimed = new Set(handlers.flatMap((h) => h.claims.flatMap((c) => c.columns.map((col) => `${c.table}.${col}`))))
  return columns.map((c) => `${c.table}.${c.column}`).filter((name) => !claimed.has(name)).sort()
}


function failUnclaimed(unclaimed: string[], whose: string) {
  if (unclaimed.length) {
    throw new Error(
      `${unclaimed.length} column(s) of ${whose} reference a customer but no customer-data handler claims them.\n` +
        `Claim each in the module's customer-data handler (and anonymize, delete and export it), ` +
        `or add it to EXEMPT in this spec with the reason:\n  ${unclaimed.join("\n  ")}`
    )
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ getContainer }) => {
    let catalog: Column[]

    beforeAll(async () => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows } = await pg.raw(
        `SELECT table_name AS "table", column_name AS "column"
           FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`
      )
      catalog = rows
    })

    it("finds customer references by name, by the known list, and leaves exempt columns out", () => {
      const columns = customerColumns([
        { table: "wishlist", column: "customer_id" },
        { table: "wishlist", column: "gift_customer_id" },
        { table: "wishlist", column: "customer_group_id" },
        { table: "wishlist", column: "recipient_email" },
        { table: "wishlist", column: "billing_phone" },
        { table: "wishlist", column: "title" },
        { table: "customer_note", column: "body" },
        { table: "customer_note", column: "kind" },
        { table: "user", column: "email" },
      ])
      expect(columns.map((c) => `${c.table}.${c.column}`)).toEqual([
        "wishlist.customer_id",
        "wishlist.gift_customer_id",
        "wishlist.recipient_email",
        "wishlist.billing_phone",
        "customer_note.body",
      ])
      const handler = { claims: [{ table: "wishlist", columns: ["customer_id", "recipient_email"], holds: "" }] }
      expect(unclaimedColumns(columns, [handler])).toEqual([
        "customer_note.body",
        "wishlist.billing_phone",
        "wishlist.gift_customer_id",
      ])
    })

    it("reads a catalog that has Medusa's and the plugin's tables, and lists are about real columns", () => {
      const tables = new Set(catalog.map((c) => c.table))
      for (const table of ["customer", "order", "order_address", "provider_identity", "notification", "customer_note"]) {
        expect(tables.has(table)).toBe(true)
      }
      expect([...pluginTables()].filter((t) => !tables.has(t))).toEqual([])
      // Every entry of the known, exempt and claimed lists names a column that exists: a typo
      // would silently leave the real column unchecked.
      const existing = new Set(catalog.map((c) => `${c.table}.${c.column}`))
      const named = [
        ...Object.entries(KNOWN_PERSONAL).flatMap(([t, cols]) => cols.map((c) => `${t}.${c}`)),
        ...Object.entries(EXEMPT).flatMap(([t, e]) => e.columns.map((c) => `${t}.${c}`)),
        ...customerDataHandlers().flatMap((h) => h.claims.flatMap((c) => c.columns.map((col) => `${c.table}.${col}`))),
      ]
      expect(named.filter((n) => !existing.has(n))).toEqual([])
    })

    it("runs Medusa's handlers after the plugin's, the customer record last", () => {
      const names = customerDataHandlers().map((h) => h.name)
      expect(new Set(names).size).toBe(names.length)
      expect(names[names.length - 1]).toBe("medusa-customer")
      const owners = customerDataHandlers().map((h) => h.owner)
      expect(owners.indexOf("medusa")).toBeGreaterThan(owners.lastIndexOf("plugin"))
    })

    it("every column of Medusa's tables that references a customer is claimed", () => {
      const plugin = pluginTables()
      const columns = customerColumns(catalog.filter((c) => !plugin.has(c.table)))
      expect(columns.length).toBeGreaterThan(30)
      failUnclaimed(unclaimedColumns(columns, customerDataHandlers()), "Medusa's tables")
    })

    it("every column of the plugin's tables that references a customer is claimed", () => {
      const plugin = pluginTables()
      const columns = customerColumns(catalog.filter((c) => plugin.has(c.table)))
      expect(columns.length).toBeGreaterThan(10)
      failUnclaimed(unclaimedColumns(columns, customerDataHandlers()), "the plugin's tables")
    })
  },
})
