import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { HttpTypes } from "@medusajs/framework/types"
import { Modules, PromotionActions } from "@medusajs/framework/utils"
import { completeCartWorkflow, updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { expireLoyaltyPoints } from "../../src/jobs/expire-loyalty-points"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../../src/modules/loyalty"
import { createAdminUser } from "../helpers/admin"
import { waitFor } from "../helpers/wait"
import {
  baseUrlOf,
  createCheckoutStore,
  paymentOf,
  storefront,
  type CheckoutRegion,
  type CheckoutStore,
} from "../helpers/checkout"

jest.setTimeout(240 * 1000)

/** 1 point per euro or dollar; 100 points = 1.00; at least 100 points per redemption. */
const PROGRAM = {
  enabled: true,
  enrollment: "all",
  pending_days: 0,
  expiry_months: null,
  min_redeem_points: 100,
  rates: ["eur", "usd"].map((currency_code) => ({
    currency_code,
    earn_points_per_unit: 1,
    redeem_points: 100,
    redeem_value: 1,
  })),
}

/** Money as the shopper sees it: two decimals. */
const cents = (value: unknown) => Math.round(Number(value) * 100) / 100

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let shop: CheckoutStore
    let emailSeq = 0

    /** A new storefront session (one shopper) against the test app. */
    const sf = () => storefront(baseUrlOf(api), shop.publishableKey)
    const newEmail = () => `checkout${++emailSeq}@example.com`

    /** Registers a shopper and fills a cart with `quantity` of the product, address and shipping set. */
    const readyCart = async (region: CheckoutRegion, quantity = 2, points = 0) => {
      const shopper = sf()
      const customer = await shopper.register(newEmail())
      const cart = await shopper.createCart(region)
      await shopper.addItem(cart.id, shop.variantId, quantity)
      await shopper.setAddress(cart.id, region)
      await shopper.addShipping(cart.id, region.shippingOptionId)
      if (points) {
        await adjust(customer.id, points)
      }
      return { shopper, cartId: cart.id as string, customerId: customer.id as string }
    }

    const adjust = (customerId: string, points: number) =>
      api.post(`/admin/customers/${customerId}/loyalty/adjustments`, { points, reason: "Welcome" }, { headers })
    const balanceOf = async (customerId: string) =>
      (await api.get(`/admin/customers/${customerId}/loyalty`, { headers })).data.loyalty.balance
    const ledger = () => getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    /** The customer's ledger, oldest first, as [type, points, status, order_id]. */
    const entriesOf = async (customerId: string) =>
      (await ledger().listLoyaltyEntries({ customer_id: customerId }, { order: { created_at: "ASC" } })).map(
        (e) => [e.type, Number(e.points), e.status, e.order_id ?? null]
      )
    const waitForEarn = (customerId: string, orderId: string) =>
      waitFor(
        () => entriesOf(customerId),
        (all) => all.some(([type, , , order]) => type === "earn" && order === orderId),
        `the earn of ${orderId}`
      )
    /** The cart as Medusa's store cart routes answer it (its totals include `discount_subtotal`). */
    type AnsweredCart = HttpTypes.StoreCart & { discount_subtotal: number }
    // Through the plugin's typed client: a refusal throws the SDK's FetchError, so a call that returns succeeded.
    const applyPoints = (shopper: ReturnType<typeof sf>, cartId: string, points: number) =>
      shopper.crm.store.cart.applyPoints<AnsweredCart>(cartId, { points })
    const removePoints = (shopper: ReturnType<typeof sf>, cartId: string) =>
      shopper.crm.store.cart.removePoints<AnsweredCart>(cartId)
    /** What the shopper pays before points: 2 x 19.95 + 4.95, with 21% VAT included / 10% tax on top. */
    const BEFORE = { eur: 44.85, usd: 49.335 }
    /** What 1.00 of points takes off the total: exactly 1.00 where prices include tax, 1.00 + 10% tax where not. */
    const OFF_PER_EURO = { eur: 1, usd: 1.1 }

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      shop = await createCheckoutStore(getContainer())
      await api.post("/admin/crm/loyalty", PROGRAM, { headers })
    })

    /**
     * The order's payment collection asks for and authorized exactly the order total, in one
     * payment. Medusa keeps totals unrounded (a US total can end in half a cent), so this compares
     * the exact figures.
     */
    const expectChargedTotal = async (order: { id: string; total: number; currency_code: string }) => {
      const payment = await paymentOf(getContainer(), { orderId: order.id })
      expect(payment).toEqual(
        expect.objectContaining({
          currency_code: order.currency_code,
          status: "authorized",
          amount: order.total,
          authorized_amount: order.total,
          payments: [order.total],
        })
      )
      return payment
    }

    describe("checkout", () => {
      it("a plain checkout charges the order total in both regions", async () => {
        // Europe: 2 x 19.95 with 21% VAT included, 4.95 shipping with VAT included.
        // Medusa takes the included tax as price * 21 / 121, unrounded.
        const eur = await readyCart(shop.eur)
        await eur.shopper.startPayment(eur.cartId)
        const eurOrder = await eur.shopper.complete(eur.cartId)
        expect(eurOrder).toEqual(
          expect.objectContaining({
            currency_code: "eur",
            item_total: 39.9,
            shipping_total: 4.95,
            discount_total: 0,
            total: 44.85,
          })
        )
        expect(eurOrder.item_tax_total).toBeCloseTo((39.9 * 21) / 121, 10) // 6.9247933884
        expect(eurOrder.item_subtotal).toBeCloseTo(39.9 - (39.9 * 21) / 121, 10) // 32.9752066116
        expect(eurOrder.shipping_tax_total).toBeCloseTo((4.95 * 21) / 121, 10) // 0.8590909091
        expect(eurOrder.tax_total).toBeCloseTo((44.85 * 21) / 121, 10) // 7.7838842975
        expect(cents(eurOrder.tax_total)).toBe(7.78)
        await expectChargedTotal(eurOrder)

        // United States: 2 x 19.95 + 4.95 shipping, 10% sales tax on both, added on top.
        const usd = await readyCart(shop.usd)
        await usd.shopper.startPayment(usd.cartId)
        const usdOrder = await usd.shopper.complete(usd.cartId)
        expect(usdOrder).toEqual(
          expect.objectContaining({
            currency_code: "usd",
            item_subtotal: 39.9,
            item_tax_total: 3.99,
            item_total: 43.89,
            shipping_subtotal: 4.95,
            shipping_tax_total: 0.495,
            shipping_total: 5.445,
            subtotal: 44.85,
            tax_total: 4.485,
            discount_total: 0,
            total: 49.335,
          })
        )
        await expectChargedTotal(usdOrder)
      })
    })

    describe("loyalty points at checkout", () => {
      it("points applied after the payment session started: the payment follows, the order is charged what the cart shows", async () => {
        for (const region of [shop.eur, shop.usd]) {
          const code = region.currencyCode
          const { shopper, cartId, customerId } = await readyCart(region, 2, 1000)
          await shopper.startPayment(cartId)
          expect((await paymentOf(getContainer(), { cartId })).amount).toBe(BEFORE[code])

          const applied = await applyPoints(shopper, cartId, 333)
          const cart = applied.cart
          // The discount is worth exactly the points, in the region's own terms.
          expect(cart.total).toBeCloseTo(BEFORE[code] - 3.33 * OFF_PER_EURO[code], 10)
          if (code === "eur") {
            expect(cart.total).toBe(41.52)
            expect(cart.discount_total).toBe(3.33)
          } else {
            expect(cart.discount_subtotal).toBe(3.33)
          }
          // The answer is the cart as Medusa's own cart routes give it.
          expect(cart.items).toHaveLength(1)
          expect(cart.shipping_address?.country_code).toBe(region.countryCode)
          expect(cart.promotions.map((p: any) => p.code)).toEqual([applied.loyalty.applied?.code])
          // The payment collection follows the new total; Medusa dropped the stale session.
          const refreshed = await paymentOf(getContainer(), { cartId })
          expect(refreshed.amount).toBe(cart.total)
          expect(refreshed.sessions).toEqual([])

          await shopper.startPayment(cartId)
          const order = await shopper.complete(cartId)
          expect(order.total).toBe(cart.total)
          await expectChargedTotal(order)
          await waitForEarn(customerId, order.id)
          // Earned on the items before tax, after the points' discount: EUR (39.90 - 3.33) / 1.21, USD 39.90 - 3.33.
          const earned = code === "eur" ? 30 : 36
          expect(await entriesOf(customerId)).toEqual([
            ["adjust", 1000, "available", null],
            ["redeem", -333, "available", order.id],
            ["earn", earned, "available", order.id],
          ])
          expect(await balanceOf(customerId)).toEqual(
            expect.objectContaining({ available: 1000 - 333 + earned, held: 0 })
          )
        }
      })

      it("points removed after the payment session started: the payment goes back to the full total", async () => {
        for (const region of [shop.eur, shop.usd]) {
          const code = region.currencyCode
          const { shopper, cartId, customerId } = await readyCart(region, 2, 1000)
          await applyPoints(shopper, cartId, 500)
          await shopper.startPayment(cartId)
          expect((await paymentOf(getContainer(), { cartId })).amount).toBeCloseTo(BEFORE[code] - 5 * OFF_PER_EURO[code], 10)
          expect(await balanceOf(customerId)).toEqual(expect.objectContaining({ available: 500, held: 500 }))

          const removed = await removePoints(shopper, cartId)
          expect(removed.cart.total).toBe(BEFORE[code])
          expect(removed.cart.items).toHaveLength(1)
          expect(removed.loyalty).toEqual(expect.objectContaining({ available: 1000, applied: null }))
          const refreshed = await paymentOf(getContainer(), { cartId })
          expect(refreshed.amount).toBe(BEFORE[code])
          expect(refreshed.sessions).toEqual([])

          await shopper.startPayment(cartId)
          const order = await shopper.complete(cartId)
          expect(order.total).toBe(BEFORE[code])
          await expectChargedTotal(order)
          await waitForEarn(customerId, order.id)
          expect((await entriesOf(customerId)).slice(0, 2)).toEqual([
            ["adjust", 1000, "available", null],
            ["redeem", -500, "void", null],
          ])
        }
      })

      it("a code removed through Medusa's own promotion route gives the points back at once and spends nothing", async () => {
        for (const region of [shop.eur, shop.usd]) {
          const code = region.currencyCode
          const { shopper, cartId, customerId } = await readyCart(region, 2, 1000)
          const applied = await applyPoints(shopper, cartId, 300)
          const promoCode = applied.loyalty.applied?.code ?? ""
          await shopper.startPayment(cartId)

          const { cart } = await shopper.sdk.store.cart.removePromotions(cartId, { promo_codes: [promoCode] })
          expect(cart.total).toBe(BEFORE[code])
          // The next read of the cart's loyalty sees it: nothing applied, nothing held.
          const read = await shopper.crm.store.cart.retrieveLoyalty(cartId)
          expect(read.loyalty).toEqual(expect.objectContaining({ available: 1000, applied: null }))
          expect(await balanceOf(customerId)).toEqual(expect.objectContaining({ available: 1000, held: 0 }))
          // And points can be applied again.
          const again = await applyPoints(shopper, cartId, 200)
          expect(again.cart.total).toBeCloseTo(BEFORE[code] - 2 * OFF_PER_EURO[code], 10)

          // Removed through Medusa's route, then straight on to payment and completion.
          await shopper.sdk.store.cart.removePromotions(cartId, { promo_codes: [again.loyalty.applied?.code ?? ""] })
          await shopper.startPayment(cartId)
          const order = await shopper.complete(cartId)
          expect(order.total).toBe(BEFORE[code])
          await expectChargedTotal(order)
          await waitForEarn(customerId, order.id)
          const redeems = (await entriesOf(customerId)).filter(([type]) => type === "redeem")
          expect(redeems).toEqual([
            ["redeem", -300, "void", null],
            ["redeem", -200, "void", null],
          ])
          expect((await balanceOf(customerId)).available).toBe(1000 + (code === "eur" ? 32 : 39))
        }
      })

      it("gives points back once however many removals race", async () => {
        const { shopper, cartId, customerId } = await readyCart(shop.eur, 2, 1000)
        await applyPoints(shopper, cartId, 300)
        const removals = await Promise.all(
          Array.from({ length: 10 }, () => shopper.settle(`/store/carts/${cartId}/loyalty`, { method: "DELETE" }))
        )
        // Each answers that the points are off the cart (a late one may find nothing left: 404).
        expect(removals.every((r) => r.status === 200 || r.status === 404)).toBe(true)
        expect(await balanceOf(customerId)).toEqual(expect.objectContaining({ available: 1000, held: 0 }))
        expect((await entriesOf(customerId)).filter(([type]) => type === "redeem")).toEqual([
          ["redeem", -300, "void", null],
        ])

        // And a code removed through Medusa's route, noticed by many reads at once, comes back once.
        const again = await applyPoints(shopper, cartId, 400)
        await shopper.sdk.store.cart.removePromotions(cartId, { promo_codes: [again.loyalty.applied?.code ?? ""] })
        await Promise.all(Array.from({ length: 10 }, () => shopper.retrieveCart(cartId)))
        expect(await balanceOf(customerId)).toEqual(expect.objectContaining({ available: 1000, held: 0 }))
        expect((await entriesOf(customerId)).filter(([type]) => type === "redeem")).toEqual([
          ["redeem", -300, "void", null],
          ["redeem", -400, "void", null],
        ])
        expect(await getContainer().resolve(Modules.PROMOTION).listPromotions({})).toEqual([])
      })

      it("an order whose cart lost the code without any store request spends nothing (order.placed)", async () => {
        const { shopper, cartId, customerId } = await readyCart(shop.eur, 2, 1000)
        const applied = await applyPoints(shopper, cartId, 300)
        await shopper.startPayment(cartId)
        // A back office or another plugin takes the code off and completes the cart in-process.
        await updateCartPromotionsWorkflow(getContainer()).run({
          input: {
            cart_id: cartId,
            promo_codes: [applied.loyalty.applied?.code ?? ""],
            action: PromotionActions.REMOVE,
            force_refresh_payment_collection: true,
          },
        })
        await shopper.startPayment(cartId)
        const { result } = await completeCartWorkflow(getContainer()).run({ input: { id: cartId } })
        await waitForEarn(customerId, result.id)
        expect((await entriesOf(customerId)).filter(([type]) => type === "redeem")).toEqual([
          ["redeem", -300, "void", null],
        ])
        expect((await balanceOf(customerId)).available).toBe(1000 + 32)
      })

      it("a region change drops the code and the cart's update event gives the points back", async () => {
        const { shopper, cartId, customerId } = await readyCart(shop.eur, 2, 1000)
        await applyPoints(shopper, cartId, 300)
        await shopper.sdk.store.cart.update(cartId, { region_id: shop.usd.regionId })
        await waitFor(
          () => entriesOf(customerId),
          (all) => all.some(([type, , status]) => type === "redeem" && status === "void"),
          "the points to come back"
        )
        expect(await balanceOf(customerId)).toEqual(expect.objectContaining({ available: 1000, held: 0 }))
      })

      it("a cart whose items shrank below the points' worth spends only the points its discount used", async () => {
        const { shopper, cartId, customerId } = await readyCart(shop.eur, 2, 5000)
        expect((await applyPoints(shopper, cartId, 3000)).cart.discount_total).toBe(30)
        const cart = await shopper.retrieveCart(cartId)
        await shopper.sdk.store.cart.updateLineItem(cartId, cart.items![0].id, { quantity: 1 })
        await shopper.startPayment(cartId)
        const order = await shopper.complete(cartId)
        // The discount could take no more than the one ticket: 19.95 of the 30.00.
        expect(order.discount_total).toBe(19.95)
        expect(order.total).toBe(4.95)
        await expectChargedTotal(order)
        // The items left nothing to earn on; the order settles the redemption.
        await waitFor(
          () => entriesOf(customerId),
          (all) => all.some(([type, , status]) => type === "redeem" && status === "available"),
          "the redemption to settle"
        )
        const entries = await entriesOf(customerId)
        expect(entries.filter(([type]) => type === "redeem" || type === "reverse")).toEqual([
          ["redeem", -3000, "available", order.id],
          ["reverse", 1005, "available", order.id],
        ])
        expect((await balanceOf(customerId)).available).toBe(5000 - 1995)

        // Canceling the order returns exactly what it spent.
        await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers })
        await waitFor(
          () => balanceOf(customerId),
          (balance) => balance.available === 5000,
          "the spent points to come back"
        )
      })

      it("points worth the whole cart take exactly its items off, to the cent", async () => {
        for (const region of [shop.eur, shop.usd]) {
          const { shopper, cartId, customerId } = await readyCart(region, 1, 5000)
          const applied = await applyPoints(shopper, cartId, 1995)
          const { cart } = applied
          expect(cart.item_total).toBe(0)
          // Only shipping is left to pay: 4.95 with VAT included, 4.95 + 10% tax on top.
          expect(cart.total).toBe(region.currencyCode === "eur" ? 4.95 : 5.445)
          await shopper.startPayment(cartId)
          const order = await shopper.complete(cartId)
          expect(order.total).toBe(cart.total)
          await expectChargedTotal(order)
          await waitFor(
            () => entriesOf(customerId),
            (all) => all.some(([type, , status]) => type === "redeem" && status === "available"),
            "the redemption to settle"
          )
        }
      })

      it("points held on a cart past their expiry date expire when they come back", async () => {
        await api.post("/admin/crm/loyalty", { expiry_months: 12, expiry_reminder_days: 0 }, { headers })
        const { shopper, cartId, customerId } = await readyCart(shop.eur, 2, 300)
        const [credit] = await ledger().listLoyaltyEntries({ customer_id: customerId, type: "adjust" })
        await applyPoints(shopper, cartId, 300)
        const afterExpiry = new Date(new Date(credit.expires_at!).getTime() + 86_400_000)
        // The expiry run finds them on a cart: honoured while held.
        await expireLoyaltyPoints(getContainer(), afterExpiry)
        expect(await balanceOf(customerId)).toEqual(expect.objectContaining({ available: 0, held: 300 }))

        const removed = await removePoints(shopper, cartId)
        // They came back past their date: expired at once, not spendable again.
        expect(removed.loyalty.available).toBe(0)
        expect(await entriesOf(customerId)).toEqual([
          ["adjust", 300, "available", null],
          ["redeem", -300, "void", null],
          ["expire", -300, "available", null],
        ])
        expect(await expireLoyaltyPoints(getContainer(), afterExpiry)).toEqual({ reminded: 0, expired: 0 })
      })

      it("refuses with a stable code, shows the store history without internals, and the next expiry", async () => {
        await api.post("/admin/crm/loyalty", { expiry_months: 12 }, { headers })
        const { shopper, cartId, customerId } = await readyCart(shop.eur, 2, 1000)
        const post = (body: unknown, query?: Record<string, unknown>) =>
          shopper.settle(`/store/carts/${cartId}/loyalty`, { method: "POST", body, query })
        const refusal = async (body: unknown) => {
          const { status, body: answer } = await post(body)
          return { status, code: answer.code, message: answer.message }
        }

        // More points than the customer has: the balance is the reason, not the cart.
        expect(await refusal({ points: 5000 })).toEqual({
          status: 400,
          code: "insufficient_points",
          message: "Only 1000 points are available; 5000 were asked for",
        })
        expect(await refusal({ points: 50 })).toEqual(expect.objectContaining({ status: 400, code: "below_minimum" }))
        expect(await refusal([{ points: 100 }])).toEqual({
          status: 400,
          code: "invalid_data",
          message: "Invalid request: the body must be a JSON object",
        })
        expect(await refusal({ points: "100" })).toEqual(expect.objectContaining({ status: 400, code: "invalid_data" }))
        expect(await refusal({ points: 100, extra: 1 })).toEqual(expect.objectContaining({ status: 400, code: "invalid_data" }))
        await adjust(customerId, 9000)
        expect(await refusal({ points: 5000 })).toEqual(
          expect.objectContaining({ status: 400, code: "exceeds_cart_value" })
        )
        const notApplied = await shopper.settle(`/store/carts/${cartId}/loyalty`, { method: "DELETE" })
        expect([notApplied.status, notApplied.body.code]).toEqual([404, "not_applied"])

        // `fields` as on Medusa's cart routes.
        const slim = await post({ points: 100 }, { fields: "id,total" })
        expect(slim.status).toBe(200)
        expect(Object.keys(slim.body.cart).sort()).toEqual(["id", "total"])
        expect(await refusal({ points: 100 })).toEqual(expect.objectContaining({ status: 400, code: "already_applied" }))

        const other = await readyCart(shop.eur, 1)
        const foreign = await other.shopper.settle(`/store/carts/${cartId}/loyalty`, { method: "POST", body: { points: 100 } })
        expect([foreign.status, foreign.body.code]).toEqual([404, "cart_not_found"])

        const mine = await shopper.crm.store.loyalty.retrieve()
        expect(mine.loyalty.balance).toEqual(expect.objectContaining({ available: 9900, held: 100 }))
        // The 100 on the cart come out of the oldest credit: 900 of it expire first.
        expect(mine.loyalty.next_expiry).toEqual(expect.objectContaining({ points: 900 }))
        for (const entry of mine.entries) {
          expect(Object.keys(entry).filter((k) => k.startsWith("raw_"))).toEqual([])
        }
        // Nothing else was written by the refusals.
        expect((await entriesOf(customerId)).map(([type, points]) => [type, points])).toEqual([
          ["adjust", 1000],
          ["adjust", 9000],
          ["redeem", -100],
        ])
      })
    })
  },
})
