import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import {
  registerCustomerDataHandler,
  unregisterCustomerDataHandler,
  type CustomerDataHandler,
  type Person,
} from "../../src/lib/customer-data"
import { selectRows } from "../../src/lib/queries/sql"
import { anonymizeCustomerWorkflow } from "../../src/workflows/privacy/anonymize-customer"
import { createAdminUser, settle } from "../helpers/admin"
import { createTestStore, placeGuestOrder, registerStoreCustomer, type TestStore } from "../helpers/store"

jest.setTimeout(240 * 1000)

/** A handler of the test's own (a host app's), registered for one test: the registry loops over it too. */
const testHandler = (name: string, owner: CustomerDataHandler["owner"], anonymize: CustomerDataHandler["anonymize"]) =>
  ({
    name,
    owner,
    claims: [],
    count: async () => 0,
    list: async () => [],
    export: async () => ({}),
    anonymize,
    delete: async () => undefined,
  }) satisfies CustomerDataHandler

/**
 * A host app's hooks on the anonymize workflow, registered once for the file (hooks are global):
 * `customerAnonymizing` refuses the customer named in `refuse`; `customerAnonymized` records who
 * was anonymized.
 */
const hookState: { refuse: string | null; after: { customer_id: string; customer_ids: string[] }[] } = { refuse: null, after: [] }
anonymizeCustomerWorkflow.hooks.customerAnonymizing(async ({ customer_id }) => {
  if (customer_id === hookState.refuse) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Seats are still held for this customer")
  }
})
anonymizeCustomerWorkflow.hooks.customerAnonymized(async ({ customer_id, customer_ids }) => {
  hookState.after.push({ customer_id, customer_ids })
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: TestStore

    const rows = (sql: string, values: Record<string, unknown> = {}) => selectRows(getContainer(), sql, values)
    /** An admin write with its own Idempotency-Key, so two identical requests both run. */
    const post = (url: string, body: unknown = {}) =>
      settle(api.post(url, body, { headers: { ...headers, "Idempotency-Key": randomUUID() } }))
    const createCustomer = async (email: string, extra: Record<string, unknown> = {}) =>
      (await api.post("/admin/customers", { email, first_name: "Petra", last_name: "Privé", ...extra }, { headers })).data.customer
        .id as string
    const privacyOf = async (id: string) => (await api.get(`/admin/customers/${id}/privacy`, { headers })).data.privacy
    const requestsOf = (id: string) =>
      rows(`SELECT kind, status, refusal_code, record_count FROM privacy_request WHERE customer_id = :id ORDER BY created_at`, { id })
    const erasuresOf = (ids: string[]) =>
      rows(`SELECT customer_id, kind, request_id FROM privacy_erasure WHERE customer_id = any(:ids::text[]) ORDER BY customer_id`, {
        ids,
      })
    const addCode = (customerId: string) =>
      rows(
        `INSERT INTO privacy_code (id, customer_id, code_hash, expires_at) VALUES (:id, :customer_id, 'hash', now() + interval '1 hour')`,
        { id: `pcode_${randomUUID()}`, customer_id: customerId }
      )
    const codesOf = async (customerId: string) =>
      Number((await rows(`SELECT count(*) AS n FROM privacy_code WHERE customer_id = :id`, { id: customerId }))[0].n)

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      store = await createTestStore(getContainer())
    })

    it("shows a customer's privacy, 404 for an unknown one, and keeps the settings", async () => {
      expect((await settle(api.get("/admin/customers/cus_unknown/privacy", { headers }))).status).toBe(404)
      const id = await createCustomer("plain@example.com")
      const privacy = await privacyOf(id)
      expect(privacy).toMatchObject({
        customer_id: id,
        anonymized: false,
        anonymized_at: null,
        deleted: false,
        legal_hold: null,
        records: { customer_ids: [id] },
        anonymize: { allowed: true, blockers: [] },
        delete: { allowed: true, blockers: [] },
        requests: [],
      })
      expect(privacy.holds).toHaveProperty("privacy", 0)

      const settings = await api.get("/admin/crm/privacy/settings", { headers })
      expect(settings.data.settings).toMatchObject({ staff_anonymize: true, customer_self_anonymize: false })
      for (const body of [{}, { staff_anonymize: "no" }, { other: true }]) {
        const bad = await post("/admin/crm/privacy/settings", body)
        expect(bad.status).toBe(400)
        expect(bad.data.code).toBe("invalid_data")
      }
      const changed = await post("/admin/crm/privacy/settings", { customer_self_anonymize: true })
      expect(changed.data.settings).toMatchObject({ staff_anonymize: true, customer_self_anonymize: true })
      expect((await api.get("/admin/crm/privacy/settings", { headers })).data.settings.customer_self_anonymize).toBe(true)
    })

    it("sets, changes and lifts a legal hold, which refuses anonymize and delete; bad reasons change nothing", async () => {
      const id = await createCustomer("held@example.com")
      for (const body of [{}, { reason: "" }, { reason: "   " }, { reason: "x".repeat(501) }, { reason: 5 }, { reason: "ok", x: 1 }]) {
        const bad = await post(`/admin/customers/${id}/privacy/legal-hold`, body)
        expect(bad.status).toBe(400)
        expect(bad.data.code).toBe("invalid_data")
      }
      expect(await rows(`SELECT id FROM privacy_legal_hold WHERE customer_id = :id`, { id })).toHaveLength(0)
      expect((await post(`/admin/customers/cus_unknown/privacy/legal-hold`, { reason: "Dispute" })).status).toBe(404)

      const set = await post(`/admin/customers/${id}/privacy/legal-hold`, { reason: "Chargeback dispute" })
      expect(set.status).toBe(200)
      expect(set.data.privacy.legal_hold).toMatchObject({ reason: "Chargeback dispute" })
      expect(set.data.privacy.anonymize.blockers.map((b: any) => b.code)).toEqual(["legal_hold"])
      expect(set.data.privacy.delete.blockers.map((b: any) => b.code)).toEqual(["legal_hold"])
      const changed = await post(`/admin/customers/${id}/privacy/legal-hold`, { reason: "Tax audit 2026" })
      expect(changed.data.privacy.legal_hold.reason).toBe("Tax audit 2026")
      expect(await rows(`SELECT reason FROM privacy_legal_hold WHERE customer_id = :id AND deleted_at IS NULL`, { id })).toEqual([
        { reason: "Tax audit 2026" },
      ])

      const refused = await post(`/admin/customers/${id}/privacy/anonymize`, { confirm: "anonymize" })
      expect(refused.status).toBe(409)
      expect(refused.data.code).toBe("anonymize_refused")
      expect(refused.data.message).toContain("legal hold")
      const refusedDelete = await post(`/admin/customers/${id}/privacy/delete`, { confirm: "delete" })
      expect(refusedDelete.status).toBe(409)
      expect(refusedDelete.data.code).toBe("delete_refused")
      expect(await requestsOf(id)).toEqual([
        { kind: "anonymize", status: "refused", refusal_code: "legal_hold", record_count: 0 },
        { kind: "delete", status: "refused", refusal_code: "legal_hold", record_count: 0 },
      ])
      expect(await erasuresOf([id])).toEqual([])

      const lifted = await settle(api.delete(`/admin/customers/${id}/privacy/legal-hold`, { headers }))
      expect(lifted.status).toBe(200)
      expect(lifted.data.privacy.legal_hold).toBeNull()
      expect(lifted.data.privacy.anonymize.allowed).toBe(true)
      expect((await privacyOf(id)).requests.map((r: any) => r.status)).toEqual(["refused", "refused"])
    })

    it("keeps one legal hold however many are set at once", async () => {
      const id = await createCustomer("held.at.once@example.com")
      const set = await Promise.all(
        Array.from({ length: 10 }, (_, i) => post(`/admin/customers/${id}/privacy/legal-hold`, { reason: `Dispute ${i}` }))
      )
      expect(set.map((r) => r.status)).toEqual(Array(10).fill(200))
      const holds = await rows(`SELECT reason FROM privacy_legal_hold WHERE customer_id = :id AND deleted_at IS NULL`, { id })
      expect(holds).toHaveLength(1)
      expect(holds[0].reason).toMatch(/^Dispute \d$/)
      expect((await privacyOf(id)).legal_hold.reason).toBe(holds[0].reason)
    })

    it("refuses anonymize without the confirmation word and when staff anonymize is off, writing nothing", async () => {
      const id = await createCustomer("careful@example.com")
      for (const body of [{}, { confirm: "yes" }, { confirm: "ANONYMIZE" }, { confirm: "anonymize", extra: 1 }]) {
        const bad = await post(`/admin/customers/${id}/privacy/anonymize`, body)
        expect(bad.status).toBe(400)
        expect(bad.data.code).toBe("invalid_data")
      }
      const badDelete = await post(`/admin/customers/${id}/privacy/delete`, { confirm: "anonymize" })
      expect(badDelete.status).toBe(400)
      expect(await requestsOf(id)).toEqual([])
      expect((await post(`/admin/customers/cus_unknown/privacy/anonymize`, { confirm: "anonymize" })).status).toBe(404)
      expect(await rows(`SELECT id FROM privacy_request WHERE customer_id = 'cus_unknown'`)).toEqual([])

      await post("/admin/crm/privacy/settings", { staff_anonymize: false })
      expect((await privacyOf(id)).anonymize.blockers.map((b: any) => b.code)).toEqual(["action_disabled"])
      const off = await post(`/admin/customers/${id}/privacy/anonymize`, { confirm: "anonymize" })
      expect(off.status).toBe(403)
      expect(off.data.code).toBe("privacy_action_disabled")
      expect(await requestsOf(id)).toEqual([{ kind: "anonymize", status: "refused", refusal_code: "action_disabled", record_count: 0 }])
      expect(await erasuresOf([id])).toEqual([])
      expect((await rows(`SELECT email FROM customer WHERE id = :id`, { id }))[0].email).toBe("careful@example.com")
      await post("/admin/crm/privacy/settings", { staff_anonymize: true })
    })

    it("refuses anonymize while an order is open and delete while there are orders, for every record of the person", async () => {
      const order = await placeGuestOrder(api, store, getContainer(), "Buyer@Example.com")
      // An account of the same person (same e-mail): the guest record and its order are theirs.
      const account = (await registerStoreCustomer(api, store.publishableKey, "buyer@example.com")).customerId
      const privacy = await privacyOf(account)
      expect(privacy.records.customer_ids.sort()).toEqual([account, order.customer_id].sort())
      const [open] = privacy.anonymize.blockers
      expect(open.code).toBe("open_orders")
      expect(open.values.count).toBe(1)
      expect(privacy.delete.blockers.map((b: any) => b.code)).toEqual(["has_orders"])

      for (const id of [account, order.customer_id]) {
        const refused = await post(`/admin/customers/${id}/privacy/anonymize`, { confirm: "anonymize" })
        expect(refused.status).toBe(409)
        expect(refused.data.code).toBe("anonymize_refused")
        expect(refused.data.message).toMatch(/still open \(#\d+\)/)
        const deleted = await post(`/admin/customers/${id}/privacy/delete`, { confirm: "delete" })
        expect(deleted.status).toBe(409)
        expect(deleted.data.code).toBe("delete_refused")
        expect(deleted.data.message).toContain("anonymize the customer instead")
        expect(await requestsOf(id)).toEqual([
          { kind: "anonymize", status: "refused", refusal_code: "open_orders", record_count: 0 },
          { kind: "delete", status: "refused", refusal_code: "has_orders", record_count: 0 },
        ])
      }
      expect(await erasuresOf([account, order.customer_id])).toEqual([])
      const [kept] = await rows(`SELECT email FROM "order" WHERE id = :id`, { id: order.id })
      expect(String(kept.email).toLowerCase()).toBe("buyer@example.com")
    })

    it("anonymizes the person in one go: every record in the erasure log, the request completed, once", async () => {
      const survivor = await createCustomer("anna@example.com", { phone: "+31 6 1234 5678" })
      const merged = await createCustomer("anna.old@example.com")
      const merge = await post(`/admin/customers/${survivor}/identity/merge`, { other_id: merged, survivor_id: survivor })
      expect(merge.status).toBe(200)
      const guest = await createCustomer("ANNA.OLD@example.com", { first_name: "Guest" })
      const stranger = await createCustomer("stranger@example.com")
      await addCode(survivor)

      // Before: the guest record and the survivor (its alternate e-mail) are a duplicate group.
      const groupsWith = async (id: string) =>
        (await api.get(`/admin/crm/duplicates?limit=100`, { headers })).data.groups.filter((g: any) =>
          g.customers.some((c: any) => c.id === id)
        )
      expect(await groupsWith(guest)).toHaveLength(1)

      // A handler of the host app's: it gets the whole person, inside the transaction. It leaves the
      // e-mails as they are (Medusa's handler replaces them), so the list, search and duplicates
      // below leave the records out because of the erasure log alone.
      const seen: Person[] = []
      registerCustomerDataHandler(
        testHandler("test-names", "app", async (ctx, person) => {
          seen.push(person)
          await selectRows(ctx.sql, `UPDATE customer SET first_name = NULL, last_name = NULL WHERE id = any(:ids::text[])`, {
            ids: person.customer_ids,
          })
        })
      )
      try {
        const done = await post(`/admin/customers/${survivor}/privacy/anonymize`, { confirm: "anonymize" })
        expect(done.status).toBe(200)
        expect(done.data.request).toMatchObject({ kind: "anonymize", status: "completed", source: "admin", record_count: 3 })
        expect(done.data.request.completed_at).not.toBeNull()
        expect(done.data.privacy).toMatchObject({ anonymized: true })
        expect(done.data.privacy.anonymize.blockers.map((b: any) => b.code)).toEqual(["already_anonymized"])
        // The customer page's badge reads it from the identity.
        const { identity } = (await api.get(`/admin/customers/${survivor}/identity`, { headers })).data
        expect(identity.anonymized_at).toBe(done.data.privacy.anonymized_at)
        expect(identity.anonymized_at).toEqual(expect.any(String))

        expect(seen).toHaveLength(1)
        expect(seen[0].customer_ids.sort()).toEqual([survivor, merged, guest].sort())
        expect(seen[0].emails).toEqual(["anna.old@example.com", "anna@example.com"])
        expect(seen[0].phones).toEqual(["+31 6 1234 5678"])

        expect(await erasuresOf([survivor, merged, guest, stranger])).toEqual(
          [survivor, merged, guest]
            .sort()
            .map((customer_id) => ({ customer_id, kind: "anonymized", request_id: done.data.request.id }))
        )
        expect(await codesOf(survivor)).toBe(0)
        expect(await rows(`SELECT id, first_name FROM customer WHERE id = any(:ids::text[]) ORDER BY id`, { ids: [survivor, stranger] })).toEqual(
          [
            { id: survivor, first_name: null },
            { id: stranger, first_name: "Petra" },
          ].sort((x, y) => x.id.localeCompare(y.id))
        )

        // Anonymized records leave the CRM's list, search and duplicate groups.
        const listed = (await api.get(`/admin/crm/customers?limit=100`, { headers })).data.customers.map((c: any) => c.id)
        expect(listed).toContain(stranger)
        expect(listed).not.toContain(survivor)
        expect(listed).not.toContain(guest)
        expect((await api.get(`/admin/crm/customers?q=anna`, { headers })).data.customers).toEqual([])
        expect(await groupsWith(guest)).toEqual([])

        const again = await post(`/admin/customers/${survivor}/privacy/anonymize`, { confirm: "anonymize" })
        expect(again.status).toBe(409)
        expect(again.data.code).toBe("anonymize_refused")
        expect(again.data.message).toContain("anonymized already")
        expect(seen).toHaveLength(1)
        expect(await requestsOf(survivor)).toEqual([
          { kind: "anonymize", status: "completed", refusal_code: null, record_count: 3 },
          { kind: "anonymize", status: "refused", refusal_code: "already_anonymized", record_count: 0 },
        ])
      } finally {
        unregisterCustomerDataHandler("test-names")
      }
    })

    it("rolls everything back when a handler fails: nothing changed, the request failed", async () => {
      const id = await createCustomer("fragile@example.com")
      await addCode(id)
      registerCustomerDataHandler(
        testHandler("test-renames", "app", async (ctx, person) => {
          await selectRows(ctx.sql, `UPDATE customer SET first_name = 'CHANGED' WHERE id = any(:ids::text[])`, {
            ids: person.customer_ids,
          })
        })
      )
      // Medusa's handlers run last: by then the plugin's handlers (the privacy module's) have written too.
      registerCustomerDataHandler(
        testHandler("test-fails", "medusa", async () => {
          throw new Error("disk full")
        })
      )
      try {
        const failed = await post(`/admin/customers/${id}/privacy/anonymize`, { confirm: "anonymize" })
        expect(failed.status).toBe(500)
      } finally {
        unregisterCustomerDataHandler("test-renames")
        unregisterCustomerDataHandler("test-fails")
      }
      expect(await rows(`SELECT first_name, email FROM customer WHERE id = :id`, { id })).toEqual([
        { first_name: "Petra", email: "fragile@example.com" },
      ])
      expect(await codesOf(id)).toBe(1)
      expect(await erasuresOf([id])).toEqual([])
      expect(await requestsOf(id)).toEqual([{ kind: "anonymize", status: "failed", refusal_code: null, record_count: 0 }])
      // The lock was released and the failed request blocks nothing: it can run again.
      const retried = await post(`/admin/customers/${id}/privacy/anonymize`, { confirm: "anonymize" })
      expect(retried.status).toBe(200)
      expect(await codesOf(id)).toBe(0)
    })

    it("lets a host app refuse through the customerAnonymizing hook, and act after through customerAnonymized", async () => {
      const guarded = await createCustomer("guarded@example.com")
      const free = await createCustomer("free@example.com")
      hookState.refuse = guarded
      hookState.after = []
      try {
        const refused = await post(`/admin/customers/${guarded}/privacy/anonymize`, { confirm: "anonymize" })
        expect(refused.status).toBe(400)
        expect(refused.data.message).toBe("Seats are still held for this customer")
        expect(await rows(`SELECT email FROM customer WHERE id = :id`, { id: guarded })).toEqual([{ email: "guarded@example.com" }])
        expect(await requestsOf(guarded)).toEqual([{ kind: "anonymize", status: "failed", refusal_code: null, record_count: 0 }])
        expect(hookState.after).toEqual([])

        expect((await post(`/admin/customers/${free}/privacy/anonymize`, { confirm: "anonymize" })).status).toBe(200)
        expect(hookState.after).toEqual([{ customer_id: free, customer_ids: [free] }])
      } finally {
        hookState.refuse = null
      }
    })

    it("deletes a customer without orders for good, through every handler, with the erasure log", async () => {
      const id = await createCustomer("leaving@example.com")
      await addCode(id)
      const done = await post(`/admin/customers/${id}/privacy/delete`, { confirm: "delete" })
      expect(done.status).toBe(200)
      expect(done.data).toMatchObject({ deleted: true, request: { kind: "delete", status: "completed", record_count: 1 } })
      expect(await erasuresOf([id])).toEqual([{ customer_id: id, kind: "deleted", request_id: done.data.request.id }])
      expect(await codesOf(id)).toBe(0)
      // The proof stays: the request, ids only.
      expect(await requestsOf(id)).toEqual([{ kind: "delete", status: "completed", refusal_code: null, record_count: 1 }])
    })

    it("deletes Medusa's customer row itself (through Medusa's handlers), soft-deleted rows included", async () => {
      const id = await createCustomer("gone-for-good@example.com")
      expect((await post(`/admin/customers/${id}/privacy/delete`, { confirm: "delete" })).status).toBe(200)
      expect(await rows(`SELECT id FROM customer WHERE id = :id`, { id })).toEqual([])
      expect(await rows(`SELECT id FROM customer WHERE lower(email) = 'gone-for-good@example.com'`)).toEqual([])
      expect((await settle(api.get(`/admin/customers/${id}/privacy`, { headers }))).status).toBe(404)
    })

    it("blocks a merge (and other privacy requests) while a privacy request is pending", async () => {
      const a = await createCustomer("pending.a@example.com")
      const b = await createCustomer("pending.b@example.com")
      await rows(
        `INSERT INTO privacy_request (id, customer_id, kind, status, source) VALUES (:id, :customer_id, 'anonymize', 'pending', 'store')`,
        { id: `preq_${randomUUID()}`, customer_id: a }
      )
      const { data } = await api.get(`/admin/customers/${b}/identity/merge-preview?other_id=${a}&survivor_id=${b}`, { headers })
      expect(data.preview.blockers.map((x: any) => x.code)).toContain("privacy_request_pending")
      const merge = await post(`/admin/customers/${b}/identity/merge`, { other_id: a, survivor_id: b })
      expect(merge.status).toBe(409)
      expect(merge.data.code).toBe("merge_refused")
      expect(merge.data.message).toContain("privacy request")
      expect((await rows(`SELECT deleted_at FROM customer WHERE id = :id`, { id: a }))[0].deleted_at).toBeNull()

      const refused = await post(`/admin/customers/${a}/privacy/anonymize`, { confirm: "anonymize" })
      expect(refused.status).toBe(409)
      expect(refused.data.message).toContain("still running")
    })
  },
})
