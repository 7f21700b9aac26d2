import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { rebuildCustomerInsights } from "../../src/lib/insights-rebuild"
import customerDeletedHandler from "../../src/subscribers/customer-deleted"
import { deleteCustomerCrmDataWorkflow } from "../../src/workflows/delete-customer-crm-data"
import { deleteCustomerDataStepId } from "../../src/workflows/steps"
import { createAdminUser, settle } from "../helpers/admin"
import { createTestStore, placeStoreOrder, registerStoreCustomer, type TestStore } from "../helpers/store"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240 * 1000)

/** The plugin's tables that hold a customer's identity data and metrics, by `customer_id`. */
const TABLES = [
  "customer_alternate_email",
  "customer_identity_claim",
  "customer_archive",
  "customer_metric",
  "customer_metric_day",
  "customer_metric_month",
] as const

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: TestStore

    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    /** Rows per table for the customer, soft-deleted ones included. */
    const rowsOf = async (customerId: string) => {
      const counts: Record<string, number> = {}
      for (const table of TABLES) {
        const { rows } = await pg().raw(`SELECT count(*)::int AS n FROM ${table} WHERE customer_id = ?`, [customerId])
        counts[table] = rows[0].n
      }
      return counts
    }
    const none = Object.fromEntries(TABLES.map((t) => [t, 0]))
    const addEmail = (id: string, email: string) =>
      settle(api.post(`/admin/customers/${id}/identity/emails`, { email }, { headers }))
    const event = (id: string) =>
      ({ event: { name: "customer.deleted", data: { id } }, container: getContainer() }) as never

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      store = await createTestStore(getContainer())
    })

    it("removes the customer's alternate e-mails, claims, archive mark and metrics, for good and once", async () => {
      const gone = await registerStoreCustomer(api, store.publishableKey, "gone@example.com")
      const other = (await api.post("/admin/customers", { email: "other@example.com" }, { headers })).data.customer.id
      await placeStoreOrder(api, store, gone.headers)
      await waitFor(() => rowsOf(gone.customerId), (r) => r.customer_metric === 1, "the order's metrics")

      expect((await addEmail(gone.customerId, "gone.work@example.com")).status).toBe(201)
      // An address removed earlier: soft-deleted, yet still holding the address.
      const old = await addEmail(gone.customerId, "gone.old@example.com")
      await api.delete(`/admin/customers/${gone.customerId}/identity/emails/${old.data.alternate_email.id}`, { headers })
      await settle(api.post("/store/customers/me/identity/claims", { email: "gone.guest@example.com" }, { headers: gone.headers }))
      await api.post(`/admin/customers/${gone.customerId}/identity/archive`, { reason: "Moved away" }, { headers })
      expect(await rowsOf(gone.customerId)).toEqual({
        customer_alternate_email: 2,
        customer_identity_claim: 1,
        customer_archive: 1,
        customer_metric: 1,
        customer_metric_day: 1,
        customer_metric_month: 1,
      })
      // While the customer exists, the address is theirs.
      expect((await addEmail(other, "gone.work@example.com")).status).toBe(409)

      expect((await api.delete(`/admin/customers/${gone.customerId}`, { headers })).status).toBe(200)
      // The customer.deleted subscriber runs after the request.
      await waitFor(
        () => rowsOf(gone.customerId),
        (r) => Object.values(r).every((n) => n === 0),
        "the deleted customer's identity data and metrics to go"
      )

      // The address is free: another customer can have it.
      const reused = await addEmail(other, "Gone.Work@example.com")
      expect(reused.status).toBe(201)
      expect(reused.data.alternate_email).toEqual(expect.objectContaining({ customer_id: other, email: "gone.work@example.com" }))
      const { rows: addresses } = await pg().raw("SELECT email FROM customer_alternate_email WHERE email LIKE 'gone.%'")
      expect(addresses).toEqual([{ email: "gone.work@example.com" }])

      // The same event again changes nothing; the nightly rebuild gives the deleted id no metrics,
      // though the order stays filed under it.
      await customerDeletedHandler(event(gone.customerId))
      await rebuildCustomerInsights(getContainer())
      const { rows: orders } = await pg().raw(`SELECT count(*)::int AS n FROM "order" WHERE customer_id = ?`, [gone.customerId])
      expect(orders[0].n).toBe(1)
      expect(await rowsOf(gone.customerId)).toEqual(none)
      expect(await rowsOf(other)).toEqual(expect.objectContaining({ customer_alternate_email: 1 }))
    })

    it("the nightly rebuild removes metrics left over from a deleted customer", async () => {
      const gone = await registerStoreCustomer(api, store.publishableKey, "left@example.com")
      await placeStoreOrder(api, store, gone.headers)
      await waitFor(() => rowsOf(gone.customerId), (r) => r.customer_metric === 1, "the order's metrics")
      // Deleted without the subscriber having run (a delete from before it removed metrics).
      await pg().raw("UPDATE customer SET deleted_at = now() WHERE id = ?", [gone.customerId])

      await rebuildCustomerInsights(getContainer())
      expect(await rowsOf(gone.customerId)).toEqual(none)
    })

    it("puts the identity rows back as they were when a later step fails", async () => {
      const kim = (await api.post("/admin/customers", { email: "kim@example.com" }, { headers })).data.customer.id
      await addEmail(kim, "kim.work@example.com")
      const old = await addEmail(kim, "kim.old@example.com")
      await api.delete(`/admin/customers/${kim}/identity/emails/${old.data.alternate_email.id}`, { headers })
      await api.post(`/admin/customers/${kim}/identity/archive`, { reason: "Moved away" }, { headers })
      const read = async () =>
        (
          await pg().raw(
            `SELECT id, email, deleted_at IS NOT NULL AS removed FROM customer_alternate_email WHERE customer_id = ?
             UNION ALL SELECT id, reason, deleted_at IS NOT NULL FROM customer_archive WHERE customer_id = ?
             ORDER BY id`,
            [kim, kim]
          )
        ).rows
      const before = await read()
      expect(before).toHaveLength(3)

      const workflow = deleteCustomerCrmDataWorkflow(getContainer())
      workflow.appendAction("fail-after-identity-delete", deleteCustomerDataStepId, {
        invoke: async () => {
          throw new Error("boom")
        },
      })
      const { errors } = await workflow.run({ input: { customer_ids: [kim] }, throwOnError: false })
      expect(errors[0].error.message).toBe("boom")
      expect(await read()).toEqual(before)
      const other = (await api.post("/admin/customers", { email: "kim.other@example.com" }, { headers })).data.customer.id
      expect((await addEmail(other, "kim.work@example.com")).status).toBe(409)
      const { data } = await api.get(`/admin/customers/${kim}/identity`, { headers })
      expect(data.identity.alternate_emails.map((e: any) => e.email)).toEqual(["kim.work@example.com"])
    })

    it("keeps what an undo needs on a record merged into another", async () => {
      const survivor = (await api.post("/admin/customers", { email: "sam@example.com" }, { headers })).data.customer.id
      const source = (await api.post("/admin/customers", { email: "sam.old@example.com" }, { headers })).data.customer.id
      await api.post(`/admin/customers/${source}/identity/archive`, { reason: "Old record" }, { headers })
      const merged = await api.post(
        `/admin/customers/${source}/identity/merge`,
        { other_id: survivor, survivor_id: survivor },
        { headers }
      )
      const before = { source: await rowsOf(source), survivor: await rowsOf(survivor) }
      expect(before.survivor.customer_alternate_email).toBe(1)

      // The merge deleted the source: a customer.deleted for it leaves everything in place.
      await customerDeletedHandler(event(source))
      expect({ source: await rowsOf(source), survivor: await rowsOf(survivor) }).toEqual(before)
      const undone = await api.post(`/admin/customers/${survivor}/identity/merges/${merged.data.merge.id}/undo`, {}, { headers })
      expect(undone.data.merge).toEqual(expect.objectContaining({ status: "undone" }))
      expect((await rowsOf(survivor)).customer_alternate_email).toBe(0)
      expect((await rowsOf(source)).customer_archive).toBe(1)
    })
  },
})
