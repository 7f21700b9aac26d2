import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { customerDataHandlers } from "../../src/lib/customer-data"
import { CrmEvents } from "../../src/lib/events"
import { createSegmentWorkflow } from "../../src/workflows/segments/create-segment"
import { syncSegmentWorkflow } from "../../src/workflows/segments/sync-segment"
import { syncAllSegments } from "../../src/workflows/segments/run"
import { createAdminUser, settle } from "../helpers/admin"
import { createTestStore, placeStoreOrder, registerStoreCustomer } from "../helpers/store"
import { waitFor } from "../helpers/wait"

jest.setTimeout(180 * 1000)

const failStep = createStep("test-segment-fail-after", async () => {
  throw new Error("failure after the workflow under test")
})
const createThenFail = createWorkflow("test-create-segment-then-fail", (input: any) => {
  createSegmentWorkflow.runAsStep({ input })
  failStep()
  return new WorkflowResponse(void 0)
})
const syncThenFail = createWorkflow("test-sync-segment-then-fail", (input: any) => {
  syncSegmentWorkflow.runAsStep({ input })
  failStep()
  return new WorkflowResponse(void 0)
})

const sorted = (ids: string[]) => [...ids].sort()

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    /** a and b carry `vip`, c carries nothing, d carries `vip` and is archived. */
    let a: string, b: string, c: string, d: string

    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const groupMembers = async (groupId: string) =>
      sorted(
        (
          await pg().raw(
            `SELECT customer_id FROM customer_group_customer WHERE customer_group_id = ? AND deleted_at IS NULL`,
            [groupId]
          )
        ).rows.map((r: { customer_id: string }) => r.customer_id)
      )
    const memberRecords = async (segmentId: string) =>
      sorted(
        (
          await pg().raw(`SELECT customer_id FROM customer_segment_member WHERE segment_id = ? AND deleted_at IS NULL`, [
            segmentId,
          ])
        ).rows.map((r: { customer_id: string }) => r.customer_id)
      )
    const syncs = async (segmentId: string) =>
      (await api.get(`/admin/crm/segments/${segmentId}/syncs?limit=100`, { headers })).data
    /** Waits until the segment has `n` finished syncs; returns the newest. */
    const waitForSyncs = async (segmentId: string, n: number) => {
      const list = await waitFor(
        () => syncs(segmentId),
        (l) => l.syncs.filter((s: any) => s.status !== "running").length >= n,
        `${n} finished syncs of ${segmentId}`
      )
      return list.syncs[0]
    }
    const createCustomer = async (email: string) =>
      (await api.post("/admin/customers", { email, first_name: "Seg", last_name: email.split("@")[0] }, { headers })).data
        .customer.id as string
    const tag = async (customerId: string, key: string) =>
      (await api.post(`/admin/customers/${customerId}/tags`, { key }, { headers })).data.tag.id as string
    const createSegment = async (body: Record<string, unknown>) =>
      (await api.post("/admin/crm/segments", body, { headers })).data.segment

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      await api.post("/admin/crm/tags", { key: "vip", label: "VIP", value_mode: "flag" }, { headers })
      await api.post("/admin/crm/tags", { key: "staff", label: "Staff", value_mode: "flag" }, { headers })
      a = await createCustomer("a@seg.test")
      b = await createCustomer("b@seg.test")
      c = await createCustomer("c@seg.test")
      d = await createCustomer("d@seg.test")
      await tag(a, "vip")
      await tag(b, "vip")
      await tag(d, "vip")
      // The last event of the set-up handled before a test starts (segments made later see a settled store).
      const archived = TestEventUtils.waitSubscribersExecution(CrmEvents.CUSTOMER_ARCHIVED, getContainer().resolve(Modules.EVENT_BUS))
      await api.post(`/admin/customers/${d}/identity/archive`, { reason: "moved away" }, { headers })
      await archived
    })

    it("saves a segment with a live count, lists and searches it, and pages its members", async () => {
      const segment = await createSegment({ name: "VIPs", description: "Our best", filter: { tags: ["vip"] } })
      expect(segment).toMatchObject({
        name: "VIPs",
        description: "Our best",
        filter: { tags: ["vip"] },
        group_id: null,
        group: null,
        manual_members: "keep",
        count: 2,
        last_sync: null,
      })
      expect(segment.created_by).toBeTruthy()

      const members = await api.get(`/admin/crm/segments/${segment.id}/customers?order=email`, { headers })
      expect(members.data.customers.map((r: any) => r.id)).toEqual([a, b])
      expect(members.data.count).toBe(2)
      const page2 = await api.get(`/admin/crm/segments/${segment.id}/customers?order=email&limit=1&offset=1`, { headers })
      expect(page2.data.customers.map((r: any) => r.id)).toEqual([b])

      await createSegment({ name: "Staff", filter: { tags: ["staff"] } })
      const list = await api.get("/admin/crm/segments", { headers })
      expect(list.data.segments.map((s: any) => [s.name, s.count])).toEqual([
        ["Staff", 0],
        ["VIPs", 2],
      ])
      expect(list.data.count).toBe(2)
      const searched = await api.get("/admin/crm/segments?q=vip", { headers })
      expect(searched.data.segments.map((s: any) => s.id)).toEqual([segment.id])

      // The count is live: a new vip joins it without a sync.
      await tag(c, "vip")
      expect((await api.get(`/admin/crm/segments/${segment.id}`, { headers })).data.segment.count).toBe(3)

      const updated = await api.post(`/admin/crm/segments/${segment.id}`, { name: "VIP customers", filter: { tags: ["staff"] } }, { headers })
      expect(updated.data.segment).toMatchObject({ name: "VIP customers", filter: { tags: ["staff"] }, count: 0 })
      // Not synced: no sync ran.
      expect((await syncs(segment.id)).syncs).toEqual([])
    })

    it("syncs into a new group, follows tag events, and the same event twice changes nothing", async () => {
      const segment = await createSegment({ name: "VIP sync", filter: { tags: ["vip"] }, create_group: true })
      expect(segment.group).toEqual({ id: segment.group_id, name: "VIP sync" })
      const first = await waitForSyncs(segment.id, 1)
      expect(first).toMatchObject({ trigger: "created", status: "succeeded", added: 2, removed: 0, members: 2, error: null })
      expect(await groupMembers(segment.group_id)).toEqual(sorted([a, b]))
      expect(await memberRecords(segment.id)).toEqual(sorted([a, b]))
      // Medusa's own route sees the group.
      const native = await api.get(`/admin/customer-groups/${segment.group_id}`, { headers })
      expect(native.data.customer_group.name).toBe("VIP sync")

      // A tag added: the event's sync puts c in.
      await tag(c, "vip")
      await waitFor(() => groupMembers(segment.group_id), (m) => m.includes(c), "c in the group")
      const added = await waitForSyncs(segment.id, 2)
      expect(added).toMatchObject({ trigger: "event", status: "succeeded", added: 1, removed: 0, members: 3 })

      // A tag removed: a stops matching and leaves.
      const aTags = (await api.get(`/admin/customers/${a}/tags`, { headers })).data.tags
      await api.delete(`/admin/customers/${a}/tags/${aTags.find((t: any) => t.key === "vip").id}`, { headers })
      await waitFor(() => groupMembers(segment.group_id), (m) => !m.includes(a), "a out of the group")
      const removed = await waitForSyncs(segment.id, 3)
      expect(removed).toMatchObject({ trigger: "event", added: 0, removed: 1, members: 2 })
      expect(await groupMembers(segment.group_id)).toEqual(sorted([b, c]))
      expect(await memberRecords(segment.id)).toEqual(sorted([b, c]))

      // The same event twice: nothing changes, nothing is recorded.
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      for (let i = 0; i < 2; i++) {
        const done = TestEventUtils.waitSubscribersExecution(CrmEvents.CUSTOMER_TAG_ADDED, eventBus)
        await eventBus.emit({ name: CrmEvents.CUSTOMER_TAG_ADDED, data: { id: "ctag_x", customer_id: c, key: "vip" } })
        await done
      }
      expect((await syncs(segment.id)).count).toBe(3)
      expect(await groupMembers(segment.group_id)).toEqual(sorted([b, c]))

      // A manual sync finds nothing to change and says so.
      const requested = await api.post(`/admin/crm/segments/${segment.id}/sync`, {}, { headers })
      expect(requested.status).toBe(202)
      expect(requested.data.segment.id).toBe(segment.id)
      const manual = await waitForSyncs(segment.id, 4)
      expect(manual).toMatchObject({ trigger: "manual", status: "succeeded", added: 0, removed: 0, members: 2 })
      const history = await syncs(segment.id)
      expect(history.syncs.map((s: any) => [s.trigger, s.added, s.removed])).toEqual([
        ["manual", 0, 0],
        ["event", 0, 1],
        ["event", 1, 0],
        ["created", 2, 0],
      ])
      const paged = await api.get(`/admin/crm/segments/${segment.id}/syncs?limit=1&offset=1`, { headers })
      expect(paged.data).toMatchObject({ count: 4, limit: 1, offset: 1 })
      expect(paged.data.syncs.map((s: any) => s.trigger)).toEqual(["event"])
      expect((await api.get(`/admin/crm/segments/${segment.id}`, { headers })).data.segment.last_sync.id).toBe(manual.id)
    })

    it("syncs into an existing group: members added by hand stay with keep and leave with remove", async () => {
      const group = (await api.post("/admin/customer-groups", { name: "Existing" }, { headers })).data.customer_group
      await api.post(`/admin/customer-groups/${group.id}/customers`, { add: [c] }, { headers })
      const segment = await createSegment({ name: "VIP existing", filter: { tags: ["vip"] }, group_id: group.id })
      expect(segment.group).toEqual({ id: group.id, name: "Existing" })
      await waitForSyncs(segment.id, 1)
      expect(await groupMembers(group.id)).toEqual(sorted([a, b, c]))
      expect(await memberRecords(segment.id)).toEqual(sorted([a, b]))

      // The scheduled pass leaves c alone too.
      expect(await syncAllSegments(getContainer())).toBe(1)
      expect(await groupMembers(group.id)).toEqual(sorted([a, b, c]))

      // "remove": everyone who does not match leaves (the change asks for a sync).
      await api.post(`/admin/crm/segments/${segment.id}`, { manual_members: "remove" }, { headers })
      await waitForSyncs(segment.id, 3)
      expect(await groupMembers(group.id)).toEqual(sorted([a, b]))
      const last = (await syncs(segment.id)).syncs[0]
      expect(last).toMatchObject({ trigger: "manual", removed: 1, added: 0, members: 2 })

      // A second segment cannot sync into the same group.
      const taken = await settle(api.post("/admin/crm/segments", { name: "Other", filter: {}, group_id: group.id }, { headers }))
      expect(taken.status).toBe(409)
      expect(taken.data.code).toBe("group_already_synced")

      // Deleting the segment leaves the group and its members.
      const deleted = await api.delete(`/admin/crm/segments/${segment.id}`, { headers })
      expect(deleted.data).toEqual({ id: segment.id, object: "customer_segment", deleted: true })
      expect(await groupMembers(group.id)).toEqual(sorted([a, b]))
      expect((await settle(api.get(`/admin/crm/segments/${segment.id}`, { headers }))).status).toBe(404)
      // The group is free again.
      const again = await createSegment({ name: "Other", filter: {}, group_id: group.id })
      expect(again.group_id).toBe(group.id)
    })

    it("refuses bad input with 400, unknown ids with 404 and a taken name with 409, changing nothing", async () => {
      const bad = [
        {},
        { name: "X" },
        { name: "", filter: {} },
        { name: "X", filter: { tags: ["not a tag!"] } },
        { name: "X", filter: { unknown: 1 } },
        { name: "X", filter: { lifetime_value: { gte: 10, lte: 5 } } },
        { name: "X", filter: {}, manual_members: "sometimes" },
        { name: "X", filter: {}, create_group: true, group_id: "cusgroup_1" },
        { name: "X", filter: {}, extra: true },
      ]
      for (const body of bad) {
        const res = await settle(api.post("/admin/crm/segments", body, { headers }))
        expect([res.status, res.data.code, JSON.stringify(body)]).toEqual([400, "invalid_data", JSON.stringify(body)])
      }
      const tagError = await settle(api.post("/admin/crm/segments", { name: "X", filter: { tags: ["not a tag!"] } }, { headers }))
      expect(tagError.data.message).toMatch(/filter\.tags\.0: (tags )?must be a tag key/)
      const unknownFilter = await settle(api.post("/admin/crm/segments", { name: "X", filter: { unknown: 1 } }, { headers }))
      expect(unknownFilter.data.message).toMatch(/filter: unknown field\(s\) unknown/)
      const noGroup = await settle(api.post("/admin/crm/segments", { name: "X", filter: {}, group_id: "cusgroup_missing" }, { headers }))
      expect([noGroup.status, noGroup.data.code]).toEqual([400, "group_not_found"])
      expect((await api.get("/admin/crm/segments", { headers })).data.count).toBe(0)

      const segment = await createSegment({ name: "Taken", filter: {} })
      // (Another body than the first: an identical request within seconds is answered as a repeat.)
      const dup = await settle(api.post("/admin/crm/segments", { name: "Taken", filter: { tags: ["vip"] } }, { headers }))
      expect([dup.status, dup.data.code]).toEqual([409, "segment_name_taken"])
      const other = await createSegment({ name: "Other", filter: {} })
      const rename = await settle(api.post(`/admin/crm/segments/${other.id}`, { name: "Taken" }, { headers }))
      expect([rename.status, rename.data.code]).toEqual([409, "segment_name_taken"])
      expect((await settle(api.post(`/admin/crm/segments/${other.id}`, {}, { headers }))).status).toBe(400)
      // Not synced: "sync now" is a 400 that names group_id.
      const unsynced = await settle(api.post(`/admin/crm/segments/${segment.id}/sync`, {}, { headers }))
      expect(unsynced.status).toBe(400)
      expect(unsynced.data.message).toMatch(/group_id/)
      expect((await settle(api.get("/admin/crm/segments?limit=0", { headers }))).status).toBe(400)
      expect((await settle(api.get("/admin/crm/segments?order=drop", { headers }))).status).toBe(400)
      expect((await settle(api.get(`/admin/crm/segments/${segment.id}/customers?order=nope`, { headers }))).status).toBe(400)

      const missing = "cseg_missing"
      for (const res of [
        await settle(api.get(`/admin/crm/segments/${missing}`, { headers })),
        await settle(api.post(`/admin/crm/segments/${missing}`, { name: "Y" }, { headers })),
        await settle(api.delete(`/admin/crm/segments/${missing}`, { headers })),
        await settle(api.post(`/admin/crm/segments/${missing}/sync`, {}, { headers })),
        await settle(api.get(`/admin/crm/segments/${missing}/syncs`, { headers })),
        await settle(api.get(`/admin/crm/segments/${missing}/customers`, { headers })),
      ]) {
        expect([res.status, res.data.code]).toEqual([404, "segment_not_found"])
      }
      expect((await api.get("/admin/crm/segments", { headers })).data.segments.map((s: any) => s.name)).toEqual(["Other", "Taken"])
    })

    it("compensates: a failed create leaves no segment and no group; a failed sync leaves the group as it was", async () => {
      const { errors } = await createThenFail(getContainer()).run({
        input: { name: "Doomed", filter: { tags: ["vip"] }, create_group: true },
        throwOnError: false,
      })
      expect(errors.map((e: any) => e.error.message)).toEqual(["failure after the workflow under test"])
      const groups = await pg().raw(`SELECT id FROM customer_group WHERE name = 'Doomed' AND deleted_at IS NULL`)
      expect(groups.rows).toEqual([])
      expect((await api.get("/admin/crm/segments", { headers })).data.count).toBe(0)

      const group = (await api.post("/admin/customer-groups", { name: "Kept" }, { headers })).data.customer_group
      await api.post(`/admin/customer-groups/${group.id}/customers`, { add: [c] }, { headers })
      const segment = await createSegment({ name: "Sync fails", filter: { tags: ["vip"] }, group_id: group.id, manual_members: "remove" })
      await waitForSyncs(segment.id, 1)
      // Make the group differ from the segment again, then fail a sync after its changes.
      await api.post(`/admin/customer-groups/${group.id}/customers`, { add: [c], remove: [a] }, { headers })
      const before = await groupMembers(group.id)
      expect(before).toEqual(sorted([b, c]))
      const records = await memberRecords(segment.id)
      const count = (await syncs(segment.id)).count
      const failed = await syncThenFail(getContainer()).run({
        input: { segment_id: segment.id, trigger: "manual" },
        throwOnError: false,
      })
      expect(failed.errors.length).toBe(1)
      expect(await groupMembers(group.id)).toEqual(before)
      expect(await memberRecords(segment.id)).toEqual(records)
      expect((await syncs(segment.id)).count).toBe(count)
    })

    it("never puts archived customers in, and the registry exports and deletes the records", async () => {
      const segment = await createSegment({ name: "VIP reg", filter: { tags: ["vip"] }, create_group: true })
      await waitForSyncs(segment.id, 1)
      // d is a vip but archived.
      expect(await groupMembers(segment.group_id)).toEqual(sorted([a, b]))

      const handler = customerDataHandlers().find((h) => h.name === "customer_segment")!
      const ctx = { container: getContainer(), sql: pg() }
      expect(await handler.count(ctx, [a])).toBe(1)
      const exported = await handler.export(ctx, { customer_id: a, customer_ids: [a], emails: [], phones: [] })
      expect(exported.segments.map((s: any) => [s.segment_id, s.group_id])).toEqual([[segment.id, segment.group_id]])
      await handler.delete(ctx, [a])
      expect(await memberRecords(segment.id)).toEqual([b])
    })

    it("a payment captured after the order brings the buyer into a segment on lifetime value", async () => {
      const container = getContainer()
      const store = await createTestStore(container)
      const buyer = await registerStoreCustomer(api, store.publishableKey, "buyer@seg.test")
      const segment = await createSegment({
        name: "Paying customers",
        filter: { lifetime_value: { gte: 1 }, currency_code: "eur" },
        create_group: true,
      })
      await waitForSyncs(segment.id, 1)
      expect(await groupMembers(segment.group_id)).toEqual([])

      // Placed but not paid: lifetime value (money received) is still 0, so not a member yet.
      const eventBus = container.resolve(Modules.EVENT_BUS)
      const placed = TestEventUtils.waitSubscribersExecution("order.placed", eventBus)
      await placeStoreOrder(api, store, buyer.headers)
      await placed
      expect(await groupMembers(segment.group_id)).toEqual([])

      const {
        data: { orders },
      } = await api.get(`/admin/orders?customer_id=${buyer.customerId}&fields=id,payment_collections.payments.id`, { headers })
      const captured = TestEventUtils.waitSubscribersExecution("payment.captured", eventBus)
      await api.post(`/admin/payments/${orders[0].payment_collections[0].payments[0].id}/capture`, {}, { headers })
      await captured
      await waitFor(() => groupMembers(segment.group_id), (m) => m.includes(buyer.customerId), "the buyer in the group")
      expect(await memberRecords(segment.id)).toEqual([buyer.customerId])
    })

    it("anonymizing a customer takes their e-mail, phone or name out of saved searches, and leaves other searches alone", async () => {
      await api.post(`/admin/customers/${c}`, { phone: "+32 470 12 34 56" }, { headers })
      const byEmail = await createSegment({ name: "By e-mail", filter: { q: "C@Seg.test" } })
      const byPhone = await createSegment({ name: "By phone", filter: { q: "0470 12 34 56", field: "phone" } })
      const byName = await createSegment({ name: "By name", filter: { q: "seg c" } })
      const other = await createSegment({ name: "Other", filter: { q: "a@seg.test", tags: ["vip"] } })
      expect(byEmail.count).toBe(1)

      const anonymized = await api.post(`/admin/customers/${c}/privacy/anonymize`, { confirm: "anonymize" }, { headers })
      expect(anonymized.status).toBe(200)

      const read = async (id: string) => (await api.get(`/admin/crm/segments/${id}`, { headers })).data.segment
      expect((await read(byEmail.id)).filter).toEqual({ q: "[anonymized]" })
      expect((await read(byEmail.id)).count).toBe(0)
      expect((await read(byPhone.id)).filter).toEqual({ q: "[anonymized]", field: "phone" })
      expect((await read(byName.id)).filter).toEqual({ q: "[anonymized]" })
      expect((await read(other.id)).filter).toEqual({ q: "a@seg.test", tags: ["vip"] })
      const [{ n }] = (
        await pg().raw(`SELECT count(*)::int AS n FROM customer_segment WHERE filter::text ILIKE '%c@seg.test%' OR filter::text LIKE '%470%'`, [])
      ).rows
      expect(n).toBe(0)
    })
  },
})
