import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PRIVACY_MODULE, type PrivacyModuleService } from "../../src/modules/privacy"
import { selectRows } from "../../src/lib/queries/sql"
import { updatePrivacySettingsStep } from "../../src/workflows/privacy/steps"
import { createAdminUser, settle } from "../helpers/admin"
import { createTestStore, registerStoreCustomer, type TestStore } from "../helpers/store"

jest.setTimeout(240 * 1000)

const DEFAULTS = {
  staff_anonymize: true,
  customer_self_anonymize: false,
  staff_export: true,
  customer_self_export: false,
  export_include_notes: false,
  retention_enabled: false,
  retention_months: 36,
  retention_exempt_purpose_ids: [],
}

/**
 * A workflow that changes the settings, then fails: the settings it changed must be back as they
 * were. Before failing, another admin changes another setting, which must stay.
 */
const failAfterSettings = createStep("test-fail-after-privacy-settings", async (_: unknown, { container }) => {
  await container.resolve<PrivacyModuleService>(PRIVACY_MODULE).setPrivacySettings({ retention_months: 60 })
  throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Something after the settings broke")
})
const updateSettingsThenFail = createWorkflow("test-update-privacy-settings-then-fail", (input: { customer_self_export: boolean }) => {
  const settings = updatePrivacySettingsStep(input)
  failAfterSettings()
  return new WorkflowResponse(settings)
})


medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: TestStore

    const rows = (sql: string, values: Record<string, unknown> = {}) => selectRows(getContainer(), sql, values)
    const privacy = () => getContainer().resolve<PrivacyModuleService>(PRIVACY_MODULE)
    /** An admin write with its own Idempotency-Key, so two identical requests both run. */
    const post = (url: string, body: unknown = {}) =>
      settle(api.post(url, body, { headers: { ...headers, "Idempotency-Key": randomUUID() } }))
    const getSettings = async () => (await api.get("/admin/crm/privacy/settings", { headers })).data.settings
    const settingsRow = async () => (await rows(`SELECT * FROM privacy_setting`))[0]
    const createCustomer = async (email: string, extra: Record<string, unknown> = {}) =>
      (await api.post("/admin/customers", { email, first_name: "Petra", last_name: "Privé", ...extra }, { headers })).data.customer
        .id as string
    const createPurpose = async (handle: string, archived = false) =>
      (
        await privacy().createPrivacyConsentPurposes({
          handle,
          name: handle,
          ...(archived ? { archived_at: new Date() } : {}),
        })
      ).id as string
    const log = (query = "") => settle(api.get(`/admin/crm/privacy/requests${query ? `?${query}` : ""}`, { headers }))

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      store = await createTestStore(getContainer())
    })

    describe("settings", () => {
      it("start at their defaults and every setting round-trips, the others staying as they are", async () => {
        expect(await getSettings()).toEqual(DEFAULTS)
        const [newsletter, sms] = [await createPurpose("newsletter"), await createPurpose("sms")]

        const changes: Record<string, unknown>[] = [
          { staff_anonymize: false },
          { customer_self_anonymize: true },
          { staff_export: false },
          { customer_self_export: true },
          { export_include_notes: true },
          { retention_enabled: true },
          { retention_months: 1 },
          { retention_months: 240 },
          { retention_months: 24 },
          { retention_exempt_purpose_ids: [newsletter] },
        ]
        let expected: Record<string, unknown> = { ...DEFAULTS }
        for (const change of changes) {
          const res = await post("/admin/crm/privacy/settings", change)
          expected = { ...expected, ...change }
          expect(res.status).toBe(200)
          expect(res.data.settings).toEqual(expected)
          expect(await getSettings()).toEqual(expected)
        }

        // Duplicates are dropped; an empty list exempts nobody; several at once.
        const deduped = await post("/admin/crm/privacy/settings", { retention_exempt_purpose_ids: [sms, newsletter, sms] })
        expect(deduped.data.settings.retention_exempt_purpose_ids).toEqual([sms, newsletter])
        expect((await settingsRow()).retention_exempt_purpose_ids).toEqual([sms, newsletter])
        const cleared = await post("/admin/crm/privacy/settings", { retention_exempt_purpose_ids: [], staff_export: true })
        expect(cleared.data.settings).toEqual({ ...expected, retention_exempt_purpose_ids: [], staff_export: true })

        // Everything back to the defaults in one request.
        expect((await post("/admin/crm/privacy/settings", DEFAULTS)).data.settings).toEqual(DEFAULTS)
      })

      it("refuses bad input with a 400 naming the field, and writes nothing", async () => {
        const active = await createPurpose("newsletter")
        const archived = await createPurpose("old-letter", true)
        await post("/admin/crm/privacy/settings", { retention_months: 12, retention_exempt_purpose_ids: [active] })
        const before = await getSettings()
        const rowBefore = await settingsRow()

        const invalid: [unknown, RegExp][] = [
          [{}, /at least one setting/],
          [{ staff_export: "yes" }, /staff_export/],
          [{ customer_self_export: 1 }, /customer_self_export/],
          [{ export_include_notes: null }, /export_include_notes/],
          [{ retention_enabled: "true" }, /retention_enabled/],
          [{ retention_months: 0 }, /retention_months/],
          [{ retention_months: 241 }, /retention_months/],
          [{ retention_months: 12.5 }, /retention_months/],
          [{ retention_months: "12" }, /retention_months/],
          [{ retention_exempt_purpose_ids: active }, /retention_exempt_purpose_ids/],
          [{ retention_exempt_purpose_ids: [1] }, /retention_exempt_purpose_ids/],
          [{ retention_exempt_purpose_ids: [""] }, /retention_exempt_purpose_ids/],
          [{ retention_exempt_purpose_ids: Array.from({ length: 101 }, (_, i) => `ppur_${i}`) }, /retention_exempt_purpose_ids/],
          [{ retention_period: 12 }, /retention_period/],
          // A good setting beside a bad one: neither is written.
          [{ staff_anonymize: false, retention_months: -3 }, /retention_months/],
        ]
        for (const [body, message] of invalid) {
          const res = await post("/admin/crm/privacy/settings", body)
          expect({ body, status: res.status, code: res.data.code }).toEqual({ body, status: 400, code: "invalid_data" })
          expect(res.data.message).toMatch(message)
        }

        for (const ids of [[active, "ppur_unknown"], [archived], [active, archived]]) {
          const res = await post("/admin/crm/privacy/settings", { retention_exempt_purpose_ids: ids, staff_export: false })
          expect(res.status).toBe(400)
          expect(res.data.code).toBe("purpose_not_found")
          expect(res.data.message).toContain(ids.find((id) => id !== active))
          expect(res.data.message).toContain("retention_exempt_purpose_ids")
        }

        expect(await getSettings()).toEqual(before)
        expect(await settingsRow()).toEqual(rowBefore)
      })

      it("puts the settings it changed back when a workflow fails after changing them, and only those", async () => {
        await post("/admin/crm/privacy/settings", { retention_months: 48 })
        const before = await getSettings()
        const { errors } = await updateSettingsThenFail(getContainer()).run({
          input: { customer_self_export: true },
          throwOnError: false,
        })
        expect(errors[0]?.error?.message).toBe("Something after the settings broke")
        expect(await getSettings()).toEqual({ ...before, customer_self_export: false, retention_months: 60 })
      })
    })

    describe("gates", () => {
      it("staff anonymize off refuses anonymize and the permanent delete with a 403 and the reason, writing only the refusal", async () => {
        const id = await createCustomer("careful@example.com")
        await post("/admin/crm/privacy/settings", { staff_anonymize: false })

        const privacyTab = (await api.get(`/admin/customers/${id}/privacy`, { headers })).data.privacy
        expect(privacyTab.anonymize.blockers.map((b: any) => b.code)).toEqual(["action_disabled"])
        expect(privacyTab.delete.blockers.map((b: any) => b.code)).toEqual(["action_disabled"])

        const anonymize = await post(`/admin/customers/${id}/privacy/anonymize`, { confirm: "anonymize" })
        expect(anonymize.status).toBe(403)
        expect(anonymize.data).toMatchObject({ code: "privacy_action_disabled", message: expect.stringMatching(/Anonymizing customers is turned off/) })
        const remove = await post(`/admin/customers/${id}/privacy/delete`, { confirm: "delete" })
        expect(remove.status).toBe(403)
        expect(remove.data).toMatchObject({ code: "privacy_action_disabled", message: expect.stringMatching(/Deleting customers is turned off/) })

        expect(await rows(`SELECT kind, status, refusal_code FROM privacy_request WHERE customer_id = :id ORDER BY created_at`, { id })).toEqual([
          { kind: "anonymize", status: "refused", refusal_code: "action_disabled" },
          { kind: "delete", status: "refused", refusal_code: "action_disabled" },
        ])
        expect((await rows(`SELECT email FROM customer WHERE id = :id AND deleted_at IS NULL`, { id }))[0]?.email).toBe("careful@example.com")

        // On again, the delete goes through.
        await post("/admin/crm/privacy/settings", { staff_anonymize: true })
        expect((await post(`/admin/customers/${id}/privacy/delete`, { confirm: "delete" })).status).toBe(200)
      })

      it("self-anonymize off refuses both storefront routes with a 403 and the reason", async () => {
        const shopper = await registerStoreCustomer(api, store.publishableKey, "self@example.com")
        for (const path of ["/store/customers/me/privacy/anonymize/code", "/store/customers/me/privacy/anonymize"]) {
          const res = await settle(api.post(path, path.endsWith("code") ? {} : { password: "supersecret" }, { headers: shopper.headers }))
          expect(res.status).toBe(403)
          expect(res.data.code).toBe("privacy_action_disabled")
          expect(res.data.message).toMatch(/anonymize their own data/)
        }
        expect(await rows(`SELECT 1 FROM privacy_erasure WHERE customer_id = :id`, { id: shopper.customerId })).toEqual([])
      })

      it("staff export off refuses the admin download with a 403", async () => {
        const id = await createCustomer("export@example.com")
        await post("/admin/crm/privacy/settings", { staff_export: false })
        const res = await settle(api.get(`/admin/customers/${id}/privacy/export`, { headers }))
        expect(res.status).toBe(403)
        expect(res.data.code).toBe("privacy_action_disabled")
        expect(res.data.message).toMatch(/Exporting customer data is turned off/)
      })

      it("customer self-export off (the default) refuses a storefront export with a 403", async () => {
        const shopper = await registerStoreCustomer(api, store.publishableKey, "selfexport@example.com")
        const res = await settle(api.post("/store/customers/me/privacy/exports", {}, { headers: shopper.headers }))
        expect(res.status).toBe(403)
        expect(res.data.code).toBe("privacy_action_disabled")
        expect(await rows(`SELECT 1 FROM privacy_request WHERE customer_id = :id AND status <> 'refused'`, { id: shopper.customerId })).toEqual([])
      })
    })

    describe("the requests log", () => {
      it("lists every request newest first with whose it is, filters, counts the overdue ones and caps the page", async () => {
        const kept = await createCustomer("kept@example.com", { first_name: "Kees", last_name: "Klant" })
        const gone = await createCustomer("gone@example.com")
        const erased = await createCustomer("erased@example.com")

        // An anonymization and a deletion by staff, a refusal, and two pending requests of `kept`.
        expect((await post(`/admin/customers/${erased}/privacy/anonymize`, { confirm: "anonymize" })).status).toBe(200)
        expect((await post(`/admin/customers/${gone}/privacy/delete`, { confirm: "delete" })).status).toBe(200)
        await post("/admin/crm/privacy/settings", { staff_anonymize: false })
        expect((await post(`/admin/customers/${kept}/privacy/anonymize`, { confirm: "anonymize" })).status).toBe(403)
        const exportRequest = await privacy().openPrivacyRequest({ customer_id: kept, kind: "export", source: "store" })
        const lateRequest = await privacy().openPrivacyRequest({ customer_id: kept, kind: "delete", source: "api" })
        // Made five weeks ago: due a week ago.
        await rows(
          `UPDATE privacy_request SET created_at = now() - interval '5 weeks', due_at = now() - interval '1 week' WHERE id = :id`,
          { id: lateRequest.id }
        )

        const all = await log()
        expect(all.status).toBe(200)
        expect(all.data).toMatchObject({ count: 5, offset: 0, limit: 20, overdue_count: 1 })
        expect(all.data.requests.map((r: any) => [r.customer_id, r.kind, r.status, r.source])).toEqual([
          [kept, "export", "pending", "store"],
          [kept, "anonymize", "refused", "admin"],
          [gone, "delete", "completed", "admin"],
          [erased, "anonymize", "completed", "admin"],
          [kept, "delete", "pending", "api"],
        ])
        const byId = new Map(all.data.requests.map((r: any) => [r.id, r]))
        expect(byId.get(exportRequest.id)).toMatchObject({
          overdue: false,
          due_at: expect.any(String),
          customer: { id: kept, email: "kept@example.com", first_name: "Kees", last_name: "Klant" },
        })
        expect(new Date((byId.get(exportRequest.id) as any).due_at).getTime()).toBeGreaterThan(Date.now() + 27 * 24 * 3600 * 1000)
        expect(byId.get(lateRequest.id)).toMatchObject({ overdue: true, status: "pending" })
        const rowOf = (customerId: string) => all.data.requests.find((r: any) => r.customer_id === customerId)
        // The deleted customer has no summary; the anonymized one shows their placeholder.
        expect(rowOf(gone).customer).toBeNull()
        expect(rowOf(erased).customer).toEqual({ id: erased, email: `${erased.toLowerCase()}@anonymized.invalid`, first_name: null, last_name: null })
        expect(rowOf(erased)).toMatchObject({ record_count: 1, completed_at: expect.any(String), actor_id: expect.any(String) })

        const ids = async (query: string) => {
          const res = await log(query)
          expect(res.status).toBe(200)
          expect(res.data.overdue_count).toBe(1)
          return res.data.requests.map((r: any) => `${r.customer_id}:${r.kind}:${r.status}`)
        }
        expect(await ids("status=pending")).toEqual([`${kept}:export:pending`, `${kept}:delete:pending`])
        expect(await ids("status=completed&kind=delete")).toEqual([`${gone}:delete:completed`])
        expect(await ids("kind=anonymize")).toEqual([`${kept}:anonymize:refused`, `${erased}:anonymize:completed`])
        expect(await ids("source=store")).toEqual([`${kept}:export:pending`])
        expect(await ids("overdue=true")).toEqual([`${kept}:delete:pending`])
        expect(await ids("overdue=false")).toHaveLength(4)
        expect(await ids(`customer_id=${kept}`)).toEqual([`${kept}:export:pending`, `${kept}:anonymize:refused`, `${kept}:delete:pending`])
        expect(await ids(`customer_id=${kept}&overdue=true&kind=delete`)).toEqual([`${kept}:delete:pending`])
        expect(await ids("customer_id=cus_nobody")).toEqual([])
        expect(await ids("status=failed")).toEqual([])

        // The customer's Privacy tab shows the pending requests and the overdue one as such.
        const tab = (await api.get(`/admin/customers/${kept}/privacy`, { headers })).data.privacy
        expect(tab.requests.filter((r: any) => r.status === "pending").map((r: any) => [r.kind, r.overdue])).toEqual([
          ["export", false],
          ["delete", true],
        ])

        // Answered, it is no longer overdue.
        await privacy().completePrivacyRequest(lateRequest.id, 1)
        expect((await log("overdue=true")).data).toMatchObject({ requests: [], count: 0, overdue_count: 0 })

        // Pages, capped like the other list routes.
        const page = await log("limit=2&offset=1")
        expect(page.data).toMatchObject({ count: 5, limit: 2, offset: 1 })
        expect(page.data.requests.map((r: any) => r.id)).toEqual(all.data.requests.slice(1, 3).map((r: any) => r.id))
        expect((await log("limit=100")).data.limit).toBe(100)
        for (const query of [
          "limit=101",
          "limit=0",
          "offset=-1",
          "status=open",
          "kind=erase",
          "source=shop",
          "overdue=yes",
          "order=created_at",
          "customer_id=",
          "fields=id",
        ]) {
          const res = await log(query)
          expect({ query, status: res.status, code: res.data.code }).toEqual({ query, status: 400, code: "invalid_data" })
          expect(res.data.message).toMatch(new RegExp(query.split("=")[0]))
        }
      })
    })
  },
})
