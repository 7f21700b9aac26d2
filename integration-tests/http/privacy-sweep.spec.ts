import { spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdminUser, settle } from "../helpers/admin"
import { recordSentNotifications } from "../helpers/notifications"
import { completeStoreCart, createTestStore, placeGuestOrder, registerStoreCustomer, type TestStore } from "../helpers/store"

jest.setTimeout(300 * 1000)

// A 1x1 PNG.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
/** Where the demo config's local file provider writes. */
const STATIC_DIR = path.join(process.cwd(), "static")

/** The person: everything below must be gone from the database after the anonymization. */
const PERSON = {
  email: "wilhelmina.zwaanswijk@example.com",
  work: "w.zwaanswijk@work.example.com",
  first: "Wilhelmina",
  last: "Zwaanswijk",
  phone: "+31 6 4827 1593",
  street: "Keizersgracht 717",
  note: "Prefers the balcony, row K",
  company: "Zwaanswijk Antiquairs",
}
/** The strings a dump is searched for: e-mails, names, the phone, the street, the note, the company. */
const NEEDLES = [
  PERSON.email,
  PERSON.work,
  PERSON.first,
  PERSON.last,
  "4827 1593",
  "Keizersgracht",
  "balcony, row K",
  "Antiquairs",
]

type Sql = (text: string, params?: any[]) => Promise<any[]>

/**
 * Every row of every table in every schema, as text (`row::text`), which is what a data-only
 * `pg_dump` writes too; returns `schema.table: row` lines.
 */
async function dumpRows(sql: Sql): Promise<string[]> {
  const tables = await sql(
    `SELECT table_schema, table_name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`
  )
  const lines: string[] = []
  for (const { table_schema, table_name } of tables) {
    const rows = await sql(`SELECT t::text AS row FROM "${table_schema}"."${table_name}" t`)
    lines.push(...rows.map((r) => `${table_schema}.${table_name}: ${r.row}`))
  }
  return lines
}

/**
 * `pg_dump` of the whole database (every schema, schema and data), when the installed client can
 * dump this server (its major version must not be older); null when it cannot.
 */
function pgDump(connection: { host: string; port: number; user: string; password?: string; database: string }, serverMajor: number) {
  const version = spawnSync("pg_dump", ["--version"], { encoding: "utf8" })
  const major = Number(version.stdout?.match(/(\d+)\.\d+/)?.[1] ?? 0)
  if (version.status !== 0 || major < serverMajor) {
    return null
  }
  const dump = spawnSync(
    "pg_dump",
    ["-h", connection.host, "-p", String(connection.port), "-U", connection.user, connection.database],
    { encoding: "utf8", env: { ...process.env, PGPASSWORD: connection.password ?? "" }, maxBuffer: 512 * 1024 * 1024 }
  )
  if (dump.status !== 0) {
    throw new Error(`pg_dump failed: ${dump.stderr}`)
  }
  return dump.stdout
}

/**
 * The proof of anonymization: a person with real storefront orders under two e-mails, an address
 * and a phone, notes naming them, a tag value, a merged guest record, a claimed guest record, a
 * photo, a membership and points is anonymized; then the whole database holds none of their
 * e-mails, names, phone, street or note text, and every order's amounts are what they were.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: TestStore
    let mail: ReturnType<typeof recordSentNotifications>

    const sql: Sql = async (text, params = []) =>
      (await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(text, params)).rows

    beforeAll(() => {
      mail = recordSentNotifications()
    })
    afterAll(() => mail.restore())

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      store = await createTestStore(getContainer())
    })

    /** A storefront checkout of the logged-in customer with a shipping and billing address. */
    const orderWithAddress = async (customerHeaders: Record<string, string>) => {
      const { data } = await api.post("/store/carts", { region_id: store.regionId }, { headers: customerHeaders })
      const address = {
        first_name: PERSON.first,
        last_name: PERSON.last,
        company: PERSON.company,
        address_1: PERSON.street,
        city: "Amsterdam",
        postal_code: "1017 DW",
        country_code: "nl",
        phone: PERSON.phone,
      }
      await api.post(`/store/carts/${data.cart.id}`, { shipping_address: address, billing_address: address }, { headers: customerHeaders })
      await api.post(`/store/carts/${data.cart.id}/line-items`, { variant_id: store.variantId, quantity: 2 }, { headers: customerHeaders })
      return await completeStoreCart(api, data.cart.id, customerHeaders)
    }

    /** Captures the order's payment and completes it: an order in the past, nothing open. */
    const closeOrder = async (orderId: string) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,payment_collections.payments.id`, { headers })
      for (const payment of data.order.payment_collections.flatMap((c: any) => c.payments)) {
        await api.post(`/admin/payments/${payment.id}/capture`, {}, { headers })
      }
      await api.post(`/admin/orders/${orderId}/complete`, {}, { headers })
    }

    const totalsOf = async (orderIds: string[]) => {
      const fields = "id,total,subtotal,tax_total,currency_code,created_at,sales_channel_id,items.quantity,items.unit_price,items.total"
      return Promise.all(
        orderIds.map(async (id) => (await api.get(`/admin/orders/${id}?fields=${fields}`, { headers })).data.order)
      )
    }

    it("leaves none of the person's e-mails, names, phone, street or note texts anywhere in the database", async () => {
      // A box-office sale under the e-mail before the customer had an account: a guest record.
      const boxOffice = await placeGuestOrder(api, store, getContainer(), PERSON.email)
      // The online account, with a phone, an address and a checkout that ships there.
      const account = await registerStoreCustomer(api, store.publishableKey, PERSON.email)
      await api.post(
        "/store/customers/me",
        { first_name: PERSON.first, last_name: PERSON.last, phone: PERSON.phone, company_name: PERSON.company },
        { headers: account.headers }
      )
      await api.post(
        "/store/customers/me/addresses",
        { first_name: PERSON.first, last_name: PERSON.last, address_1: PERSON.street, city: "Amsterdam", postal_code: "1017 DW", country_code: "nl", phone: PERSON.phone },
        { headers: account.headers }
      )
      const ordered = await orderWithAddress(account.headers)

      // Staff name the box-office record and merge it into the account.
      expect(boxOffice.customer_id).not.toBe(account.customerId)
      await api.post(`/admin/customers/${boxOffice.customer_id}`, { first_name: PERSON.first, last_name: PERSON.last }, { headers })
      const merged = await settle(
        api.post(`/admin/customers/${account.customerId}/identity/merge`, { other_id: boxOffice.customer_id, survivor_id: account.customerId }, { headers })
      )
      expect({ status: merged.status, message: merged.data.message }).toEqual({ status: 200, message: undefined })

      // A guest checkout under the work address, claimed by the customer with the e-mailed code.
      const work = await placeGuestOrder(api, store, getContainer(), PERSON.work)
      const claim = (await api.post("/store/customers/me/identity/claims", { email: PERSON.work }, { headers: account.headers })).data.claim
      const code = mail.claimCodeSentTo(PERSON.work)!
      expect((await api.post(`/store/customers/me/identity/claims/${claim.id}/confirm`, { code }, { headers: account.headers })).status).toBe(200)

      // What staff keep about them: a note naming them, a tag with a value, a photo, a membership, points.
      await api.post(`/admin/customers/${account.customerId}/notes`, { body: `${PERSON.note}. Ask for ${PERSON.first} ${PERSON.last}.` }, { headers })
      await api.post("/admin/crm/tags", { key: "employer", label: "Employer", value_mode: "text" }, { headers })
      await api.post(`/admin/customers/${account.customerId}/tags`, { key: "employer", value: PERSON.company }, { headers })
      const started = Date.now()
      await api.post(`/admin/customers/${account.customerId}/profile/photo`, { filename: "wilhelmina.png", mime_type: "image/png", content: PNG }, { headers })
      const plan = (await api.post("/admin/crm/membership-plans", { name: "Friends", level: 1, duration_unit: "year", duration_value: 1 }, { headers })).data.plan
      await api.post(`/admin/customers/${account.customerId}/memberships`, { plan_id: plan.id }, { headers })
      await api.post(`/admin/customers/${account.customerId}/loyalty/adjustments`, { points: 120, reason: `Goodwill for ${PERSON.first}` }, { headers })

      const orderIds = [ordered.id, boxOffice.id, work.id]
      for (const id of orderIds) {
        await closeOrder(id)
      }
      const before = await totalsOf(orderIds)
      // The person is really in the database before: the sweep below can find them.
      const beforeDump = (await dumpRows(sql)).join("\n").toLowerCase()
      for (const needle of NEEDLES) {
        expect({ needle, found: beforeDump.includes(needle.toLowerCase()) }).toEqual({ needle, found: true })
      }

      const anonymized = await settle(
        api.post(`/admin/customers/${account.customerId}/privacy/anonymize`, { confirm: "anonymize" }, { headers })
      )
      expect(anonymized.status).toBe(200)

      // Every row of every table of every schema.
      const rows = await dumpRows(sql)
      const leftovers = rows.filter((row) => NEEDLES.some((needle) => row.toLowerCase().includes(needle.toLowerCase())))
      expect(leftovers).toEqual([])

      // And pg_dump itself, where the installed client can dump this server.
      const [{ server_version_num }] = await sql("SHOW server_version_num")
      const connection = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).client.config.connection
      const dump = pgDump(connection, Math.floor(Number(server_version_num) / 10000))
      if (dump !== null) {
        const found = NEEDLES.filter((needle) => dump.toLowerCase().includes(needle.toLowerCase()))
        expect(found).toEqual([])
      }

      // The photo file is gone from the file provider's folder.
      const photoBytes = Buffer.from(PNG, "base64")
      const photos = (fs.existsSync(STATIC_DIR) ? fs.readdirSync(STATIC_DIR) : []).filter((name) => {
        const file = path.join(STATIC_DIR, name)
        const stat = fs.statSync(file)
        return stat.isFile() && stat.mtimeMs >= started - 1000 && /wilhelmina/i.test(name) && fs.readFileSync(file).equals(photoBytes)
      })
      expect(photos).toEqual([])

      // The bookkeeping stays: the same orders, items, amounts, tax, dates and sales channel.
      expect(await totalsOf(orderIds)).toEqual(before)
      // The customer is still there, under a placeholder that names nobody.
      const { data } = await api.get(`/admin/customers/${account.customerId}`, { headers })
      expect(data.customer).toEqual(expect.objectContaining({ first_name: null, last_name: null, phone: null }))
      expect(data.customer.email).toMatch(/@anonymized\.invalid$/)
    })
  },
})
