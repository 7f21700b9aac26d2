import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { purgeMergedRecords } from "../../src/jobs/purge-merged-records"
import { countWithHandlers } from "../../src/lib/customer-data"
import { parseErasureLog } from "../../src/lib/erasure-log"
import exportErasures from "../../src/scripts/export-erasures"
import reapplyErasures from "../../src/scripts/reapply-erasures"
import { mergeCustomersWorkflow } from "../../src/workflows/merge-customers"
import { anonymizeCustomerWorkflow } from "../../src/workflows/privacy/anonymize-customer"
import { createAdminUser } from "../helpers/admin"
import { createTestStore, placeStoreOrder, registerStoreCustomer, type TestStore } from "../helpers/store"

jest.setTimeout(300 * 1000)

/**
 * What must not come back: an anonymized customer after a database backup from before the
 * anonymization is restored (the erasure log, exported to a file, is applied again), a
 * merged-away record after its undo window, and the person in Medusa's workflow execution records.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: TestStore
    let dir: string

    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const sql = async (text: string, params: (string | number | boolean)[] = []) =>
      (await knex().raw(text, params)).rows as any[]
    const quiet = () => {
      const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER)
      const spies = (["info", "warn"] as const).map((l) => jest.spyOn(logger as any, l).mockImplementation(() => undefined))
      const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true)
      return () => [...spies, write].forEach((s) => s.mockRestore())
    }
    /** Every text value of the database that contains `needle`, as `table.column` (public schema). */
    const whereIs = async (needle: string) => {
      const columns = await sql(
        `SELECT c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
           AND c.data_type IN ('text', 'character varying', 'jsonb', 'json')`
      )
      const found: string[] = []
      for (const { table_name, column_name } of columns) {
        const [hit] = await sql(
          `SELECT 1 FROM "${table_name}" WHERE strpos(lower("${column_name}"::text), ?) > 0 LIMIT 1`,
          [needle.toLowerCase()]
        )
        if (hit) {
          found.push(`${table_name}.${column_name}`)
        }
      }
      return found
    }

    /**
     * A backup of every table of the public schema, taken in one snapshot, and its restore: the
     * tables emptied and filled from the backup, as restoring a dump does. (The machine's pg_dump
     * is older than the test's Postgres server and refuses to dump it; a copy of the tables in a
     * schema of the same database is the same restore point.)
     */
    const backup = async () => {
      await knex().transaction(async (trx: any) => {
        await trx.raw(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`)
        await trx.raw(`DROP SCHEMA IF EXISTS crm_restore_point CASCADE`)
        await trx.raw(`CREATE SCHEMA crm_restore_point`)
        const tables = (
          await trx.raw(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
        ).rows as { tablename: string }[]
        for (const { tablename } of tables) {
          await trx.raw(`CREATE TABLE crm_restore_point."${tablename}" AS TABLE public."${tablename}"`)
        }
      })
    }
    const restore = async () => {
      await knex().transaction(async (trx: any) => {
        const tables = (
          await trx.raw(`SELECT tablename FROM pg_tables WHERE schemaname = 'crm_restore_point' ORDER BY tablename`)
        ).rows as { tablename: string }[]
        await trx.raw(`SET LOCAL session_replication_role = replica`)
        await trx.raw(`TRUNCATE ${tables.map((t) => `public."${t.tablename}"`).join(", ")} CASCADE`)
        for (const { tablename } of tables) {
          const columns = (
            await trx.raw(
              `SELECT quote_ident(attname) AS name FROM pg_attribute
               WHERE attrelid = ('public.' || quote_ident(?))::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
               ORDER BY attnum`,
              [tablename]
            )
          ).rows.map((r: { name: string }) => r.name).join(", ")
          await trx.raw(
            `INSERT INTO public."${tablename}" (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM crm_restore_point."${tablename}"`
          )
        }
      })
    }

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "crm-erasures-"))
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    beforeEach(async () => {
      store = await createTestStore(getContainer())
    })

    it("an anonymized customer stays anonymized after a backup from before is restored and the exported log re-applied", async () => {
      const { headers: admin } = await createAdminUser(getContainer())
      const email = "restored.person@example.com"
      const shopper = await registerStoreCustomer(api, store.publishableKey, email)
      await api.post(
        "/store/customers/me/addresses",
        { first_name: "Ritske", last_name: "Restorova", address_1: "Backupstraat 12", city: "Utrecht", country_code: "nl", phone: "+31687654321" },
        { headers: shopper.headers }
      )
      await api.post(`/admin/customers/${shopper.customerId}/notes`, { body: "Ritske Restorova asked about the Backupstraat delivery" }, { headers: admin })
      // A canceled order (not open): its financial facts stay, and Medusa's checkout run keeps the cart.
      const order = await placeStoreOrder(api, store, shopper.headers)
      await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers: admin })
      const totalsOf = async () => (await sql(`SELECT totals FROM order_summary WHERE order_id = ?`, [order.id]))[0]?.totals
      const totalsBefore = await totalsOf()
      expect(totalsBefore).toBeTruthy()
      expect(await whereIs(email)).toEqual(expect.arrayContaining(["customer.email", "order.email"]))

      await backup()

      await anonymizeCustomerWorkflow(getContainer()).run({
        input: { customer_id: shopper.customerId, source: "admin", actor_id: null },
      })
      expect(await whereIs(email)).toEqual([])
      expect(await whereIs("Backupstraat")).toEqual([])

      // The log leaves the database before the restore (ids only).
      const file = join(dir, "erasures.ndjson")
      const done = quiet()
      try {
        await exportErasures({ container: getContainer(), args: [file] })
      } finally {
        done()
      }
      const exported = readFileSync(file, "utf8")
      expect(parseErasureLog(exported)).toEqual([
        expect.objectContaining({ customer_id: shopper.customerId, kind: "anonymized", request_id: expect.stringMatching(/^preq_/) }),
      ])
      expect(exported).not.toContain("example.com")
      expect(exported).not.toContain("Restorova")

      // The backup comes back: the person is whole again, and the database's log is empty.
      await restore()
      expect(await whereIs(email)).toEqual(expect.arrayContaining(["customer.email", "order.email"]))
      expect(await whereIs("Backupstraat")).not.toEqual([])
      expect(await sql(`SELECT customer_id FROM privacy_erasure`)).toEqual([])

      // Re-applied from the file: gone again, logged again, and running it twice changes nothing.
      for (let run = 0; run < 2; run++) {
        const restoreOutput = quiet()
        try {
          await reapplyErasures({ container: getContainer(), args: [file] })
        } finally {
          restoreOutput()
        }
        expect(await whereIs(email)).toEqual([])
        expect(await whereIs("Backupstraat")).toEqual([])
        expect(await whereIs("Restorova")).toEqual([])
        expect(await sql(`SELECT customer_id, kind FROM privacy_erasure WHERE deleted_at IS NULL`)).toEqual([
          { customer_id: shopper.customerId, kind: "anonymized" },
        ])
      }
      // The order's financial facts stayed.
      const [orderRow] = await sql(`SELECT id, currency_code FROM "order" WHERE id = ?`, [order.id])
      expect(orderRow).toEqual({ id: order.id, currency_code: "eur" })
      expect(await totalsOf()).toEqual(totalsBefore)
      // And the old token is refused again.
      expect((await api.get("/store/customers/me", { headers: shopper.headers }).catch((e: any) => e.response)).status).toBe(401)
    })

    it("keeps no run of the plugin's merge and no checkout naming the person in the workflow execution records after anonymizing", async () => {
      const { headers: admin } = await createAdminUser(getContainer())
      const email = "wf.person@example.com"
      const shopper = await registerStoreCustomer(api, store.publishableKey, email)
      const order = await placeStoreOrder(api, store, shopper.headers)
      await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers: admin })
      const guest = await getContainer().resolve(Modules.CUSTOMER).createCustomers({ email: "wf.guest@example.com", first_name: "Guest" })
      await mergeCustomersWorkflow(getContainer()).run({
        input: { source_id: guest.id, survivor_id: shopper.customerId, kind: "merge", actor_id: null },
      })
      // The plugin's merge is not a stored workflow; Medusa's checkout is (kept three days).
      const runs = await sql(`SELECT workflow_id, state FROM workflow_execution`)
      expect(runs.map((r) => r.workflow_id)).not.toContain("merge-customers")
      const naming = await sql(`SELECT workflow_id FROM workflow_execution WHERE strpos(lower(context::text), ?) > 0`, [email])
      expect(naming.map((r) => r.workflow_id)).toContain("complete-cart")

      await anonymizeCustomerWorkflow(getContainer()).run({
        input: { customer_id: shopper.customerId, source: "admin", actor_id: null },
      })
      for (const needle of [email, "wf.guest@example.com", shopper.customerId, guest.id]) {
        expect(await sql(`SELECT id FROM workflow_execution WHERE strpos(lower(context::text || execution::text), ?) > 0`, [needle.toLowerCase()])).toEqual([])
      }
    })

    it("purges merged-away records past their undo window through the registry, once, and resumes where it stopped", async () => {
      const customers = getContainer().resolve(Modules.CUSTOMER)
      const survivor = await customers.createCustomers({ email: "keeper@example.com", first_name: "Kees" })
      const sources = await customers.createCustomers([
        { email: "gone.one@example.com", first_name: "Gone", last_name: "One" },
        { email: "gone.two@example.com", first_name: "Gone", last_name: "Two" },
        { email: "recent@example.com", first_name: "Still", last_name: "Undoable" },
      ])
      const merges: { id: string }[] = []
      for (const source of sources) {
        const { result } = await mergeCustomersWorkflow(getContainer()).run({
          input: { source_id: source.id, survivor_id: survivor.id, kind: "merge", actor_id: null },
        })
        merges.push(result)
      }
      // Two merges are past their window; the third can still be undone.
      await sql(`UPDATE customer_merge SET undo_until = now() - interval '1 day' WHERE id = any(?)`, [[merges[0].id, merges[1].id] as any])

      expect(await purgeMergedRecords(getContainer())).toBe(2)
      // The survivor's merge history stays, with the purged sources' snapshots shrunk to their
      // ids; the undoable one keeps its snapshot.
      const purged = await sql(`SELECT source_snapshot FROM customer_merge WHERE source_id = any(?)`, [[sources[0].id, sources[1].id] as any])
      expect(purged).toHaveLength(2)
      for (const { source_snapshot } of purged) {
        expect(Object.keys(source_snapshot).sort()).toEqual(["id", "purged_at"])
      }
      const [kept] = await sql(`SELECT source_snapshot FROM customer_merge WHERE id = ?`, [merges[2].id])
      expect(kept.source_snapshot.email).toBe("recent@example.com")
      expect(await sql(`SELECT id FROM customer WHERE id = any(?)`, [[sources[0].id, sources[1].id] as any])).toEqual([])
      expect(await sql(`SELECT id FROM customer WHERE id = ?`, [sources[2].id])).toHaveLength(1)
      // Nothing is filed under the merged-away records any more but the survivor's two merge
      // records (ids only); what the merge moved to the survivor (the address as an alternate
      // e-mail, the merge's note) is the survivor's and stays.
      const counts = await countWithHandlers({ container: getContainer(), sql: knex() }, [sources[0].id, sources[1].id])
      expect(Object.entries(counts).filter(([, n]) => n > 0)).toEqual([["customer_identity", 2]])
      expect(await whereIs("gone.one@example.com")).not.toContain("customer.email")
      // The survivor and its own data stay.
      expect(await sql(`SELECT email FROM customer WHERE id = ? AND deleted_at IS NULL`, [survivor.id])).toEqual([{ email: "keeper@example.com" }])

      // A second run (or another instance) finds nothing left to do.
      expect(await purgeMergedRecords(getContainer())).toBe(0)
      // Once the third one's window passes, it goes too.
      await sql(`UPDATE customer_merge SET undo_until = now() - interval '1 minute' WHERE id = ?`, [merges[2].id])
      expect(await purgeMergedRecords(getContainer())).toBe(1)
      expect(await sql(`SELECT id FROM customer WHERE id = ?`, [sources[2].id])).toEqual([])
    })
  },
})
