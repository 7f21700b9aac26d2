import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { CrmEvents } from "../../src/lib/events"
import { CUSTOMER_MESSAGE_MODULE, type CustomerMessageModuleService } from "../../src/modules/customer-message"
import { createAdminUser, settle } from "../helpers/admin"
import { createTestStore, registerStoreCustomer, type TestStore } from "../helpers/store"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240 * 1000)

const DAY = 24 * 60 * 60 * 1000
const ago = (days: number) => new Date(Date.now() - days * DAY)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: TestStore
    let alice: { customerId: string; headers: Record<string, string> }
    let bob: { customerId: string; headers: Record<string, string> }
    let seq = 0

    const messages = () => getContainer().resolve<CustomerMessageModuleService>(CUSTOMER_MESSAGE_MODULE)
    /** A campaign as H1's routes would save it, straight through the module. */
    const campaign = async (data: Record<string, unknown> = {}) =>
      (
        await messages().createCustomerCampaigns([
          {
            kind: "message",
            title: `Campaign ${++seq}`,
            short_description: `Preview ${seq}`,
            body: `Body ${seq}`,
            starts_at: ago(10),
            audience: { type: "everyone" },
            ...data,
          } as any,
        ])
      )[0]
    /** An entry in one customer's inbox, as distribution puts it there. */
    const entry = async (campaignId: string, customerId: string, data: Record<string, unknown> = {}) => {
      const c = await messages().retrieveCustomerCampaign(campaignId)
      return (
        await messages().createCustomerInboxEntries([
          { campaign_id: campaignId, customer_id: customerId, kind: c.kind, distributed_at: ago(1), ...data } as any,
        ])
      )[0]
    }
    const get = (path: string, who: { headers: Record<string, string> }) => settle(api.get(path, { headers: who.headers }))
    const listen = (name: string) => {
      const received: any[] = []
      getContainer()
        .resolve(Modules.EVENT_BUS)
        .subscribe(name, async (event: any) => void received.push(event.data), { subscriberId: `test-${name}-${randomUUID()}` })
      return received
    }

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      store = await createTestStore(getContainer())
      alice = await registerStoreCustomer(api, store.publishableKey, `alice${++seq}@example.com`)
      bob = await registerStoreCustomer(api, store.publishableKey, `bob${++seq}@example.com`)
    })

    describe("storefront messages", () => {
      it("lists the customer's messages newest first with the unread count; opening one marks it read once", async () => {
        const old = await campaign({ title: "Old news" })
        const ended = await campaign({ title: "Ended", ends_at: ago(1) })
        const endedEarly = await campaign({ title: "Ended early", ended_at: ago(0.5) })
        const fresh = await campaign({ title: "Fresh", body: "# Hello", body_format: "markdown" })
        const offer = await campaign({ kind: "offer", title: "An offer" })
        const e1 = await entry(old.id, alice.customerId, { distributed_at: ago(5) })
        const e2 = await entry(ended.id, alice.customerId, { distributed_at: ago(4) })
        const e3 = await entry(endedEarly.id, alice.customerId, { distributed_at: ago(3) })
        const e4 = await entry(fresh.id, alice.customerId, { distributed_at: ago(1) })
        await entry(offer.id, alice.customerId)
        await entry(fresh.id, bob.customerId)

        const list = await get("/store/customers/me/messages", alice)
        expect(list.status).toBe(200)
        expect(list.data).toEqual(expect.objectContaining({ count: 4, offset: 0, limit: 20, unread: 2 }))
        expect(list.data.messages.map((m: any) => [m.id, m.title, m.status])).toEqual([
          [e4.id, "Fresh", "new"],
          [e3.id, "Ended early", "expired"],
          [e2.id, "Ended", "expired"],
          [e1.id, "Old news", "new"],
        ])
        expect(list.data.messages[0]).toEqual(
          expect.objectContaining({
            campaign_id: fresh.id,
            kind: "message",
            origin: "distribution",
            short_description: fresh.short_description,
            body: null,
            body_format: "markdown",
            read_at: null,
            code: null,
            expires_at: null,
          })
        )
        expect(list.data.messages[2].expires_at).toBe(new Date(ended.ends_at as any).toISOString())

        const page = await get("/store/customers/me/messages?limit=2&offset=2", alice)
        expect(page.data.messages.map((m: any) => m.id)).toEqual([e2.id, e1.id])
        expect(page.data).toEqual(expect.objectContaining({ count: 4, unread: 2, limit: 2, offset: 2 }))

        const read = listen(CrmEvents.INBOX_ENTRY_READ)
        // Ten opens at once: one read time, one event.
        const opens = await Promise.all(Array.from({ length: 10 }, () => get(`/store/customers/me/messages/${e4.id}`, alice)))
        expect(opens.map((r) => r.status)).toEqual(Array(10).fill(200))
        const readAt = opens[0].data.message.read_at
        expect(readAt).toEqual(expect.any(String))
        expect(opens.every((r) => r.data.message.read_at === readAt && r.data.message.status === "read")).toBe(true)
        expect(opens[0].data.message.body).toBe("# Hello")
        await waitFor(async () => read.length, (n) => n >= 1, "the read event")
        await new Promise((r) => setTimeout(r, 500))
        expect(read).toEqual([{ id: e4.id, customer_id: alice.customerId, campaign_id: fresh.id }])

        const again = await get(`/store/customers/me/messages/${e4.id}`, alice)
        expect(again.data.message.read_at).toBe(readAt)
        expect((await messages().retrieveCustomerInboxEntry(e4.id)).read_at?.toISOString()).toBe(readAt)
        expect((await get("/store/customers/me/messages", alice)).data.unread).toBe(1)
        // An expired message opens too (it shows as expired), and the unread count does not count it.
        const expired = await get(`/store/customers/me/messages/${e2.id}`, alice)
        expect(expired.data.message).toEqual(expect.objectContaining({ status: "expired", read_at: expect.any(String) }))
        expect(read).toHaveLength(2)
      })

      it("answers 404 for another customer's entries, the wrong section and unknown ids; 401 without a login", async () => {
        const c = await campaign()
        const o = await campaign({ kind: "offer" })
        const message = await entry(c.id, alice.customerId)
        const offer = await entry(o.id, alice.customerId)

        const others = await get(`/store/customers/me/messages/${message.id}`, bob)
        expect(others.status).toBe(404)
        expect(others.data).toEqual(expect.objectContaining({ type: "not_found", code: "message_not_found" }))
        const othersOffer = await get(`/store/customers/me/offers/${offer.id}`, bob)
        expect(othersOffer.status).toBe(404)
        expect(othersOffer.data.code).toBe("offer_not_found")
        expect((await get(`/store/customers/me/offers/${message.id}`, alice)).data.code).toBe("offer_not_found")
        expect((await get(`/store/customers/me/messages/${offer.id}`, alice)).data.code).toBe("message_not_found")
        expect((await get("/store/customers/me/messages/cinb_unknown", alice)).status).toBe(404)
        const redeem = await settle(api.post(`/store/customers/me/offers/${offer.id}/redeem`, {}, { headers: bob.headers }))
        expect(redeem.status).toBe(404)
        expect(redeem.data.code).toBe("offer_not_found")

        expect((await get("/store/customers/me/messages", bob)).data).toEqual(
          expect.objectContaining({ messages: [], count: 0, unread: 0 })
        )
        expect((await get("/store/customers/me/offers", bob)).data).toEqual(expect.objectContaining({ offers: [], count: 0 }))
        // Nothing was marked read by the refused requests.
        expect((await messages().retrieveCustomerInboxEntry(message.id)).read_at).toBeNull()
        expect((await messages().retrieveCustomerInboxEntry(offer.id)).read_at).toBeNull()

        const pk = { "x-publishable-api-key": store.publishableKey }
        expect((await settle(api.get("/store/customers/me/messages", { headers: pk }))).status).toBe(401)
        expect((await settle(api.get(`/store/customers/me/offers/${offer.id}`, { headers: pk }))).status).toBe(401)
      })

      it("refuses bad input with 400 invalid_data naming the field, and writes nothing", async () => {
        const c = await campaign()
        const message = await entry(c.id, alice.customerId)
        for (const query of ["limit=0", "limit=101", "limit=abc", "offset=-1", "colour=red", "order=title"]) {
          const res = await get(`/store/customers/me/messages?${query}`, alice)
          expect(res.status).toBe(400)
          expect(res.data.code).toBe("invalid_data")
          expect(res.data.message).toContain(query.split("=")[0])
        }
        expect((await get("/store/customers/me/offers?limit=0", alice)).status).toBe(400)
        const opened = await get(`/store/customers/me/messages/${message.id}?fields=body`, alice)
        expect(opened.status).toBe(400)
        expect(opened.data.code).toBe("invalid_data")
        expect((await messages().retrieveCustomerInboxEntry(message.id)).read_at).toBeNull()
        const redeem = await settle(
          api.post(`/store/customers/me/offers/${message.id}/redeem`, { points: 10 }, { headers: alice.headers })
        )
        expect(redeem.status).toBe(400)
        expect(redeem.data).toEqual(expect.objectContaining({ code: "invalid_data" }))
        expect(redeem.data.message).toContain("points")

        for (const query of ["status=lost", "limit=1000", "x=1"]) {
          const res = await settle(api.get(`/admin/customers/${alice.customerId}/messages?${query}`, { headers }))
          expect(res.status).toBe(400)
          expect(res.data.code).toBe("invalid_data")
        }
      })
    })

    describe("storefront offers and the admin lists", () => {
      it("shows usable offers in the storefront and every status in the admin", async () => {
        const promotion = (
          await getContainer()
            .resolve(Modules.PROMOTION)
            .createPromotions([
              {
                code: "SHARED5",
                type: "standard",
                status: "active",
                application_method: { type: "fixed", target_type: "order", allocation: "across", value: 5, currency_code: "eur" },
              },
            ])
        )[0]
        const shared = await campaign({ kind: "offer", title: "Shared", promotion_id: promotion.id })
        const used = await campaign({ kind: "offer", title: "Used", promotion_id: promotion.id })
        const removed = await campaign({ kind: "offer", title: "Removed", promotion_id: promotion.id })
        const expired = await campaign({ kind: "offer", title: "Expired", promotion_id: promotion.id, ends_at: ago(1) })
        const loyalty = await campaign({ kind: "loyalty_offer", title: "Loyalty", promotion_id: promotion.id, points_cost: 250 })
        const message = await campaign({ title: "A message", ends_at: ago(1) })
        const eShared = await entry(shared.id, alice.customerId, { distributed_at: ago(2), read_at: ago(1) })
        const eUsed = await entry(used.id, alice.customerId, { redeemed_at: ago(0.5), redeemed_order_id: "order_1" })
        const eRemoved = await entry(removed.id, alice.customerId, { removed_at: ago(0.5) })
        const eExpired = await entry(expired.id, alice.customerId)
        const eLoyalty = await entry(loyalty.id, alice.customerId, { distributed_at: ago(0.1) })
        const eMessage = await entry(message.id, alice.customerId)

        const store = await get("/store/customers/me/offers", alice)
        expect(store.status).toBe(200)
        expect(store.data.count).toBe(2)
        expect(store.data.offers.map((o: any) => [o.id, o.status, o.code, o.points_cost])).toEqual([
          [eLoyalty.id, "new", null, 250],
          [eShared.id, "read", "SHARED5", null],
        ])
        // Offers that left the storefront inbox still open by id, with their status; removed ones do not.
        expect((await get(`/store/customers/me/offers/${eUsed.id}`, alice)).data.offer.status).toBe("redeemed")
        expect((await get(`/store/customers/me/offers/${eExpired.id}`, alice)).data.offer.status).toBe("expired")
        expect((await get(`/store/customers/me/offers/${eRemoved.id}`, alice)).status).toBe(404)

        const admin = await api.get(`/admin/customers/${alice.customerId}/offers`, { headers })
        expect(admin.data.count).toBe(5)
        const statuses = Object.fromEntries(admin.data.offers.map((o: any) => [o.id, o.status]))
        expect(statuses).toEqual({
          [eShared.id]: "read",
          [eUsed.id]: "redeemed",
          [eRemoved.id]: "removed",
          [eExpired.id]: "expired",
          [eLoyalty.id]: "new",
        })
        const usedRow = admin.data.offers.find((o: any) => o.id === eUsed.id)
        expect(usedRow).toEqual(expect.objectContaining({ redeemed_order_id: "order_1", redeemed_at: expect.any(String), title: "Used" }))
        const narrowed = await api.get(`/admin/customers/${alice.customerId}/offers?status=removed,redeemed`, { headers })
        expect(narrowed.data.offers.map((o: any) => o.id).sort()).toEqual([eUsed.id, eRemoved.id].sort())

        const adminMessages = await api.get(`/admin/customers/${alice.customerId}/messages`, { headers })
        expect(adminMessages.data).toEqual(expect.objectContaining({ count: 1, offset: 0, limit: 20 }))
        expect(adminMessages.data.messages[0]).toEqual(expect.objectContaining({ id: eMessage.id, status: "expired" }))
        expect((await api.get(`/admin/customers/${bob.customerId}/offers`, { headers })).data.count).toBe(0)

        const unknown = await settle(api.get("/admin/customers/cus_unknown/messages", { headers }))
        expect(unknown.status).toBe(404)
        expect(unknown.data.code).toBe("customer_not_found")
        expect((await settle(api.get("/admin/customers/cus_unknown/offers", { headers }))).status).toBe(404)
      })
    })
  },
})
