import { PassThrough } from "node:stream"
import { parse } from "csv-parse/sync"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { removeExpiredListExports, resumeStalledListExports } from "../../src/jobs/remove-expired-list-exports"
import { streamCustomerList } from "../../src/lib/customer-list-export"
import { CRM_REPORT_MODULE, type CrmReportModuleService } from "../../src/modules/crm-report"
import { CUSTOMER_SEGMENT_MODULE, type CustomerSegmentModuleService } from "../../src/modules/customer-segment"
import { CUSTOMER_TAG_MODULE } from "../../src/modules/customer-tag"
import { MEMBERSHIP_MODULE } from "../../src/modules/membership"
import listExportRequestedHandler from "../../src/subscribers/list-export-requested"
import { CUSTOMER_LIST_DEFAULT_EXPORT_COLUMNS } from "../../src/types/http/customer-list"
import { createAdminUser, settle } from "../helpers/admin"
import { waitFor } from "../helpers/wait"

jest.setTimeout(300 * 1000)

const BOM = "\uFEFF"
/** A name a CSV writer must quote: a comma, a double quote, a line break and accents. */
const TRICKY_FIRST = 'Zoë "Zee", the'
const TRICKY_LAST = "Ångström\nvan Dijk-Ñúñez"

/**
 * Exports of the CRM list: the file's content (BOM, header, quoting, the chosen columns, list
 * cells), a selection, a segment, JSON Lines, progress, the download, the record of past exports,
 * expiry, failure, repeated events, and bad input.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let userId: string

    const container = () => getContainer()
    const sql = async (text: string, params: any[] = []) =>
      (await container().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(text, params)).rows as any[]
    const exportsService = () => container().resolve<CrmReportModuleService>(CRM_REPORT_MODULE)
    const get = (url: string) => settle(api.get(url, { headers }))
    const post = (url: string, body: unknown) => settle(api.post(url, body, { headers }))
    /** The download, its body as the bytes decoded (a BOM stays in). */
    const download = async (id: string) => {
      const response = await settle(api.get(`/admin/crm/exports/${id}/download`, { headers, responseType: "arraybuffer" }))
      return { ...response, data: Buffer.from(response.data).toString("utf8") }
    }
    const waitFinished = async (id: string) =>
      (
        await waitFor(
          () => get(`/admin/crm/exports/${id}`),
          (r) => r.status === 200 && ["done", "failed"].includes(r.data.export.status),
          `export ${id} to finish`
        )
      ).data.export
    const exportRows = async () => Number((await sql(`SELECT count(*)::int AS n FROM crm_export`))[0].n)

    /**
     * Customers created one after another (the export's order), some tagged `exportee`: Zoë (a
     * tricky name, tags exportee and level:gold, a Friends membership), Bram (exportee), Cas (not).
     */
    const seed = async () => {
      const customers = container().resolve(Modules.CUSTOMER)
      const zoe = await customers.createCustomers({ email: "zoe@example.com", first_name: TRICKY_FIRST, last_name: TRICKY_LAST, phone: "+31 6 1234 5678" })
      const bram = await customers.createCustomers({ email: "bram@example.com", first_name: "Bram", last_name: "Bakker" })
      const cas = await customers.createCustomers({ email: "cas@example.com", first_name: "Cas", last_name: "Claes" })
      // Distinct creation times, so the export's order (created_at, id) is Zoë, Bram, Cas.
      await sql(`UPDATE customer SET created_at = now() - interval '3 hours' WHERE id = ?`, [zoe.id])
      await sql(`UPDATE customer SET created_at = now() - interval '2 hours' WHERE id = ?`, [bram.id])
      await sql(`UPDATE customer SET created_at = now() - interval '1 hours' WHERE id = ?`, [cas.id])

      const tags = container().resolve(CUSTOMER_TAG_MODULE) as any
      const [exportee, level] = await tags.createCustomerTagDefinitions([
        { key: "exportee", label: "Exportee", value_mode: "flag" },
        { key: "level", label: "Level", value_mode: "text" },
      ])
      await tags.createCustomerTags([
        { customer_id: zoe.id, definition_id: exportee.id, value: null },
        { customer_id: zoe.id, definition_id: level.id, value: "gold" },
        { customer_id: bram.id, definition_id: exportee.id, value: null },
      ])
      const memberships = container().resolve(MEMBERSHIP_MODULE) as any
      const plan = await memberships.createMembershipPlans({ name: "Friends", level: 1, duration_unit: "year", duration_value: 1 })
      await memberships.createMemberships({ number: "M-0001", plan_id: plan.id, customer_id: zoe.id, status: "active", starts_at: new Date() })
      return { zoe: zoe.id as string, bram: bram.id as string, cas: cas.id as string }
    }

    beforeEach(async () => {
      const admin = await createAdminUser(container())
      headers = admin.headers
      userId = admin.userId
    })

    it("exports the filtered list as CSV: BOM, header of the chosen columns, quoting of commas, quotes, line breaks and accents, list cells", async () => {
      const { zoe, bram } = await seed()
      const columns = ["id", "email", "first_name", "last_name", "phone", "has_account", "created_at", "lifetime_value", "order_count", "tags", "memberships"]

      const created = await post("/admin/crm/exports", { filter: { tags: ["exportee"] }, columns })
      expect(created.status).toBe(202)
      expect(created.data.export).toEqual(
        expect.objectContaining({
          source: "filter",
          segment_id: null,
          filter: { tags: ["exportee"] },
          columns,
          format: "csv",
          status: "pending",
          created_by: userId,
          download_url: null,
        })
      )
      const id = created.data.export.id

      const done = await waitFinished(id)
      expect(done).toEqual(
        expect.objectContaining({ status: "done", processed: 2, total: 2, error: null, download_url: `/admin/crm/exports/${id}/download` })
      )
      expect(done.size_bytes).toBeGreaterThan(0)
      const expiresIn = Date.parse(done.expires_at) - Date.now()
      expect(expiresIn).toBeGreaterThan(23 * 3600_000)
      expect(expiresIn).toBeLessThanOrEqual(24 * 3600_000)

      const file = await download(id)
      expect(file.status).toBe(200)
      expect(file.headers["content-type"]).toMatch(/^text\/csv/)
      expect(file.headers["content-disposition"]).toBe(`attachment; filename="customers-${id.toLowerCase()}.csv"`)
      const body: string = file.data
      expect(Buffer.byteLength(body, "utf8")).toBe(done.size_bytes)
      expect(body.startsWith(BOM)).toBe(true)
      expect(body.slice(1).split("\n")[0]).toBe(columns.join(","))
      // The tricky name is quoted with its quotes doubled, the line break kept inside the quotes.
      expect(body).toContain(`"Zoë ""Zee"", the","Ångström\nvan Dijk-Ñúñez"`)

      const records = parse(body, { bom: true, columns: true }) as Record<string, string>[]
      expect(records.map((r) => r.id)).toEqual([zoe, bram])
      expect(Object.keys(records[0])).toEqual(columns)
      expect(records[0]).toEqual({
        id: zoe,
        email: "zoe@example.com",
        first_name: TRICKY_FIRST,
        last_name: TRICKY_LAST,
        phone: "+31 6 1234 5678",
        has_account: "false",
        created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        lifetime_value: "0",
        order_count: "0",
        tags: "exportee; level:gold",
        memberships: "Friends",
      })
      expect(records[1]).toEqual(expect.objectContaining({ id: bram, first_name: "Bram", phone: "", tags: "exportee", memberships: "" }))

      // The file lives in the file module, private, under a name without personal data.
      const [row] = await sql(`SELECT file_id FROM crm_export WHERE id = ?`, [id])
      expect(row.file_id).toMatch(new RegExp(`^private-\\d+-customers-${id.toLowerCase()}\\.csv$`))
      const stored = await container().resolve(Modules.FILE).getAsBuffer(row.file_id)
      expect(stored.toString("utf8")).toBe(body)
    })

    it("a selection exports exactly the selected customers; the default columns apply", async () => {
      const { zoe, cas } = await seed()
      const created = await post("/admin/crm/exports", { ids: [cas, zoe] })
      expect(created.status).toBe(202)
      expect(created.data.export).toEqual(
        expect.objectContaining({ source: "selection", filter: { id: [cas, zoe] }, columns: CUSTOMER_LIST_DEFAULT_EXPORT_COLUMNS })
      )
      const done = await waitFinished(created.data.export.id)
      expect(done.status).toBe("done")
      const records = parse((await download(done.id)).data, { bom: true, columns: true }) as Record<string, string>[]
      expect(records.map((r) => r.id)).toEqual([zoe, cas])
      expect(Object.keys(records[0])).toEqual(CUSTOMER_LIST_DEFAULT_EXPORT_COLUMNS)
    })

    it("a segment exports its members under the segment's filter at that time; an unknown segment is 404 and records nothing", async () => {
      const { zoe, bram } = await seed()
      const segments = container().resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
      const segment = await segments.createCustomerSegments({ name: "Exportees", filter: { tags: ["exportee"] } })

      const created = await post("/admin/crm/exports", { segment_id: segment.id, columns: ["id", "first_name"], format: "jsonl" })
      expect(created.status).toBe(202)
      expect(created.data.export).toEqual(
        expect.objectContaining({ source: "segment", segment_id: segment.id, filter: { tags: ["exportee"] }, format: "jsonl" })
      )
      // Changing the segment afterwards does not change what was exported.
      await segments.updateCustomerSegments({ id: segment.id, filter: { tags: ["nobody"] } })
      const done = await waitFinished(created.data.export.id)
      expect(done.status).toBe("done")
      const lines = ((await download(done.id)).data as string).trimEnd().split("\n").map((l) => JSON.parse(l))
      expect(lines).toEqual([
        { id: zoe, first_name: TRICKY_FIRST },
        { id: bram, first_name: "Bram" },
      ])

      const before = await exportRows()
      const missing = await post("/admin/crm/exports", { segment_id: "cseg_missing" })
      expect(missing.status).toBe(404)
      expect(missing.data).toEqual(expect.objectContaining({ type: "not_found", code: "segment_not_found" }))
      expect(await exportRows()).toBe(before)
    })

    it("JSON Lines: one object per customer with the column keys, lists as arrays, numbers as numbers", async () => {
      const { zoe, bram } = await seed()
      const created = await post("/admin/crm/exports", {
        filter: { tags: ["exportee"] },
        columns: ["id", "last_name", "tags", "memberships", "order_count", "lifetime_value", "has_account"],
        format: "jsonl",
      })
      const done = await waitFinished(created.data.export.id)
      const file = await download(done.id)
      expect(file.status).toBe(200)
      expect(file.headers["content-type"]).toMatch(/^application\/x-ndjson/)
      expect(file.headers["content-disposition"]).toBe(`attachment; filename="customers-${done.id.toLowerCase()}.jsonl"`)
      const body: string = file.data
      expect(body.startsWith(BOM)).toBe(false)
      const lines = body.trimEnd().split("\n")
      expect(lines).toHaveLength(2)
      const [first, second] = lines.map((l) => JSON.parse(l))
      expect(first).toEqual({
        id: zoe,
        last_name: TRICKY_LAST,
        tags: [
          { key: "exportee", value: null, label: "Exportee" },
          { key: "level", value: "gold", label: "Level" },
        ],
        memberships: [expect.objectContaining({ plan_name: "Friends", status: "active" })],
        order_count: 0,
        lifetime_value: 0,
        has_account: false,
      })
      expect(second).toEqual(expect.objectContaining({ id: bram, tags: [{ key: "exportee", value: null, label: "Exportee" }], memberships: [] }))
    })

    it("the writer reads the cursor in batches of 1000 and reports progress after each; an empty result is the header only", async () => {
      await sql(
        `INSERT INTO customer (id, email, first_name, has_account, created_at, updated_at)
         SELECT 'cus_bulk_' || lpad(g::text, 5, '0'), 'bulk-' || g || '@example.com', 'Bulk', false,
                now() - interval '1 day' + g * interval '1 second', now()
           FROM generate_series(1, 1050) g`
      )
      const progress: [number, number][] = []
      const out = new PassThrough()
      const chunks: Buffer[] = []
      out.on("data", (c) => chunks.push(c))
      const result = await streamCustomerList(
        container(),
        { filter: { q: "bulk-", field: "email" }, columns: ["id", "email"], format: "csv" },
        out,
        (processed, total) => {
          progress.push([processed, total])
        }
      )
      expect(progress).toEqual([
        [1000, 1050],
        [1050, 1050],
      ])
      const text = Buffer.concat(chunks).toString("utf8")
      expect(result).toEqual({ rows: 1050, size_bytes: Buffer.byteLength(text, "utf8") })
      const records = parse(text, { bom: true, columns: true }) as Record<string, string>[]
      expect(records).toHaveLength(1050)
      expect(records[0].id).toBe("cus_bulk_00001")
      expect(records[1049].id).toBe("cus_bulk_01050")

      const empty = new PassThrough()
      const emptyChunks: Buffer[] = []
      empty.on("data", (c) => emptyChunks.push(c))
      const none = await streamCustomerList(container(), { filter: { q: "nobody-here" }, columns: ["id", "email"], format: "csv" }, empty)
      expect(none.rows).toBe(0)
      expect(Buffer.concat(emptyChunks).toString("utf8")).toBe(`${BOM}id,email\n`)
    })

    it("the same request twice exports once; a failure is recorded without personal data; past exports list who exported what, newest first", async () => {
      const { zoe } = await seed()
      const first = await post("/admin/crm/exports", { ids: [zoe], columns: ["id"] })
      const done = await waitFinished(first.data.export.id)
      const [before] = await sql(`SELECT file_id, finished_at FROM crm_export WHERE id = ?`, [done.id])

      // The event delivered again: nothing changes.
      await listExportRequestedHandler({ event: { name: "crm.customer_export.requested", data: { id: done.id } }, container: container() } as any)
      const [after] = await sql(`SELECT status, file_id, finished_at FROM crm_export WHERE id = ?`, [done.id])
      expect(after).toEqual({ status: "done", file_id: before.file_id, finished_at: before.finished_at })

      // An export that cannot be written (a column the writer does not know, stored around the API) fails.
      const broken = await exportsService().createCrmExports({
        source: "filter",
        filter: { q: "zoe@example.com" },
        columns: ["nonsense"] as any,
        format: "csv",
        created_by: userId,
      })
      const outcome = await listExportRequestedHandler({ event: { name: "crm.customer_export.requested", data: { id: broken.id } }, container: container() } as any).then(
        (r) => ({ ok: r }),
        (e) => ({ error: String(e) })
      )
      // The subscriber passes the error on (the event bus records the failed delivery).
      expect(outcome).toEqual({ error: expect.any(String) })
      const failed = (await get(`/admin/crm/exports/${broken.id}`)).data.export
      expect(failed).toEqual(expect.objectContaining({ status: "failed", download_url: null }))
      expect(failed.error).toMatch(/^The file could not be written/)
      expect(failed.error).not.toMatch(/zoe|example/i)
      const refused = await download(broken.id)
      expect(refused.status).toBe(404)
      expect(JSON.parse(refused.data)).toEqual(expect.objectContaining({ code: "list_export_not_ready" }))

      const list = await get("/admin/crm/exports?limit=10")
      expect(list.status).toBe(200)
      expect(list.data).toEqual(expect.objectContaining({ count: 2, limit: 10, offset: 0 }))
      expect(list.data.exports.map((e: any) => e.id)).toEqual([broken.id, done.id])
      expect(list.data.exports.map((e: any) => e.created_by)).toEqual([userId, userId])
      expect(list.data.exports[1]).toEqual(expect.objectContaining({ source: "selection", filter: { id: [zoe] }, columns: ["id"], status: "done" }))
      const paged = await get("/admin/crm/exports?limit=1&offset=1")
      expect(paged.data.exports.map((e: any) => e.id)).toEqual([done.id])
    })

    it("an expired export loses its file and keeps its row; a pending export's download is 409; unknown exports are 404", async () => {
      const { zoe } = await seed()
      const created = await post("/admin/crm/exports", { ids: [zoe], columns: ["id", "email"] })
      const done = await waitFinished(created.data.export.id)
      const [{ file_id }] = await sql(`SELECT file_id FROM crm_export WHERE id = ?`, [done.id])
      await sql(`UPDATE crm_export SET expires_at = now() - interval '1 minute' WHERE id = ?`, [done.id])

      expect(await removeExpiredListExports(container())).toBe(1)
      const expired = (await get(`/admin/crm/exports/${done.id}`)).data.export
      expect(expired).toEqual(expect.objectContaining({ id: done.id, status: "expired", download_url: null, created_by: userId }))
      await expect(container().resolve(Modules.FILE).getAsBuffer(file_id)).rejects.toThrow()
      const gone = await download(done.id)
      expect(gone.status).toBe(404)
      expect(JSON.parse(gone.data)).toEqual(expect.objectContaining({ code: "list_export_not_ready" }))
      expect(await removeExpiredListExports(container())).toBe(0)

      // Recorded but not yet written (no event): the download is not ready.
      const pending = await exportsService().createCrmExports({ source: "filter", filter: {}, columns: ["id"], format: "csv" } as any)
      const notReady = await download(pending.id)
      expect(notReady.status).toBe(409)
      expect(JSON.parse(notReady.data)).toEqual(expect.objectContaining({ type: "conflict", code: "list_export_not_ready" }))

      // One a stopped worker left running is written again by the job.
      await sql(`UPDATE crm_export SET status = 'running', processed = 7, updated_at = now() - interval '1 hour' WHERE id = ?`, [pending.id])
      expect(await resumeStalledListExports(container())).toEqual([pending.id])
      expect(await waitFinished(pending.id)).toEqual(expect.objectContaining({ status: "done", processed: 3, total: 3 }))
      expect(await resumeStalledListExports(container())).toEqual([])

      const unknown = await get("/admin/crm/exports/cexp_missing")
      expect(unknown.status).toBe(404)
      expect(unknown.data).toEqual(expect.objectContaining({ type: "not_found", code: "list_export_not_found" }))
      const unknownFile = await download("cexp_missing")
      expect(unknownFile.status).toBe(404)
      expect(JSON.parse(unknownFile.data)).toEqual(expect.objectContaining({ code: "list_export_not_found" }))
    })

    it("bad input is a 400 naming the field and records nothing", async () => {
      const { zoe } = await seed()
      const before = await exportRows()
      const cases: [unknown, RegExp][] = [
        [{ filter: {}, ids: [zoe] }, /filter and ids/],
        [{ ids: [zoe], segment_id: "cseg_1" }, /ids and segment_id/],
        [{ columns: ["id"] }, /needs a source/],
        [{ filter: {}, columns: ["id", "shoe_size"] }, /columns/],
        [{ filter: {}, columns: ["id", "id"] }, /twice/],
        [{ filter: {}, columns: [] }, /columns/],
        [{ filter: {}, format: "xlsx" }, /format/],
        [{ filter: { lifetime_value: { gte: 10, lte: 5 } } }, /lower bound above/],
        [{ filter: { colour: "red" } }, /colour/],
        [{ filter: {}, password: "x" }, /password/],
        [{ ids: [] }, /ids/],
        [{ ids: Array.from({ length: 1001 }, (_, i) => `cus_${i}`) }, /ids/],
      ]
      for (const [body, message] of cases) {
        const response = await post("/admin/crm/exports", body)
        expect({ body, status: response.status }).toEqual({ body, status: 400 })
        expect(response.data).toEqual(expect.objectContaining({ type: "invalid_data", code: "invalid_data" }))
        expect({ body, message: response.data.message }).toEqual({ body, message: expect.stringMatching(message) })
      }
      const notObject = await settle(api.post("/admin/crm/exports", [zoe], { headers }))
      expect(notObject.status).toBe(400)
      expect((await get("/admin/crm/exports?limit=0")).status).toBe(400)
      expect(await exportRows()).toBe(before)
    })
  },
})
