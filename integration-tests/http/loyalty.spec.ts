import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { expireLoyaltyPoints } from "../../src/jobs/expire-loyalty-points"
import { releaseAbandonedLoyaltyRedemptions } from "../../src/jobs/release-abandoned-loyalty-redemptions"
import { releasePendingLoyaltyPoints } from "../../src/jobs/release-pending-loyalty-points"
import { CUSTOMER_NOTE_MODULE } from "../../src/modules/customer-note"
import type CustomerNoteModuleService from "../../src/modules/customer-note/service"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../../src/modules/loyalty"
import orderCanceledLoyaltyHandler from "../../src/subscribers/order-canceled-loyalty"
import paymentCapturedLoyaltyHandler from "../../src/subscribers/payment-captured-loyalty"
import orderPlacedLoyaltyHandler from "../../src/subscribers/order-placed-loyalty"
import paymentRefundedLoyaltyHandler from "../../src/subscribers/payment-refunded-loyalty"
import { createAdminUser, settle } from "../helpers/admin"
import { waitFor } from "../helpers/wait"
import {
  completeStoreCart,
  createStoreCart,
  createTestStore,
  placeStoreOrder,
  registerStoreCustomer,
  type TestStore,
} from "../helpers/store"

jest.setTimeout(240 * 1000)

const DAY = 86_400_000

/** 1 point per euro; 100 points = 1.00 EUR; at least 100 points per redemption. */
const PROGRAM = {
  enabled: true,
  enrollment: "all",
  pending_days: 0,
  expiry_months: null,
  min_redeem_points: 100,
  rates: [{ currency_code: "eur", earn_points_per_unit: 1, redeem_points: 100, redeem_value: 1 }],
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let userId: string
    let store: TestStore
    let customer: { customerId: string; headers: Record<string, string> }
    let emailSeq = 0

    const ledger = () => getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const entriesOf = async (customerId = customer.customerId) =>
      (await ledger().listLoyaltyEntries({ customer_id: customerId }, { order: { created_at: "ASC" } })).map(
        (e) => ({ ...e, points: Number(e.points) })
      )
    const systemNotes = async (customerId = customer.customerId) =>
      (
        await getContainer()
          .resolve<CustomerNoteModuleService>(CUSTOMER_NOTE_MODULE)
          .listCustomerNotes({ customer_id: customerId, kind: "system" }, { order: { created_at: "ASC" } })
      ).map((n) => n.body)
    const loyaltyOf = async (customerId = customer.customerId) =>
      (await api.get(`/admin/customers/${customerId}/loyalty`, { headers })).data
    const adjust = (points: number, reason = "Test", customerId = customer.customerId) =>
      settle(api.post(`/admin/customers/${customerId}/loyalty/adjustments`, { points, reason }, { headers }))
    const newCustomer = () =>
      registerStoreCustomer(api, store.publishableKey, `shopper${++emailSeq}@example.com`)
    const waitForEarn = (orderId: string) =>
      waitFor(
        async () => (await entriesOf()).filter((e) => e.type === "earn" && e.order_id === orderId),
        (earns) => earns.length > 0,
        `the earn of ${orderId}`
      )
    /** Captures the order's payment (Medusa's admin route); returns the payment's id. */
    const capturePayment = async (orderId: string) => {
      const {
        data: { order: detail },
      } = await api.get(`/admin/orders/${orderId}?fields=id,payment_collections.payments.id`, { headers })
      const paymentId: string = detail.payment_collections[0].payments[0].id
      await api.post(`/admin/payments/${paymentId}/capture`, {}, { headers })
      return paymentId
    }

    beforeEach(async () => {
      const admin = await createAdminUser(getContainer())
      headers = admin.headers
      userId = admin.userId
      store = await createTestStore(getContainer())
      await api.post("/admin/crm/loyalty", PROGRAM, { headers })
      customer = await newCustomer()
    })

    describe("program settings", () => {
      it("reads the defaults, saves settings and reports totals with their liability", async () => {
        const saved = await api.post(
          "/admin/crm/loyalty",
          { pending_days: 3, expiry_months: 12, rates: [{ ...PROGRAM.rates[0], currency_code: "EUR" }] },
          { headers }
        )
        expect(saved.data.program).toEqual(
          expect.objectContaining({
            enabled: true,
            pending_days: 3,
            expiry_months: 12,
            rates: [{ currency_code: "eur", earn_points_per_unit: 1, redeem_points: 100, redeem_value: 1 }],
          })
        )
        await adjust(1234)
        const { data } = await api.get("/admin/crm/loyalty", { headers })
        expect(data.totals).toEqual(
          expect.objectContaining({ accounts: 1, points_available: 1234, points_outstanding: 1234 })
        )
        expect(data.totals.liability).toEqual([{ currency_code: "eur", value: 12.34 }])
      })

      it("refuses bad settings with a 400 and keeps the old ones", async () => {
        for (const body of [
          { pending_days: -1 },
          { enrollment: "some" },
          { rates: [PROGRAM.rates[0], PROGRAM.rates[0]] },
          { rates: [{ ...PROGRAM.rates[0], redeem_points: 0 }] },
          { rates: [{ ...PROGRAM.rates[0], currency_code: "euro" }] },
          { colour: "red" },
        ]) {
          const res = await settle(api.post("/admin/crm/loyalty", body, { headers }))
          expect(res.status).toBe(400)
          expect(res.data.type).toBe("invalid_data")
        }
        const { data } = await api.get("/admin/crm/loyalty", { headers })
        expect(data.program).toEqual(expect.objectContaining({ pending_days: 0, enrollment: "all" }))
        expect(data.program.rates).toHaveLength(1)
      })
    })

    describe("earning and reversing", () => {
      it("earns on an order placed through the store API, once however often order.placed arrives", async () => {
        const order = await placeStoreOrder(api, store, customer.headers, { quantity: 2 })
        const [earn] = await waitForEarn(order.id)
        expect(earn).toEqual(
          expect.objectContaining({ points: 200, status: "available", description: `Webshop order #${order.display_id}` })
        )

        const event = { event: { name: "order.placed", data: { id: order.id } }, container: getContainer() }
        await orderPlacedLoyaltyHandler(event as any)
        await orderPlacedLoyaltyHandler(event as any)
        expect((await entriesOf()).filter((e) => e.type === "earn")).toHaveLength(1)

        const { loyalty, entries } = await loyaltyOf()
        expect(loyalty.balance).toEqual({ available: 200, pending: 0, held: 0, lifetime_earned: 200 })
        expect(loyalty.values).toEqual([{ currency_code: "eur", value: 2 }])
        expect(entries[0]).toEqual(
          expect.objectContaining({ type: "earn", points: 200, order_display_id: order.display_id })
        )

        const mine = await api.get("/store/customers/me/loyalty", { headers: customer.headers })
        expect(mine.data.loyalty).toEqual(
          expect.objectContaining({ currency_code: "eur", value: 2, balance: loyalty.balance })
        )
        expect(mine.data.entries[0]).not.toHaveProperty("created_by")
      })

      it("keeps points pending for the pending days, then the job makes them available", async () => {
        await api.post("/admin/crm/loyalty", { pending_days: 7 }, { headers })
        const order = await placeStoreOrder(api, store, customer.headers)
        const [earn] = await waitForEarn(order.id)
        expect(earn.status).toBe("pending")
        expect((await loyaltyOf()).loyalty.balance).toEqual(
          expect.objectContaining({ available: 0, pending: 100 })
        )

        expect(await releasePendingLoyaltyPoints(getContainer(), new Date(Date.now() + 6 * DAY))).toBe(0)
        expect(await releasePendingLoyaltyPoints(getContainer(), new Date(Date.now() + 8 * DAY))).toBe(1)
        expect(await releasePendingLoyaltyPoints(getContainer(), new Date(Date.now() + 8 * DAY))).toBe(0)
        expect((await loyaltyOf()).loyalty.balance).toEqual(
          expect.objectContaining({ available: 100, pending: 0 })
        )
      })

      it("with earn_on paid, keeps an unpaid order's points pending until its payment is captured", async () => {
        const saved = await api.post("/admin/crm/loyalty", { earn_on: "paid" }, { headers })
        expect(saved.data.program.earn_on).toBe("paid")
        const order = await placeStoreOrder(api, store, customer.headers)
        const [earn] = await waitForEarn(order.id)
        expect(earn).toEqual(expect.objectContaining({ status: "pending", available_at: null }))
        const before = await loyaltyOf()
        expect(before.loyalty.balance).toEqual(expect.objectContaining({ available: 0, pending: 100 }))
        expect(before.entries[0]).toEqual(
          expect.objectContaining({
            status: "pending",
            awaiting_payment: true,
            order_created_at: expect.any(String),
            detail: { key: "order_earn", values: { channel: "Webshop", display_id: order.display_id } },
          })
        )
        // The release job leaves points that wait for a payment alone.
        expect(await releasePendingLoyaltyPoints(getContainer(), new Date(Date.now() + 400 * DAY))).toBe(0)

        const paymentId = await capturePayment(order.id)
        const after = await waitFor(loyaltyOf, (l) => l.loyalty.balance.available === 100, "the capture's release")
        expect(after.loyalty.balance).toEqual(expect.objectContaining({ available: 100, pending: 0 }))
        expect(after.entries[0]).toEqual(expect.objectContaining({ status: "available", awaiting_payment: false }))

        // The same capture event again changes nothing.
        const event = { event: { name: "payment.captured", data: { id: paymentId } }, container: getContainer() }
        await paymentCapturedLoyaltyHandler(event as any)
        expect((await entriesOf()).map((e) => [e.type, e.status, e.points])).toEqual([["earn", "available", 100]])

        expect((await settle(api.post("/admin/crm/loyalty", { earn_on: "shipped" }, { headers }))).status).toBe(400)
      })

      it("reverses an order's points when it is canceled, once, with a timeline note", async () => {
        const order = await placeStoreOrder(api, store, customer.headers)
        await waitForEarn(order.id)
        await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers })
        await waitFor(entriesOf, (all) => all.some((e) => e.type === "reverse"), "the reversal")

        const event = { event: { name: "order.canceled", data: { id: order.id } }, container: getContainer() }
        await orderCanceledLoyaltyHandler(event as any)
        const reversals = (await entriesOf()).filter((e) => e.type === "reverse")
        expect(reversals).toEqual([expect.objectContaining({ points: -100, order_id: order.id })])
        expect((await loyaltyOf()).loyalty.balance.available).toBe(0)
        expect(await systemNotes()).toContain(
          `Loyalty: 100 earned points taken back (order #${order.display_id} canceled)`
        )
      })

      it("reverses in proportion to a refund, and may leave the balance negative when the points were spent", async () => {
        const order = await placeStoreOrder(api, store, customer.headers)
        await waitForEarn(order.id)
        expect((await adjust(-80, "Spent at the box office")).status).toBe(201)

        const paymentId = await capturePayment(order.id)
        await api.post(`/admin/payments/${paymentId}/refund`, { amount: 50 }, { headers })
        await waitFor(entriesOf, (all) => all.some((e) => e.type === "reverse"), "the refund reversal")

        const event = { event: { name: "payment.refunded", data: { id: paymentId } }, container: getContainer() }
        await paymentRefundedLoyaltyHandler(event as any)
        expect((await entriesOf()).filter((e) => e.type === "reverse").map((e) => e.points)).toEqual([-50])
        // 100 earned - 80 spent - 50 reversed.
        expect((await loyaltyOf()).loyalty.balance.available).toBe(-30)

        const { data } = await api.get("/admin/crm/loyalty", { headers })
        expect(data.totals.negative_accounts).toBe(1)
      })
    })

    describe("adjustments and enrollment", () => {
      it("adds and removes points with a reason, recorded in the history and the timeline", async () => {
        const added = await adjust(250, "Goodwill for the late delivery")
        expect(added.status).toBe(201)
        expect(added.data.entry).toEqual(
          expect.objectContaining({ type: "adjust", points: 250, reason: "Goodwill for the late delivery", created_by: userId })
        )
        expect(added.data.loyalty.balance.available).toBe(250)
        expect((await adjust(-50, "Correction")).status).toBe(201)

        const { entries, count } = await loyaltyOf()
        expect(count).toBe(2)
        expect(entries.map((e: any) => e.points)).toEqual([-50, 250])
        expect(await systemNotes()).toEqual([
          "Loyalty points adjusted: +250 (Goodwill for the late delivery)",
          "Loyalty points adjusted: -50 (Correction)",
        ])
      })

      it("refuses bad adjustments and changes nothing", async () => {
        await adjust(100)
        const cases: [unknown, number, string][] = [
          [{ points: -101, reason: "Too many" }, 400, "insufficient_points"],
          [{ points: 0, reason: "Nothing" }, 400, "invalid_data"],
          [{ points: 1.5, reason: "Half" }, 400, "invalid_data"],
          [{ points: 10 }, 400, "invalid_data"],
          [{ points: 10, reason: "   " }, 400, "invalid_data"],
          [{ points: 10, reason: "x", extra: true }, 400, "invalid_data"],
        ]
        for (const [body, status, code] of cases) {
          const res = await settle(
            api.post(`/admin/customers/${customer.customerId}/loyalty/adjustments`, body, { headers })
          )
          expect(res.status).toBe(status)
          expect(res.data.message).toBeTruthy()
          expect(res.data.code).toBe(code)
        }
        const unknown = await adjust(10, "x", "cus_unknown")
        expect(unknown.status).toBe(404)
        expect(unknown.data.code).toBe("customer_not_found")
        expect((await entriesOf()).map((e) => e.points)).toEqual([100])
        expect(await systemNotes()).toHaveLength(1)
      })

      it("with per-customer enrollment, only enrolled customers collect and adjust points", async () => {
        await api.post("/admin/crm/loyalty", { enrollment: "per_customer" }, { headers })
        const refused = await adjust(10)
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/not enrolled/)

        const order = await placeStoreOrder(api, store, customer.headers)
        await orderPlacedLoyaltyHandler({ event: { data: { id: order.id } }, container: getContainer() } as any)
        expect(await entriesOf()).toHaveLength(0)

        const enrolled = await api.post(
          `/admin/customers/${customer.customerId}/loyalty/enrollment`,
          { enrolled: true },
          { headers }
        )
        expect(enrolled.data.loyalty).toEqual(expect.objectContaining({ enrolled: true, enrollment: "per_customer" }))
        expect((await adjust(10)).status).toBe(201)
        const second = await placeStoreOrder(api, store, customer.headers)
        await waitForEarn(second.id)
        expect(await systemNotes()).toContain("Enrolled in the loyalty program")
      })
    })

    describe("redeeming on a cart", () => {
      it("applies points as a discount, lowers the order total by their value and spends them with the order", async () => {
        await adjust(1000, "Welcome")
        const cartId = await createStoreCart(api, store, customer.headers)
        const offer = await api.get(`/store/carts/${cartId}/loyalty`, { headers: customer.headers })
        expect(offer.data.loyalty).toEqual(
          expect.objectContaining({ available: 1000, min_points: 100, max_points: 1000, applied: null })
        )

        const applied = await api.post(`/store/carts/${cartId}/loyalty`, { points: 500 }, { headers: customer.headers })
        expect(applied.data.cart.total).toBe(95)
        expect(applied.data.loyalty.applied).toEqual(expect.objectContaining({ points: 500, value: 5 }))
        expect(applied.data.loyalty.available).toBe(500)

        const order = await completeStoreCart(api, cartId, customer.headers)
        expect(order.total).toBe(95)
        await waitForEarn(order.id)
        const redeem = (await entriesOf()).find((e) => e.type === "redeem")!
        expect(redeem).toEqual(expect.objectContaining({ points: -500, status: "available", order_id: order.id }))
        // 1000 - 500 spent + 95 earned on the discounted subtotal.
        expect((await loyaltyOf()).loyalty.balance.available).toBe(595)

        // Canceling the order returns the spent points and takes back the earned ones.
        await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers })
        await waitFor(
          entriesOf,
          (all) => all.filter((e) => e.type === "reverse").length === 2,
          "both reversals"
        )
        expect((await loyaltyOf()).loyalty.balance.available).toBe(1000)
      })

      it("gives the points back when they are removed or the cart is abandoned", async () => {
        await adjust(1000, "Welcome")
        const cartId = await createStoreCart(api, store, customer.headers)
        await api.post(`/store/carts/${cartId}/loyalty`, { points: 300 }, { headers: customer.headers })
        const removed = await api.delete(`/store/carts/${cartId}/loyalty`, { headers: customer.headers })
        expect(removed.data.cart.total).toBe(100)
        expect(removed.data.cart.promotions).toEqual([])
        expect(removed.data.loyalty).toEqual(expect.objectContaining({ available: 1000, applied: null }))
        const again = await settle(api.delete(`/store/carts/${cartId}/loyalty`, { headers: customer.headers }))
        expect(again.status).toBe(404)

        await api.post(`/store/carts/${cartId}/loyalty`, { points: 200 }, { headers: customer.headers })
        expect((await loyaltyOf()).loyalty.balance).toEqual(expect.objectContaining({ available: 800, held: 200 }))
        expect(await releaseAbandonedLoyaltyRedemptions(getContainer(), new Date(Date.now() + 24 * 3_600_000))).toEqual({
          settled: 0,
          released: 0,
        })
        expect(await releaseAbandonedLoyaltyRedemptions(getContainer(), new Date(Date.now() + 73 * 3_600_000))).toEqual({
          settled: 0,
          released: 1,
        })
        expect((await loyaltyOf()).loyalty.balance).toEqual(expect.objectContaining({ available: 1000, held: 0 }))
        const cart = await api.get(`/store/carts/${cartId}`, { headers: customer.headers })
        expect(cart.data.cart.total).toBe(100)
        expect((await entriesOf()).filter((e) => e.type === "redeem").map((e) => e.status)).toEqual(["void", "void"])
      })

      it("refuses bad redemptions with 400/401/404 and changes nothing", async () => {
        await adjust(1000, "Welcome")
        const cartId = await createStoreCart(api, store, customer.headers)
        const other = await newCustomer()
        const othersCart = await createStoreCart(api, store, other.headers)
        const post = (id: string, body: unknown, h = customer.headers) =>
          settle(api.post(`/store/carts/${id}/loyalty`, body, { headers: h }))

        expect((await post(cartId, { points: 1001 })).status).toBe(400)
        expect((await post(cartId, { points: 99 })).data.message).toMatch(/At least 100 points/)
        expect((await post(cartId, { points: 20_000 })).status).toBe(400)
        expect((await post(cartId, { points: "500" })).status).toBe(400)
        expect((await post(cartId, { points: 0 })).status).toBe(400)
        expect((await post(othersCart, { points: 100 })).status).toBe(404)
        expect((await post("cart_unknown", { points: 100 })).status).toBe(404)
        const anonymous = await settle(
          api.post(`/store/carts/${cartId}/loyalty`, { points: 100 }, {
            headers: { "x-publishable-api-key": store.publishableKey },
          })
        )
        expect(anonymous.status).toBe(401)
        expect((await post(cartId, { points: 100 })).status).toBe(200)
        const second = await post(cartId, { points: 100 })
        expect(second.status).toBe(400)
        expect(second.data.message).toMatch(/already applied/)

        expect((await entriesOf()).map((e) => [e.type, e.points])).toEqual([
          ["adjust", 1000],
          ["redeem", -100],
        ])
        const promotions = await getContainer().resolve(Modules.PROMOTION).listPromotions({})
        expect(promotions).toHaveLength(1)
      })

      it("never overdraws an account under 200 parallel redemptions", async () => {
        await adjust(1000, "Welcome")
        const cartModule = getContainer().resolve(Modules.CART)
        const carts = await cartModule.createCarts(
          Array.from({ length: 200 }, () => ({
            currency_code: "eur",
            region_id: store.regionId,
            customer_id: customer.customerId,
            sales_channel_id: store.salesChannelId,
            items: [{ title: "Ticket", quantity: 1, unit_price: 100 }],
          }))
        )
        const results = await Promise.all(
          carts.map((cart) =>
            settle(api.post(`/store/carts/${cart.id}/loyalty`, { points: 100 }, { headers: customer.headers }))
          )
        )
        const statuses = results.map((r) => r.status)
        expect(statuses.filter((s) => s === 200)).toHaveLength(10)
        expect(statuses.filter((s) => s !== 200).every((s) => s === 400)).toBe(true)
        const { loyalty } = await loyaltyOf()
        expect(loyalty.balance).toEqual(expect.objectContaining({ available: 0, held: 1000 }))
        expect((await entriesOf()).filter((e) => e.type === "redeem")).toHaveLength(10)

        // And one cart takes one redemption, however many arrive at once.
        await adjust(5000, "More")
        const cartId = await createStoreCart(api, store, customer.headers)
        const same = await Promise.all(
          Array.from({ length: 20 }, () =>
            settle(api.post(`/store/carts/${cartId}/loyalty`, { points: 100 }, { headers: customer.headers }))
          )
        )
        expect(same.filter((r) => r.status === 200)).toHaveLength(1)
        expect((await loyaltyOf()).loyalty.balance.available).toBe(4900)
      })
    })

    describe("expiry", () => {
      it("reminds once before points expire, then expires the oldest points first", async () => {
        await api.post("/admin/crm/loyalty", { expiry_months: 12, expiry_reminder_days: 14 }, { headers })
        await adjust(300, "Old points")
        await adjust(-100, "Spent")
        const expiry = new Date((await entriesOf())[0].expires_at!)

        const soon = new Date(expiry.getTime() - 7 * DAY)
        expect(await expireLoyaltyPoints(getContainer(), soon)).toEqual({ reminded: 1, expired: 0 })
        expect(await expireLoyaltyPoints(getContainer(), soon)).toEqual({ reminded: 0, expired: 0 })
        const notifications = await getContainer()
          .resolve(Modules.NOTIFICATION)
          .listNotifications({ template: "loyalty-points-expiring" })
        expect(notifications).toEqual([
          expect.objectContaining({ to: `shopper${emailSeq}@example.com`, receiver_id: customer.customerId }),
        ])
        expect(notifications[0].data).toEqual(expect.objectContaining({ points: 200 }))

        const after = new Date(expiry.getTime() + DAY)
        expect(await expireLoyaltyPoints(getContainer(), after)).toEqual({ reminded: 0, expired: 1 })
        expect(await expireLoyaltyPoints(getContainer(), after)).toEqual({ reminded: 0, expired: 0 })
        const expired = (await entriesOf()).filter((e) => e.type === "expire")
        expect(expired.map((e) => e.points)).toEqual([-200])
        expect((await loyaltyOf()).loyalty.balance.available).toBe(0)
      })

      it("does not remind about points that have already expired", async () => {
        await api.post("/admin/crm/loyalty", { expiry_months: 12, expiry_reminder_days: 14 }, { headers })
        await adjust(100, "Old points")
        const expiry = new Date((await entriesOf())[0].expires_at!)
        expect(await expireLoyaltyPoints(getContainer(), new Date(expiry.getTime() + 3 * DAY))).toEqual({
          reminded: 0,
          expired: 1,
        })
        const notifications = await getContainer()
          .resolve(Modules.NOTIFICATION)
          .listNotifications({ template: "loyalty-points-expiring" })
        expect(notifications).toHaveLength(0)
      })
    })

    describe("balances", () => {
      it("always equal the sum of the ledger", async () => {
        await adjust(700, "a")
        await adjust(-200, "b")
        const order = await placeStoreOrder(api, store, customer.headers)
        await waitForEarn(order.id)
        const all = await entriesOf()
        const sum = all.filter((e) => e.status === "available").reduce((s, e) => s + e.points, 0)
        expect((await loyaltyOf()).loyalty.balance.available).toBe(sum)
        expect(sum).toBe(600)
      })
    })

    describe("the balance the CRM list shows", () => {
      const listed = async (customerId = customer.customerId) =>
        (await api.get(`/admin/crm/customers?id=${customerId}&currency_code=eur`, { headers })).data.customers[0]
          .loyalty_balance as number
      // Available entries plus points held on carts, as the loyalty module counts "available".
      const ledgerSum = async (customerId = customer.customerId) =>
        (await entriesOf(customerId))
          .filter((e) => e.status === "available" || (e.status === "pending" && e.type === "redeem"))
          .reduce((sum, e) => sum + e.points, 0)

      it("equals the ledger after earning, a hold on a cart, spending, a cancel and expiry", async () => {
        await api.post("/admin/crm/loyalty", { expiry_months: 12 }, { headers })
        await adjust(1000, "Welcome")
        expect(await listed()).toBe(1000)

        const cartId = await createStoreCart(api, store, customer.headers)
        await api.post(`/store/carts/${cartId}/loyalty`, { points: 500 }, { headers: customer.headers })
        // Held on the cart: no longer spendable.
        expect(await listed()).toBe(500)
        expect(await listed()).toBe(await ledgerSum())

        const order = await completeStoreCart(api, cartId, customer.headers)
        await waitForEarn(order.id)
        expect(await listed()).toBe(595)
        expect((await loyaltyOf()).loyalty.balance.available).toBe(595)

        await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers })
        await waitFor(entriesOf, (all) => all.filter((e) => e.type === "reverse").length === 2, "both reversals")
        expect(await listed()).toBe(1000)

        const expiry = new Date((await entriesOf()).find((e) => e.type === "adjust")!.expires_at!)
        await expireLoyaltyPoints(getContainer(), new Date(expiry.getTime() + DAY))
        expect(await listed()).toBe(0)
        expect(await listed()).toBe(await ledgerSum())
      })

      it("equals the ledger after a refund, and sorts and filters the list by it", async () => {
        const order = await placeStoreOrder(api, store, customer.headers)
        await waitForEarn(order.id)
        await adjust(-80, "Spent at the box office")
        const paymentId = await capturePayment(order.id)
        await api.post(`/admin/payments/${paymentId}/refund`, { amount: 50 }, { headers })
        await waitFor(entriesOf, (all) => all.some((e) => e.type === "reverse"), "the refund reversal")
        // 100 earned - 80 spent - 50 reversed.
        expect(await listed()).toBe(-30)
        expect(await listed()).toBe(await ledgerSum())

        const rich = await newCustomer()
        await adjust(500, "Rich", rich.customerId)
        const zero = await newCustomer()
        const ids = [customer.customerId, rich.customerId, zero.customerId]
        const page = async (query: string) =>
          (await api.get(`/admin/crm/customers?${ids.map((id) => `id=${id}`).join("&")}&currency_code=eur&${query}`, { headers }))
            .data
        const order_ = (data: any) => data.customers.map((c: any) => c.id)
        expect(order_(await page("order=-loyalty_balance"))).toEqual([rich.customerId, zero.customerId, customer.customerId])
        expect(order_(await page("order=loyalty_balance"))).toEqual([customer.customerId, zero.customerId, rich.customerId])
        expect(order_(await page("order=-loyalty_balance&limit=1&offset=1"))).toEqual([zero.customerId])
        expect(order_(await page("loyalty_balance[gte]=1"))).toEqual([rich.customerId])
        const withZero = await page("loyalty_balance[lte]=0&order=loyalty_balance")
        expect(order_(withZero)).toEqual([customer.customerId, zero.customerId])
        expect(withZero.count).toBe(2)
      })
    })
  },
})
