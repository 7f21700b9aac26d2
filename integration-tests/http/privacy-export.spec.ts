import fs from "fs"
import path from "path"
import Ajv2020 from "ajv/dist/2020"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { removeExpiredPrivacyExports } from "../../src/jobs/remove-expired-privacy-exports"
import { CUSTOMER_EXPORT_SCHEMA_ID, openStoreExportRequest, PRIVACY_EXPORT_READY_TEMPLATE } from "../../src/lib/privacy-export"
import { PRIVACY_MODULE, type PrivacyModuleService } from "../../src/modules/privacy"
import { buildCustomerExportWorkflow } from "../../src/workflows/privacy/export-customer-data"
import { createAdminUser, settle } from "../helpers/admin"
import { baseUrlOf, createCheckoutStore, storefront, type CheckoutStore } from "../helpers/checkout"
import { recordSentNotifications } from "../helpers/notifications"
import { registerStoreCustomer, storeCrmClient } from "../helpers/store"
import { waitFor } from "../helpers/wait"

jest.setTimeout(300 * 1000)

const ROOT = path.join(__dirname, "..", "..")
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas", "customer-export.v1.schema.json"), "utf8"))
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })
ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
const validate = ajv.compile(schema)
/** The document's schema errors, empty when it conforms. */
const schemaErrors = (document: unknown) => (validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`))

/**
 * The data export: the admin's download and the storefront's requested export built on the worker,
 * its content against the JSON Schema shipped in the package, the e-mail, expiry, the daily limit
 * and the settings' gates.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let userId: string
    let store: CheckoutStore
    let mail: ReturnType<typeof recordSentNotifications>
    let seq = 0

    const sql = async (text: string, params: any[] = []) =>
      (await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(text, params)).rows as any[]
    const privacy = () => getContainer().resolve<PrivacyModuleService>(PRIVACY_MODULE)
    const settings = (values: Record<string, boolean>) => privacy().setPrivacySettings(values)
    const adminExport = (customerId: string, query = "") =>
      settle(api.get(`/admin/customers/${customerId}/privacy/export${query}`, { headers, transformResponse: (d: string) => d }))
    const requestRow = async (id: string) => (await sql(`SELECT * FROM privacy_request WHERE id = ?`, [id]))[0]
    const privateFile = (fileId: string) => path.join(ROOT, ".data", "private-uploads", fileId)

    /** A storefront customer who registered; `headers` carry their token and the publishable key. */
    const shopper = async () => {
      const email = `export${++seq}@example.com`
      const { customerId, headers: h } = await registerStoreCustomer(api, store.publishableKey, email)
      return { id: customerId, email, headers: h }
    }
    type Shopper = Awaited<ReturnType<typeof shopper>>
    const storeCall = (who: Shopper, method: "get" | "post", url: string, body?: unknown) =>
      settle(
        method === "get"
          ? api.get(url, { headers: who.headers, transformResponse: (d: string) => d })
          : api.post(url, body, { headers: who.headers })
      )
    const json = (r: { data: unknown }) => (typeof r.data === "string" ? JSON.parse(r.data) : r.data)
    const waitBuilt = (id: string) =>
      waitFor(() => requestRow(id), (r) => r.status !== "pending", `export ${id} to be built`)

    /**
     * A customer with data in every module, made through the routes an admin and a storefront use:
     * an order with items and addresses (checked out in the storefront), a manual note, a tag (and
     * its system note), loyalty points, a membership, a profile, an alternate e-mail.
     */
    const fullCustomer = async () => {
      const email = `full${++seq}@example.com`
      const shop = storefront(baseUrlOf(api), store.publishableKey)
      const customer = await shop.register(email)
      const cart = await shop.createCart(store.eur)
      await shop.addItem(cart.id, store.variantId, 2)
      await shop.setAddress(cart.id, store.eur)
      await shop.addShipping(cart.id, store.eur.shippingOptionId)
      await shop.startPayment(cart.id)
      const order = await shop.complete(cart.id)
      const id = customer.id as string
      await api.post(`/admin/customers/${id}/notes`, { body: "Internal: prefers the aisle, complained twice" }, { headers })
      const key = `employer_${seq}`
      await api.post("/admin/crm/tags", { key, label: "Employer", value_mode: "text" }, { headers })
      await api.post(`/admin/customers/${id}/tags`, { key, value: "Rijksmuseum" }, { headers })
      await api.post(`/admin/customers/${id}/profile`, { nationality: "NL", birth_date: "1980-02-03" }, { headers })
      await api.post(`/admin/customers/${id}/loyalty/adjustments`, { points: 300, reason: "Welcome gift" }, { headers })
      const plan = (
        await api.post("/admin/crm/membership-plans", { name: `Friends ${seq}`, level: 1, duration_unit: "year", duration_value: 1 }, { headers })
      ).data.plan
      await api.post(`/admin/customers/${id}/memberships`, { plan_id: plan.id }, { headers })
      await api.post(`/admin/customers/${id}/identity/emails`, { email: `work.${email}` }, { headers })
      await waitFor(
        () => sql(`SELECT count(*)::int AS n FROM customer_metric WHERE customer_id = ?`, [id]),
        (r) => r[0].n === 1,
        "the order's metrics"
      )
      return { id, email, orderId: order.id as string }
    }

    beforeAll(() => {
      mail = recordSentNotifications()
    })
    afterAll(() => mail.restore())

    beforeEach(async () => {
      const admin = await createAdminUser(getContainer())
      headers = admin.headers
      userId = admin.userId
      store = await createCheckoutStore(getContainer())
    })

    it("the admin downloads a document that conforms to the schema, with every module's data; internal notes only per the setting", async () => {
      const pat = await fullCustomer()

      const plain = await adminExport(pat.id)
      expect(plain.status).toBe(200)
      expect(plain.headers["content-type"]).toMatch(/application\/json/)
      const day = new Date().toISOString().slice(0, 10)
      expect(plain.headers["content-disposition"]).toBe(`attachment; filename="customer-export-${pat.id}-${day}.json"`)
      const doc = JSON.parse(plain.data)
      expect(schemaErrors(doc)).toEqual([])
      expect(doc).toEqual(
        expect.objectContaining({ $schema: CUSTOMER_EXPORT_SCHEMA_ID, version: 1, customer_id: pat.id, records: [pat.id], include_notes: false })
      )
      const s = doc.sections
      expect(s.customer).toEqual([expect.objectContaining({ id: pat.id, email: pat.email })])
      expect(s.orders).toEqual([
        expect.objectContaining({
          id: pat.orderId,
          currency_code: "eur",
          created_at: expect.any(String),
          item_total: 2 * 19.95,
          shipping_total: 4.95,
          total: 2 * 19.95 + 4.95,
          tax_total: expect.any(Number),
          items: [expect.objectContaining({ title: expect.any(String), product_title: "Tote bag", quantity: 2, unit_price: 19.95, total: 2 * 19.95 })],
          shipping_methods: [expect.objectContaining({ amount: 4.95 })],
          shipping_address: expect.objectContaining({ address_1: "Damrak 1", city: "Amsterdam", country_code: "nl" }),
          billing_address: expect.objectContaining({ address_1: "Damrak 1" }),
        }),
      ])
      expect(s.tags).toEqual([expect.objectContaining({ label: "Employer", value: "Rijksmuseum" })])
      expect(s.profile).toEqual([expect.objectContaining({ nationality: "NL" })])
      expect(s.loyalty_entries).toEqual(expect.arrayContaining([expect.objectContaining({ type: "adjust", points: 300, reason: "Welcome gift" })]))
      expect(s.memberships).toEqual([expect.objectContaining({ plan: `Friends ${seq}`, status: "active" })])
      expect(s.alternate_emails).toEqual([expect.objectContaining({ email: `work.${pat.email}` })])
      expect(s.metrics).toEqual([expect.objectContaining({ currency_code: "eur", orders: 1 })])
      // System notes (what happened to the data) are in; the note staff wrote is not.
      expect(s.notes.length).toBeGreaterThan(0)
      expect(s.notes.every((n: any) => n.kind === "system")).toBe(true)
      expect(plain.data).not.toContain("prefers the aisle")
      // The export is a completed request of the admin, with the document's size.
      const [request] = await sql(`SELECT * FROM privacy_request WHERE customer_id = ? AND kind = 'export'`, [pat.id])
      expect(request).toEqual(
        expect.objectContaining({
          status: "completed",
          source: "admin",
          actor_id: userId,
          include_notes: false,
          size_bytes: Buffer.byteLength(plain.data),
          file_id: null,
        })
      )
      expect(plain.headers["x-privacy-request-id"]).toBe(request.id)
      expect(s.privacy_requests).toEqual([expect.objectContaining({ id: request.id, kind: "export", source: "admin" })])

      await settings({ export_include_notes: true })
      const withNotes = await adminExport(pat.id)
      expect(withNotes.status).toBe(200)
      const full = JSON.parse(withNotes.data)
      expect(schemaErrors(full)).toEqual([])
      expect(full.include_notes).toBe(true)
      expect(full.sections.notes).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: "manual", body: "Internal: prefers the aisle, complained twice" })])
      )
      expect(full.sections.notes.length).toBe(s.notes.length + 1)
      const requests = await sql(`SELECT include_notes FROM privacy_request WHERE customer_id = ? AND kind = 'export' ORDER BY created_at`, [pat.id])
      expect(requests).toEqual([{ include_notes: false }, { include_notes: true }])

      // The validator is a real one: a document without orders, or with a wrong type, fails.
      const { orders: _orders, ...withoutOrders } = full.sections
      expect(schemaErrors({ ...full, sections: withoutOrders })).not.toEqual([])
      expect(schemaErrors({ ...full, version: 2 })).not.toEqual([])
      expect(schemaErrors({ ...full, sections: { ...full.sections, orders: [{ ...full.sections.orders[0], items: "none" }] } })).not.toEqual([])
    })

    it("the admin export answers 403 with the reason while staff export is off (nothing recorded), 404 for an unknown customer, 400 for parameters", async () => {
      const who = await shopper()
      await settings({ staff_export: false })
      const refused = await adminExport(who.id)
      expect(refused.status).toBe(403)
      expect(JSON.parse(refused.data)).toEqual(
        expect.objectContaining({ code: "privacy_action_disabled", message: "Exporting customer data is turned off in the privacy settings (staff export)." })
      )
      expect(await sql(`SELECT id FROM privacy_request WHERE customer_id = ?`, [who.id])).toEqual([])
      await settings({ staff_export: true })
      expect((await adminExport("cus_unknown")).status).toBe(404)
      const bad = await adminExport(who.id, "?include_notes=true")
      expect(bad.status).toBe(400)
      expect(JSON.parse(bad.data).code).toBe("invalid_data")
      expect(await sql(`SELECT id FROM privacy_request WHERE customer_id = ?`, [who.id])).toEqual([])
    })

    it("a storefront export end to end: requested (202), built on the worker into a private file, e-mailed with ids only, downloaded, expired and removed", async () => {
      await settings({ customer_self_export: true })
      const who = await shopper()
      const other = await shopper()

      const requested = await storeCall(who, "post", "/store/customers/me/privacy/exports", {})
      expect(requested.status).toBe(202)
      expect(requested.data.export).toEqual(
        expect.objectContaining({ id: expect.stringMatching(/^preq_/), status: "pending", completed_at: null, expires_at: null, size_bytes: null })
      )
      const id = requested.data.export.id as string
      const built = await waitBuilt(id)
      expect(built).toEqual(
        expect.objectContaining({ status: "completed", source: "store", actor_id: null, include_notes: false, file_id: expect.any(String) })
      )
      const hours = (new Date(built.expires_at).getTime() - new Date(built.completed_at).getTime()) / 3_600_000
      expect(Math.round(hours)).toBe(168)

      // The file is private: outside ./static, which Medusa serves to anyone.
      expect(built.file_id).toMatch(/^private-\d+-privacy-export-preq_/)
      expect(fs.existsSync(privateFile(built.file_id))).toBe(true)
      expect(fs.existsSync(path.join(ROOT, "static", built.file_id))).toBe(false)
      expect((await settle(api.get(`/static/${built.file_id}`))).status).toBe(404)

      // The e-mail: to the customer, through Medusa's notification module, ids and expiry only.
      const stored = await waitFor(
        () => sql(`SELECT "to", template, data, resource_id FROM notification WHERE template = ?`, [PRIVACY_EXPORT_READY_TEMPLATE]),
        (r) => r.length === 1,
        "the export e-mail"
      )
      expect(stored).toEqual([
        { to: who.email, template: PRIVACY_EXPORT_READY_TEMPLATE, resource_id: id, data: { privacy_request_id: id, expires_at: new Date(built.expires_at).toISOString() } },
      ])
      expect(mail.sent().filter((n) => n.template === PRIVACY_EXPORT_READY_TEMPLATE && n.to === who.email)).toHaveLength(1)

      // Delivered again, the event builds nothing and sends nothing.
      const again = await buildCustomerExportWorkflow(getContainer()).run({ input: { request_id: id } })
      expect(again.result).toEqual({ built: false })
      expect((await requestRow(id)).file_id).toBe(built.file_id)
      expect(await sql(`SELECT id FROM notification WHERE template = ?`, [PRIVACY_EXPORT_READY_TEMPLATE])).toHaveLength(1)

      const list = await storeCall(who, "get", "/store/customers/me/privacy/exports")
      expect(list.status).toBe(200)
      expect(json(list)).toEqual({
        exports: [expect.objectContaining({ id, status: "completed", size_bytes: built.size_bytes })],
        count: 1,
        offset: 0,
        limit: 20,
      })
      expect(json(await storeCall(other, "get", "/store/customers/me/privacy/exports")).exports).toEqual([])

      const download = await storeCall(who, "get", `/store/customers/me/privacy/exports/${id}`)
      expect(download.status).toBe(200)
      expect(download.headers["content-disposition"]).toMatch(new RegExp(`^attachment; filename="customer-export-${who.id}-\\d{4}-\\d{2}-\\d{2}\\.json"$`))
      const doc = JSON.parse(download.data)
      expect(schemaErrors(doc)).toEqual([])
      expect(doc).toEqual(expect.objectContaining({ customer_id: who.id, include_notes: false }))
      expect(doc.sections.customer).toEqual([expect.objectContaining({ id: who.id, email: who.email })])
      expect(Buffer.byteLength(download.data)).toBe(built.size_bytes)
      expect((await requestRow(id)).downloaded_at).not.toBeNull()

      // The same through the plugin's typed storefront client.
      const crm = storeCrmClient(api, who.headers)
      expect((await crm.store.privacy.listExports()).exports.map((e) => e.id)).toEqual([id])
      const response = await crm.store.privacy.downloadExport(id)
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="customer-export-/)
      expect(schemaErrors(await response.json())).toEqual([])

      // Another customer's export, or an unknown id: 404.
      for (const path of [`/store/customers/me/privacy/exports/${id}`]) {
        const r = await storeCall(other, "get", path)
        expect(r.status).toBe(404)
        expect(json(r).code).toBe("export_not_found")
      }
      expect((await storeCall(who, "get", "/store/customers/me/privacy/exports/preq_unknown")).status).toBe(404)

      // Expired: 410, and the daily job removes the file but keeps the request.
      await sql(`UPDATE privacy_request SET expires_at = now() - interval '1 minute' WHERE id = ?`, [id])
      const expired = await storeCall(who, "get", `/store/customers/me/privacy/exports/${id}`)
      expect(expired.status).toBe(410)
      expect(json(expired).code).toBe("export_expired")
      expect(await removeExpiredPrivacyExports(getContainer())).toBe(1)
      expect(await requestRow(id)).toEqual(expect.objectContaining({ status: "completed", file_id: null }))
      expect(fs.existsSync(privateFile(built.file_id))).toBe(false)
      expect(await removeExpiredPrivacyExports(getContainer())).toBe(0)
      expect((await storeCall(who, "get", `/store/customers/me/privacy/exports/${id}`)).status).toBe(410)
    })

    it("answers 409 while the export is being built", async () => {
      await settings({ customer_self_export: true })
      const who = await shopper()
      // A request the worker has not picked up yet (opened without the event).
      const opened = await openStoreExportRequest(getContainer(), { customer_id: who.id, include_notes: false })
      const r = await storeCall(who, "get", `/store/customers/me/privacy/exports/${opened.request!.id}`)
      expect(r.status).toBe(409)
      expect(json(r).code).toBe("export_not_ready")
    })

    it("allows three exports a day, also when many are requested at once (429 too_many_exports with Retry-After)", async () => {
      await settings({ customer_self_export: true })
      const who = await shopper()
      const asked = await Promise.all(Array.from({ length: 8 }, () => storeCall(who, "post", "/store/customers/me/privacy/exports", {})))
      const tally = asked.reduce<Record<string, number>>((acc, r) => {
        const key = `${r.status}${r.data?.code ? ` ${r.data.code}` : ""}`
        return { ...acc, [key]: (acc[key] ?? 0) + 1 }
      }, {})
      expect(tally).toEqual({ 202: 3, "429 too_many_exports": 5 })
      expect(Number(asked.find((r) => r.status === 429)!.headers["retry-after"])).toBeGreaterThan(0)
      const rows = await sql(`SELECT id FROM privacy_request WHERE customer_id = ? AND kind = 'export'`, [who.id])
      expect(rows).toHaveLength(3)
      for (const { id } of rows) {
        await waitBuilt(id)
      }
      // A day later one may be requested again.
      await sql(`UPDATE privacy_request SET created_at = created_at - interval '25 hours' WHERE customer_id = ?`, [who.id])
      const next = await storeCall(who, "post", "/store/customers/me/privacy/exports", {})
      expect(next.status).toBe(202)
      await waitBuilt(next.data.export.id)
    })

    it("answers 403 while customers may not export, 401 without a login, 400 for bad input, and nothing is written", async () => {
      const who = await shopper()
      const refused = await storeCall(who, "post", "/store/customers/me/privacy/exports", {})
      expect(refused.status).toBe(403)
      expect(refused.data).toEqual(
        expect.objectContaining({ code: "privacy_action_disabled", message: "Customers may not export their own data in this store: the privacy settings turn it off." })
      )
      await settings({ customer_self_export: true })
      const guest = { "x-publishable-api-key": store.publishableKey }
      expect((await settle(api.post("/store/customers/me/privacy/exports", {}, { headers: guest }))).status).toBe(401)
      expect((await settle(api.get("/store/customers/me/privacy/exports", { headers: guest }))).status).toBe(401)
      const bad: [unknown, RegExp][] = [
        [{ customer_id: "cus_other" }, /customer_id/],
        [{ include_notes: true }, /include_notes/],
        [["x"], /JSON object/],
      ]
      for (const [body, message] of bad) {
        const r = await storeCall(who, "post", "/store/customers/me/privacy/exports", body)
        expect(r.status).toBe(400)
        expect(r.data.code).toBe("invalid_data")
        expect(r.data.message).toMatch(message)
      }
      for (const query of ["?limit=0", "?limit=101", "?offset=-1", "?order=created_at"]) {
        const r = await storeCall(who, "get", `/store/customers/me/privacy/exports${query}`)
        expect(r.status).toBe(400)
        expect(json(r).code).toBe("invalid_data")
      }
      expect((await storeCall(who, "get", "/store/customers/me/privacy/exports/preq_1?x=1")).status).toBe(400)
      expect(await sql(`SELECT id FROM privacy_request WHERE customer_id = ?`, [who.id])).toEqual([])
    })

    it("without an e-mail provider the export still completes, and the log names no person", async () => {
      await settings({ customer_self_export: true })
      const who = await shopper()
      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      const failing = jest
        .spyOn(notifications, "createNotifications")
        .mockRejectedValue(new Error("Could not find a notification provider for channel: email"))
      const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER)
      const warn = jest.spyOn(logger, "warn")
      try {
        const requested = await storeCall(who, "post", "/store/customers/me/privacy/exports", {})
        const built = await waitBuilt(requested.data.export.id)
        expect(built.status).toBe("completed")
        expect(failing).toHaveBeenCalled()
        const lines = warn.mock.calls.map((c) => String(c[0])).filter((l) => l.includes(requested.data.export.id))
        expect(lines).toHaveLength(1)
        expect(lines[0]).not.toContain(who.email)
        expect((await storeCall(who, "get", `/store/customers/me/privacy/exports/${requested.data.export.id}`)).status).toBe(200)
      } finally {
        failing.mockRestore()
        warn.mockRestore()
      }
    })

    it("anonymizing the customer removes their export files and keeps the requests", async () => {
      await settings({ customer_self_export: true })
      const who = await shopper()
      const requested = await storeCall(who, "post", "/store/customers/me/privacy/exports", {})
      const built = await waitBuilt(requested.data.export.id)
      expect(fs.existsSync(privateFile(built.file_id))).toBe(true)
      const anonymized = await settle(api.post(`/admin/customers/${who.id}/privacy/anonymize`, { confirm: "anonymize" }, { headers }))
      expect(anonymized.status).toBe(200)
      expect(await requestRow(built.id)).toEqual(expect.objectContaining({ status: "completed", file_id: null }))
      expect(fs.existsSync(privateFile(built.file_id))).toBe(false)
    })
  },
})
