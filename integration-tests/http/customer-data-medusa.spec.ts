import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import {
  anonymizeWithHandlers,
  countWithHandlers,
  deleteWithHandlers,
  exportWithHandlers,
  inCustomerDataTransaction,
  type Person,
} from "../../src/lib/customer-data"
import { createAdminUser, settle } from "../helpers/admin"
import { baseUrlOf, createCheckoutStore, storefront, type CheckoutStore, type Storefront } from "../helpers/checkout"
import { pluginTables } from "../helpers/plugin-tables"

jest.setTimeout(300 * 1000)

/** The person's values, odd enough that a match anywhere in the database is theirs. */
const ANN = {
  email: "ann.annerson@example.com",
  first_name: "Annabel",
  last_name: "Annerson",
  phone: "+31 6 9876 5432",
  company: "Annerson Ateliers",
  address_1: "Keizersgracht 777",
  postal_code: "1017 XX",
}
const TRACES = [ANN.email, ANN.first_name, ANN.last_name, ANN.phone, ANN.company, ANN.address_1, ANN.postal_code]

const address = (overrides: Record<string, string> = {}) => ({
  first_name: ANN.first_name,
  last_name: ANN.last_name,
  company: ANN.company,
  phone: ANN.phone,
  address_1: ANN.address_1,
  address_2: "Achterhuis",
  city: "Amsterdam",
  postal_code: ANN.postal_code,
  country_code: "nl",
  ...overrides,
})


medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: CheckoutStore

    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const sql = async (text: string, bindings: any[] = []) => (await pg().raw(text, bindings)).rows

    /**
     * Rows of Medusa's tables that still hold one of the person's values, as `table: count`. The
     * workflow engine's execution records are left out: they are the privacy workflows' concern.
     */
    const traces = async () => {
      const plugin = pluginTables()
      const tables = (await sql(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`))
        .map((r: any) => r.t as string)
        .filter((t: string) => !plugin.has(t) && t !== "workflow_execution")
      const patterns = TRACES.map((v) => `%${v.toLowerCase()}%`)
      const found: Record<string, number> = {}
      for (const table of tables) {
        const [{ n }] = await sql(`SELECT count(*)::int AS n FROM "${table}" x WHERE lower(row_to_json(x)::text) LIKE any(?)`, [patterns])
        if (n) {
          found[table] = n
        }
      }
      return found
    }

    /** Order totals as Medusa's order summary keeps them, and the items' sums, per order. */
    const totals = async (orderIds: string[]) =>
      sql(
        `SELECT o.id, o.currency_code, o.customer_id, o.region_id, o.sales_channel_id, o.created_at,
                (SELECT totals FROM order_summary s WHERE s.order_id = o.id ORDER BY version DESC LIMIT 1) AS summary,
                (SELECT sum(oi.quantity * li.unit_price)::text FROM order_item oi JOIN order_line_item li ON li.id = oi.item_id
                  WHERE oi.order_id = o.id AND oi.version = o.version) AS items,
                (SELECT json_agg(tl.total ORDER BY tl.id) FROM (SELECT t.id, t.rate || ':' || t.code AS total FROM order_line_item_tax_line t
                   JOIN order_item oi ON oi.item_id = t.item_id WHERE oi.order_id = o.id) tl) AS tax
           FROM "order" o WHERE o.id = any(?) ORDER BY o.id`,
        [orderIds]
      )

    /** Every row of the tables the handlers write, to show a second run changes nothing. */
    const snapshot = async () => {
      const out: Record<string, unknown[]> = {}
      for (const table of [
        "customer", "customer_address", "customer_group_customer", "order", "order_address", "order_change",
        "order_change_action", "cart", "cart_address", "payment_session", "payment", "account_holder",
        "notification", "auth_identity", "provider_identity", "promotion_rule_value", "fulfillment_address",
      ]) {
        out[table] = await sql(`SELECT * FROM "${table}" ORDER BY id`)
      }
      return out
    }

    /** A full storefront checkout; `shopper` is logged in or a guest (then `email` is set on the cart). */
    const checkout = async (shopper: Storefront, email?: string) => {
      const cart = await shopper.createCart(store.eur)
      await shopper.addItem(cart.id, store.variantId, 2)
      await shopper.sdk.store.cart.update(cart.id, {
        ...(email && { email }),
        shipping_address: address(),
        billing_address: address({ address_1: "Prinsengracht 263" }),
      })
      await shopper.addShipping(cart.id, store.eur.shippingOptionId)
      await shopper.startPayment(cart.id)
      return (await shopper.complete(cart.id)).id as string
    }

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      store = await createCheckoutStore(getContainer())
    })

    it("anonymizes a customer with an account and their guest record: no trace left, the orders' totals kept, twice the same", async () => {
      const base = baseUrlOf(api)
      // First a guest checkout with the e-mail (Medusa files it under a guest record), then an account.
      const guest = storefront(base, store.publishableKey)
      const guestOrder = await checkout(guest, ANN.email)
      const ann = storefront(base, store.publishableKey)
      const customer = await ann.register(ANN.email)
      const [guestRecord] = await sql(`SELECT customer_id FROM "order" WHERE id = ?`, [guestOrder])
      expect(guestRecord.customer_id).not.toBe(customer.id)

      await ann.fetch("/store/customers/me/addresses", { method: "POST", body: address() })
      await ann.fetch("/store/customers/me", { method: "POST", body: { phone: ANN.phone, company_name: ANN.company, last_name: ANN.last_name } })
      const accountOrder = await checkout(ann)
      // An open cart of the customer, with an address.
      const open = await ann.createCart(store.eur)
      await ann.addItem(open.id, store.variantId)
      await ann.sdk.store.cart.update(open.id, { shipping_address: address() })

      const group = (await api.post("/admin/customer-groups", { name: "Friends" }, { headers })).data.customer_group.id
      await api.post(`/admin/customer-groups/${group}/customers`, { add: [customer.id] }, { headers })
      // Staff change the shipping address (Medusa records the old and new address), then edit the order.
      expect(
        (await settle(api.post(`/admin/orders/${accountOrder}`, { shipping_address: address({ address_2: "Zolder" }) }, { headers }))).status
      ).toBe(200)
      const edit = await settle(
        api.post("/admin/order-edits", { order_id: accountOrder, description: `Call ${ANN.first_name} ${ANN.last_name}`, internal_note: `${ANN.phone} prefers mornings` }, { headers })
      )
      expect(edit.status).toBe(200)
      const draft = await settle(
        api.post(
          "/admin/draft-orders",
          { email: ANN.email, customer_id: customer.id, region_id: store.eur.regionId, sales_channel_id: store.salesChannelId, shipping_address: address(), billing_address: address() },
          { headers }
        )
      )
      expect(draft.status).toBe(200)
      await getContainer().resolve(Modules.NOTIFICATION).createNotifications({
        to: ANN.email,
        channel: "email",
        template: "order-placed",
        receiver_id: customer.id,
        data: { greeting: `Dear ${ANN.first_name}` },
      })
      await createPromotionsWorkflow(getContainer()).run({
        input: {
          promotionsData: [
            {
              code: "ANN10",
              type: "standard",
              status: "active",
              application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10, currency_code: "eur" },
              rules: [{ attribute: "customer.email", operator: "in", values: [ANN.email, "someone.else@example.com"] }],
            },
          ],
        },
      })

      // What a card provider such as Stripe keeps: its customer record on the account holder, and
      // its payment intent (with the receipt e-mail and the shipping address) on sessions and payments.
      await sql(`UPDATE account_holder SET data = ?::jsonb WHERE lower(email) = ?`, [
        JSON.stringify({ id: "cus_provider_1", email: ANN.email, name: `${ANN.first_name} ${ANN.last_name}`, phone: ANN.phone }),
        ANN.email,
      ])
      const intent = JSON.stringify({ id: "pi_1", amount: 4485, receipt_email: ANN.email, shipping: { name: ANN.last_name, address: { line1: ANN.address_1 } } })
      await sql(`UPDATE payment_session SET data = ?::jsonb`, [intent])
      await sql(`UPDATE payment SET data = ?::jsonb`, [intent])

      // A password-reset request: Medusa keeps a hashed token with the e-mail.
      expect((await settle(api.post("/auth/customer/emailpass/reset-password", { identifier: ANN.email }))).status).toBe(201)
      expect(await sql(`SELECT count(*)::int AS n FROM auth_password_reset_token WHERE entity_id = ?`, [ANN.email])).toEqual([{ n: 1 }])

      const orderIds = [guestOrder, accountOrder, draft.data.draft_order.id]
      const person: Person = {
        customer_id: customer.id,
        customer_ids: [customer.id, guestRecord.customer_id],
        emails: [ANN.email],
        phones: [ANN.phone],
      }

      const counts = await countWithHandlers({ container: getContainer(), sql: pg() as any }, [customer.id])
      expect(counts).toEqual(expect.objectContaining({ "medusa-order": 2, "medusa-cart": 2, "medusa-auth": 1, "medusa-customer": 3 }))

      // What the person may take away: both records, the address, every order with its total and items.
      const document = await exportWithHandlers({ container: getContainer(), sql: pg() as any }, person)
      expect(document.customer.map((c: any) => c.id).sort()).toEqual([...person.customer_ids].sort())
      expect(document.addresses).toEqual([expect.objectContaining({ address_1: ANN.address_1, phone: ANN.phone })])
      expect(document.orders.map((o: any) => o.id).sort()).toEqual([...orderIds].sort())
      expect(document.orders.find((o: any) => o.id === guestOrder)).toEqual(
        expect.objectContaining({
          currency_code: "eur",
          total: 2 * 19.95 + 4.95,
          items: [expect.objectContaining({ quantity: 2, unit_price: 19.95 })],
          shipping_address: expect.objectContaining({ address_1: ANN.address_1 }),
          billing_address: expect.objectContaining({ address_1: "Prinsengracht 263" }),
        })
      )
      expect(document.carts.map((c: any) => c.id)).toEqual([open.id])

      const before = await totals(orderIds)
      // Before: the person's values are in every table the handlers answer for.
      expect(Object.keys(await traces())).toEqual(
        expect.arrayContaining(["customer", "customer_address", "order", "order_address", "order_change", "order_change_action", "cart", "cart_address", "payment_session", "account_holder", "notification", "provider_identity", "promotion_rule_value"])
      )

      await inCustomerDataTransaction(getContainer(), (ctx) => anonymizeWithHandlers(ctx, person))

      expect(await traces()).toEqual({})
      expect(await totals(orderIds)).toEqual(before)
      const customers = await sql(`SELECT id, email, first_name, last_name, phone, company_name, metadata, has_account FROM customer WHERE id = any(?) ORDER BY id`, [person.customer_ids])
      expect(customers).toEqual(
        [...person.customer_ids].sort().map((id) => ({
          id, email: `${id.toLowerCase()}@anonymized.invalid`, first_name: null, last_name: null, phone: null, company_name: null, metadata: null, has_account: false,
        }))
      )
      const orders = await sql(`SELECT id, email FROM "order" WHERE id = any(?) ORDER BY id`, [orderIds])
      expect(orders).toEqual([...orderIds].sort().map((id) => ({ id, email: `${id.toLowerCase()}@anonymized.invalid` })))
      // The country of an address stays (the tax jurisdiction).
      const [shipping] = await sql(`SELECT a.country_code, a.city, a.first_name FROM order_address a JOIN "order" o ON o.shipping_address_id = a.id WHERE o.id = ?`, [guestOrder])
      expect(shipping).toEqual({ country_code: "nl", city: null, first_name: null })
      // The providers' ids stay (refunds keep working), their copies of the person go.
      expect(await sql(`SELECT DISTINCT data FROM account_holder`)).toEqual([{ data: { id: "cus_provider_1" } }])
      expect(await sql(`SELECT DISTINCT data FROM payment_session UNION SELECT DISTINCT data FROM payment`)).toEqual([
        { data: { id: "pi_1", amount: 4485 } },
      ])
      // The login is gone: no identity, and the e-mail and password no longer log in.
      expect(await sql(`SELECT id FROM auth_identity WHERE app_metadata->>'customer_id' = any(?)`, [person.customer_ids])).toEqual([])
      expect((await settle(api.post("/auth/customer/emailpass", { email: ANN.email, password: "supersecret" }))).status).toBe(401)
      // The promotion rule keeps the other customer's value; the admin's login stays.
      expect((await sql(`SELECT value FROM promotion_rule_value ORDER BY value`)).map((r: any) => r.value)).toEqual(["someone.else@example.com"])
      expect(await sql(`SELECT count(*)::int AS n FROM customer_group_customer WHERE customer_id = ?`, [customer.id])).toEqual([{ n: 0 }])
      expect((await sql(`SELECT entity_id FROM provider_identity`)).map((r: any) => r.entity_id)).toEqual(["admin@medusa-crm.test"])

      // A second run finds nothing left to change.
      const after = await snapshot()
      await inCustomerDataTransaction(getContainer(), (ctx) => anonymizeWithHandlers(ctx, person))
      expect(await snapshot()).toEqual(after)
    })

    it("deletes a customer without orders: the record, addresses, group links, login, open carts and promotion values go", async () => {
      const base = baseUrlOf(api)
      const bob = storefront(base, store.publishableKey)
      const customer = await bob.register("bob.bobson@example.com")
      await bob.fetch("/store/customers/me/addresses", { method: "POST", body: address({ first_name: "Bob" }) })
      const cart = await bob.createCart(store.eur)
      await bob.addItem(cart.id, store.variantId)
      await bob.sdk.store.cart.update(cart.id, { shipping_address: address({ first_name: "Bob" }), billing_address: address({ first_name: "Bob" }) })
      await bob.addShipping(cart.id, store.eur.shippingOptionId)
      await bob.startPayment(cart.id)
      const group = (await api.post("/admin/customer-groups", { name: "Friends" }, { headers })).data.customer_group.id
      await api.post(`/admin/customer-groups/${group}/customers`, { add: [customer.id] }, { headers })
      await createPromotionsWorkflow(getContainer()).run({
        input: {
          promotionsData: [
            {
              code: "BOB10",
              type: "standard",
              status: "active",
              application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10, currency_code: "eur" },
              rules: [{ attribute: "customer.id", operator: "in", values: [customer.id, "cus_someone_else"] }],
            },
          ],
        },
      })
      // A staff member who shops with the same login: the login stays, for the staff user only.
      const carol = storefront(base, store.publishableKey)
      const staffCustomer = await carol.register("carol.staff@example.com")
      await sql(`UPDATE auth_identity SET app_metadata = app_metadata || '{"user_id": "user_carol"}'::jsonb WHERE app_metadata->>'customer_id' = ?`, [staffCustomer.id])
      // Another customer, untouched.
      const other = storefront(base, store.publishableKey)
      const kept = await other.register("kept@example.com")

      const rowsOf = async (id: string) => ({
        customer: (await sql(`SELECT count(*)::int AS n FROM customer WHERE id = ?`, [id]))[0].n,
        customer_address: (await sql(`SELECT count(*)::int AS n FROM customer_address WHERE customer_id = ?`, [id]))[0].n,
        customer_group_customer: (await sql(`SELECT count(*)::int AS n FROM customer_group_customer WHERE customer_id = ?`, [id]))[0].n,
        auth_identity: (await sql(`SELECT count(*)::int AS n FROM auth_identity WHERE app_metadata->>'customer_id' = ?`, [id]))[0].n,
        cart: (await sql(`SELECT count(*)::int AS n FROM cart WHERE customer_id = ?`, [id]))[0].n,
        promotion_rule_value: (await sql(`SELECT count(*)::int AS n FROM promotion_rule_value WHERE value = ?`, [id]))[0].n,
      })
      expect(await rowsOf(customer.id)).toEqual({ customer: 1, customer_address: 1, customer_group_customer: 1, auth_identity: 1, cart: 1, promotion_rule_value: 1 })
      const keptBefore = await rowsOf(kept.id)

      await inCustomerDataTransaction(getContainer(), (ctx) => deleteWithHandlers(ctx, [customer.id], ["medusa"]))

      const none = { customer: 0, customer_address: 0, customer_group_customer: 0, auth_identity: 0, cart: 0, promotion_rule_value: 0 }
      expect(await rowsOf(customer.id)).toEqual(none)
      expect(await sql(`SELECT count(*)::int AS n FROM provider_identity WHERE entity_id = 'bob.bobson@example.com'`)).toEqual([{ n: 0 }])
      expect(await sql(`SELECT count(*)::int AS n FROM cart_address WHERE first_name = 'Bob'`)).toEqual([{ n: 0 }])
      expect(await sql(`SELECT count(*)::int AS n FROM payment_session WHERE context::text LIKE '%bob.bobson%'`)).toEqual([{ n: 0 }])
      expect((await sql(`SELECT value FROM promotion_rule_value`)).map((r: any) => r.value)).toEqual(["cus_someone_else"])
      expect(await rowsOf(kept.id)).toEqual(keptBefore)
      expect((await settle(api.post("/auth/customer/emailpass", { email: "bob.bobson@example.com", password: "supersecret" }))).status).toBe(401)

      await inCustomerDataTransaction(getContainer(), (ctx) => deleteWithHandlers(ctx, [staffCustomer.id], ["medusa"]))
      expect(await sql(`SELECT ai.app_metadata, pi.entity_id FROM auth_identity ai JOIN provider_identity pi ON pi.auth_identity_id = ai.id WHERE pi.entity_id = 'carol.staff@example.com'`)).toEqual([
        { app_metadata: { user_id: "user_carol" }, entity_id: "carol.staff@example.com" },
      ])

      // Again: nothing left, nothing fails.
      await inCustomerDataTransaction(getContainer(), (ctx) => deleteWithHandlers(ctx, [customer.id], ["medusa"]))
      expect(await rowsOf(customer.id)).toEqual(none)
    })
  },
})
