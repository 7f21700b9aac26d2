import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser } from "../helpers/admin"
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
    const readyCart = async (region: CheckoutRegion, quantity = 2) => {
      const shopper = sf()
      await shopper.register(newEmail())
      const cart = await shopper.createCart(region)
      await shopper.addItem(cart.id, shop.variantId, quantity)
      await shopper.setAddress(cart.id, region)
      await shopper.addShipping(cart.id, region.shippingOptionId)
      return { shopper, cartId: cart.id as string }
    }

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
  },
})
