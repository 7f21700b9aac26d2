import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { CUSTOMER_NOTE_MODULE } from "../../src/modules/customer-note"
import type CustomerNoteModuleService from "../../src/modules/customer-note/service"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../../src/modules/membership"
import paymentRefundedMembershipsHandler from "../../src/subscribers/payment-refunded-memberships"
import { createAdminUser } from "../helpers/admin"
import { waitFor } from "../helpers/wait"
import { completeStoreCart, createTestStore, registerStoreCustomer, type TestStore } from "../helpers/store"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: TestStore
    let groupId: string
    let seq = 0

    const memberships = () => getContainer().resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const systemNotes = async (id: string) =>
      (
        await getContainer()
          .resolve<CustomerNoteModuleService>(CUSTOMER_NOTE_MODULE)
          .listCustomerNotes({ customer_id: id, kind: "system" }, { order: { created_at: "ASC" } })
      ).map((n) => n.body)
    const historyOf = async (membershipId: string) =>
      (await memberships().listMembershipEvents({ membership_id: membershipId }, { order: { created_at: "ASC" } })).map(
        (e) => [e.type, (e.data as any)?.reason ?? null]
      )
    const groupsOf = async (id: string) =>
      (await api.get(`/admin/customers/${id}?fields=groups.id`, { headers })).data.customer.groups.map(
        (g: { id: string }) => g.id
      )

    /** A plan sold by its own product variant at `price` (no tax in the test region). */
    const planWithVariant = async (name: string, price: number, body: Record<string, unknown> = {}) => {
      const {
        result: [product],
      } = await createProductsWorkflow(getContainer()).run({
        input: {
          products: [
            {
              title: name,
              status: "published",
              options: [{ title: "Term", values: ["1 year"] }],
              variants: [
                { title: "1 year", options: { Term: "1 year" }, manage_inventory: false, prices: [{ amount: price, currency_code: "eur" }] },
              ],
              sales_channels: [{ id: store.salesChannelId }],
            },
          ],
        },
      })
      const variantId = product.variants[0].id as string
      const { data } = await api.post(
        "/admin/crm/membership-plans",
        { name, level: 1, duration_unit: "year", duration_value: 1, customer_group_id: groupId, variant_id: variantId, ...body },
        { headers }
      )
      return { planId: data.plan.id as string, variantId }
    }

    /** Checks out a cart holding the given variants, one of each, as the logged-in customer. */
    const buy = async (shopperHeaders: Record<string, string>, variantIds: string[]) => {
      const {
        data: { cart },
      } = await api.post("/store/carts", { region_id: store.regionId }, { headers: shopperHeaders })
      for (const variantId of variantIds) {
        await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1 }, { headers: shopperHeaders })
      }
      return await completeStoreCart(api, cart.id, shopperHeaders)
    }

    const paymentOf = async (orderId: string) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,payment_collections.payments.id`, { headers })
      const paymentId = data.order.payment_collections[0].payments[0].id as string
      await api.post(`/admin/payments/${paymentId}/capture`, {}, { headers })
      return paymentId
    }
    const refund = (paymentId: string, amount: number) =>
      api.post(`/admin/payments/${paymentId}/refund`, { amount }, { headers })
    const deliverAgain = (paymentId: string) =>
      paymentRefundedMembershipsHandler({
        event: { name: "payment.refunded", data: { id: paymentId } },
        container: getContainer(),
      } as any)
    const storeMemberships = async (shopperHeaders: Record<string, string>) =>
      (await api.get("/store/customers/me/memberships", { headers: shopperHeaders })).data.memberships

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      store = await createTestStore(getContainer())
      groupId = (await api.post("/admin/customer-groups", { name: "Friends" }, { headers })).data.customer_group.id
    })

    describe("refunds of a bought membership", () => {
      it("a partial refund keeps it with a note; refunds that together cover the line cancel it, once", async () => {
        const { variantId } = await planWithVariant("Friends of the Theatre", 50)
        const shopper = await registerStoreCustomer(api, store.publishableKey, `refund${++seq}@example.com`)
        const order = await buy(shopper.headers, [variantId])
        const [bought] = await waitFor(
          () => memberships().listMemberships({ customer_id: shopper.customerId }),
          (list) => list.length === 1,
          "the bought membership"
        )
        const paymentId = await paymentOf(order.id)

        await refund(paymentId, 20)
        const kept = `Membership Friends of the Theatre (${bought.number}) kept: order #${order.display_id} refunded €20.00 of the €50.00 it cost`
        await waitFor(() => systemNotes(shopper.customerId), (notes) => notes.includes(kept), "the partial refund note")
        await deliverAgain(paymentId)
        expect((await systemNotes(shopper.customerId)).filter((n) => n === kept)).toHaveLength(1)
        expect((await memberships().listMemberships({ id: bought.id }))[0].status).toBe("active")
        expect((await storeMemberships(shopper.headers))[0].status).toBe("active")
        expect(await groupsOf(shopper.customerId)).toEqual([groupId])

        // The second partial refund brings the refunds up to the line's total: taken back as on a cancel.
        await refund(paymentId, 30)
        const [cancelled] = await waitFor(
          () => memberships().listMemberships({ id: bought.id }),
          ([m]) => m.status === "cancelled",
          "the refunded membership to be cancelled"
        )
        expect(cancelled.cancelled_at).not.toBeNull()
        const [seen] = await storeMemberships(shopper.headers)
        expect(seen).toEqual(expect.objectContaining({ id: bought.id, status: "cancelled" }))
        expect(seen.cancelled_at).not.toBeNull()
        expect(await groupsOf(shopper.customerId)).toEqual([])
        expect(await systemNotes(shopper.customerId)).toContain(
          `Membership Friends of the Theatre (${bought.number}) cancelled: order #${order.display_id} was refunded`
        )

        // The same event again changes nothing: no history, no note, no update.
        const notesBefore = await systemNotes(shopper.customerId)
        const historyBefore = await historyOf(bought.id)
        expect(historyBefore).toEqual([
          ["created", null],
          ["cancelled", "order_refunded"],
        ])
        await deliverAgain(paymentId)
        await deliverAgain(paymentId)
        expect(await historyOf(bought.id)).toEqual(historyBefore)
        expect(await systemNotes(shopper.customerId)).toEqual(notesBefore)
        const [after] = await memberships().listMemberships({ id: bought.id })
        expect(after.updated_at).toEqual(cancelled.updated_at)
      })

      it("a refund of the whole line cancels it at once, in the database and in the store's answer", async () => {
        const { variantId } = await planWithVariant("Friends of the Theatre", 50)
        const shopper = await registerStoreCustomer(api, store.publishableKey, `whole${++seq}@example.com`)
        const order = await buy(shopper.headers, [variantId])
        const [bought] = await waitFor(
          () => memberships().listMemberships({ customer_id: shopper.customerId }),
          (list) => list.length === 1,
          "the bought membership"
        )
        await refund(await paymentOf(order.id), 50)
        await waitFor(
          () => memberships().listMemberships({ id: bought.id }),
          ([m]) => m.status === "cancelled",
          "the refunded membership to be cancelled"
        )
        expect((await storeMemberships(shopper.headers)).map((m: any) => [m.id, m.status])).toEqual([[bought.id, "cancelled"]])
        expect(await groupsOf(shopper.customerId)).toEqual([])
      })

      it("a refund of the renewing order takes the renewal back; refunding a ticket bought with it does not", async () => {
        const { variantId } = await planWithVariant("Friends of the Theatre", 50)
        const shopper = await registerStoreCustomer(api, store.publishableKey, `renew${++seq}@example.com`)
        const held = () => memberships().listMemberships({ customer_id: shopper.customerId })
        await buy(shopper.headers, [variantId])
        const [created] = await waitFor(held, (list) => list.length === 1, "the bought membership")

        // A ticket (100) and a renewal (50) in one order.
        const second = await buy(shopper.headers, [store.variantId, variantId])
        const [renewed] = await waitFor(
          held,
          ([m]) => new Date(m.expires_at!).getTime() > new Date(created.expires_at!).getTime(),
          "the renewal"
        )
        const paymentId = await paymentOf(second.id)

        // 100 back is the ticket's price: the renewal stays, and the note says how the refund was counted.
        await refund(paymentId, 100)
        const kept = `Membership Friends of the Theatre (${created.number}) kept: order #${second.display_id} refunded €100.00, of which €0.00 counts toward the membership's €50.00 (the order's other items first)`
        await waitFor(() => systemNotes(shopper.customerId), (notes) => notes.includes(kept), "the partial refund note")
        expect((await held())[0].expires_at).toEqual(renewed.expires_at)

        await refund(paymentId, 50)
        await waitFor(
          held,
          ([m]) => new Date(m.expires_at!).getTime() === new Date(created.expires_at!).getTime(),
          "the renewal to be taken back"
        )
        const [seen] = await storeMemberships(shopper.headers)
        expect(seen.status).toBe("active")
        expect(new Date(seen.expires_at).getTime()).toBe(new Date(created.expires_at!).getTime())
        expect((await historyOf(created.id)).map(([type]) => type)).toEqual(["created", "renewed", "expiration_edited"])

        await deliverAgain(paymentId)
        const [again] = await held()
        expect(new Date(again.expires_at!).getTime()).toBe(new Date(created.expires_at!).getTime())
        expect((await historyOf(created.id)).map(([type]) => type)).toEqual(["created", "renewed", "expiration_edited"])
        expect(again.status).toBe("active")
      })
    })

    describe("events", () => {
      it("an order that buys one membership and renews another emits crm.membership.created and crm.membership.renewed, not the unprefixed names", async () => {
        const friends = await planWithVariant("Friends of the Theatre", 50)
        const patrons = await planWithVariant("Patrons", 80)
        const shopper = await registerStoreCustomer(api, store.publishableKey, `events${++seq}@example.com`)
        const { data } = await api.post(
          `/admin/customers/${shopper.customerId}/memberships`,
          { plan_id: patrons.planId },
          { headers }
        )
        const existing = data.membership

        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const received: Record<string, unknown[]> = {
          "crm.membership.created": [],
          "crm.membership.renewed": [],
          // The names before the plugin's prefix: no longer emitted.
          "membership.created": [],
          "membership.renewed": [],
        }
        const listeners = Object.keys(received).map((name) => {
          const listener = async (event: any) => {
            received[name].push(event.data)
          }
          eventBus.subscribe(name, listener, { subscriberId: `test-${name}` })
          return { name, listener }
        })
        try {
          const order = await buy(shopper.headers, [friends.variantId, patrons.variantId])
          await waitFor(
            async () => received,
            (r) => r["crm.membership.created"].length > 0 && r["crm.membership.renewed"].length > 0,
            "both membership events"
          )
          const [bought] = await memberships().listMemberships({ customer_id: shopper.customerId, plan_id: friends.planId })
          expect(bought.order_id).toBe(order.id)
          // Ids only in the payloads.
          expect(received["crm.membership.created"]).toEqual([{ id: bought.id, customer_id: shopper.customerId }])
          expect(received["crm.membership.renewed"]).toEqual([{ id: existing.id, customer_id: shopper.customerId }])
          expect(received["membership.created"]).toEqual([])
          expect(received["membership.renewed"]).toEqual([])
        } finally {
          for (const { name, listener } of listeners) {
            eventBus.unsubscribe(name, listener, { subscriberId: `test-${name}` })
          }
        }
      })
    })

    describe("store responses", () => {
      it("show other people by first name and last initial, or 'Member', never by e-mail", async () => {
        const { planId } = await planWithVariant("Friends of the Theatre", 50, { max_shares: 2 })
        const holder = await registerStoreCustomer(api, store.publishableKey, `holly${++seq}@example.com`)
        const coMember = await registerStoreCustomer(api, store.publishableKey, `jane${++seq}@example.com`)
        const holderEmail = `holly${seq - 1}@example.com`
        const coMemberEmail = `jane${seq}@example.com`
        await api.post(`/admin/customers/${holder.customerId}`, { first_name: "Holly", last_name: "holder" }, { headers })
        await api.post(`/admin/customers/${coMember.customerId}`, { first_name: "Jane", last_name: "Doe" }, { headers })
        // A co-member without a name: only their e-mail would identify them.
        const namelessEmail = `nameless${++seq}@example.com`
        const nameless = (await api.post("/admin/customers", { email: namelessEmail }, { headers })).data.customer.id

        const m = (await api.post(`/admin/customers/${holder.customerId}/memberships`, { plan_id: planId }, { headers })).data
          .membership
        await api.post(`/admin/customers/${holder.customerId}/memberships/${m.id}/shares`, { customer_id: coMember.customerId }, { headers })
        await api.post(`/admin/customers/${holder.customerId}/memberships/${m.id}/shares`, { customer_id: nameless }, { headers })

        // The holder sees their own details, and the co-members as names only.
        const asHolder = await api.get("/store/customers/me/memberships", { headers: holder.headers })
        const holderBody = JSON.stringify(asHolder.data)
        expect(holderBody).not.toContain(coMemberEmail)
        expect(holderBody).not.toContain(namelessEmail)
        expect(holderBody).not.toContain("Doe")
        const [held] = asHolder.data.memberships
        expect(held.holder).toEqual(expect.objectContaining({ id: holder.customerId, email: holderEmail }))
        expect(held.shares.map((s: any) => s.customer)).toEqual(
          expect.arrayContaining([
            { id: coMember.customerId, name: "Jane D." },
            { id: nameless, name: "Member" },
          ])
        )

        // A co-member sees the holder and the other co-member by name only, and not the holder's order.
        const asCoMember = await api.get("/store/customers/me/memberships", { headers: coMember.headers })
        const coMemberBody = JSON.stringify(asCoMember.data)
        expect(coMemberBody).not.toContain(holderEmail)
        expect(coMemberBody).not.toContain(namelessEmail)
        const [shared] = asCoMember.data.memberships
        expect(shared).toEqual(expect.objectContaining({ id: m.id, role: "co_member", order_id: null }))
        expect(shared.holder).toEqual({ id: holder.customerId, name: "Holly H." })
        expect(shared.shares.map((s: any) => s.customer)).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ id: coMember.customerId, email: coMemberEmail, first_name: "Jane" }),
            { id: nameless, name: "Member" },
          ])
        )

        // The admin keeps seeing everyone in full.
        const admin = await api.get(`/admin/customers/${holder.customerId}/memberships`, { headers })
        expect(JSON.stringify(admin.data)).toContain(coMemberEmail)
      })
    })
  },
})
