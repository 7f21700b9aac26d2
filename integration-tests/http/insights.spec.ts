import { spawnSync } from "node:child_process"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { rebuildCustomerInsights } from "../../src/lib/insights-rebuild"
import { CUSTOMER_INSIGHT_MODULE, type CustomerInsightModuleService } from "../../src/modules/customer-insight"
import rebuildCustomerInsightsJob from "../../src/jobs/rebuild-customer-insights"
import insightsRebuildRequestedHandler from "../../src/subscribers/insights-rebuild-requested"
import orderInsightsHandler from "../../src/subscribers/order-insights"
import { refreshCustomerInsightsWorkflow } from "../../src/workflows/refresh-customer-insights"
import { createAdminUser, settle } from "../helpers/admin"
import { createTestStore, placeStoreOrder, registerStoreCustomer, type TestStore } from "../helpers/store"
import { waitFor } from "../helpers/wait"

jest.setTimeout(300 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: TestStore
    let seq = 0

    const insights = () => getContainer().resolve<CustomerInsightModuleService>(CUSTOMER_INSIGHT_MODULE)
    const metricsOf = async (customerId: string, query = "") =>
      (await api.get(`/admin/customers/${customerId}/metrics${query}`, { headers })).data
    const shopper = () => registerStoreCustomer(api, store.publishableKey, `buyer${++seq}@example.com`)

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      store = await createTestStore(getContainer())
    })

    describe("metrics", () => {
      it("are fresh right after orders placed through the store API, a cancel and a refund", async () => {
        const { customerId, headers: customer } = await shopper()
        const first = await placeStoreOrder(api, store, customer)
        await placeStoreOrder(api, store, customer, { quantity: 2 })
        const fresh = await waitFor(
          () => metricsOf(customerId),
          (m) => m.metrics[0]?.orders === 2,
          "the metrics of two orders"
        )
        expect(fresh.metrics).toEqual([
          expect.objectContaining({
            currency_code: "eur",
            orders: 2,
            visits: 1,
            items: 3,
            // Placed but not paid (the payments are only authorized): sales, not lifetime value.
            sales: 300,
            paid: 0,
            lifetime_value: 0,
            refunded: 0,
            average_order_value: 150,
            days_since_last_order: 0,
          }),
        ])
        const month = new Date().toISOString().slice(0, 7)
        expect(fresh.monthly[0].months).toHaveLength(12)
        expect(fresh.monthly[0].months[11]).toEqual({ month, sales: 300, net_sales: 300, orders: 2 })
        const today = ((new Date().getUTCDay() + 6) % 7) + 1
        expect(fresh.weekdays[0].days.find((d: any) => d.weekday === today)).toEqual(
          expect.objectContaining({ sales: 300, visits: 1, average_daily_spend: 300 })
        )

        // The same event again changes nothing.
        await orderInsightsHandler({ event: { data: { id: first.id } }, container: getContainer() } as any)
        expect((await metricsOf(customerId)).metrics[0].sales).toBe(300)

        await api.post(`/admin/orders/${first.id}/cancel`, {}, { headers })
        await waitFor(() => metricsOf(customerId), (m) => m.metrics[0].orders === 1, "the cancel")
        const {
          data: { orders },
        } = await api.get(`/admin/orders?customer_id=${customerId}&fields=id,status,payment_collections.payments.id`, { headers })
        const open = orders.find((o: any) => o.status !== "canceled")
        const paymentId = open.payment_collections[0].payments[0].id
        await api.post(`/admin/payments/${paymentId}/capture`, {}, { headers })
        // The capture alone refreshes the figures: the money is in.
        const paid = await waitFor(() => metricsOf(customerId), (m) => m.metrics[0].paid === 200, "the capture")
        expect(paid.metrics[0]).toEqual(
          expect.objectContaining({ orders: 1, sales: 200, paid: 200, lifetime_value: 200, refunded: 0 })
        )
        await api.post(`/admin/payments/${paymentId}/refund`, { amount: 50 }, { headers })
        const refunded = await waitFor(() => metricsOf(customerId), (m) => m.metrics[0].refunded === 50, "the refund")
        expect(refunded.metrics[0]).toEqual(
          expect.objectContaining({
            orders: 1,
            items: 2,
            sales: 200,
            paid: 200,
            lifetime_value: 150,
            refunded: 50,
            average_order_value: 200,
          })
        )
        const transactions = await api.get(`/admin/customers/${customerId}/transactions?status=placed`, { headers })
        expect(transactions.data.transactions.map((t: any) => [t.payment_status, t.fulfillment_status])).toEqual([
          ["partially_refunded", "not_fulfilled"],
        ])
      })

      it("filter by period, bucket by month and weekday, and refuse bad periods", async () => {
        const { customerId } = await shopper()
        const at = (iso: string, quantity = 1) =>
          createOrderWorkflow(getContainer()).run({
            input: {
              region_id: store.regionId,
              sales_channel_id: store.salesChannelId,
              customer_id: customerId,
              email: `buyer${seq}@example.com`,
              currency_code: "eur",
              items: [{ variant_id: store.variantId, quantity }],
              created_at: new Date(iso),
            } as any,
          })
        await at("2026-03-02T10:00:00Z") // a Monday
        await at("2026-03-09T10:00:00Z", 3) // a Monday
        await at("2026-06-06T10:00:00Z") // a Saturday
        await refreshCustomerInsightsWorkflow(getContainer()).run({ input: { customer_ids: [customerId] } })

        const march = await metricsOf(customerId, "?from=2026-03-01&to=2026-03-31")
        expect(march.period.metrics).toEqual([
          expect.objectContaining({ orders: 2, visits: 2, items: 4, sales: 400, net_sales: 400, average_order_value: 200 }),
        ])
        expect(march.metrics[0]).toEqual(expect.objectContaining({ orders: 3, sales: 500, lifetime_value: 0 }))
        const monday = march.weekdays[0].days[0]
        expect(monday).toEqual({ weekday: 1, sales: 400, net_sales: 400, visits: 2, average_daily_spend: 200 })
        expect(march.monthly[0].months.at(-1)).toEqual({ month: "2026-03", sales: 400, net_sales: 400, orders: 2 })

        const all = await metricsOf(customerId)
        expect(all.weekdays[0].days[5]).toEqual(expect.objectContaining({ weekday: 6, sales: 100 }))

        for (const bad of ["?from=2026-04-01&to=2026-03-01", "?from=yesterday", "?color=red"]) {
          const res = await settle(api.get(`/admin/customers/${customerId}/metrics${bad}`, { headers }))
          expect(res.status).toBe(400)
          expect(res.data.code).toBe("invalid_data")
        }
        const unknown = await settle(api.get(`/admin/customers/cus_nope/metrics`, { headers }))
        expect(unknown.status).toBe(404)
        expect(unknown.data.code).toBe("customer_not_found")
      })

      it("a full rebuild gives exactly what the incremental path gives, on the demo data", async () => {
        // The small demo store, seeded into this test's database by the seed script itself.
        const { databaseUrl } = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
        const seeded = spawnSync("npx", ["medusa", "exec", "./src/scripts/seed-demo.ts"], {
          env: { ...process.env, DATABASE_URL: databaseUrl, CRM_SEED_SIZE: "small", CRM_SEED_WORKERS: "1", NODE_OPTIONS: "" },
          encoding: "utf8",
        })
        expect([seeded.status, seeded.stderr.slice(-2000)]).toEqual([0, expect.any(String)])
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: customers } = await query.graph({ entity: "customer", fields: ["id"] })
        // The incremental path: one customer at a time, as the order subscribers do.
        for (const c of customers) {
          await refreshCustomerInsightsWorkflow(getContainer()).run({ input: { customer_ids: [c.id] } })
        }
        const snapshot = async () => {
          const s = insights()
          const strip = (rows: any[]) =>
            rows
              .map(({ id: _i, created_at: _c, updated_at: _u, computed_at: _t, raw_lifetime_value: _r1, raw_refunded: _r2, raw_net_sales: _r3, raw_sales: _r4, raw_paid: _r5, ...rest }) => ({
                ...rest,
                ...(rest.sales !== undefined ? { sales: Number(rest.sales) } : {}),
                ...(rest.paid !== undefined ? { paid: Number(rest.paid) } : {}),
                ...(rest.lifetime_value !== undefined ? { lifetime_value: Number(rest.lifetime_value) } : {}),
                ...(rest.refunded !== undefined ? { refunded: Number(rest.refunded) } : {}),
                ...(rest.net_sales !== undefined ? { net_sales: Number(rest.net_sales) } : {}),
              }))
              .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
          return {
            metrics: strip(await s.listCustomerMetrics({}, { take: 100_000 })),
            days: strip(await s.listCustomerMetricDays({}, { take: 100_000 })),
            months: strip(await s.listCustomerMetricMonths({}, { take: 100_000 })),
          }
        }
        const incremental = await snapshot()
        expect(incremental.metrics.length).toBeGreaterThan(10)
        expect(incremental.days.length).toBeGreaterThan(incremental.metrics.length)

        const { processed } = await rebuildCustomerInsights(getContainer())
        expect(processed).toBe(new Set(incremental.metrics.map((m: any) => m.customer_id)).size)
        expect(await snapshot()).toEqual(incremental)

        const { data } = await api.get("/admin/crm/insights/rebuild", { headers })
        expect(data.rebuild).toEqual(expect.objectContaining({ status: "done", processed, total: processed }))
      })

      it("rebuilds from the admin in the background (through its event, once however often it comes) and refuses a second run at once", async () => {
        const { customerId, headers: customer } = await shopper()
        await placeStoreOrder(api, store, customer)
        await insights().deleteCustomerMetrics((await insights().listCustomerMetrics({ customer_id: customerId })).map((m) => m.id))
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const emitted = jest.spyOn(eventBus, "emit")
        const started = await api.post("/admin/crm/insights/rebuild", {}, { headers })
        expect(started.status).toBe(202)
        expect(started.data.rebuild).toEqual(expect.objectContaining({ status: "running", processed: 0 }))
        // The route hands the work to a worker: it answers with the record and emits the request.
        const requests = emitted.mock.calls
          .flatMap(([messages]) => (Array.isArray(messages) ? messages : [messages]))
          .filter((m) => m.name === "crm.insights_rebuild.requested")
        expect(requests.map((m) => m.data)).toEqual([{ id: started.data.rebuild.id }])
        emitted.mockRestore()
        const done = await waitFor(
          async () => (await api.get("/admin/crm/insights/rebuild", { headers })).data.rebuild,
          (r) => r.status === "done",
          "the rebuild"
        )
        expect(done.processed).toBe(done.total)
        expect(done.processed).toBeGreaterThan(0)
        expect((await metricsOf(customerId)).metrics[0].orders).toBe(1)

        // The same event again (a redelivery) leaves the finished rebuild and the metrics as they are.
        const computedAt = (await insights().listCustomerMetrics({ customer_id: customerId }))[0].computed_at
        await insightsRebuildRequestedHandler({
          event: { name: "crm.insights_rebuild.requested", data: { id: done.id } },
          container: getContainer(),
        } as any)
        expect((await api.get("/admin/crm/insights/rebuild", { headers })).data.rebuild).toEqual(done)
        expect((await insights().listCustomerMetrics({ customer_id: customerId }))[0].computed_at).toEqual(computedAt)

        await insights().createInsightRebuilds({ status: "running", processed: 0, total: 1, started_at: new Date() })
        // A new attempt (its own key: the same request again within seconds would get the first answer).
        const refused = await settle(
          api.post("/admin/crm/insights/rebuild", {}, { headers: { ...headers, "Idempotency-Key": "rebuild-again" } })
        )
        expect(refused.status).toBe(409)
        expect(refused.data.code).toBe("rebuild_running")
        expect(refused.data.message).toMatch(/already running/)
      })

      it("the nightly job finishes a rebuild a stopped worker left running, instead of starting another", async () => {
        const { customerId, headers: customer } = await shopper()
        await placeStoreOrder(api, store, customer)
        await insights().deleteCustomerMetrics((await insights().listCustomerMetrics({ customer_id: customerId })).map((m) => m.id))
        // What a worker that died on its second page leaves: running, with progress, nobody holding the lock.
        const left = await insights().createInsightRebuilds({
          status: "running",
          processed: 500,
          total: 1000,
          started_at: new Date(Date.now() - 60_000),
        })
        const before = await insights().listInsightRebuilds({})

        await rebuildCustomerInsightsJob(getContainer())

        const after = await insights().listInsightRebuilds({})
        expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort())
        const { data } = await api.get("/admin/crm/insights/rebuild", { headers })
        expect(data.rebuild).toEqual(expect.objectContaining({ id: left.id, status: "done", error: null }))
        expect(data.rebuild.processed).toBe(data.rebuild.total)
        expect((await metricsOf(customerId)).metrics[0].orders).toBe(1)
      })
    })

    describe("transactions, receipts and Start basket", () => {
      it("lists orders with Medusa's payment and fulfillment status and channel, filters them, and e-mails a receipt", async () => {
        const { customerId, headers: customer } = await shopper()
        const kept = await placeStoreOrder(api, store, customer)
        const canceled = await placeStoreOrder(api, store, customer, { quantity: 2 })
        await api.post(`/admin/orders/${canceled.id}/cancel`, {}, { headers })
        // A basket started and left empty is no transaction; one with an item is listed as a draft.
        await api.post(`/admin/customers/${customerId}/start-basket`, { sales_channel_id: store.salesChannelId }, { headers })
        const {
          data: { draft_order: draft },
        } = await api.post(`/admin/customers/${customerId}/start-basket`, { sales_channel_id: store.salesChannelId }, { headers })
        await api.post(`/admin/draft-orders/${draft.id}/edit`, {}, { headers })
        await api.post(`/admin/draft-orders/${draft.id}/edit/items`, { items: [{ variant_id: store.variantId, quantity: 1 }] }, { headers })
        await api.post(`/admin/draft-orders/${draft.id}/edit/confirm`, {}, { headers })

        const all = await api.get(`/admin/customers/${customerId}/transactions`, { headers })
        expect([all.data.count, all.data.order_count]).toEqual([3, 2])
        expect(
          all.data.transactions.map((t: any) => [
            t.display_id,
            t.status,
            t.payment_status,
            t.fulfillment_status,
            t.sales_channel?.name,
            t.items,
          ])
        ).toEqual([
          [draft.display_id, "draft", null, null, "Webshop", 1],
          [canceled.display_id, "canceled", "canceled", "not_fulfilled", "Webshop", 2],
          [kept.display_id, "placed", "authorized", "not_fulfilled", "Webshop", 1],
        ])
        const onlyCanceled = await api.get(`/admin/customers/${customerId}/transactions?status=canceled`, { headers })
        expect(onlyCanceled.data.transactions.map((t: any) => t.id)).toEqual([canceled.id])
        // `completed`, the old name of `placed`, still filters.
        const completed = await api.get(`/admin/customers/${customerId}/transactions?status=completed`, { headers })
        expect(completed.data.transactions.map((t: any) => t.id)).toEqual([kept.id])
        expect((await settle(api.get(`/admin/customers/${customerId}/transactions?status=lost`, { headers }))).status).toBe(400)

        const sent = await api.post(`/admin/customers/${customerId}/transactions/${kept.id}/receipt`, {}, { headers })
        expect(sent.status).toBe(201)
        expect(sent.data.receipt.to).toBe(`buyer${seq}@example.com`)
        const other = await api.post(
          `/admin/customers/${customerId}/transactions/${kept.id}/receipt`,
          { to: "accounts@example.com" },
          { headers }
        )
        expect(other.data.receipt.to).toBe("accounts@example.com")
        const notifications = await getContainer()
          .resolve(Modules.NOTIFICATION)
          .listNotifications({ template: "crm-order-receipt" }, { order: { created_at: "ASC" } })
        expect(notifications.map((n) => n.to)).toEqual([`buyer${seq}@example.com`, "accounts@example.com"])
        expect(notifications[0]).toEqual(
          expect.objectContaining({ resource_id: kept.id, receiver_id: customerId, data: { order_id: kept.id, customer_id: customerId } })
        )

        expect(
          (await settle(api.post(`/admin/customers/${customerId}/transactions/${kept.id}/receipt`, { to: "not-an-address" }, { headers }))).status
        ).toBe(400)
        const stranger = (await shopper()).customerId
        expect(
          (await settle(api.post(`/admin/customers/${stranger}/transactions/${kept.id}/receipt`, {}, { headers }))).status
        ).toBe(404)
      })

      it("Start basket creates a draft order with the customer's e-mail, addresses, region and channel", async () => {
        const { customerId } = await shopper()
        await api.post(
          `/admin/customers/${customerId}/addresses`,
          {
            first_name: "Ada",
            last_name: "Buyer",
            address_1: "Keizersgracht 1",
            city: "Amsterdam",
            postal_code: "1015 AA",
            country_code: "nl",
            is_default_shipping: true,
            is_default_billing: true,
          },
          { headers }
        )
        const res = await api.post(
          `/admin/customers/${customerId}/start-basket`,
          { sales_channel_id: store.salesChannelId },
          { headers }
        )
        expect(res.status).toBe(201)
        const id = res.data.draft_order.id
        const { data } = await api.get(
          `/admin/draft-orders/${id}?fields=id,status,email,customer_id,region_id,sales_channel_id,is_draft_order,shipping_address.city,billing_address.address_1`,
          { headers }
        )
        expect(data.draft_order).toEqual(
          expect.objectContaining({
            status: "draft",
            email: `buyer${seq}@example.com`,
            customer_id: customerId,
            region_id: store.regionId,
            sales_channel_id: store.salesChannelId,
            shipping_address: expect.objectContaining({ city: "Amsterdam" }),
            billing_address: expect.objectContaining({ address_1: "Keizersgracht 1" }),
          })
        )
        // An empty basket is no transaction yet: it is listed once it holds an item.
        const draft = await api.get(`/admin/customers/${customerId}/transactions?status=draft`, { headers })
        expect(draft.data.transactions).toEqual([])
        expect(
          (await settle(api.post(`/admin/customers/${customerId}/start-basket`, { sales_channel_id: "sc_nope" }, { headers }))).status
        ).toBe(400)
        expect((await settle(api.post(`/admin/customers/cus_nope/start-basket`, {}, { headers }))).status).toBe(404)
      })
    })
  },
})
