import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { expireMemberships } from "../../src/jobs/expire-memberships"
import { CUSTOMER_NOTE_MODULE } from "../../src/modules/customer-note"
import type CustomerNoteModuleService from "../../src/modules/customer-note/service"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../../src/modules/membership"
import orderCanceledMembershipsHandler from "../../src/subscribers/order-canceled-memberships"
import orderPlacedMembershipsHandler from "../../src/subscribers/order-placed-memberships"
import { createAdminUser, settle } from "../helpers/admin"
import { waitFor } from "../helpers/wait"
import {
  createGroupPromotion,
  createStoreCart,
  createTestStore,
  placeStoreOrder,
  registerStoreCustomer,
  storeCrmClient,
  type TestStore,
} from "../helpers/store"

jest.setTimeout(240 * 1000)

const DAY = 86_400_000
const NUMBER = /^M-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: TestStore
    let groupId: string
    let planId: string
    let customerId: string
    let otherId: string
    let seq = 0

    const memberships = () => getContainer().resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const groupsOf = async (id: string) =>
      (await api.get(`/admin/customers/${id}?fields=groups.id`, { headers })).data.customer.groups.map(
        (g: { id: string }) => g.id
      )
    const systemNotes = async (id: string) =>
      (
        await getContainer()
          .resolve<CustomerNoteModuleService>(CUSTOMER_NOTE_MODULE)
          .listCustomerNotes({ customer_id: id, kind: "system" }, { order: { created_at: "ASC" } })
      ).map((n) => n.body)
    const newCustomer = async () =>
      (
        await api.post(
          "/admin/customers",
          { email: `member${++seq}@example.com`, first_name: "Mia", last_name: `Member${seq}` },
          { headers }
        )
      ).data.customer.id as string
    const base = (id = customerId) => `/admin/customers/${id}/memberships`
    const assign = async (body: Record<string, unknown> = {}, id = customerId) =>
      (await api.post(base(id), { plan_id: planId, ...body }, { headers })).data.membership
    const act = (membershipId: string, action: string, body: unknown = {}, id = customerId) =>
      settle(api.post(`${base(id)}/${membershipId}/${action}`, body, { headers }))
    const historyOf = async (membershipId: string, id = customerId) =>
      (await api.get(`${base(id)}/${membershipId}`, { headers })).data.history.map((h: any) => h.type)
    const createPlan = async (body: Record<string, unknown>) =>
      (await api.post("/admin/crm/membership-plans", body, { headers })).data.plan

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      store = await createTestStore(getContainer())
      groupId = (await api.post("/admin/customer-groups", { name: "Friends" }, { headers })).data.customer_group.id
      const plan = await createPlan({
        name: "Friends of the Theatre",
        level: 1,
        duration_unit: "year",
        duration_value: 1,
        customer_group_id: groupId,
        max_shares: 1,
      })
      planId = plan.id
      customerId = await newCustomer()
      otherId = await newCustomer()
    })

    describe("plans", () => {
      it("creates, lists with member counts, updates and deletes plans", async () => {
        const lifetime = await createPlan({ name: "Patron", level: 3, duration_unit: "lifetime" })
        expect(lifetime).toEqual(expect.objectContaining({ duration_value: null, max_shares: 0, reminder_days: 14 }))
        await assign()
        const { data } = await api.get("/admin/crm/membership-plans", { headers })
        expect(data.plans.map((p: any) => [p.name, p.active_count, p.member_count])).toEqual([
          ["Friends of the Theatre", 1, 1],
          ["Patron", 0, 0],
        ])
        expect(data.plans[0].customer_group).toEqual({ id: groupId, name: "Friends" })

        const updated = await api.post(`/admin/crm/membership-plans/${lifetime.id}`, { max_shares: 2 }, { headers })
        expect(updated.data.plan.max_shares).toBe(2)
        const refused = await settle(api.delete(`/admin/crm/membership-plans/${planId}`, { headers }))
        expect(refused.status).toBe(400)
        expect(refused.data.code).toBe("plan_has_active_memberships")
        expect(refused.data.message).toMatch(/active memberships/)
        const deleted = await api.delete(`/admin/crm/membership-plans/${lifetime.id}`, { headers })
        expect(deleted.data).toEqual({ id: lifetime.id, object: "membership_plan", deleted: true })
        expect((await settle(api.get(`/admin/crm/membership-plans/${lifetime.id}`, { headers }))).status).toBe(404)
      })

      it("moving a plan to another benefit group moves its active members", async () => {
        const m = await assign()
        await act(m.id, "shares", { customer_id: otherId })
        await api.post("/admin/crm/tags", { key: "friend", label: "Friend", value_mode: "flag", customer_group_id: groupId }, { headers })
        await api.post(`/admin/customers/${otherId}/tags`, { key: "friend" }, { headers })
        const patrons = (await api.post("/admin/customer-groups", { name: "Patrons" }, { headers })).data.customer_group.id
        await api.post(`/admin/crm/membership-plans/${planId}`, { customer_group_id: patrons }, { headers })
        expect(await groupsOf(customerId)).toEqual([patrons])
        // The co-member keeps the old group through their tag, and gets the new one.
        expect((await groupsOf(otherId)).sort()).toEqual([groupId, patrons].sort())
        await act(m.id, "cancel", { at: "now" })
        expect(await groupsOf(customerId)).toEqual([])
        expect(await groupsOf(otherId)).toEqual([groupId])
      })

      it("refuses bad plans with a 400 and creates nothing", async () => {
        for (const body of [
          { name: "No length", level: 1, duration_unit: "month" },
          { name: "Bad unit", level: 1, duration_unit: "week", duration_value: 1 },
          { name: "", level: 1, duration_unit: "lifetime" },
          { name: "Bad group", level: 1, duration_unit: "lifetime", customer_group_id: "cusgroup_nope" },
          { name: "Bad variant", level: 1, duration_unit: "lifetime", variant_id: "variant_nope" },
          { name: "Extra", level: 1, duration_unit: "lifetime", colour: "red" },
          { name: "Shares", level: 1, duration_unit: "lifetime", max_shares: -1 },
        ]) {
          const res = await settle(api.post("/admin/crm/membership-plans", body, { headers }))
          expect([res.status, body.name]).toEqual([400, body.name])
        }
        expect(await memberships().listMembershipPlans()).toHaveLength(1)
      })
    })

    describe("actions", () => {
      it("assigns a membership: a number, the plan's duration, the benefit group, history and a note", async () => {
        const before = Date.now()
        const m = await assign()
        expect(m.number).toMatch(NUMBER)
        expect(m).toEqual(expect.objectContaining({ status: "active", source: "admin", role: "holder", customer_id: customerId }))
        const expires = new Date(m.expires_at).getTime()
        expect(expires - before).toBeGreaterThan(364 * DAY)
        expect(expires - before).toBeLessThan(367 * DAY)
        expect(await groupsOf(customerId)).toEqual([groupId])
        expect(await historyOf(m.id)).toEqual(["created"])
        expect((await systemNotes(customerId))[0]).toMatch(/^Membership Friends of the Theatre \(M-.+\) assigned, valid until \d{4}-\d{2}-\d{2}$/)

        const list = await api.get(base(), { headers })
        expect(list.data.memberships.map((x: any) => x.number)).toEqual([m.number])
        const unknownPlan = await settle(api.post(base(), { plan_id: "mplan_nope" }, { headers }))
        expect([unknownPlan.status, unknownPlan.data.code]).toEqual([404, "plan_not_found"])
        expect((await settle(api.post(base("cus_nope"), { plan_id: planId }, { headers }))).status).toBe(404)
        const early = await settle(
          api.post(base(), { plan_id: planId, starts_at: "2030-01-10", expires_at: "2030-01-01" }, { headers })
        )
        expect(early.status).toBe(400)
        expect(early.data.message).toMatch(/after the start/)
      })

      it("edits the expiration: a past date expires it and a future one brings it back", async () => {
        const m = await assign({ starts_at: new Date(Date.now() - 30 * DAY).toISOString() })
        const past = await act(m.id, "expiration", { expires_at: new Date(Date.now() - DAY).toISOString() })
        expect(past.data.membership.status).toBe("expired")
        expect(await groupsOf(customerId)).toEqual([])
        const future = await act(m.id, "expiration", { expires_at: "2099-12-31" })
        expect(future.data.membership.status).toBe("active")
        expect(await groupsOf(customerId)).toEqual([groupId])
        const beforeStart = await act(m.id, "expiration", { expires_at: new Date(Date.now() - 40 * DAY).toISOString() })
        expect(beforeStart.status).toBe(400)
        expect((await act(m.id, "expiration", { expires_at: "tomorrow" })).status).toBe(400)
        expect(await historyOf(m.id)).toEqual(["expiration_edited", "expiration_edited", "created"])
      })

      it("renews from the later of now and the expiry, and never a cancelled or lifetime membership", async () => {
        const m = await assign()
        const renewed = await act(m.id, "renew")
        const gained = new Date(renewed.data.membership.expires_at).getTime() - new Date(m.expires_at).getTime()
        expect(gained).toBeGreaterThan(364 * DAY)

        const lapsed = await assign({ starts_at: "2020-01-01", expires_at: "2021-01-01" }, otherId)
        expect(lapsed.status).toBe("expired")
        const back = await act(lapsed.id, "renew", {}, otherId)
        expect(back.data.membership.status).toBe("active")
        expect(new Date(back.data.membership.expires_at).getTime()).toBeGreaterThan(Date.now() + 364 * DAY)
        expect(await groupsOf(otherId)).toEqual([groupId])

        await act(m.id, "cancel", { at: "now" })
        const refused = await act(m.id, "renew")
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/cancelled membership cannot be renewed/)

        const patron = await createPlan({ name: "Patron", level: 3, duration_unit: "lifetime" })
        const forever = await assign({ plan_id: patron.id })
        expect(forever.expires_at).toBeNull()
        const lifetimeRenew = await act(forever.id, "renew")
        expect([lifetimeRenew.status, lifetimeRenew.data.code]).toEqual([400, "membership_lifetime"])
      })

      it("cancels now (out of the group) or at the end of the period (the job cancels it then)", async () => {
        const now = await assign()
        const cancelled = await act(now.id, "cancel", { at: "now" })
        expect(cancelled.data.membership).toEqual(expect.objectContaining({ status: "cancelled" }))
        expect(await groupsOf(customerId)).toEqual([])
        // A second cancel on purpose (its own key: the same request again within seconds would get the first answer).
        const again = await settle(
          api.post(`${base()}/${now.id}/cancel`, { at: "now" }, { headers: { ...headers, "Idempotency-Key": "cancel-again" } })
        )
        expect(again.status).toBe(400)
        expect((await act(now.id, "expiration", { expires_at: "2099-01-01" })).status).toBe(400)

        const later = await assign({}, otherId)
        const scheduled = await act(later.id, "cancel", { at: "period_end" }, otherId)
        expect(scheduled.data.membership).toEqual(expect.objectContaining({ status: "active", cancel_at_period_end: true }))
        expect(await groupsOf(otherId)).toEqual([groupId])
        await expireMemberships(getContainer(), new Date(new Date(later.expires_at).getTime() + DAY))
        const [ended] = await memberships().listMemberships({ id: later.id })
        expect(ended.status).toBe("cancelled")
        expect(await groupsOf(otherId)).toEqual([])
        expect(await historyOf(later.id, otherId)).toEqual(["cancelled", "cancel_scheduled", "created"])
      })

      it("gives a membership away: the group moves with it; never to oneself or an unknown customer", async () => {
        const m = await assign()
        const toHolder = await act(m.id, "gift", { customer_id: customerId })
        expect([toHolder.status, toHolder.data.code]).toEqual([400, "already_holder"])
        expect((await act(m.id, "gift", { customer_id: "cus_nope" })).status).toBe(404)
        const gifted = await act(m.id, "gift", { customer_id: otherId })
        expect(gifted.data.membership).toEqual(expect.objectContaining({ customer_id: otherId, role: "holder" }))
        expect(await groupsOf(customerId)).toEqual([])
        expect(await groupsOf(otherId)).toEqual([groupId])
        expect((await act(m.id, "renew")).status).toBe(404)
        expect(await historyOf(m.id, otherId)).toEqual(["gifted", "created"])
        expect((await systemNotes(otherId)).some((n) => /received as a gift/.test(n))).toBe(true)
      })

      it("shares with co-members up to the plan's limit; unsharing takes them out of the group", async () => {
        const m = await assign()
        const third = await newCustomer()
        const shared = await act(m.id, "shares", { customer_id: otherId })
        expect(shared.data.membership.shares.map((s: any) => s.customer_id)).toEqual([otherId])
        expect(await groupsOf(otherId)).toEqual([groupId])
        const asCoMember = await api.get(base(otherId), { headers })
        expect(asCoMember.data.memberships[0]).toEqual(expect.objectContaining({ id: m.id, role: "co_member" }))

        const full = await act(m.id, "shares", { customer_id: third })
        expect([full.status, full.data.code]).toEqual([400, "share_limit_reached"])
        expect(full.data.message).toMatch(/shared with 1 person at most/)
        expect((await act(m.id, "shares", { customer_id: otherId })).status).toBe(400)
        expect((await act(m.id, "shares", { customer_id: customerId })).status).toBe(400)

        const removed = await api.delete(`${base()}/${m.id}/shares/${otherId}`, { headers })
        expect(removed.data.membership.shares).toEqual([])
        expect(await groupsOf(otherId)).toEqual([])
        expect((await settle(api.delete(`${base()}/${m.id}/shares/${otherId}`, { headers }))).status).toBe(404)
        expect(await historyOf(m.id)).toEqual(["unshared", "shared", "created"])
      })

      it("deleting the holder removes their memberships; co-members leave the group", async () => {
        const m = await assign()
        await act(m.id, "shares", { customer_id: otherId })
        await api.delete(`/admin/customers/${customerId}`, { headers })
        await waitFor(
          () => memberships().listMemberships({ customer_id: customerId }),
          (list) => list.length === 0,
          "the deleted holder's memberships"
        )
        // The memberships go in one step and the group is released in a later one of the same workflow.
        await waitFor(() => groupsOf(otherId), (groups) => groups.length === 0, "the co-member leaving the group")
        expect((await api.get(base(otherId), { headers })).data.memberships).toEqual([])
      })

      it("keeps a customer in a group that a tag also gives, until both are gone", async () => {
        await api.post("/admin/crm/tags", { key: "friend", label: "Friend", value_mode: "flag", customer_group_id: groupId }, { headers })
        const m = await assign()
        const tag = (await api.post(`/admin/customers/${customerId}/tags`, { key: "friend" }, { headers })).data.tag
        await act(m.id, "cancel", { at: "now" })
        expect(await groupsOf(customerId)).toEqual([groupId])
        await api.delete(`/admin/customers/${customerId}/tags/${tag.id}`, { headers })
        expect(await groupsOf(customerId)).toEqual([])
      })
    })

    describe("purchase, expiry and the member price", () => {
      it("an order with the plan's variant creates the membership once, and a second order renews it", async () => {
        const {
          result: [product],
        } = await createProductsWorkflow(getContainer()).run({
          input: {
            products: [
              {
                title: "Friends membership",
                status: "published",
                options: [{ title: "Term", values: ["1 year"] }],
                variants: [
                  { title: "1 year", options: { Term: "1 year" }, manage_inventory: false, prices: [{ amount: 50, currency_code: "eur" }] },
                ],
                sales_channels: [{ id: store.salesChannelId }],
              },
            ],
          },
        })
        await api.post(`/admin/crm/membership-plans/${planId}`, { variant_id: product.variants[0].id }, { headers })
        const shopper = await registerStoreCustomer(api, store.publishableKey, `buyer${++seq}@example.com`)
        const buy = () =>
          placeStoreOrder(api, { ...store, variantId: product.variants[0].id }, shopper.headers)
        const held = () => memberships().listMemberships({ customer_id: shopper.customerId })

        const order = await buy()
        const [created] = await waitFor(held, (list) => list.length === 1, "the bought membership")
        expect(created).toEqual(expect.objectContaining({ source: "purchase", order_id: order.id, status: "active" }))
        const again = { event: { name: "order.placed", data: { id: order.id } }, container: getContainer() }
        await orderPlacedMembershipsHandler(again as any)
        await orderPlacedMembershipsHandler(again as any)
        expect(await held()).toHaveLength(1)

        const second = await buy()
        await waitFor(
          async () => (await memberships().listMembershipEvents({ membership_id: created.id })).map((e) => e.type),
          (types) => types.includes("renewed"),
          "the renewal"
        )
        const [renewed] = await held()
        expect(new Date(renewed.expires_at!).getTime() - new Date(created.expires_at!).getTime()).toBeGreaterThan(364 * DAY)
        expect(await held()).toHaveLength(1)

        const mine = await api.get("/store/customers/me/memberships", { headers: shopper.headers })
        expect(mine.data.memberships.map((m: any) => m.id)).toEqual([created.id])

        // Canceling the renewing order rolls the expiry back; canceling the first cancels it.
        await api.post(`/admin/orders/${second.id}/cancel`, {}, { headers })
        const [rolledBack] = await waitFor(
          held,
          ([m]) => new Date(m.expires_at!).getTime() === new Date(created.expires_at!).getTime(),
          "the renewal to be rolled back"
        )
        expect(rolledBack.status).toBe("active")
        await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers })
        await waitFor(held, ([m]) => m.status === "cancelled", "the bought membership to be cancelled")
        const twice = { event: { name: "order.canceled", data: { id: order.id } }, container: getContainer() }
        await orderCanceledMembershipsHandler(twice as any)
        const types = (await memberships().listMembershipEvents({ membership_id: created.id }, { order: { created_at: "ASC" } })).map((e) => e.type)
        expect(types).toEqual(["created", "renewed", "expiration_edited", "cancelled"])
        expect(await groupsOf(shopper.customerId)).toEqual([])
      })

      it("expires by the job: out of the group, and the member-only promotion stops applying", async () => {
        await createGroupPromotion(getContainer(), "FRIENDS10", groupId)
        const shopper = await registerStoreCustomer(api, store.publishableKey, `friend${++seq}@example.com`)
        const m = await assign({ expires_at: new Date(Date.now() + 10 * DAY).toISOString() }, shopper.customerId)

        const applyCode = async () => {
          const cartId = await createStoreCart(api, store, shopper.headers)
          const { data } = await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: ["FRIENDS10"] }, { headers: shopper.headers })
          return data.cart
        }
        const memberCart = await applyCode()
        expect(memberCart.promotions.map((p: any) => p.code)).toEqual(["FRIENDS10"])
        expect(memberCart.total).toBe(90)

        expect(await expireMemberships(getContainer(), new Date(Date.now() + 5 * DAY))).toEqual({ expired: 0, reminded: 1 })
        expect(await expireMemberships(getContainer(), new Date(Date.now() + 11 * DAY))).toEqual({ expired: 1, reminded: 0 })
        expect(await expireMemberships(getContainer(), new Date(Date.now() + 11 * DAY))).toEqual({ expired: 0, reminded: 0 })
        const [ended] = await memberships().listMemberships({ id: m.id })
        expect(ended.status).toBe("expired")
        expect(await groupsOf(shopper.customerId)).toEqual([])
        const reminders = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ template: "membership-expiring" })
        expect(reminders).toEqual([expect.objectContaining({ to: `friend${seq}@example.com` })])

        const formerCart = await settle(applyCode())
        const promos = formerCart?.promotions ?? formerCart?.data?.cart?.promotions ?? []
        expect(promos.map((p: any) => p.code)).not.toContain("FRIENDS10")
      })
    })

    describe("card and door check", () => {
      it("signs the card's QR code and answers valid, expired, cancelled or invalid", async () => {
        const m = await assign({ starts_at: new Date(Date.now() - 30 * DAY).toISOString() })
        const { data } = await api.get(`${base()}/${m.id}/card`, { headers })
        expect(data.card).toEqual(
          expect.objectContaining({ number: m.number, holder_name: "Mia M.", plan_name: "Friends of the Theatre" })
        )
        expect(data.card.qr_svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/)
        const verify = async (code: string) =>
          (await api.get(`/admin/crm/memberships/verify?code=${encodeURIComponent(code)}`, { headers })).data
        expect(await verify(data.card.code)).toEqual({
          result: "valid",
          membership: expect.objectContaining({ number: m.number, status: "active" }),
        })

        const [prefix, number, seat, version, sig] = data.card.code.split(".")
        const other = await assign({}, otherId)
        expect((await verify(`${prefix}.${other.number}.${seat}.${version}.${sig}`)).result).toBe("invalid")
        // A changed signature character (the first: the last one's low bits are padding, so a few
        // other last characters decode to the same bytes).
        const tampered = `${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`
        expect((await verify(`${prefix}.${number}.${seat}.${version}.${tampered}`)).result).toBe("invalid")
        expect((await verify("hello")).result).toBe("invalid")
        const noCode = await settle(api.get("/admin/crm/memberships/verify", { headers }))
        expect([noCode.status, noCode.data.code]).toEqual([400, "invalid_data"])

        const expired = await act(m.id, "expiration", { expires_at: new Date(Date.now() - DAY).toISOString() })
        expect(expired.status).toBe(200)
        expect((await verify(data.card.code)).result).toBe("expired")
        await act(m.id, "expiration", { expires_at: "2099-01-01" })
        await act(m.id, "cancel", { at: "now" })
        expect((await verify(data.card.code)).result).toBe("cancelled")
      })

      it("store routes show the customer's own memberships and refuse another customer's card", async () => {
        const shopper = await registerStoreCustomer(api, store.publishableKey, `own${++seq}@example.com`)
        const mine = await assign({}, shopper.customerId)
        const theirs = await assign({}, otherId)
        // As a storefront reads them: through the plugin's typed client.
        const crm = storeCrmClient(api, shopper.headers)
        const list = await crm.store.memberships.list()
        expect(list.memberships.map((m) => m.id)).toEqual([mine.id])
        expect([list.count, list.offset, list.limit]).toEqual([1, 0, 20])
        expect(await crm.store.memberships.list({ offset: 1 })).toEqual({ memberships: [], count: 1, offset: 1, limit: 20 })
        const one = await crm.store.memberships.retrieve(mine.id)
        expect(one.membership).toEqual(expect.objectContaining({ id: mine.id, number: mine.number, role: "holder" }))
        expect((await crm.store.memberships.retrieve(mine.id, { fields: "number,status" })).membership).toEqual({
          id: mine.id,
          number: mine.number,
          status: "active",
        })
        const card = await crm.store.memberships.retrieveCard(mine.id)
        expect(card.card.number).toBe(mine.number)
        const refused = await settle(api.get(`/store/customers/me/memberships/${theirs.id}/card`, { headers: shopper.headers }))
        expect([refused.status, refused.data.code]).toEqual([404, "membership_not_found"])
        const notMine = await settle(api.get(`/store/customers/me/memberships/${theirs.id}`, { headers: shopper.headers }))
        expect([notMine.status, notMine.data.code]).toEqual([404, "membership_not_found"])
        const badPage = await settle(api.get("/store/customers/me/memberships?limit=0", { headers: shopper.headers }))
        expect([badPage.status, badPage.data.code]).toEqual([400, "invalid_data"])
        const anonymous = await settle(
          api.get("/store/customers/me/memberships", { headers: { "x-publishable-api-key": store.publishableKey } })
        )
        expect(anonymous.status).toBe(401)
      })
    })
  },
})
