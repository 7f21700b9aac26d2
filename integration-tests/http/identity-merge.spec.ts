import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService } from "../../src/modules/customer-identity"
import { CUSTOMER_TAG_MODULE } from "../../src/modules/customer-tag"
import type CustomerTagModuleService from "../../src/modules/customer-tag/service"
import { createAdminUser, settle } from "../helpers/admin"
import { recordSentNotifications } from "../helpers/notifications"
import { createTestStore, placeGuestOrder, registerStoreCustomer, type TestStore } from "../helpers/store"
import { waitFor } from "../helpers/wait"
import { mergeCustomersWorkflow, undoCustomerMergeWorkflow } from "../../src/workflows/merge-customers"

jest.setTimeout(180 * 1000)

/**
 * A host app's hooks on merges, registered once for the file (hooks are global): `customersMerged`
 * refuses merges into the survivor named in `refuseInto` (the merge is rolled back) and records the
 * others; `customerMergeUndone` records undos.
 */
const hookState: { refuseInto: string | null; merged: string[]; undone: string[] } = { refuseInto: null, merged: [], undone: [] }
mergeCustomersWorkflow.hooks.customersMerged(async ({ merge, survivor_id, source_id }) => {
  if (survivor_id === hookState.refuseInto) {
    throw new Error("The ticketing system refuses this merge")
  }
  hookState.merged.push(`${merge.id}:${source_id}->${survivor_id}`)
})
undoCustomerMergeWorkflow.hooks.customerMergeUndone(async ({ merge }) => {
  hookState.undone.push(merge.id)
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: TestStore

    const identity = () => getContainer().resolve<CustomerIdentityModuleService>(CUSTOMER_IDENTITY_MODULE)
    const customer = async (body: Record<string, unknown>) =>
      (await api.post("/admin/customers", body, { headers })).data.customer.id as string

    /** A guest checkout with `email`, as a storefront does it without a login; returns the order. */
    const guestOrder = (email: string) => placeGuestOrder(api, store, getContainer(), email)

    /**
     * Everything a merge touches, for two customers, read from the database: the comparison that
     * proves an undo put everything back (nothing lost, nothing duplicated).
     */
    const snapshot = async (ids: string[]) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const out: Record<string, unknown> = {}
      for (const id of ids) {
        const { data: [c] } = await query.graph({
          entity: "customer",
          fields: ["id", "email", "addresses.address_1", "addresses.is_default_shipping", "groups.name"],
          filters: { id },
        })
        const { data: orders } = await query.graph({ entity: "order", fields: ["id"], filters: { customer_id: id } })
        const notes = (await api.get(`/admin/customers/${id}/notes`, { headers })).data.notes
        const tags = (await api.get(`/admin/customers/${id}/tags`, { headers })).data.tags
        const loyalty = (await api.get(`/admin/customers/${id}/loyalty`, { headers })).data.loyalty
        const memberships = (await api.get(`/admin/customers/${id}/memberships`, { headers })).data.memberships
        const ident = (await api.get(`/admin/customers/${id}/identity`, { headers })).data.identity
        out[id] = {
          exists: !!c,
          addresses: (c as any)?.addresses.map((a: any) => [a.address_1, a.is_default_shipping]).sort(),
          groups: (c as any)?.groups.map((g: any) => g.name).sort(),
          orders: orders.map((o: any) => o.id).sort(),
          notes: notes.filter((n: any) => n.kind === "manual").map((n: any) => n.id).sort(),
          tags: tags.map((t: any) => `${t.id}:${t.key ?? t.definition?.key}`).sort(),
          loyalty: loyalty.balance,
          memberships: memberships.map((m: any) => m.id).sort(),
          alternate_emails: ident.alternate_emails.map((e: any) => e.email).sort(),
        }
      }
      return out
    }

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      store = await createTestStore(getContainer())
    })

    it("links a guest record to the online account, moving everything, and an undo puts it all back exactly", async () => {
      // The guest: two orders at the box office / guest checkout, a note, tags, an address,
      // points, a membership and an alternate e-mail.
      const first = await guestOrder("pat@example.com")
      const second = await guestOrder("pat@example.com")
      const guest = first.customer_id
      expect(second.customer_id).toBe(guest)
      const account = await registerStoreCustomer(api, store.publishableKey, "pat.online@example.com")
      const friends = (await api.post("/admin/customer-groups", { name: "Friends" }, { headers })).data.customer_group.id
      await api.post("/admin/crm/tags", { key: "friend", label: "Friend", value_mode: "flag", customer_group_id: friends }, { headers })
      await api.post("/admin/crm/tags", { key: "vip", label: "VIP", value_mode: "flag" }, { headers })
      await api.post(`/admin/customers/${guest}/tags`, { key: "friend" }, { headers })
      await api.post(`/admin/customers/${guest}/tags`, { key: "vip" }, { headers })
      await api.post(`/admin/customers/${account.customerId}/tags`, { key: "vip" }, { headers })
      await api.post(`/admin/customers/${guest}/notes`, { body: "Prefers aisle seats" }, { headers })
      await api.post(`/admin/customers/${guest}/addresses`, { address_1: "Kerkstraat 1", city: "Utrecht", country_code: "nl", is_default_shipping: true }, { headers })
      await api.post(`/admin/customers/${guest}/loyalty/adjustments`, { points: 300, reason: "Welcome" }, { headers })
      const plan = (await api.post("/admin/crm/membership-plans", { name: "Friends", level: 1, duration_unit: "year", duration_value: 1 }, { headers })).data.plan
      await api.post(`/admin/customers/${guest}/memberships`, { plan_id: plan.id }, { headers })
      await api.post(`/admin/customers/${guest}/identity/emails`, { email: "pat.work@example.com" }, { headers })

      const before = await snapshot([guest, account.customerId])

      // The preview lists what moves and what stays, and blocks nothing.
      const { data: { preview } } = await api.get(
        `/admin/customers/${guest}/identity/merge-preview?other_id=${account.customerId}&survivor_id=${account.customerId}`,
        { headers }
      )
      expect(preview.survivor.id).toBe(account.customerId)
      expect(preview.source.id).toBe(guest)
      expect(preview.blockers).toEqual([])
      expect(preview.moves).toEqual(
        expect.objectContaining({ orders: 2, addresses: 1, tags: 1, memberships: 1, groups: 1, alternate_emails: 2, loyalty_points: 300 })
      )
      expect(preview.moves.notes).toBeGreaterThanOrEqual(1)
      expect(preview.stays.tags).toEqual(["VIP"])
      expect(preview.primary_email_to_alternate).toBe("pat@example.com")
      expect(preview.undo_days).toBe(7)
      // A preview changes nothing.
      expect(await snapshot([guest, account.customerId])).toEqual(before)

      const linked = await api.post(`/admin/customers/${guest}/identity/link`, { account_id: account.customerId }, { headers })
      expect(linked.status).toBe(200)
      const merge = linked.data.merge
      expect(merge).toEqual(expect.objectContaining({ kind: "link", status: "merged", survivor_id: account.customerId, source_id: guest, can_undo: true }))

      // The guest record is gone; the account holds it all. Its VIP tag (the account has its own)
      // went with it, so no count shows it.
      expect((await settle(api.get(`/admin/customers/${guest}`, { headers }))).status).toBe(404)
      const tagService = getContainer().resolve<CustomerTagModuleService>(CUSTOMER_TAG_MODULE)
      expect(await tagService.listCustomerTags({ customer_id: guest })).toEqual([])
      const after = (await snapshot([account.customerId]))[account.customerId] as any
      expect(after.orders).toEqual([first.id, second.id].sort())
      expect(after.groups).toEqual(["Friends"])
      expect(after.addresses).toEqual([["Kerkstraat 1", false]])
      expect(after.loyalty.available).toBe(300)
      expect(after.memberships).toEqual((before[guest] as any).memberships)
      expect(after.alternate_emails).toEqual(["pat.work@example.com", "pat@example.com"])
      expect(after.tags.map((t: string) => t.split(":")[1]).sort()).toEqual(["friend", "vip"])
      // Through Medusa's order transfer: the order's history holds a confirmed transfer.
      const { data: changes } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order_change", fields: ["change_type", "status"], filters: { order_id: first.id } })
      expect(changes).toEqual([expect.objectContaining({ change_type: "transfer", status: "confirmed" })])
      // The storefront shows the merged orders to the account.
      const { data: mine } = await api.get("/store/orders", { headers: account.headers })
      expect(mine.orders.map((o: any) => o.id).sort()).toEqual([first.id, second.id].sort())
      // A system note on the survivor; the identity lists the merge; the globe's e-mail.
      const { data: timeline } = await api.get(`/admin/customers/${account.customerId}/timeline?type=system_note`, { headers })
      expect(timeline.timeline[0].note.body).toMatch(/^Linked guest record pat@example.com: 2 orders, .*moved here$/)
      const { data: { identity: ident } } = await api.get(`/admin/customers/${account.customerId}/identity`, { headers })
      expect(ident.merges).toEqual([expect.objectContaining({ id: merge.id, can_undo: true, source: expect.objectContaining({ email: "pat@example.com" }) })])
      expect(ident.account).toEqual({ email: "pat.online@example.com" })

      // Undo: everything that moved goes back exactly.
      const undone = await api.post(`/admin/customers/${account.customerId}/identity/merges/${merge.id}/undo`, {}, { headers })
      expect(undone.data.merge).toEqual(expect.objectContaining({ status: "undone", can_undo: false }))
      expect(await snapshot([guest, account.customerId])).toEqual(before)
      const { data: theirs } = await api.get("/store/orders", { headers: account.headers })
      expect(theirs.orders).toEqual([])

      // Twice on purpose is refused, and changes nothing (its own key: the same request again within
      // seconds, a double click, would get the first answer).
      const again = await settle(
        api.post(`/admin/customers/${account.customerId}/identity/merges/${merge.id}/undo`, {}, {
          headers: { ...headers, "Idempotency-Key": "undo-again" },
        })
      )
      expect(again.status).toBe(409)
      expect(again.data.code).toBe("merge_undo_refused")
      expect(again.data.message).toMatch(/already undone/)
      expect(await snapshot([guest, account.customerId])).toEqual(before)
    })

    it("relinks a guest record to another account: undo, then link", async () => {
      const order = await guestOrder("sam@example.com")
      // A canceled order moves too.
      const canceled = await guestOrder("sam@example.com")
      await api.post(`/admin/orders/${canceled.id}/cancel`, {}, { headers })
      const wrong = await registerStoreCustomer(api, store.publishableKey, "sam.wrong@example.com")
      const right = await registerStoreCustomer(api, store.publishableKey, "sam.right@example.com")
      const merge = (await api.post(`/admin/customers/${order.customer_id}/identity/link`, { account_id: wrong.customerId }, { headers })).data.merge
      const relinked = await api.post(
        `/admin/customers/${wrong.customerId}/identity/merges/${merge.id}/relink`,
        { account_id: right.customerId },
        { headers }
      )
      expect(relinked.data.merge).toEqual(expect.objectContaining({ kind: "link", survivor_id: right.customerId, source_id: order.customer_id }))
      expect((await api.get("/store/orders", { headers: right.headers })).data.orders.map((o: any) => o.id).sort()).toEqual(
        [order.id, canceled.id].sort()
      )
      expect((await api.get("/store/orders", { headers: wrong.headers })).data.orders).toEqual([])
      const { data } = await api.get(`/admin/customers/${wrong.customerId}/identity`, { headers })
      expect(data.identity.merges.map((m: any) => m.status)).toEqual(["undone"])
      expect(data.identity.alternate_emails).toEqual([])
    })

    it("a co-member share between the two records goes with the merge and comes back with the undo", async () => {
      const guest = (await guestOrder("max@example.com")).customer_id
      const holder = await registerStoreCustomer(api, store.publishableKey, "max@example.com")
      const plan = (await api.post("/admin/crm/membership-plans", { name: "Duo", level: 1, duration_unit: "year", duration_value: 1, max_shares: 1 }, { headers })).data.plan
      const membership = (await api.post(`/admin/customers/${holder.customerId}/memberships`, { plan_id: plan.id }, { headers })).data.membership
      const share = await api.post(`/admin/customers/${holder.customerId}/memberships/${membership.id}/shares`, { customer_id: guest }, { headers })
      expect(share.data.membership.shares.map((m: any) => m.customer_id)).toEqual([guest])
      const shared = async (id: string) => (await api.get(`/admin/customers/${id}/memberships`, { headers })).data.memberships.map((m: any) => m.id)
      expect(await shared(guest)).toEqual([membership.id])

      const { data: { preview } } = await api.get(`/admin/customers/${guest}/identity/merge-preview?other_id=${holder.customerId}&survivor_id=${holder.customerId}`, { headers })
      expect(preview.blockers).toEqual([])
      expect(preview.stays.shares).toBe(1)
      expect(preview.moves.shares).toBe(0)
      const merge = (await api.post(`/admin/customers/${guest}/identity/link`, { account_id: holder.customerId }, { headers })).data.merge
      expect(await shared(holder.customerId)).toEqual([membership.id])
      const { data: { membership: after } } = await api.get(`/admin/customers/${holder.customerId}/memberships/${membership.id}`, { headers })
      expect(after.shares).toEqual([])

      await api.post(`/admin/customers/${holder.customerId}/identity/merges/${merge.id}/undo`, {}, { headers })
      expect(await shared(guest)).toEqual([membership.id])
    })

    it("gives a host app's hooks the merge and its undo, and rolls a merge back when the hook throws", async () => {
      const keep = await customer({ email: "hook.keep@example.com", first_name: "Hook" })
      const other = await customer({ email: "hook.other@example.com", first_name: "Hook" })
      await api.post(`/admin/customers/${other}/notes`, { body: "Seat 12" }, { headers })
      hookState.refuseInto = keep
      hookState.merged = []
      try {
        const refused = await settle(api.post(`/admin/customers/${keep}/identity/merge`, { other_id: other, survivor_id: keep }, { headers }))
        expect(refused.status).toBeGreaterThanOrEqual(400)
        expect(hookState.merged).toEqual([])
        // Everything is where it was: the other record live, its note its own, no merge recorded.
        const { data } = await api.get(`/admin/customers/${other}`, { headers })
        expect(data.customer.id).toBe(other)
        const notes = (await api.get(`/admin/customers/${other}/notes`, { headers })).data.notes
        expect(notes.map((n: any) => n.body)).toContain("Seat 12")
        expect(await identity().listCustomerMerges({ survivor_id: keep })).toEqual([])
      } finally {
        hookState.refuseInto = null
      }

      const merged = await api.post(`/admin/customers/${keep}/identity/merge`, { other_id: other, survivor_id: keep }, { headers })
      expect(hookState.merged).toEqual([`${merged.data.merge.id}:${other}->${keep}`])
      await api.post(`/admin/customers/${keep}/identity/merges/${merged.data.merge.id}/undo`, {}, { headers })
      expect(hookState.undone).toContain(merged.data.merge.id)
    })

    it("refuses bad merges with clear errors and changes nothing", async () => {
      const ann = await customer({ email: "ann@example.com", first_name: "Ann" })
      const ann2 = await customer({ email: "ANN@example.com", first_name: "Ann", last_name: "B" })
      const one = await registerStoreCustomer(api, store.publishableKey, "one@example.com")
      const two = await registerStoreCustomer(api, store.publishableKey, "two@example.com")
      const before = await snapshot([ann, ann2, one.customerId, two.customerId])
      // The account picker of "Link online account" lists online accounts only.
      const listed = async (query: string) =>
        (await api.get(`/admin/crm/customers?${query}`, { headers })).data.customers.map((c: any) => c.id).sort()
      expect(await listed("account=online")).toEqual([one.customerId, two.customerId].sort())
      expect(await listed("account=guest&q=ann")).toEqual([ann, ann2].sort())
      expect(await listed("account=online&q=ann")).toEqual([])
      expect((await settle(api.get("/admin/crm/customers?account=everyone", { headers }))).status).toBe(400)
      const merge = (id: string, body: unknown) => settle(api.post(`/admin/customers/${id}/identity/merge`, body, { headers }))

      const self = await merge(ann, { other_id: ann, survivor_id: ann })
      expect(self.status).toBe(400)
      expect(self.data.message).toBe("A customer cannot be merged with itself")
      expect((await merge(ann, { other_id: ann2 })).status).toBe(400) // no survivor
      expect((await merge(ann, { other_id: ann2, survivor_id: one.customerId })).status).toBe(400)
      expect((await merge(ann, { other_id: ann2, survivor_id: ann, extra: 1 })).status).toBe(400)
      expect((await merge(ann, { other_id: "cus_nope", survivor_id: ann })).status).toBe(404)
      expect((await merge("cus_nope", { other_id: ann, survivor_id: ann })).status).toBe(404)
      const both = await merge(one.customerId, { other_id: two.customerId, survivor_id: one.customerId })
      expect(both.status).toBe(409)
      expect(both.data.code).toBe("merge_refused")
      expect(both.data.message).toMatch(/Both records have an online account/)
      const wrongWay = await merge(ann, { other_id: one.customerId, survivor_id: ann })
      expect(wrongWay.status).toBe(409)
      expect(wrongWay.data.message).toMatch(/has an online account: keep that record/)
      const { data: { preview } } = await api.get(`/admin/customers/${ann}/identity/merge-preview?other_id=${one.customerId}`, { headers })
      expect(preview.blockers.map((b: any) => b.code)).toEqual(["source_has_account"])
      expect((await settle(api.post(`/admin/customers/${ann}/identity/link`, { account_id: ann2 }, { headers }))).status).toBe(400)
      expect((await settle(api.post(`/admin/customers/${one.customerId}/identity/link`, { account_id: two.customerId }, { headers }))).status).toBe(400)
      expect((await settle(api.post(`/admin/customers/${ann}/identity/merges/cmrg_nope/undo`, {}, { headers }))).status).toBe(404)
      expect(await snapshot([ann, ann2, one.customerId, two.customerId])).toEqual(before)
      expect(await identity().listCustomerMerges({})).toEqual([])

      // Two guest records merge; after the window an undo is refused.
      const merged = await merge(ann, { other_id: ann2, survivor_id: ann })
      expect(merged.status).toBe(200)
      await identity().updateCustomerMerges([{ id: merged.data.merge.id, undo_until: new Date(Date.now() - 1000) }])
      const late = await settle(api.post(`/admin/customers/${ann}/identity/merges/${merged.data.merge.id}/undo`, {}, { headers }))
      expect(late.status).toBe(409)
      expect(late.data.message).toMatch(/can no longer be undone/)
      expect((await settle(api.get(`/admin/customers/${ann2}`, { headers }))).status).toBe(404)
      // A guest checkout after a merge makes a new record with the merged-away e-mail: the undo
      // says so instead of colliding with it.
      const order = await guestOrder("dee@example.com")
      const dee = await registerStoreCustomer(api, store.publishableKey, "dee.online@example.com")
      const link = (await api.post(`/admin/customers/${order.customer_id}/identity/link`, { account_id: dee.customerId }, { headers })).data.merge
      const again = await guestOrder("dee@example.com")
      expect(again.customer_id).not.toBe(order.customer_id)
      const collides = await settle(api.post(`/admin/customers/${dee.customerId}/identity/merges/${link.id}/undo`, {}, { headers }))
      expect(collides.status).toBe(409)
      expect(collides.data.message).toMatch(/Another record with dee@example.com was created since the merge/)
      // Another customer's merge is not found under this one.
      expect((await settle(api.post(`/admin/customers/${ann2}/identity/merges/${merged.data.merge.id}/undo`, {}, { headers }))).status).toBe(404)
    })

    it("a storefront customer gets guest orders only by confirming the code sent to that address", async () => {
      const order = await guestOrder("lee@example.com")
      const guest = order.customer_id
      // Lee's online account uses another address; it holds none of the guest orders.
      const lee = await registerStoreCustomer(api, store.publishableKey, "lee.online@example.com")
      const mine = async () => (await api.get("/store/orders", { headers: lee.headers })).data.orders.map((o: any) => o.id)
      const guestExists = async () => (await settle(api.get(`/admin/customers/${guest}`, { headers }))).status === 200
      expect(await mine()).toEqual([])
      // The code as the e-mail carries it: Medusa's notification table keeps no copy.
      const mail = recordSentNotifications()
      const codes = async () => [mail.claimCodeSentTo("lee@example.com")]
      const claim = (email: unknown, h = lee.headers) => settle(api.post("/store/customers/me/identity/claims", { email }, { headers: h }))
      const confirm = (id: string, code: unknown, h = lee.headers) =>
        settle(api.post(`/store/customers/me/identity/claims/${id}/confirm`, { code }, { headers: h }))

      // The account's own address has nothing to claim: no code goes out.
      const own = await claim("lee.online@example.com")
      expect(own.status).toBe(400)
      expect(mail.claimCodeSentTo("lee.online@example.com")).toBeUndefined()

      // A claim sends a code and moves nothing.
      const first = await claim("LEE@example.com")
      expect(first.status).toBe(201)
      expect(first.data.claim).toEqual(expect.objectContaining({ email: "lee@example.com", status: "pending" }))
      expect(JSON.stringify(first.data)).not.toMatch(/code/)
      const [firstCode] = await codes()
      expect(firstCode).toMatch(/^\d{6}$/)
      expect(await mine()).toEqual([])
      expect(await guestExists()).toBe(true)

      // A wrong code, someone else, a bad body, no login: refused, nothing moves.
      const wrong = await confirm(first.data.claim.id, firstCode === "000000" ? "111111" : "000000")
      expect(wrong.status).toBe(400)
      expect(wrong.data.message).toBe("The code is not right")
      const other = await registerStoreCustomer(api, store.publishableKey, "other@example.com")
      expect((await confirm(first.data.claim.id, firstCode, other.headers)).status).toBe(404)
      expect((await confirm(first.data.claim.id, "12ab")).status).toBe(400)
      expect((await claim("not an address")).status).toBe(400)
      expect((await settle(api.post("/store/customers/me/identity/claims", { email: "lee@example.com" }, {
        headers: { "x-publishable-api-key": store.publishableKey },
      }))).status).toBe(401)
      expect(await mine()).toEqual([])

      // An expired code is refused.
      await getContainer().resolve<CustomerIdentityModuleService>(CUSTOMER_IDENTITY_MODULE)
        .updateCustomerIdentityClaims([{ id: first.data.claim.id, expires_at: new Date(Date.now() - 1000) }])
      const expired = await confirm(first.data.claim.id, firstCode)
      expect(expired.status).toBe(409)
      expect(expired.data.message).toMatch(/expired/)
      expect(await mine()).toEqual([])
      expect(await guestExists()).toBe(true)

      // A fresh code, confirmed: the guest record and its order are the customer's.
      const second = await claim("lee@example.com")
      const [secondCode] = await codes()
      expect(secondCode).not.toBeUndefined()
      const confirmed = await confirm(second.data.claim.id, secondCode)
      expect(confirmed.status).toBe(200)
      expect(confirmed.data.claim).toEqual(expect.objectContaining({ status: "confirmed", records_linked: 1 }))
      expect(await mine()).toEqual([order.id])
      expect(await guestExists()).toBe(false)
      const { data } = await api.get(`/admin/customers/${lee.customerId}/identity`, { headers })
      expect(data.identity.merges).toEqual([expect.objectContaining({ kind: "claim", source_id: guest })])

      // The code works once.
      const reused = await confirm(second.data.claim.id, secondCode)
      expect(reused.status).toBe(409)
      expect(reused.data.message).toMatch(/already used/)

      // An address with nothing under it, once proven, becomes an alternate e-mail.
      const work = await claim("lee.work@example.com")
      const workCode = mail.claimCodeSentTo("lee.work@example.com")!
      const proven = await confirm(work.data.claim.id, workCode)
      expect(proven.data.claim).toEqual(expect.objectContaining({ status: "confirmed", records_linked: 0 }))
      const { data: after } = await api.get(`/admin/customers/${lee.customerId}/identity`, { headers })
      // The claimed guest address is Lee's alternate e-mail now too.
      expect(after.identity.alternate_emails.map((e: any) => [e.email, e.source]).sort()).toEqual([
        ["lee.work@example.com", "claim"],
        ["lee@example.com", "claim"],
      ])
      mail.restore()
    })

    it("counts orders placed with a customer's primary or alternate e-mail under other records in their metrics, timeline and transactions", async () => {
      // A guest checkout first, then an online account with the same address (seed 000).
      const asGuest = await guestOrder("kim@example.com")
      const kim = await registerStoreCustomer(api, store.publishableKey, "kim@example.com")
      expect(asGuest.customer_id).not.toBe(kim.customerId)
      const ordersOf = async () => {
        const metrics = (await api.get(`/admin/customers/${kim.customerId}/metrics`, { headers })).data.metrics
        const transactions = (await api.get(`/admin/customers/${kim.customerId}/transactions`, { headers })).data.transactions
        const timeline = (await api.get(`/admin/customers/${kim.customerId}/timeline?type=order_placed`, { headers })).data.timeline
        return {
          metrics: metrics[0]?.orders ?? 0,
          transactions: transactions.map((t: any) => t.id).sort(),
          timeline: timeline.map((e: any) => e.order.id).sort(),
        }
      }
      // The new account's figures count the guest order at once.
      expect(await waitFor(ordersOf, (o) => o.metrics === 1, "the guest order")).toEqual({
        metrics: 1,
        transactions: [asGuest.id],
        timeline: [asGuest.id],
      })
      const added = await api.post(`/admin/customers/${kim.customerId}/identity/emails`, { email: "Kim.Work@example.com" }, { headers })
      const { data: { transactions } } = await api.get(`/admin/customers/${kim.customerId}/transactions`, { headers })
      expect(transactions[0].customer_id).toBe(asGuest.customer_id)

      // A guest order with the alternate address counts as soon as it is placed.
      const atWork = await guestOrder("KIM.WORK@example.com")
      const both = [asGuest.id, atWork.id].sort()
      expect(await waitFor(ordersOf, (o) => o.metrics === 2, "the order placed with the alternate e-mail")).toEqual({
        metrics: 2,
        transactions: both,
        timeline: both,
      })

      // Without the alternate e-mail, that order no longer counts for Kim.
      await api.delete(`/admin/customers/${kim.customerId}/identity/emails/${added.data.alternate_email.id}`, { headers })
      expect(await ordersOf()).toEqual({ metrics: 1, transactions: [asGuest.id], timeline: [asGuest.id] })
    })

    it("keeps the duplicate groups up to date with what people do: guest checkout then an account, e-mail changes, archive, link and undo, alternate e-mails", async () => {
      /** The duplicate groups page as [match, key, customer ids], with its count. */
      const groups = async () => {
        const { data } = await api.get("/admin/crm/duplicates", { headers })
        return {
          count: data.count,
          groups: data.groups.map((g: any) => [g.match, g.key, g.customers.map((c: any) => c.id).sort()]),
        }
      }
      // A guest checkout makes a guest record; the person then opens an account with that
      // address: two records, one group.
      const guest = await guestOrder("lee@example.com")
      expect(await groups()).toEqual({ count: 0, groups: [] })
      const account = await registerStoreCustomer(api, store.publishableKey, "lee@example.com")
      expect(guest.customer_id).not.toBe(account.customerId)
      expect(await groups()).toEqual({
        count: 1,
        groups: [["email", "lee@example.com", [account.customerId, guest.customer_id].sort()]],
      })

      // Correcting the guest record's e-mail takes it out of the group, and the group is gone.
      expect((await api.post(`/admin/customers/${guest.customer_id}`, { email: "lee.other@example.com" }, { headers })).status).toBe(200)
      expect(await groups()).toEqual({ count: 0, groups: [] })

      // The account's alternate e-mail, then a guest checkout with it: a group again.
      const added = await api.post(`/admin/customers/${account.customerId}/identity/emails`, { email: "Lee.Work@example.com" }, { headers })
      expect(added.status).toBe(201)
      const atWork = await guestOrder("lee.work@example.com")
      const workGroup = ["email", "lee.work@example.com", [account.customerId, atWork.customer_id].sort()]
      expect(await groups()).toEqual({ count: 1, groups: [workGroup] })

      // Archiving the guest record removes the group; restoring it brings the group back.
      await api.post(`/admin/customers/${atWork.customer_id}/identity/archive`, {}, { headers })
      expect(await groups()).toEqual({ count: 0, groups: [] })
      await api.post(`/admin/customers/${atWork.customer_id}/identity/restore`, {}, { headers })
      expect(await groups()).toEqual({ count: 1, groups: [workGroup] })

      // Linking it to the account leaves one record: no group. The undo brings the group back.
      const linked = await api.post(`/admin/customers/${atWork.customer_id}/identity/link`, { account_id: account.customerId }, { headers })
      expect(linked.status).toBe(200)
      expect(await groups()).toEqual({ count: 0, groups: [] })
      const undone = await api.post(`/admin/customers/${account.customerId}/identity/merges/${linked.data.merge.id}/undo`, {}, { headers })
      expect(undone.status).toBe(200)
      expect(await groups()).toEqual({ count: 1, groups: [workGroup] })

      // Without the alternate e-mail the two records share nothing.
      const email = (await api.get(`/admin/customers/${account.customerId}/identity`, { headers })).data.identity.alternate_emails
        .find((e: any) => e.email === "lee.work@example.com")
      await api.delete(`/admin/customers/${account.customerId}/identity/emails/${email.id}`, { headers })
      expect(await groups()).toEqual({ count: 0, groups: [] })
    })
  },
})
