import { randomUUID } from "node:crypto"
import { readdir, readFile } from "node:fs/promises"
import { createServer } from "node:net"
import { join } from "node:path"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { CrmEvents } from "../../src/lib/events"
import { selectRows } from "../../src/lib/queries/sql"
import { CUSTOMER_SEGMENT_MODULE } from "../../src/modules/customer-segment"
import { dueStamp, wallClock } from "../../src/lib/reports/schedule"
import { enqueueDueRuns, executeReportRun, runDueReports } from "../../src/lib/reports/runs"
import { createAdminUser, settle } from "../helpers/admin"
import { recordSentNotifications } from "../helpers/notifications"
import { sftpPasswordLogins, startSftpServer, type SftpTestServer } from "../helpers/sftp-server"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240 * 1000)

// Retries at once (no waiting in tests), three attempts in all.
process.env.CRM_REPORT_RETRY_DELAYS = "0"
process.env.CRM_REPORT_MAX_ATTEMPTS = "3"

const withPassword = sftpPasswordLogins() ? it : it.skip

/** A loopback port nobody listens on (connection refused). */
async function closedPort(): Promise<number> {
  return await new Promise((resolve) => {
    const server = createServer()
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** CSV text as rows of cells (the test data holds no commas or quotes), without the BOM. */
const csvRows = (data: string | ArrayBuffer | Buffer) => {
  const text = typeof data === "string" ? data : Buffer.from(data as ArrayBuffer).toString("utf8")
  expect(text.charCodeAt(0)).toBe(0xfeff)
  return text
    .slice(1)
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(","))
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let sftp: SftpTestServer
    let customers: { ann: string; bob: string; other: string }

    const rows = (sql: string, values: Record<string, unknown> = {}) => selectRows(getContainer(), sql, values)
    const post = (url: string, body: unknown = {}) =>
      settle(api.post(url, body, { headers: { ...headers, "Idempotency-Key": randomUUID() } }))
    const get = (url: string) => settle(api.get(url, { headers }))
    const createCustomer = async (email: string, first_name: string) =>
      (await api.post("/admin/customers", { email, first_name }, { headers })).data.customer.id as string

    const columns = ["id", "email", "first_name"]
    const filter = { q: "rep.test" }
    const daily = { frequency: "daily", time: "07:30", timezone: "Europe/Amsterdam" }
    const createReport = async (destination: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
      const res = await post("/admin/crm/reports", { name: "Customers", filter, columns, schedule: daily, destination, ...extra })
      expect(res.status).toBe(201)
      return res.data.report
    }
    const sftpDestination = (auth: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      type: "sftp",
      host: sftp.host,
      port: sftp.port,
      username: sftp.username,
      remote_dir: sftp.uploadDir,
      ...auth,
      ...extra,
    })
    /** Events of a name as the event bus delivers them, from now on. */
    const listen = (name: string) => {
      const received: any[] = []
      getContainer()
        .resolve(Modules.EVENT_BUS)
        .subscribe(name, async (event: any) => void received.push(event.data), { subscriberId: `test-${name}-${randomUUID()}` })
      return received
    }
    const runs = async (reportId: string) => (await get(`/admin/crm/reports/${reportId}/runs`)).data.runs
    const runByHand = async (reportId: string) => {
      // No body, as the admin sends it.
      const res = await settle(api.post(`/admin/crm/reports/${reportId}/run`, undefined, { headers }))
      expect(res.status).toBe(202)
      expect(res.data.run).toEqual(expect.objectContaining({ report_id: reportId, trigger: "manual" }))
      return res.data.run.id as string
    }
    const finished = async (reportId: string, runId: string) =>
      await waitFor(
        async () => (await runs(reportId)).find((r: any) => r.id === runId),
        (run) => ["succeeded", "failed", "retrying"].includes(run?.status),
        `run ${runId}`
      )

    beforeAll(async () => {
      sftp = await startSftpServer()
    })
    afterAll(async () => {
      await sftp?.stop()
    })

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      customers = {
        ann: await createCustomer("ann@rep.test", "Ann"),
        bob: await createCustomer("bob@rep.test", "Bob"),
        other: await createCustomer("other@elsewhere.test", "Olga"),
      }
    })

    it("creates a report without ever answering its secret, keeps the secret on update, and lists it", async () => {
      // The server's own password where password logins can be tested, so the connection test can pass.
      const password = sftp.password ?? `pw-${randomUUID()}`
      const created = await post("/admin/crm/reports", {
        name: "Weekly VIP",
        filter,
        columns,
        schedule: daily,
        destination: sftpDestination({ password }, { file_name: "vip-{date}.csv" }),
      })
      expect(created.status).toBe(201)
      const report = created.data.report
      expect(JSON.stringify(created.data)).not.toContain(password)
      expect(report.destination).toEqual({
        type: "sftp",
        host: sftp.host,
        port: sftp.port,
        username: sftp.username,
        has_password: true,
        has_private_key: false,
        remote_dir: sftp.uploadDir,
        file_name: "vip-{date}.csv",
      })
      // Due next at 07:30 on Amsterdam's clock, within a day.
      const next = new Date(report.next_run_at)
      const local = wallClock(next, "Europe/Amsterdam")
      expect([local.hour, local.minute]).toEqual([7, 30])
      expect(next.getTime()).toBeGreaterThan(Date.now())
      expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000 + 3600_000)

      const [stored] = await rows(`SELECT secret, destination FROM crm_report WHERE id = :id`, { id: report.id })
      expect(stored.secret).toMatch(/^v1:/)
      expect(stored.secret).not.toContain(password)
      expect(JSON.stringify(stored.destination)).not.toContain(password)

      // An update without a secret keeps the stored one.
      const updated = await post(`/admin/crm/reports/${report.id}`, {
        name: "VIP, weekly",
        schedule: { frequency: "weekly", time: "06:00", weekday: 1, timezone: "UTC" },
        destination: sftpDestination({}, { file_name: "vip-{date}.csv" }),
      })
      expect(updated.status).toBe(200)
      expect(updated.data.report.name).toBe("VIP, weekly")
      expect(updated.data.report.destination.has_password).toBe(true)
      expect(new Date(updated.data.report.next_run_at).getUTCDay()).toBe(1)
      expect(new Date(updated.data.report.next_run_at).toISOString().slice(11, 16)).toBe("06:00")
      const [after] = await rows(`SELECT secret FROM crm_report WHERE id = :id`, { id: report.id })
      expect(after.secret).toBe(stored.secret)
      const test = await post(`/admin/crm/reports/${report.id}/test`)
      expect(test.data).toEqual(expect.objectContaining({ ok: sftpPasswordLogins() }))

      const list = await get("/admin/crm/reports?q=vip")
      expect(list.status).toBe(200)
      expect(list.data.reports.map((r: any) => r.id)).toEqual([report.id])
      expect(list.data.count).toBe(1)
      expect(JSON.stringify(list.data)).not.toContain(password)

      const deleted = await settle(api.delete(`/admin/crm/reports/${report.id}`, { headers }))
      expect(deleted.data).toEqual({ id: report.id, object: "crm_report", deleted: true })
      expect((await get(`/admin/crm/reports/${report.id}`)).status).toBe(404)
    })

    it("refuses bad input with 400 naming the field, and unknown reports, runs and segments with 404", async () => {
      const base = { name: "Bad", filter, columns, schedule: daily, destination: { type: "file" } }
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ ...base, schedule: { ...daily, time: "25:00" } }, /time/],
        [{ ...base, schedule: { frequency: "weekly", time: "07:00" } }, /weekday/],
        [{ ...base, schedule: { frequency: "monthly", time: "07:00", day_of_month: 31 } }, /day_of_month/],
        [{ ...base, schedule: { ...daily, timezone: "Mars/Olympus" } }, /timezone/],
        [{ ...base, destination: sftpDestination({}) }, /password/],
        [{ ...base, destination: sftpDestination({ password: "x" }, { file_name: "../x.csv" }) }, /file_name/],
        [{ ...base, destination: sftpDestination({ password: "x" }, { file_name: "x-{day}.csv" }) }, /file_name/],
        [{ ...base, destination: sftpDestination({ password: "x" }, { port: 70000 }) }, /port/],
        [{ ...base, destination: { type: "email", to: ["not-an-address"] } }, /to/],
        [{ ...base, destination: { type: "ftp" } }, /type|destination/],
        [{ ...base, columns: ["id", "password"] }, /columns/],
        [{ ...base, filter: { lifetime_value: { gte: 10, lte: 5 } } }, /lower bound/],
        [{ ...base, segment_id: "cseg_1" }, /segment_id/],
        [{ ...base, surprise: true }, /surprise/],
      ]
      for (const [body, field] of cases) {
        const res = await post("/admin/crm/reports", body)
        expect({ status: res.status, code: res.data.code }).toEqual({ status: 400, code: "invalid_data" })
        expect(res.data.message).toMatch(field)
      }
      expect(await rows(`SELECT id FROM crm_report`)).toEqual([])

      const missingSegment = await post("/admin/crm/reports", { ...base, filter: undefined, segment_id: "cseg_missing" })
      expect({ status: missingSegment.status, code: missingSegment.data.code }).toEqual({ status: 404, code: "segment_not_found" })

      for (const res of [
        await get("/admin/crm/reports/crep_missing"),
        await get("/admin/crm/reports/crep_missing/runs"),
        await post("/admin/crm/reports/crep_missing/run"),
        await post("/admin/crm/reports/crep_missing/test"),
        await post("/admin/crm/reports/crep_missing", { name: "x" }),
        await settle(api.delete("/admin/crm/reports/crep_missing", { headers })),
      ]) {
        expect({ status: res.status, code: res.data.code }).toEqual({ status: 404, code: "report_not_found" })
      }
      const report = await createReport({ type: "file" })
      const noRun = await get(`/admin/crm/reports/${report.id}/runs/crrun_missing/download`)
      expect({ status: noRun.status, code: noRun.data.code }).toEqual({ status: 404, code: "report_not_found" })
      expect((await get(`/admin/crm/reports/${report.id}/runs?limit=0`)).status).toBe(400)
      expect((await post(`/admin/crm/reports/${report.id}/run`, { now: true })).status).toBe(400)
      // Turning it into SFTP needs a password or key.
      const toSftp = await post(`/admin/crm/reports/${report.id}`, { destination: sftpDestination({}) })
      expect({ status: toSftp.status, code: toSftp.data.code }).toEqual({ status: 400, code: "invalid_data" })
      expect((await get(`/admin/crm/reports/${report.id}`)).data.report.destination).toEqual({ type: "file" })
    })

    it("runs by hand into the file module: the download holds the filtered customers; a second run waits its turn (409)", async () => {
      const completed = listen(CrmEvents.REPORT_RUN_COMPLETED)
      const report = await createReport({ type: "file" })
      const runId = await runByHand(report.id)
      const run = await finished(report.id, runId)
      expect(run).toEqual(expect.objectContaining({ status: "succeeded", rows: 2, attempts: 1, error: null }))
      await waitFor(async () => completed, (c) => c.length > 0, "crm.report_run.completed")
      expect(completed).toEqual([{ id: runId, report_id: report.id, status: "succeeded", rows: 2 }])
      // The same request delivered again changes nothing.
      expect(await executeReportRun(getContainer(), runId)).toBeNull()
      expect((await runs(report.id)).map((r: any) => [r.id, r.status, r.attempts])).toEqual([[runId, "succeeded", 1]])
      expect(run.file_id).toBeTruthy()
      expect(run.size_bytes).toBeGreaterThan(0)
      expect(run.duration_ms).toBeGreaterThanOrEqual(0)

      const download = await settle(api.get(`/admin/crm/reports/${report.id}/runs/${runId}/download`, { headers, responseType: "arraybuffer" }))
      expect(download.status).toBe(200)
      expect(download.headers["content-disposition"]).toMatch(/attachment; filename="report-\d{4}-\d{2}-\d{2}\.csv"/)
      expect(csvRows(download.data)).toEqual([
        ["id", "email", "first_name"],
        [customers.ann, "ann@rep.test", "Ann"],
        [customers.bob, "bob@rep.test", "Bob"],
      ])
      expect((await get(`/admin/crm/reports/${report.id}`)).data.report.last_run.id).toBe(runId)

      // A run still going on: a second one is refused, and nothing is queued.
      await rows(`UPDATE crm_report_run SET status = 'running' WHERE id = :id`, { id: runId })
      const busy = await post(`/admin/crm/reports/${report.id}/run`)
      expect({ status: busy.status, code: busy.data.code }).toEqual({ status: 409, code: "report_run_in_progress" })
      expect((await runs(report.id)).map((r: any) => r.id)).toEqual([runId])
    })

    it("runs a segment's current filter, read from the segment module; a deleted segment fails the run without retries", async () => {
      const segments = getContainer().resolve(CUSTOMER_SEGMENT_MODULE) as any
      const segment = await segments.createCustomerSegments({ name: "Ann only", filter: { q: "ann@rep.test" } })
      const report = await createReport({ type: "file" })
      // Switched to the segment, as the admin's form sends it.
      const switched = await post(`/admin/crm/reports/${report.id}`, { segment_id: segment.id, filter: null })
      expect(switched.data.report).toEqual(expect.objectContaining({ segment_id: segment.id, filter: null }))
      expect((await post(`/admin/crm/reports/${report.id}`, { name: "Ann's report" })).data.report.segment_id).toBe(segment.id)
      const runId = await runByHand(report.id)
      expect(await finished(report.id, runId)).toEqual(expect.objectContaining({ status: "succeeded", rows: 1 }))
      const download = await settle(api.get(`/admin/crm/reports/${report.id}/runs/${runId}/download`, { headers, responseType: "arraybuffer" }))
      expect(csvRows(download.data).map((r) => r[0])).toEqual(["id", customers.ann])

      // Another report's filter is kept when the form sends only `segment_id: null` with other changes.
      const filtered = await createReport({ type: "file" }, { filter: { q: "bob@" } })
      const renamed = await post(`/admin/crm/reports/${filtered.id}`, { segment_id: null, name: "Bob" })
      expect(renamed.data.report).toEqual(expect.objectContaining({ segment_id: null, filter: { q: "bob@" }, name: "Bob" }))

      await segments.softDeleteCustomerSegments([segment.id])
      const again = await runByHand(report.id)
      const failed = await finished(report.id, again)
      expect(failed).toEqual(expect.objectContaining({ status: "failed", attempts: 1 }))
      expect(failed.error).toMatch(/segment/)
    })

    it("e-mails the staff a link to the file: ids only in the notification's data", async () => {
      const mail = recordSentNotifications()
      try {
        const report = await createReport({ type: "email", to: ["Ops@Shop.test", "boss@shop.test"] })
        expect(report.destination).toEqual({ type: "email", to: ["ops@shop.test", "boss@shop.test"] })
        const runId = await runByHand(report.id)
        expect(await finished(report.id, runId)).toEqual(expect.objectContaining({ status: "succeeded", rows: 2 }))
        const sent = mail.sent().filter((n) => n.template === "crm-report-ready")
        expect(sent.map((n) => n.to).sort()).toEqual(["boss@shop.test", "ops@shop.test"])
        for (const n of sent) {
          expect(n.data).toEqual({ report_id: report.id, run_id: runId })
          expect(n.content?.text).toContain(`/admin/crm/reports/${report.id}/runs/${runId}/download`)
        }
        const stored = await rows(`SELECT "to", data FROM notification WHERE template = 'crm-report-ready' ORDER BY "to"`)
        expect(stored.map((n) => n.data)).toEqual([
          { report_id: report.id, run_id: runId },
          { report_id: report.id, run_id: runId },
        ])
        const download = await settle(api.get(`/admin/crm/reports/${report.id}/runs/${runId}/download`, { headers, responseType: "arraybuffer" }))
        expect(csvRows(download.data).map((r) => r[0])).toEqual(["id", customers.ann, customers.bob])
      } finally {
        mail.restore()
      }
    })

    it("uploads to SFTP with a private key: the file's name follows the pattern and its rows are the customers'", async () => {
      const report = await createReport(sftpDestination({ private_key: sftp.privateKey }, { file_name: "crm-{date}-{time}.csv" }))
      expect(report.destination).toEqual(expect.objectContaining({ has_private_key: true, has_password: false }))
      const test = await post(`/admin/crm/reports/${report.id}/test`)
      expect(test.data).toEqual(expect.objectContaining({ ok: true }))

      const runId = await runByHand(report.id)
      const run = await finished(report.id, runId)
      expect(run).toEqual(expect.objectContaining({ status: "succeeded", rows: 2, file_id: null }))
      const stamp = dueStamp(new Date(run.due_at), "Europe/Amsterdam")
      const name = `crm-${stamp.date}-${stamp.time}.csv`
      expect(run.remote_path).toBe(join(sftp.uploadDir, name))
      // No part file, no probe file left behind.
      expect((await readdir(sftp.uploadDir)).filter((f) => f.startsWith("crm-") || f.startsWith("."))).toEqual([name])
      expect(csvRows(await readFile(join(sftp.uploadDir, name), "utf8"))).toEqual([
        ["id", "email", "first_name"],
        [customers.ann, "ann@rep.test", "Ann"],
        [customers.bob, "bob@rep.test", "Bob"],
      ])
      expect(run.size_bytes).toBe((await readFile(join(sftp.uploadDir, name))).length)
      const download = await get(`/admin/crm/reports/${report.id}/runs/${runId}/download`)
      expect({ status: download.status, code: download.data.code }).toEqual({ status: 404, code: "report_run_no_file" })
    })

    withPassword("uploads to SFTP with a password (JSON Lines); a wrong password fails the connection test", async () => {
      const report = await createReport(sftpDestination({ password: sftp.password }, { file_name: "pw-{date}.jsonl" }), {
        format: "jsonl",
        columns: ["id", "email"],
      })
      expect((await post(`/admin/crm/reports/${report.id}/test`)).data).toEqual(expect.objectContaining({ ok: true }))
      const runId = await runByHand(report.id)
      const run = await finished(report.id, runId)
      expect(run.status).toBe("succeeded")
      const name = `pw-${dueStamp(new Date(run.due_at), "Europe/Amsterdam").date}.jsonl`
      const lines = (await readFile(join(sftp.uploadDir, name), "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l))
      expect(lines).toEqual([
        { id: customers.ann, email: "ann@rep.test" },
        { id: customers.bob, email: "bob@rep.test" },
      ])

      const wrong = await post(`/admin/crm/reports/${report.id}`, { destination: sftpDestination({ password: "not-the-password" }) })
      expect(wrong.status).toBe(200)
      const test = await post(`/admin/crm/reports/${report.id}/test`)
      expect(test.status).toBe(200)
      expect(test.data).toEqual(expect.objectContaining({ ok: false, code: "report_connection_failed" }))
      expect(test.data.message).toMatch(/authentication/i)
      expect(test.data.message).not.toContain("not-the-password")
    })

    it("tests an unreachable host (connection refused) and a missing folder as failed; file and e-mail as ok", async () => {
      const port = await closedPort()
      const refused = await createReport(sftpDestination({ private_key: sftp.privateKey }, { port }))
      const test = await post(`/admin/crm/reports/${refused.id}/test`)
      expect(test.data).toEqual(expect.objectContaining({ ok: false, code: "report_connection_failed" }))
      expect(test.data.message).toMatch(/ECONNREFUSED/)

      const missing = await createReport(sftpDestination({ private_key: sftp.privateKey }, { remote_dir: join(sftp.uploadDir, "nope") }))
      const noFolder = await post(`/admin/crm/reports/${missing.id}/test`)
      expect(noFolder.data).toEqual(expect.objectContaining({ ok: false, code: "report_connection_failed" }))
      expect(noFolder.data.message).toMatch(/does not exist/)

      const file = await createReport({ type: "file" })
      expect((await post(`/admin/crm/reports/${file.id}/test`)).data).toEqual(expect.objectContaining({ ok: true }))
    })

    it("retries a failed delivery with backoff and ends as failed after the last attempt, with its error", async () => {
      const completed = listen(CrmEvents.REPORT_RUN_COMPLETED)
      const port = await closedPort()
      const report = await createReport(sftpDestination({ private_key: sftp.privateKey }, { port }))
      const runId = await runByHand(report.id)
      const first = await finished(report.id, runId)
      expect(first).toEqual(expect.objectContaining({ status: "retrying", attempts: 1, finished_at: null }))
      expect(first.error).toMatch(/ECONNREFUSED/)
      expect(first.next_attempt_at).toBeTruthy()

      expect(await runDueReports(getContainer())).toEqual({ [runId]: "retrying" })
      expect((await runs(report.id))[0]).toEqual(expect.objectContaining({ id: runId, status: "retrying", attempts: 2 }))
      expect(await runDueReports(getContainer())).toEqual({ [runId]: "failed" })
      const last = (await runs(report.id))[0]
      expect(last).toEqual(expect.objectContaining({ id: runId, status: "failed", attempts: 3, next_attempt_at: null }))
      expect(last.error).toMatch(/ECONNREFUSED/)
      expect(last.finished_at).toBeTruthy()
      // A failed run stays failed and shows; nothing runs it again.
      expect(await runDueReports(getContainer())).toEqual({})
      expect((await runs(report.id)).map((r: any) => [r.id, r.status, r.attempts])).toEqual([[runId, "failed", 3]])
      expect((await get(`/admin/crm/reports/${report.id}`)).data.report.last_run.status).toBe("failed")
      // Told once, when it failed for good (not on the attempts that were retried).
      await waitFor(async () => completed, (c) => c.length > 0, "crm.report_run.completed")
      expect(completed).toEqual([{ id: runId, report_id: report.id, status: "failed", rows: null }])
    })

    it("writes one run per due time however many rounds run at once, and moves the report to its next due time", async () => {
      const report = await createReport({ type: "file" })
      const dueA = new Date(Date.now() - 60_000)
      await rows(`UPDATE crm_report SET next_run_at = :at WHERE id = :id`, { id: report.id, at: dueA })
      const queued = (await Promise.all([enqueueDueRuns(getContainer()), enqueueDueRuns(getContainer())])).flat()
      expect(queued).toHaveLength(1)
      const afterA = await rows(`SELECT id, trigger, status, due_at FROM crm_report_run WHERE report_id = :id`, { id: report.id })
      expect(afterA.map((r) => [r.id, r.trigger, new Date(r.due_at as string).toISOString()])).toEqual([
        [queued[0], "schedule", dueA.toISOString()],
      ])
      const [moved] = await rows(`SELECT next_run_at FROM crm_report WHERE id = :id`, { id: report.id })
      const next = new Date(moved.next_run_at as string)
      expect(next.getTime()).toBeGreaterThan(Date.now())
      expect(wallClock(next, "Europe/Amsterdam")).toEqual(expect.objectContaining({ hour: 7, minute: 30 }))

      // The job itself, twice at once: one run for the next due time, carried out once.
      await rows(`UPDATE crm_report_run SET status = 'succeeded' WHERE id = :id`, { id: queued[0] })
      const dueB = new Date(Date.now() - 30_000)
      await rows(`UPDATE crm_report SET next_run_at = :at WHERE id = :id`, { id: report.id, at: dueB })
      const outcomes = await Promise.all([runDueReports(getContainer()), runDueReports(getContainer())])
      const ran = Object.entries({ ...outcomes[0], ...outcomes[1] })
      expect(ran).toHaveLength(1)
      const runsB = await rows(`SELECT id, status, rows, due_at FROM crm_report_run WHERE report_id = :id AND due_at = :at`, {
        id: report.id,
        at: dueB,
      })
      expect(runsB.map((r) => [r.id, r.status, r.rows])).toEqual([[ran[0][0], "succeeded", 2]])
      // Nothing is due any more.
      expect(await runDueReports(getContainer())).toEqual({})

      // A disabled report has no due time and is never queued.
      const disabled = await post(`/admin/crm/reports/${report.id}`, { enabled: false })
      expect(disabled.data.report).toEqual(expect.objectContaining({ enabled: false, next_run_at: null }))
      expect(await enqueueDueRuns(getContainer(), new Date(Date.now() + 40 * 24 * 3600_000))).toEqual([])

      // A run a stopped worker left running is taken up again by the next round.
      const [stuck] = await rows(
        `INSERT INTO crm_report_run (id, report_id, trigger, status, due_at, attempts, started_at, created_at, updated_at)
         VALUES ('crrun_stuck', :id, 'manual', 'running', now() - interval '3 hours', 1, now() - interval '3 hours', now() - interval '3 hours', now() - interval '3 hours')
         RETURNING id`,
        { id: report.id }
      )
      expect(await runDueReports(getContainer())).toEqual({ [stuck.id as string]: "succeeded" })
      const [resumed] = await rows(`SELECT status, attempts, rows, error FROM crm_report_run WHERE id = :id`, { id: stuck.id })
      expect(resumed).toEqual({ status: "succeeded", attempts: 2, rows: 2, error: null })
    })
  },
})
