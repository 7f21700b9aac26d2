import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import { selectRows } from "../../src/lib/queries/sql"
import { runRetention } from "../../src/lib/retention"
import { anonymizeCustomerWorkflow } from "../../src/workflows/privacy/anonymize-customer"
import { createAdminUser, settle } from "../helpers/admin"
import { createTestStore, placeGuestOrder, registerStoreCustomer, type TestStore } from "../helpers/store"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240 * 1000)

/** A host app's hook that refuses the customer named in `refuse` (hooks are global: once per file). */
const hookState: { refuse: string | null; delayMs: number } = { refuse: null, delayMs: 0 }
anonymizeCustomerWorkflow.hooks.customerAnonymizing(async ({ customer_id }) => {
  if (hookState.delayMs) {
    await new Promise((r) => setTimeout(r, hookState.delayMs))
  }
  if (customer_id === hookState.refuse) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Seats are still held for this customer")
  }
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: TestStore

    const rows = (sql: string, values: Record<string, unknown> = {}) => selectRows(getContainer(), sql, values)
    const post = (url: string, body: unknown = {}) =>
      settle(api.post(url, body, { headers: { ...headers, "Idempotency-Key": randomUUID() } }))
    const createCustomer = async (email: string) =>
      (await api.post("/admin/customers", { email, first_name: "Rita", last_name: "Retention" }, { headers })).data.customer
        .id as string
    /** Makes records look untouched since `years` ago: created, updated, their orders and visits. */
    const age = (ids: string[], years = 4) =>
      rows(
        `WITH c AS (UPDATE customer SET created_at = now() - make_interval(years => :years), updated_at = now() - make_interval(years => :years)
                    WHERE id = any(:ids::text[]) RETURNING id),
              o AS (UPDATE "order" SET created_at = now() - make_interval(years => :years) WHERE customer_id = any(:ids::text[]) RETURNING id)
         UPDATE privacy_activity SET last_seen_at = now() - make_interval(years => :years) WHERE customer_id = any(:ids::text[])`,
        { ids, years }
      )
    const addPurpose = async (handle: string) => {
      const id = `ppur_${randomUUID()}`
      await rows(`INSERT INTO privacy_consent_purpose (id, handle, name) VALUES (:id, :handle, :handle)`, { id, handle })
      return id
    }
    const consent = (customerId: string, purposeId: string, granted: boolean, daysAgo: number) =>
      rows(
        `INSERT INTO privacy_consent (id, customer_id, purpose_id, granted, source, text_version, occurred_at)
         VALUES (:id, :customer_id, :purpose_id, :granted, 'admin', 1, now() - make_interval(days => :days))`,
        { id: `pcon_${randomUUID()}`, customer_id: customerId, purpose_id: purposeId, granted, days: daysAgo }
      )
    const erased = async (ids: string[]) =>
      (await rows(`SELECT customer_id FROM privacy_erasure WHERE customer_id = any(:ids::text[])`, { ids })).map((r) => r.customer_id).sort()
    const emailsOf = async (ids: string[]) =>
      (await rows(`SELECT id, email, first_name, updated_at FROM customer WHERE id = any(:ids::text[]) ORDER BY id`, { ids }))
    const latestRun = async () => (await api.get("/admin/crm/privacy/retention/runs?limit=1", { headers })).data.runs[0]

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      store = await createTestStore(getContainer())
      hookState.refuse = null
      hookState.delayMs = 0
    })

    it("dry run: decides per person (orders, visits, profile updates, exempt consents, legal holds, open orders) and changes nothing", async () => {
      const gone = await createCustomer("gone@example.com")
      const fresh = await createCustomer("fresh@example.com")
      const updated = await createCustomer("updated@example.com")
      const withdrew = await createCustomer("withdrew@example.com")
      const exempt = await createCustomer("exempt@example.com")
      const held = await createCustomer("held@example.com")
      const visited = await createCustomer("visited@example.com")
      const guest = await createCustomer("shared@example.com")
      const anonymized = await createCustomer("anonymized@example.com")
      // A guest record whose address an active account holds as an alternate e-mail (added before
      // the guest bought): the account's person includes it, so it stays.
      const alias = await createCustomer("alias@example.com")
      const owner = await createCustomer("owner@example.com")
      await rows(
        `INSERT INTO customer_alternate_email (id, customer_id, email, source) VALUES (:id, :customer_id, 'alias@example.com', 'admin')`,
        { id: `calt_${randomUUID()}`, customer_id: owner }
      )
      const recentOrder = await placeGuestOrder(api, store, getContainer(), "recent@example.com")
      const oldOpenOrder = await placeGuestOrder(api, store, getContainer(), "open@example.com")
      expect((await post(`/admin/customers/${held}/privacy/legal-hold`, { reason: "Chargeback dispute" })).status).toBe(200)
      expect((await post(`/admin/customers/${anonymized}/privacy/anonymize`, { confirm: "anonymize" })).status).toBe(200)
      await age([gone, updated, withdrew, exempt, held, visited, guest, anonymized, alias, oldOpenOrder.customer_id])
      await age([recentOrder.customer_id])
      await rows(`UPDATE "order" SET created_at = now() WHERE id = :id`, { id: recentOrder.id })
      // A profile update since the cutoff.
      await rows(`UPDATE customer SET updated_at = now() - interval '2 months' WHERE id = :id`, { id: updated })
      // A storefront visit last month.
      await rows(
        `INSERT INTO privacy_activity (id, customer_id, last_seen_at) VALUES (:id, :customer_id, now() - interval '1 month')`,
        { id: `pact_${randomUUID()}`, customer_id: visited }
      )
      // The same e-mail has an account, signed up today: the person is active.
      await registerStoreCustomer(api, store.publishableKey, "shared@example.com")
      const marketing = await addPurpose("email_marketing")
      await consent(exempt, marketing, false, 30)
      await consent(exempt, marketing, true, 10)
      await consent(withdrew, marketing, true, 30)
      await consent(withdrew, marketing, false, 10)
      expect((await post("/admin/crm/privacy/settings", { retention_exempt_purpose_ids: [marketing] })).status).toBe(200)
      const before = await emailsOf([gone, withdrew, exempt, held, guest, alias, oldOpenOrder.customer_id])

      // Retention is off: a dry run still works, a real run is refused.
      const refused = await post("/admin/crm/privacy/retention/run")
      expect(refused.status).toBe(403)
      expect(refused.data.code).toBe("privacy_action_disabled")

      const dry = await post("/admin/crm/privacy/retention/dry-run", {})
      expect(dry.status).toBe(200)
      const byId = Object.fromEntries(dry.data.candidates.map((c: any) => [c.customer_id, c]))
      expect(Object.keys(byId).sort()).toEqual([gone, withdrew, exempt, held, guest, alias, oldOpenOrder.customer_id].sort())
      expect(byId[gone]).toMatchObject({ would_anonymize: true, reason: "inactive", email: "gone@example.com", has_account: false })
      expect(byId[withdrew]).toMatchObject({ would_anonymize: true, reason: "inactive" })
      expect(byId[exempt]).toMatchObject({ would_anonymize: false, reason: "exempt_consent", values: { purpose: "email_marketing" } })
      expect(byId[held]).toMatchObject({ would_anonymize: false, reason: "legal_hold" })
      expect(byId[guest]).toMatchObject({ would_anonymize: false, reason: "person_active" })
      expect(byId[alias]).toMatchObject({ would_anonymize: false, reason: "person_active" })
      expect(byId[oldOpenOrder.customer_id]).toMatchObject({ would_anonymize: false, reason: "open_orders", values: { count: 1 } })
      expect(new Date(byId[gone].last_activity_at).getTime()).toBeLessThan(Date.now() - 3 * 365 * 86400_000)
      expect(dry.data.run).toMatchObject({
        dry_run: true,
        status: "completed",
        trigger: "admin",
        period_months: 36,
        candidates: 7,
        anonymized: 2,
        exempt: 1,
        skipped: 4,
        failed: 0,
      })
      expect(await emailsOf([gone, withdrew, exempt, held, guest, alias, oldOpenOrder.customer_id])).toEqual(before)
      expect(await erased([gone, withdrew])).toEqual([])
      expect(await rows(`SELECT id FROM privacy_request WHERE source = 'retention'`)).toEqual([])

      // Another period, a short list.
      const shorter = await post("/admin/crm/privacy/retention/dry-run", { months: 60, limit: 1 })
      expect(shorter.status).toBe(200)
      expect(shorter.data.candidates).toEqual([])
      expect(shorter.data.run).toMatchObject({ period_months: 60, candidates: 0 })
      const limited = await post("/admin/crm/privacy/retention/dry-run", { limit: 2 })
      expect(limited.data.candidates).toHaveLength(2)
      expect(limited.data.run.candidates).toBe(7)

      for (const body of [{ limit: 0 }, { limit: 501 }, { months: 0 }, { months: 241 }, { months: "12" }, { other: 1 }]) {
        const bad = await post("/admin/crm/privacy/retention/dry-run", body)
        expect(bad.status).toBe(400)
        expect(bad.data.code).toBe("invalid_data")
      }
      expect((await post("/admin/crm/privacy/retention/run", { now: true })).status).toBe(400)
      for (const query of ["limit=0", "limit=101", "offset=-1", "x=1"]) {
        expect((await settle(api.get(`/admin/crm/privacy/retention/runs?${query}`, { headers }))).status).toBe(400)
      }
      const runs = (await api.get("/admin/crm/privacy/retention/runs", { headers })).data
      expect(runs).toMatchObject({ count: 3, offset: 0, limit: 20 })
      expect(runs.runs.map((r: any) => r.period_months)).toEqual([36, 60, 36])
      expect((await rows(`SELECT count(*)::int AS n FROM privacy_retention_run`))[0].n).toBe(3)
    })

    it("a real run anonymizes each inactive person in the background, keeps the rest, counts a failure and goes on", async () => {
      const ids: string[] = []
      for (let i = 0; i < 5; i++) {
        ids.push(await createCustomer(`old${i}@example.com`))
      }
      const held = await createCustomer("held-run@example.com")
      const fresh = await createCustomer("fresh-run@example.com")
      expect((await post(`/admin/customers/${held}/privacy/legal-hold`, { reason: "Tax audit" })).status).toBe(200)
      await age([...ids, held])
      hookState.refuse = ids[2]
      expect((await post("/admin/crm/privacy/settings", { retention_enabled: true, retention_months: 24 })).status).toBe(200)

      const started = await post("/admin/crm/privacy/retention/run")
      expect(started.status).toBe(202)
      expect(started.data.run).toMatchObject({ status: "running", dry_run: false, trigger: "admin", period_months: 24 })
      const run = await waitFor(latestRun, (r) => r.status !== "running", "the retention run to finish")
      expect(run).toMatchObject({
        id: started.data.run.id,
        status: "completed",
        candidates: 6,
        anonymized: 4,
        exempt: 0,
        skipped: 1,
        failed: 1,
        resumed: 0,
      })
      expect(await erased([...ids, held, fresh])).toEqual([ids[0], ids[1], ids[3], ids[4]].sort())
      const requests = await rows(`SELECT customer_id, status FROM privacy_request WHERE source = 'retention' ORDER BY customer_id`)
      expect(requests).toEqual(
        [...ids].sort().map((id) => ({ customer_id: id, status: id === ids[2] ? "failed" : "completed" }))
      )
      const [gone] = await emailsOf([ids[0]])
      expect(gone.email).not.toContain("old0")
      expect(gone.first_name).toBeNull()

      // A second run finds nobody new (the failed one is tried again).
      hookState.refuse = null
      expect((await post("/admin/crm/privacy/retention/run")).status).toBe(202)
      const again = await waitFor(latestRun, (r) => r.status !== "running" && r.id !== run.id, "the second run")
      expect(again).toMatchObject({ candidates: 2, anonymized: 1, skipped: 1, failed: 0 })
    })

    it("a run left running by a crash is resumed from its cursor with its counts; a live run answers 409", async () => {
      const ids: string[] = []
      for (let i = 0; i < 4; i++) {
        ids.push(await createCustomer(`crash${i}@example.com`))
      }
      await age(ids)
      ids.sort()
      expect((await post("/admin/crm/privacy/settings", { retention_enabled: true })).status).toBe(200)
      // A run that is going on now (its row moved a moment ago): 409.
      await rows(
        `INSERT INTO privacy_retention_run (id, status, dry_run, trigger, cutoff, period_months, started_at, updated_at)
         VALUES ('pret_live', 'running', false, 'job', now() - interval '36 months', 36, now(), now())`
      )
      const busy = await post("/admin/crm/privacy/retention/run")
      expect(busy.status).toBe(409)
      expect(busy.data.code).toBe("retention_running")
      await rows(`DELETE FROM privacy_retention_run WHERE id = 'pret_live'`)

      // A run that crashed after its first page of two: cursor on the second customer, two counted.
      await rows(
        `INSERT INTO privacy_retention_run (id, status, dry_run, trigger, cutoff, period_months, cursor, candidates, anonymized,
           started_at, updated_at)
         VALUES ('pret_crashed', 'running', false, 'job', now() - interval '36 months', 36, :cursor, 4, 2,
           now() - interval '1 hour', now() - interval '1 hour')`,
        { cursor: ids[1] }
      )
      // The daily job (what any instance runs at 04:00) resumes it instead of starting a new one.
      await runRetention(getContainer())
      const runs = (await api.get("/admin/crm/privacy/retention/runs", { headers })).data.runs
      expect(runs).toHaveLength(1)
      expect(runs[0]).toMatchObject({ id: "pret_crashed", status: "completed", candidates: 4, anonymized: 4, resumed: 1, failed: 0 })
      // Only the customers after the cursor were handled by the resumed run.
      expect(await erased(ids)).toEqual([ids[2], ids[3]])

      // A crashed run is also resumed when staff start a run.
      const more = [await createCustomer("crash-late@example.com")]
      await age(more)
      await rows(
        `INSERT INTO privacy_retention_run (id, status, dry_run, trigger, cutoff, period_months, candidates, anonymized,
           started_at, updated_at)
         VALUES ('pret_crashed2', 'running', false, 'job', now() - interval '36 months', 36, 3, 0,
           now() - interval '1 hour', now() - interval '1 hour')`
      )
      const resumed = await post("/admin/crm/privacy/retention/run")
      expect(resumed.status).toBe(202)
      expect(resumed.data.run.id).toBe("pret_crashed2")
      const done = await waitFor(
        async () => (await api.get("/admin/crm/privacy/retention/runs", { headers })).data.runs.find((r: any) => r.id === "pret_crashed2"),
        (r) => r.status !== "running",
        "the resumed run"
      )
      expect(done).toMatchObject({ status: "completed", resumed: 1, candidates: 3 })
      expect(await erased([...ids, ...more])).toEqual([ids[2], ids[3], ...more, ids[0], ids[1]].sort())

      // With retention off, the job starts nothing.
      expect((await post("/admin/crm/privacy/settings", { retention_enabled: false })).status).toBe(200)
      await runRetention(getContainer())
      expect((await api.get("/admin/crm/privacy/retention/runs", { headers })).data.count).toBe(2)
    })

    it("starts one run when staff start it many times at once", async () => {
      const ids: string[] = []
      for (let i = 0; i < 3; i++) {
        ids.push(await createCustomer(`race${i}@example.com`))
      }
      await age(ids)
      expect((await post("/admin/crm/privacy/settings", { retention_enabled: true })).status).toBe(200)
      // Each anonymization takes a moment, so the first run is still going when the others ask.
      hookState.delayMs = 400
      const answers = await Promise.all(Array.from({ length: 6 }, () => post("/admin/crm/privacy/retention/run")))
      expect(answers.map((a) => a.status).sort()).toEqual([202, 409, 409, 409, 409, 409])
      expect(answers.filter((a) => a.status === 409).every((a) => a.data.code === "retention_running")).toBe(true)
      const run = await waitFor(latestRun, (r) => r.status !== "running", "the run to finish")
      expect(run).toMatchObject({ candidates: 3, anonymized: 3 })
      expect((await rows(`SELECT count(*)::int AS n FROM privacy_retention_run`))[0].n).toBe(1)
    })

    it("records a signed-in customer's storefront visits at most once an hour, in one row under parallel requests", async () => {
      const { customerId, headers: customer } = await registerStoreCustomer(api, store.publishableKey, "visitor@example.com")
      const seen = async (id: string) =>
        rows(`SELECT last_seen_at FROM privacy_activity WHERE customer_id = :id AND deleted_at IS NULL`, { id })
      await Promise.all(Array.from({ length: 10 }, () => api.get("/store/customers/me", { headers: customer })))
      const [first] = await waitFor(() => seen(customerId), (r) => r.length > 0, "the visit to be recorded")
      expect(await seen(customerId)).toHaveLength(1)
      expect(Date.now() - new Date(first.last_seen_at as string).getTime()).toBeLessThan(60_000)

      // Another customer seen 30 minutes ago (by another instance): not written again.
      const other = await registerStoreCustomer(api, store.publishableKey, "visitor2@example.com")
      await api.get("/store/customers/me", { headers: other.headers })
      await waitFor(() => seen(other.customerId), (r) => r.length > 0, "the second visitor")
      await rows(`UPDATE privacy_activity SET last_seen_at = now() - interval '30 minutes' WHERE customer_id = :id`, {
        id: other.customerId,
      })
      const [halfHour] = await seen(other.customerId)
      await api.get("/store/customers/me", { headers: other.headers })
      await new Promise((r) => setTimeout(r, 300))
      expect(await seen(other.customerId)).toEqual([halfHour])

      // A guest's request records nothing; a refused request neither.
      await api.get("/store/products", { headers: { "x-publishable-api-key": store.publishableKey } })
      expect(
        (await settle(api.get("/store/customers/me", { headers: { ...customer, authorization: "Bearer not-a-token" } }))).status
      ).toBe(401)

      // The privacy handler claims the row, and anonymizing the customer removes it.
      const privacy = (await api.get(`/admin/customers/${customerId}/privacy`, { headers })).data.privacy
      expect(privacy.holds.privacy).toBeGreaterThanOrEqual(1)
      expect((await post(`/admin/customers/${customerId}/privacy/anonymize`, { confirm: "anonymize" })).status).toBe(200)
      expect(await rows(`SELECT id FROM privacy_activity WHERE customer_id = :id`, { id: customerId })).toEqual([])
    })
  },
})
