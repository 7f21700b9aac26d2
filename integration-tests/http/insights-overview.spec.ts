import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { refreshCustomerInsightsWorkflow } from "../../src/workflows/refresh-customer-insights"
import { createAdminUser, settle } from "../helpers/admin"
import { createTestStore, type TestStore } from "../helpers/store"

jest.setTimeout(180 * 1000)

const DAY = 86_400_000
const monthOf = (d: Date) => d.toISOString().slice(0, 7)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: TestStore

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      store = await createTestStore(getContainer())
    })

    const overview = async (query = "") => (await api.get(`/admin/crm/insights/overview${query}`, { headers })).data.overview

    it("answers empty figures before anyone bought anything", async () => {
      const empty = await overview()
      expect(empty.totals).toEqual({ customers: 0, repeat_customers: 0, orders: 0, lifetime_value: 0, average_lifetime_value: 0 })
      expect(empty.top_customers).toEqual([])
      expect(empty.at_risk.customers).toEqual([])
    })

    it("counts top customers, new versus returning per month and customers at risk from seeded orders", async () => {
      const now = Date.now()
      /** Each customer's orders: days ago and quantity (a unit costs 100.00 EUR). */
      const seed: Record<string, { first_name: string; orders: [number, number][] }> = {
        ann: { first_name: "Ann", orders: [[400, 1], [45, 2], [3, 1]] }, // 400.00, returning, not at risk
        bob: { first_name: "Bob", orders: [[200, 1]] }, // 100.00, at risk 180-364
        cas: { first_name: "Cas", orders: [[100, 12]] }, // 1,200.00 (above 400.00 as a number, below as text), at risk 90-179
        dee: { first_name: "Dee", orders: [[500, 1], [370, 1]] }, // 200.00, at risk 365+
        eve: { first_name: "Eve", orders: [[0, 2]] }, // 200.00, new this month
      }
      const ids: Record<string, string> = {}
      for (const [name, { first_name, orders }] of Object.entries(seed)) {
        const email = `${name}@example.com`
        const { data } = await api.post("/admin/customers", { email, first_name, last_name: "Test" }, { headers })
        ids[name] = data.customer.id
        for (const [daysAgo, quantity] of orders) {
          await createOrderWorkflow(getContainer()).run({
            input: {
              region_id: store.regionId,
              sales_channel_id: store.salesChannelId,
              customer_id: ids[name],
              email,
              currency_code: "eur",
              items: [{ variant_id: store.variantId, quantity }],
              created_at: new Date(now - daysAgo * DAY - 60_000),
            } as any,
          })
        }
      }
      // A customer without orders is no customer in these figures.
      await api.post("/admin/customers", { email: "nobody@example.com" }, { headers })
      await refreshCustomerInsightsWorkflow(getContainer()).run({ input: { customer_ids: Object.values(ids) } })

      // Lifetime values as the customer page shows them (the overview reads the same metrics).
      const ltv: Record<string, number> = {}
      for (const [name, id] of Object.entries(ids)) {
        const { data } = await api.get(`/admin/customers/${id}/metrics`, { headers })
        ltv[name] = data.metrics[0].lifetime_value
      }
      const total = Object.values(ltv).reduce((a, b) => a + b, 0)

      const o = await overview()
      expect(o.currency_code).toBe("eur")
      expect(o.currencies).toEqual(["eur"])
      expect(o.totals).toEqual({
        customers: 5,
        repeat_customers: 2, // Ann and Dee
        orders: 8,
        lifetime_value: total,
        average_lifetime_value: Math.round((total / 5) * 100) / 100,
      })
      // Highest lifetime value first; equal values: the latest order first.
      const lastOrder = (name: string) => Math.min(...seed[name].orders.map(([daysAgo]) => daysAgo))
      const ranked = Object.keys(seed).sort((a, b) => ltv[b] - ltv[a] || lastOrder(a) - lastOrder(b))
      expect(o.top_customers.map((c: any) => [c.first_name, c.lifetime_value, c.orders])).toEqual(
        ranked.map((name) => [seed[name].first_name, ltv[name], seed[name].orders.length])
      )
      expect(o.top_customers.find((c: any) => c.id === ids.cas)).toEqual(
        expect.objectContaining({ email: "cas@example.com", days_since_last_order: 100 })
      )

      // New versus returning: expected from the seed, per UTC month.
      const expected = new Map<string, { new_customers: number; returning_customers: number }>()
      for (let i = 11; i >= 0; i--) {
        const d = new Date(now)
        expected.set(monthOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1))), {
          new_customers: 0,
          returning_customers: 0,
        })
      }
      for (const { orders } of Object.values(seed)) {
        const dates = orders.map(([daysAgo]) => new Date(now - daysAgo * DAY - 60_000))
        const first = monthOf(dates.reduce((a, b) => (a < b ? a : b)))
        for (const month of new Set(dates.map(monthOf))) {
          const row = expected.get(month)
          if (row) {
            row[month === first ? "new_customers" : "returning_customers"] += 1
          }
        }
      }
      expect(o.months).toEqual([...expected].map(([month, counts]) => ({ month, ...counts })))
      expect(o.months.reduce((n: number, m: any) => n + m.new_customers, 0)).toBe(3) // Bob, Cas, Eve

      expect(o.at_risk.buckets).toEqual([
        { from_days: 90, to_days: 180, customers: 1, lifetime_value: ltv.cas },
        { from_days: 180, to_days: 365, customers: 1, lifetime_value: ltv.bob },
        { from_days: 365, to_days: null, customers: 1, lifetime_value: ltv.dee },
      ])
      expect(o.at_risk.days).toBe(90)
      expect(o.at_risk.customers.map((c: any) => c.first_name).sort()).toEqual(["Bob", "Cas", "Dee"])
      const longGone = await overview("?at_risk_days=365&months=3&limit=1")
      expect(longGone.at_risk.customers.map((c: any) => [c.first_name, c.days_since_last_order])).toEqual([["Dee", 370]])
      expect(longGone.months).toHaveLength(3)
      expect(longGone.top_customers).toHaveLength(1)

      // Another currency: nobody bought in it.
      const usd = await overview("?currency_code=USD")
      expect(usd.currency_code).toBe("usd")
      expect(usd.totals.customers).toBe(0)
    })

    it.each([
      ["?currency_code=euro", "currency_code"],
      ["?months=0", "months"],
      ["?months=25", "months"],
      ["?at_risk_days=30", "at_risk_days"],
      ["?limit=500", "limit"],
      ["?sort=name", "sort"],
    ])("refuses %s with a 400", async (query, field) => {
      const res = await settle(api.get(`/admin/crm/insights/overview${query}`, { headers }))
      expect(res.status).toBe(400)
      expect(res.data.code).toBe("invalid_data")
      expect(res.data.message).toContain(field)
    })
  },
})
