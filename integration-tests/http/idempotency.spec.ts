import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService } from "../../src/modules/customer-identity"
import { CUSTOMER_NOTE_MODULE } from "../../src/modules/customer-note"
import type CustomerNoteModuleService from "../../src/modules/customer-note/service"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../../src/modules/loyalty"
import { createAdminUser, settle } from "../helpers/admin"
import { createTestStore, type TestStore } from "../helpers/store"

jest.setTimeout(180 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let customerId: string
    let seq = 0

    const keyed = (key: string) => ({ headers: { ...headers, "Idempotency-Key": key } })
    const newCustomer = async (body: Record<string, unknown> = {}) =>
      (await api.post("/admin/customers", { email: `c${++seq}@example.com`, first_name: "Kim", ...body }, { headers }))
        .data.customer.id as string
    const notesOf = async (id = customerId) =>
      getContainer()
        .resolve<CustomerNoteModuleService>(CUSTOMER_NOTE_MODULE)
        .listCustomerNotes({ customer_id: id, kind: "manual" })
    const notesPost = (body: unknown, options = { headers }) =>
      settle(api.post(`/admin/customers/${customerId}/notes`, body, options))
    /** Each answer's status and body, and whether all of them equal the first. */
    const sameAnswers = (answers: any[]) => {
      for (const a of answers) {
        expect({ status: a.status, data: a.data }).toEqual({ status: answers[0].status, data: answers[0].data })
      }
    }

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      customerId = await newCustomer()
    })

    describe("parallel identical requests make one record", () => {
      it.each([2, 10])("notes: %i at once with one key", async (n) => {
        const answers = await Promise.all(
          Array.from({ length: n }, () => notesPost({ body: "Called about tickets" }, keyed("note-form-1")))
        )
        expect(answers[0].status).toBe(201)
        sameAnswers(answers)
        expect(answers.filter((a) => a.headers["idempotent-replayed"] === "true")).toHaveLength(n - 1)
        expect(await notesOf()).toHaveLength(1)
      })

      it.each([2, 10])("notes: %i at once without a key", async (n) => {
        const answers = await Promise.all(Array.from({ length: n }, () => notesPost({ body: "Called about tickets" })))
        expect(answers[0].status).toBe(201)
        sameAnswers(answers)
        expect(await notesOf()).toHaveLength(1)
      })

      it.each([2, 10])("start basket: %i at once make one draft order", async (n) => {
        const store: TestStore = await createTestStore(getContainer())
        const answers = await Promise.all(
          Array.from({ length: n }, () =>
            settle(
              api.post(
                `/admin/customers/${customerId}/start-basket`,
                { sales_channel_id: store.salesChannelId, region_id: store.regionId },
                { headers }
              )
            )
          )
        )
        expect(answers[0].status).toBe(201)
        sameAnswers(answers)
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: drafts } = await query.graph({
          entity: "order",
          fields: ["id"],
          filters: { customer_id: customerId, is_draft_order: true },
        })
        expect(drafts.map((d: any) => d.id)).toEqual([answers[0].data.draft_order.id])
      })

      it.each([
        [2, true],
        [10, true],
        [2, false],
        [10, false],
      ])("merge: %i at once (with a key: %s) merge once and all answer 200", async (n, withKey) => {
        const other = await newCustomer({ first_name: "Kim", last_name: "Dup" })
        const answers = await Promise.all(
          Array.from({ length: n }, () =>
            settle(
              api.post(
                `/admin/customers/${customerId}/identity/merge`,
                { other_id: other, survivor_id: customerId },
                withKey ? keyed("merge-dialog-1") : { headers }
              )
            )
          )
        )
        expect(answers[0].status).toBe(200)
        sameAnswers(answers)
        const merges = await getContainer()
          .resolve<CustomerIdentityModuleService>(CUSTOMER_IDENTITY_MODULE)
          .listCustomerMerges({ survivor_id: customerId })
        expect(merges).toHaveLength(1)
      })

      it.each([2, 10])("loyalty adjust: %i at once add the points once", async (n) => {
        await api.post(
          "/admin/crm/loyalty",
          {
            enabled: true,
            enrollment: "all",
            pending_days: 0,
            expiry_months: null,
            min_redeem_points: 100,
            rates: [{ currency_code: "eur", earn_points_per_unit: 1, redeem_points: 100, redeem_value: 1 }],
          },
          { headers }
        )
        const answers = await Promise.all(
          Array.from({ length: n }, () =>
            settle(
              api.post(`/admin/customers/${customerId}/loyalty/adjustments`, { points: 250, reason: "Goodwill" }, { headers })
            )
          )
        )
        expect(answers[0].status).toBe(201)
        sameAnswers(answers)
        const entries = await getContainer()
          .resolve<LoyaltyModuleService>(LOYALTY_MODULE)
          .listLoyaltyEntries({ customer_id: customerId })
        expect(entries).toHaveLength(1)
        expect((await api.get(`/admin/customers/${customerId}/loyalty`, { headers })).data.loyalty.balance.available).toBe(250)
      })
    })

    describe("keys", () => {
      it("refuses a key reused for another body, and makes two records for two keys", async () => {
        expect((await notesPost({ body: "First" }, keyed("k-1"))).status).toBe(201)
        const reused = await notesPost({ body: "Second" }, keyed("k-1"))
        expect(reused.status).toBe(422)
        expect(reused.data).toEqual(expect.objectContaining({ type: "invalid_data", code: "idempotency_key_reused" }))
        const otherRoute = await settle(
          api.post(`/admin/customers/${customerId}/tags`, { key: "vip" }, keyed("k-1"))
        )
        expect(otherRoute.status).toBe(422)

        expect((await notesPost({ body: "Same text" }, keyed("k-2"))).status).toBe(201)
        expect((await notesPost({ body: "Same text" }, keyed("k-3"))).status).toBe(201)
        expect((await notesOf()).map((n) => n.body).sort()).toEqual(["First", "Same text", "Same text"])
      })

      it("replays a keyed answer later, keeps keys per admin user and refuses a bad key", async () => {
        const first = await notesPost({ body: "Once" }, keyed("form-7"))
        const later = await notesPost({ body: "Once" }, keyed("form-7"))
        expect(later.status).toBe(201)
        expect(later.data).toEqual(first.data)
        const colleague = (await createAdminUser(getContainer(), "colleague@medusa-crm.test")).headers
        const theirs = await notesPost({ body: "Once" }, { headers: { ...colleague, "Idempotency-Key": "form-7" } })
        expect(theirs.status).toBe(201)
        expect(theirs.data.note.id).not.toBe(first.data.note.id)
        expect(await notesOf()).toHaveLength(2)

        const bad = await notesPost({ body: "x" }, keyed("has space"))
        expect(bad.status).toBe(400)
        expect(bad.data.code).toBe("idempotency_key_invalid")
        expect(await notesOf()).toHaveLength(2)
      })

      it("does not keep a refusal: after a failed request the same request runs again", async () => {
        const refused = await notesPost({ body: "" }, keyed("form-8"))
        expect(refused.status).toBe(400)
        const unknown = await settle(api.post("/admin/customers/cus_nope/notes", { body: "x" }, keyed("form-9")))
        expect(unknown.status).toBe(404)
        expect((await notesPost({ body: "Fixed" }, keyed("form-8"))).status).toBe(201)
        expect(await notesOf()).toHaveLength(1)
      })
    })

    describe("without a key", () => {
      it("the identical request within the window is a repeat; another body is a new record", async () => {
        const first = await notesPost({ body: "Wants a refund" })
        const repeat = await notesPost({ body: "Wants a refund" })
        expect(repeat.status).toBe(201)
        expect(repeat.data).toEqual(first.data)
        expect(repeat.headers["idempotent-replayed"]).toBe("true")
        expect((await notesPost({ body: "Wants a refund, urgently" })).status).toBe(201)
        expect((await notesOf()).map((n) => n.body).sort()).toEqual(["Wants a refund", "Wants a refund, urgently"])

        // Another customer, same body: another request.
        const otherCustomer = await newCustomer()
        await settle(api.post(`/admin/customers/${otherCustomer}/notes`, { body: "Wants a refund" }, { headers }))
        expect(await notesOf(otherCustomer)).toHaveLength(1)
      })

      it("runs the identical request again after another write by the same user (renew, cancel, renew)", async () => {
        expect((await notesPost({ body: "Renewed" })).status).toBe(201)
        expect((await notesPost({ body: "Cancelled" })).status).toBe(201)
        const again = await notesPost({ body: "Renewed" })
        expect(again.status).toBe(201)
        expect(again.headers["idempotent-replayed"]).toBeUndefined()
        expect((await notesOf()).map((n) => n.body).sort()).toEqual(["Cancelled", "Renewed", "Renewed"])
      })

      it("runs the identical request again once the window has passed", async () => {
        expect((await notesPost({ body: "Twice on purpose" })).status).toBe(201)
        // Age the stored answer past its window instead of waiting for it.
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await pg.raw(`UPDATE crm_request_replay SET expires_at = now() - interval '1 second'`)
        expect((await notesPost({ body: "Twice on purpose" })).status).toBe(201)
        expect(await notesOf()).toHaveLength(2)
      })

      it("leaves a DELETE without a key alone and keeps no stored answer beyond its window", async () => {
        const { note } = (await notesPost({ body: "To remove" })).data
        const del = () => settle(api.delete(`/admin/customers/${customerId}/notes/${note.id}`, { headers }))
        expect((await del()).status).toBe(200)
        expect((await del()).status).toBe(404)
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const { rows } = await pg.raw(
          `SELECT state, response_status, expires_at <= now() + interval '10 seconds' AS short FROM crm_request_replay`
        )
        expect(rows).toEqual([{ state: "done", response_status: 201, short: true }])
      })
    })
  },
})
