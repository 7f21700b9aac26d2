import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { expireOffers } from "../../src/jobs/expire-offers"
import { CUSTOMER_MESSAGE_MODULE, type CustomerMessageModuleService } from "../../src/modules/customer-message"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../../src/modules/loyalty"
import { selectRows } from "../../src/lib/queries/sql"
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from "../../src/types/http/common"
import { createAdminUser, settle } from "../helpers/admin"
import { baseUrlOf, createCheckoutStore, storefront, type CheckoutStore } from "../helpers/checkout"
import { waitFor } from "../helpers/wait"

jest.setTimeout(300 * 1000)

const DAY = 24 * 60 * 60 * 1000
const ago = (days: number) => new Date(Date.now() - days * DAY)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let userId: string
    let shop: CheckoutStore
    let seq = 0

    const sf = () => storefront(baseUrlOf(api), shop.publishableKey)
    const messages = () => getContainer().resolve<CustomerMessageModuleService>(CUSTOMER_MESSAGE_MODULE)
    const promotions = () => getContainer().resolve(Modules.PROMOTION)
    /** A shopper with an account, logged in through Medusa's JS SDK. */
    const shopper = async () => {
      const s = sf()
      const customer = await s.register(`shopper${++seq}@example.com`)
      return { s, id: customer.id as string }
    }
    /** 5.00 off the order, prices with tax: the template personal codes are copied from (a draft: only copies work). */
    const template = async (status: "draft" | "active" = "draft") =>
      (
        await promotions().createPromotions([
          {
            code: `SPRING${++seq}`,
            type: "standard",
            status,
            is_tax_inclusive: true,
            application_method: { type: "fixed", target_type: "order", allocation: "across", value: 5, currency_code: "eur" },
            rules: [{ attribute: "currency_code", operator: "in", values: ["eur"] }],
          },
        ])
      )[0]
    const campaign = async (data: Record<string, unknown>) =>
      (
        await messages().createCustomerCampaigns([
          {
            kind: "offer",
            title: `Offer ${++seq}`,
            short_description: "Spring discount",
            starts_at: ago(2),
            audience: { type: "everyone" },
            ...data,
          } as any,
        ])
      )[0]
    const entry = async (campaignId: string, customerId: string, kind = "offer") =>
      (
        await messages().createCustomerInboxEntries([
          { campaign_id: campaignId, customer_id: customerId, kind, distributed_at: ago(1) } as any,
        ])
      )[0]
    /** A cart of the shopper in the EUR region with one product, address and shipping. */
    const readyCart = async (s: ReturnType<typeof sf>) => {
      const cart = await s.createCart(shop.eur)
      await s.addItem(cart.id, shop.variantId, 1)
      await s.setAddress(cart.id, shop.eur)
      await s.addShipping(cart.id, shop.eur.shippingOptionId)
      return cart.id as string
    }
    const applyCode = async (s: ReturnType<typeof sf>, cartId: string, code: string) => {
      const { cart } = await s.sdk.store.cart.addPromotions(cartId, { promo_codes: [code] }, { fields: "id,discount_total,*promotions" })
      return cart as any
    }

    beforeEach(async () => {
      const admin = await createAdminUser(getContainer())
      headers = admin.headers
      userId = admin.userId
      shop = await createCheckoutStore(getContainer())
      await api.post(
        "/admin/crm/loyalty",
        {
          enabled: true,
          enrollment: "all",
          pending_days: 0,
          rates: [{ currency_code: "eur", earn_points_per_unit: 1, redeem_points: 100, redeem_value: 1 }],
        },
        { headers }
      )
    })

    describe("personal offers", () => {
      it("gives each customer a code only their cart takes; the order marks the offer redeemed with its date, a cancel gives it back", async () => {
        const alice = await shopper()
        const bob = await shopper()
        const promo = await template()
        const offer = await campaign({ promotion_id: promo.id, personal: true, title: "Spring for you" })
        const aliceEntry = await entry(offer.id, alice.id)
        const bobEntry = await entry(offer.id, bob.id)
        // Nothing is issued at distribution: codes come the first time the storefront lists the offers.
        expect((await messages().retrieveCustomerInboxEntry(aliceEntry.id)).promotion_id).toBeNull()

        const listed = await alice.s.fetch("/store/customers/me/offers")
        expect(listed.offers).toHaveLength(1)
        const code = listed.offers[0].code as string
        expect(code).toMatch(new RegExp(`^${promo.code}-[A-Z0-9]{10}$`))
        expect(listed.offers[0]).toEqual(expect.objectContaining({ id: aliceEntry.id, status: "new", title: "Spring for you" }))
        // Listed again, opened, or listed at once from several tabs: still that one code.
        const again = await Promise.all([
          alice.s.fetch("/store/customers/me/offers"),
          alice.s.fetch(`/store/customers/me/offers/${aliceEntry.id}`),
        ])
        expect(again[0].offers[0].code).toBe(code)
        expect(again[1].offer).toEqual(expect.objectContaining({ code, status: "read" }))
        const bobCode = (await bob.s.fetch(`/store/customers/me/offers/${bobEntry.id}`)).offer.code
        expect(bobCode).toMatch(new RegExp(`^${promo.code}-`))
        expect(bobCode).not.toBe(code)

        // The copy: the template's discount, tax inclusion and rules, plus the customer and limit 1.
        const [copy] = await promotions().listPromotions(
          { code: [code] },
          { relations: ["application_method", "rules", "rules.values"] }
        )
        expect(copy).toEqual(
          expect.objectContaining({ status: "active", is_automatic: false, is_tax_inclusive: true, limit: 1, used: 0 })
        )
        expect(copy.application_method).toEqual(
          expect.objectContaining({ type: "fixed", target_type: "order", allocation: "across", value: 5, currency_code: "eur" })
        )
        expect(copy.rules!.map((r) => [r.attribute, r.operator, r.values!.map((v) => v.value)]).sort()).toEqual([
          ["currency_code", "in", ["eur"]],
          ["customer.id", "eq", [alice.id]],
        ])
        expect(await promotions().listPromotions({ id: [promo.id] })).toEqual([expect.objectContaining({ status: "draft" })])

        // Another customer's cart, through Medusa's own promotion route, does not take it.
        const bobCart = await readyCart(bob.s)
        const refused = await applyCode(bob.s, bobCart, code)
        expect(refused.promotions ?? []).toEqual([])
        expect(refused.discount_total).toBe(0)

        // The owner's cart does: 5.00 off, and the order marks the offer redeemed with its date.
        const aliceCart = await readyCart(alice.s)
        const applied = await applyCode(alice.s, aliceCart, code)
        expect(applied.promotions.map((p: any) => p.code)).toEqual([code])
        expect(applied.discount_total).toBe(5)
        await alice.s.startPayment(aliceCart)
        const order = await alice.s.complete(aliceCart)
        expect(order.discount_total).toBe(5)
        const redeemed = await waitFor(
          () => messages().retrieveCustomerInboxEntry(aliceEntry.id),
          (e) => !!e.redeemed_at,
          "the offer marked used"
        )
        expect(redeemed.redeemed_order_id).toBe(order.id)
        expect(new Date(redeemed.redeemed_at!).toISOString()).toBe(new Date(order.created_at as any).toISOString())
        // The campaign's counts follow: both distributed and opened, one used.
        const countsOf = async () => (await api.get(`/admin/crm/campaigns/${offer.id}`, { headers })).data.campaign.counts
        expect(await countsOf()).toEqual({ distributed: 2, read: 2, redeemed: 1, removed: 0, emailed: 0 })
        expect((await promotions().listPromotions({ code: [code] }))[0].used).toBe(1)
        expect((await alice.s.fetch("/store/customers/me/offers")).offers).toEqual([])
        const opened = (await alice.s.fetch(`/store/customers/me/offers/${aliceEntry.id}`)).offer
        expect(opened).toEqual(
          expect.objectContaining({ status: "redeemed", redeemed_order_id: order.id, redeemed_at: new Date(order.created_at as any).toISOString() })
        )
        const adminRow = (await api.get(`/admin/customers/${alice.id}/offers`, { headers })).data.offers[0]
        expect(adminRow).toEqual(expect.objectContaining({ status: "redeemed", redeemed_at: opened.redeemed_at }))
        // Bob's offer is untouched; Medusa refuses the used code on a second cart (limit 1).
        expect((await messages().retrieveCustomerInboxEntry(bobEntry.id)).redeemed_at).toBeNull()
        const secondCart = await readyCart(alice.s)
        expect((await applyCode(alice.s, secondCart, code)).discount_total).toBe(0)

        // The order canceled: the offer is back in the inbox and its code works again.
        await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers })
        await waitFor(
          () => messages().retrieveCustomerInboxEntry(aliceEntry.id),
          (e) => !e.redeemed_at && !e.redeemed_order_id,
          "the offer given back"
        )
        // The code's use comes back in the same workflow, one step after the entry.
        await waitFor(
          async () => (await promotions().listPromotions({ code: [code] }))[0].used,
          (used) => used === 0,
          "the code's use given back"
        )
        expect(await countsOf()).toEqual({ distributed: 2, read: 2, redeemed: 0, removed: 0, emailed: 0 })
        expect((await alice.s.fetch("/store/customers/me/offers")).offers.map((o: any) => o.status)).toEqual(["read"])
        const thirdCart = await readyCart(alice.s)
        expect((await applyCode(alice.s, thirdCart, code)).discount_total).toBe(5)
      })

      it("staff remove an offer with a system note; its code stops working; twice is a 409", async () => {
        const alice = await shopper()
        const bob = await shopper()
        const promo = await template()
        const offer = await campaign({ promotion_id: promo.id, personal: true, title: "Summer treat" })
        const e = await entry(offer.id, alice.id)
        const code = (await alice.s.fetch("/store/customers/me/offers")).offers[0].code

        const bad = await settle(api.post(`/admin/customers/${alice.id}/offers/${e.id}/remove`, { reason: 1 }, { headers }))
        expect(bad.status).toBe(400)
        expect(bad.data.code).toBe("invalid_data")
        const wrongCustomer = await settle(api.post(`/admin/customers/${bob.id}/offers/${e.id}/remove`, {}, { headers }))
        expect(wrongCustomer.status).toBe(404)
        expect(wrongCustomer.data.code).toBe("offer_not_found")
        const unknownCustomer = await settle(api.post(`/admin/customers/cus_nope/offers/${e.id}/remove`, {}, { headers }))
        expect(unknownCustomer.status).toBe(404)
        expect(unknownCustomer.data.code).toBe("customer_not_found")
        expect((await messages().retrieveCustomerInboxEntry(e.id)).removed_at).toBeNull()

        const removed = await api.post(`/admin/customers/${alice.id}/offers/${e.id}/remove`, {}, { headers })
        expect(removed.status).toBe(200)
        expect(removed.data.offer).toEqual(expect.objectContaining({ id: e.id, status: "removed", removed_at: expect.any(String) }))
        expect((await messages().retrieveCustomerInboxEntry(e.id)).removed_by).toBe(userId)
        expect((await api.get(`/admin/crm/campaigns/${offer.id}`, { headers })).data.campaign.counts).toEqual(
          expect.objectContaining({ distributed: 1, removed: 1 })
        )
        expect((await promotions().listPromotions({ code: [code] }))[0].status).toBe("inactive")
        const notes = await selectRows(
          getContainer(),
          "select body, event, author_id from customer_note where customer_id = :id and kind = 'system'",
          { id: alice.id }
        )
        expect(notes).toEqual([
          { body: 'Offer "Summer treat" removed', event: { key: "offer_removed", values: { title: "Summer treat" } }, author_id: userId },
        ])
        // A double click within seconds gets the first answer again (the plugin's idempotent admin
        // writes); a new request (its own idempotency key) is refused.
        const repeat = await api.post(`/admin/customers/${alice.id}/offers/${e.id}/remove`, {}, { headers })
        expect(repeat.headers[IDEMPOTENT_REPLAYED_HEADER.toLowerCase()]).toBe("true")
        const twice = await settle(
          api.post(`/admin/customers/${alice.id}/offers/${e.id}/remove`, {}, {
            headers: { ...headers, [IDEMPOTENCY_KEY_HEADER]: `remove-again-${e.id}` },
          })
        )
        expect(twice.status).toBe(409)
        expect(twice.data.code).toBe("offer_already_removed")

        expect((await alice.s.fetch("/store/customers/me/offers")).offers).toEqual([])
        expect((await alice.s.settle(`/store/customers/me/offers/${e.id}`)).status).toBe(404)
        const cart = await readyCart(alice.s)
        const refused = await alice.s.settle(`/store/carts/${cart}/promotions`, { method: "POST", body: { promo_codes: [code] } })
        expect(refused.body.cart?.discount_total ?? 0).toBe(0)
      })

      it("the expiry job deactivates the codes of offers that expired, once", async () => {
        const alice = await shopper()
        const promo = await template()
        const offer = await campaign({ promotion_id: promo.id, personal: true })
        const running = await campaign({ promotion_id: promo.id, personal: true })
        await entry(offer.id, alice.id)
        await entry(running.id, alice.id)
        const codes = (await alice.s.fetch("/store/customers/me/offers")).offers.map((o: any) => o.code)
        expect(codes).toHaveLength(2)
        expect(await expireOffers(getContainer())).toBe(0)
        await messages().updateCustomerCampaigns({ id: offer.id, ended_at: new Date() })
        expect(await expireOffers(getContainer())).toBe(1)
        expect(await expireOffers(getContainer())).toBe(0)
        const statuses = await promotions().listPromotions({ code: codes }, { select: ["code", "status"] })
        expect(statuses.filter((p) => p.status === "inactive")).toHaveLength(1)
        expect((await alice.s.fetch("/store/customers/me/offers")).offers).toHaveLength(1)
      })
    })

    describe("shared offers and ending early", () => {
      it("an order that uses a shared offer's code marks the customer's offer redeemed; ending a campaign early stops its personal codes at once", async () => {
        const alice = await shopper()
        const bob = await shopper()
        const shared = await template("active")
        const offer = await campaign({ promotion_id: shared.id, title: "Spring for all" })
        const aliceEntry = await entry(offer.id, alice.id)
        const bobEntry = await entry(offer.id, bob.id)
        const listed = (await alice.s.fetch("/store/customers/me/offers")).offers
        expect(listed.map((o: any) => [o.id, o.code])).toEqual([[aliceEntry.id, shared.code]])

        const cartId = await readyCart(alice.s)
        expect((await applyCode(alice.s, cartId, shared.code!)).discount_total).toBe(5)
        await alice.s.startPayment(cartId)
        const order = await alice.s.complete(cartId)
        const used = await waitFor(
          () => messages().retrieveCustomerInboxEntry(aliceEntry.id),
          (e) => !!e.redeemed_at,
          "the shared offer marked used"
        )
        expect(used.redeemed_order_id).toBe(order.id)
        // Only the buyer's entry: Bob's offer of the same campaign stays usable.
        expect((await messages().retrieveCustomerInboxEntry(bobEntry.id)).redeemed_at).toBeNull()
        expect((await bob.s.fetch("/store/customers/me/offers")).offers.map((o: any) => o.id)).toEqual([bobEntry.id])

        // A personal campaign ended early in the admin: its codes are deactivated by the subscriber, not an hour later.
        const personal = await campaign({ promotion_id: (await template()).id, personal: true, title: "Ends early" })
        await entry(personal.id, bob.id)
        const personalCode = (await bob.s.fetch("/store/customers/me/offers")).offers.find((o: any) => o.campaign_id === personal.id).code
        const ended = await api.post(`/admin/crm/campaigns/${personal.id}/end`, {}, { headers })
        expect(ended.status).toBe(200)
        await waitFor(
          async () => (await promotions().listPromotions({ code: [personalCode] }, { select: ["status"] }))[0],
          (p) => p.status === "inactive",
          "the personal code deactivated"
        )
        const bobCart = await readyCart(bob.s)
        expect((await applyCode(bob.s, bobCart, personalCode)).discount_total).toBe(0)
      })
    })

    describe("loyalty offers", () => {
      it("with an Idempotency-Key a double click redeems once and replays the answer; a new key redeems again", async () => {
        const alice = await shopper()
        const loyaltyOffer = await campaign({ kind: "loyalty_offer", title: "Coffee", promotion_id: (await template()).id, points_cost: 100 })
        const e = await entry(loyaltyOffer.id, alice.id, "loyalty_offer")
        await api.post(`/admin/customers/${alice.id}/loyalty/adjustments`, { points: 300, reason: "Welcome" }, { headers })
        const redeem = (key: string, id = e.id) =>
          alice.s.settle(`/store/customers/me/offers/${id}/redeem`, {
            method: "POST",
            body: {},
            headers: { [IDEMPOTENCY_KEY_HEADER]: key },
          })
        const balance = async () => (await alice.s.fetch("/store/customers/me/loyalty")).loyalty.balance.available

        const clicks = await Promise.all([redeem("click-1"), redeem("click-1"), redeem("click-1")])
        expect(clicks.map((c) => c.status)).toEqual([201, 201, 201])
        expect(new Set(clicks.map((c) => c.body.reward.id)).size).toBe(1)
        expect(clicks.filter((c) => c.headers[IDEMPOTENT_REPLAYED_HEADER.toLowerCase()] === "true")).toHaveLength(2)
        expect(await balance()).toBe(200)
        expect(await messages().listCustomerInboxEntries({ customer_id: alice.id, origin: "redemption" })).toHaveLength(1)

        // A new click is a new purchase; the key sent again for another offer is refused.
        expect((await redeem("click-2")).status).toBe(201)
        expect(await balance()).toBe(100)
        const other = await entry((await campaign({ kind: "loyalty_offer", title: "Tea", promotion_id: (await template()).id, points_cost: 50 })).id, alice.id, "loyalty_offer")
        const reused = await redeem("click-2", other.id)
        expect([reused.status, reused.body.code]).toEqual([422, "idempotency_key_reused"])
        expect(await balance()).toBe(100)
      })

      it("100 parallel redemptions on a balance for 10 give exactly 10 rewards", async () => {
        const alice = await shopper()
        const bob = await shopper()
        const promo = await template()
        const loyaltyOffer = await campaign({
          kind: "loyalty_offer",
          title: "Free tote bag",
          promotion_id: promo.id,
          points_cost: 100,
          reward_valid_days: 30,
        })
        const e = await entry(loyaltyOffer.id, alice.id, "loyalty_offer")
        await api.post(`/admin/customers/${alice.id}/loyalty/adjustments`, { points: 1000, reason: "Welcome" }, { headers })

        const listed = (await alice.s.fetch("/store/customers/me/offers")).offers
        expect(listed).toEqual([expect.objectContaining({ id: e.id, kind: "loyalty_offer", code: null, points_cost: 100 })])

        const before = (await promotions().listPromotions({})).length
        const results = await Promise.all(
          Array.from({ length: 100 }, () => alice.s.settle(`/store/customers/me/offers/${e.id}/redeem`, { method: "POST", body: {} }))
        )
        const statuses = results.map((r) => r.status)
        expect(statuses.filter((s) => s === 201)).toHaveLength(10)
        const refusals = results.filter((r) => r.status !== 201)
        expect(refusals).toHaveLength(90)
        expect(refusals.every((r) => r.status === 400 && r.body.code === "insufficient_points")).toBe(true)

        const ok = results.find((r) => r.status === 201)!.body
        expect(ok.offer).toEqual(expect.objectContaining({ id: e.id, kind: "loyalty_offer", status: "new" }))
        expect(ok.reward).toEqual(
          expect.objectContaining({ kind: "offer", origin: "redemption", status: "new", points_spent: 100, title: "Free tote bag" })
        )
        expect(ok.reward.code).toMatch(new RegExp(`^${promo.code}-`))
        expect(new Date(ok.reward.expires_at).getTime()).toBeGreaterThan(Date.now() + 29 * DAY)
        expect(new Date(ok.reward.expires_at).getTime()).toBeLessThan(Date.now() + 31 * DAY)

        const loyalty = getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)
        const [account] = await loyalty.listLoyaltyAccounts({ customer_id: alice.id })
        expect((await loyalty.getBalances([account.id]))[account.id].available).toBe(0)
        const redeems = await loyalty.listLoyaltyEntries({ account_id: account.id, type: "redeem" })
        expect(redeems).toHaveLength(10)
        // A loyalty offer counts the rewards bought; the CRM list shows the balance the ledger holds.
        expect((await api.get(`/admin/crm/campaigns/${loyaltyOffer.id}`, { headers })).data.campaign.counts).toEqual(
          expect.objectContaining({ distributed: 1, redeemed: 10 })
        )
        const row = (await api.get(`/admin/crm/customers?id=${alice.id}`, { headers })).data.customers[0]
        expect(row.loyalty_balance).toBe(0)
        expect(
          redeems.every(
            (r) =>
              Number(r.points) === -100 &&
              r.status === "available" &&
              r.description === "Free tote bag" &&
              JSON.stringify(r.detail) === JSON.stringify({ key: "offer_redeemed", values: { title: "Free tote bag", campaign_id: loyaltyOffer.id } })
          )
        ).toBe(true)
        const rewards = await messages().listCustomerInboxEntries({ customer_id: alice.id, origin: "redemption" })
        expect(rewards).toHaveLength(10)
        expect(new Set(rewards.map((r) => r.loyalty_entry_id))).toEqual(new Set(redeems.map((r) => r.id)))
        expect(new Set(rewards.map((r) => r.promotion_code)).size).toBe(10)
        expect((await promotions().listPromotions({})).length - before).toBe(10)
        const history = (await api.get(`/admin/customers/${alice.id}/loyalty`, { headers })).data
        expect(history.entries[0]).toEqual(expect.objectContaining({ description: "Free tote bag", points: -100 }))

        // The rewards are in the inbox beside the loyalty offer, which stays to be redeemed again.
        const inbox = (await alice.s.fetch("/store/customers/me/offers?limit=100")).offers
        expect(inbox).toHaveLength(11)
        // A reward works on its owner's cart.
        const cart = await readyCart(alice.s)
        expect((await applyCode(alice.s, cart, ok.reward.code)).discount_total).toBe(5)

        // Refusals: another customer's offer, a plain offer, an ended loyalty offer.
        expect((await bob.s.settle(`/store/customers/me/offers/${e.id}/redeem`, { method: "POST", body: {} })).body.code).toBe(
          "offer_not_found"
        )
        const plain = await entry((await campaign({ promotion_id: promo.id })).id, alice.id)
        const notLoyalty = await alice.s.settle(`/store/customers/me/offers/${plain.id}/redeem`, { method: "POST", body: {} })
        expect([notLoyalty.status, notLoyalty.body.code]).toEqual([400, "offer_not_redeemable"])
        await messages().updateCustomerCampaigns({ id: loyaltyOffer.id, ended_at: new Date() })
        await api.post(`/admin/customers/${alice.id}/loyalty/adjustments`, { points: 500, reason: "More" }, { headers })
        const ended = await alice.s.settle(`/store/customers/me/offers/${e.id}/redeem`, { method: "POST", body: {} })
        expect([ended.status, ended.body.code]).toEqual([400, "offer_not_redeemable"])
        expect((await loyalty.getBalances([account.id]))[account.id].available).toBe(500)
      })
    })
  },
})
