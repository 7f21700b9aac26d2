import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { rebuildCustomerInsights } from "../../src/lib/insights-rebuild"
import { CUSTOMER_LIST_SORTABLE } from "../../src/types/http/customer-list"
import { createAdminUser, settle } from "../helpers/admin"
import { createTestStore, placeStoreOrder, registerStoreCustomer, type TestStore } from "../helpers/store"
import { waitFor } from "../helpers/wait"

jest.setTimeout(300 * 1000)

/**
 * The CRM list over six customers seeded once through the admin and store routes (tags, points,
 * memberships, consents, stores, groups, an archive, real orders, some paid) and the plugin's own
 * metrics rebuild; every test starts from that snapshot.
 *
 *          orders (EUR)            paid  tags            other
 *  anna    2 × 100 (store), paid   200   vip, level:gold Friends member, 500 points, newsletter, group Press
 *  bram    1 × 100 (store), paid   100   level:silver    50 points, newsletter withdrawn, alternate e-mail
 *  chloe   1 × 100 (store)           0
 *  daan    1 × 300 on 2025-01-15     0   vip             guest, bought at the box office
 *  emma    none                          staff           guest, company Acme
 *  finn    none                                          archived
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbUtils }) => {
    let headers: Record<string, string>
    const ids: Record<string, string> = {}
    const refs: Record<string, string> = {}
    let createdBetween = ""

    const post = (url: string, body: unknown) => api.post(url, body, { headers })

    beforeAll(async () => {
      const container = getContainer()
      headers = (await createAdminUser(container)).headers
      const store: TestStore = await createTestStore(container)
      const {
        data: { stores },
      } = await api.get("/admin/stores", { headers })
      await post(`/admin/stores/${stores[0].id}`, {
        supported_currencies: [{ currency_code: "eur", is_default: true }, { currency_code: "usd" }],
      })

      const shopper = async (name: string, first: string, last: string) => {
        const s = await registerStoreCustomer(api, store.publishableKey, `${name}@example.com`)
        await post(`/admin/customers/${s.customerId}`, { first_name: first, last_name: last })
        ids[name] = s.customerId
        return s
      }
      const anna = await shopper("anna", "Anna", "Visser")
      const bram = await shopper("bram", "Bram", "Bakker")
      const chloe = await shopper("chloe", "Chloé", "de Vries")
      await placeStoreOrder(api, store, anna.headers)
      await placeStoreOrder(api, store, anna.headers)
      await placeStoreOrder(api, store, bram.headers)
      await placeStoreOrder(api, store, chloe.headers)
      // Anna's and Bram's money is in: capture their payments.
      for (const who of ["anna", "bram"]) {
        const {
          data: { orders },
        } = await api.get(`/admin/orders?customer_id=${ids[who]}&fields=id,payment_collections.payments.id`, { headers })
        for (const order of orders) {
          await post(`/admin/payments/${order.payment_collections[0].payments[0].id}/capture`, {})
        }
      }

      const adminCustomer = async (name: string, body: Record<string, unknown>) => {
        ids[name] = (await post("/admin/customers", { email: `${name}@example.com`, ...body })).data.customer.id
      }
      await adminCustomer("daan", { first_name: "Daan", last_name: "Smit" })
      createdBetween = new Date(Date.now() + 1).toISOString()
      await new Promise((r) => setTimeout(r, 20))
      await adminCustomer("emma", { first_name: "Emma", last_name: "Jansen", company_name: "Acme" })
      await adminCustomer("finn", { first_name: "Finn", last_name: "Mulder" })
      await createOrderWorkflow(container).run({
        input: {
          region_id: store.regionId,
          sales_channel_id: store.salesChannelId,
          customer_id: ids.daan,
          email: "daan@example.com",
          currency_code: "eur",
          items: [{ variant_id: store.variantId, quantity: 3 }],
          created_at: new Date("2025-01-15T10:00:00Z"),
        } as any,
      })

      // Stores: the buyers' come from their orders (the order subscriber); Daan's are set by hand.

      await waitFor(
        async () => (await api.get(`/admin/customers/${ids.chloe}/profile`, { headers })).data.profile.stores,
        (s: any[]) => s.length > 0,
        "the stores from the orders"
      )
      refs.webshop = store.salesChannelId
      refs.box = (await post("/admin/sales-channels", { name: "Box office" })).data.sales_channel.id
      await post(`/admin/customers/${ids.daan}/profile`, { sales_channel_ids: [refs.box] })

      // Tags through the tag routes.
      await post("/admin/crm/tags", { key: "vip", label: "VIP", value_mode: "flag" })
      await post("/admin/crm/tags", { key: "level", label: "Level", value_mode: "list", allowed_values: ["gold", "silver"] })
      await post("/admin/crm/tags", { key: "staff", label: "Staff", value_mode: "flag" })
      await post(`/admin/customers/${ids.anna}/tags`, { key: "vip" })
      await post(`/admin/customers/${ids.anna}/tags`, { key: "level", value: "gold" })
      await post(`/admin/customers/${ids.bram}/tags`, { key: "level", value: "silver" })
      await post(`/admin/customers/${ids.daan}/tags`, { key: "vip" })
      await post(`/admin/customers/${ids.emma}/tags`, { key: "staff" })

      // A membership, points, consents, a group, an alternate e-mail, an archive.
      refs.friends = (
        await post("/admin/crm/membership-plans", { name: "Friends", level: 1, duration_unit: "year", duration_value: 1 })
      ).data.plan.id
      await post(`/admin/customers/${ids.anna}/memberships`, { plan_id: refs.friends })
      await post("/admin/crm/loyalty", {
        enabled: true,
        enrollment: "all",
        pending_days: 0,
        rates: [{ currency_code: "eur", earn_points_per_unit: 1, redeem_points: 100, redeem_value: 1 }],
      })
      await post(`/admin/customers/${ids.anna}/loyalty/adjustments`, { points: 500, reason: "Welcome" })
      await post(`/admin/customers/${ids.bram}/loyalty/adjustments`, { points: 50, reason: "Welcome" })
      const purpose = (
        await post("/admin/crm/privacy/purposes", { handle: "newsletter", name: "Newsletter", text: "Send me news." })
      ).data.purpose
      await post(`/admin/customers/${ids.anna}/consents`, { purpose_id: purpose.id, granted: true, reason: "Asked" })
      await post(`/admin/customers/${ids.bram}/consents`, { purpose_id: purpose.id, granted: true, reason: "Asked" })
      await post(`/admin/customers/${ids.bram}/consents`, { purpose_id: purpose.id, granted: false, reason: "Opted out" })
      refs.press = (await post("/admin/customer-groups", { name: "Press" })).data.customer_group.id
      await post(`/admin/customer-groups/${refs.press}/customers`, { add: [ids.anna] })
      await post(`/admin/customers/${ids.bram}/identity/emails`, { email: "bram.work@office.test" })
      await post(`/admin/customers/${ids.finn}/identity/archive`, { reason: "Old record" })

      // The metrics, from the orders, by the plugin's own rebuild.
      await rebuildCustomerInsights(container)
      await dbUtils.snapshot()
    })

    const list = async (query: string) => (await api.get(`/admin/crm/customers?${query}`, { headers })).data
    const idsOf = async (query: string) => (await list(query)).customers.map((c: any) => c.id)
    const sorted = (...names: string[]) => names.map((n) => ids[n]).sort()
    const setOf = async (query: string) => (await idsOf(`${query}&limit=200`)).sort()

    describe("filters", () => {
      it("each filter selects exactly its customers", async () => {
        const cases: [string, string[]][] = [
          ["", ["anna", "bram", "chloe", "daan", "emma"]],
          ["tags=vip", ["anna", "daan"]],
          ["tags=level:gold", ["anna"]],
          ["tags=level:GOLD", ["anna"]],
          ["tags=level", ["anna", "bram"]],
          ["tags=vip&tags=level&tags_match=all", ["anna"]],
          ["tags=vip&tags=staff", ["anna", "daan", "emma"]],
          ["tags=vip&tags_match=none", ["bram", "chloe", "emma"]],
          [`membership_plan_id=${refs.friends}`, ["anna"]],
          ["membership_status=active", ["anna"]],
          ["membership_status=expired", []],
          ["loyalty_balance[gte]=400", ["anna"]],
          ["lifetime_value[gte]=150", ["anna"]],
          ["lifetime_value[gt]=0", ["anna", "bram"]],
          ["lifetime_value[lte]=0", ["chloe", "daan", "emma"]],
          ["lifetime_value[gte]=50&lifetime_value[lt]=150", ["bram"]],
          ["order_count[gte]=2", ["anna"]],
          ["order_count[lt]=1", ["emma"]],
          ["average_order_value[gte]=200", ["daan"]],
          ["last_order_at[lt]=2025-06-01", ["daan"]],
          ["last_order_at[gte]=2025-06-01", ["anna", "bram", "chloe"]],
          // A date alone covers its whole day: the order at 10:00 on the 15th is within lte=15th, not lt.
          ["first_order_at[lte]=2025-01-15", ["daan"]],
          ["first_order_at[lt]=2025-01-15", []],
          ["first_order_at[gt]=2025-01-14&first_order_at[lt]=2025-01-16", ["daan"]],
          ["days_since_last_order[gte]=30", ["daan"]],
          ["days_since_last_order[lte]=1", ["anna", "bram", "chloe"]],
          ["account=online", ["anna", "bram", "chloe"]],
          ["account=guest", ["daan", "emma"]],
          ["consents=newsletter", ["anna"]],
          [`sales_channel_id=${refs.box}`, ["daan"]],
          [`sales_channel_id=${refs.webshop}`, ["anna", "bram", "chloe"]],
          [`group_id=${refs.press}`, ["anna"]],
          [`created_at[gte]=${encodeURIComponent(createdBetween)}`, ["emma"]],
          ["status=archived", ["finn"]],
          ["q=visser", ["anna"]],
          ["q=acme", ["emma"]],
          ["q=office.test", ["bram"]],
          ["q=jansen&field=email", []],
          [`id=${ids.anna}&id=${ids.finn}&id=${ids.emma}`, ["anna", "emma"]],
        ]
        const failures: string[] = []
        for (const [query, expected] of cases) {
          const got = await setOf(query)
          if (JSON.stringify(got) !== JSON.stringify(sorted(...expected))) {
            const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]))
            failures.push(`${query}: got ${got.map((id: string) => names[id] ?? id).join(",")}, expected ${expected.join(",")}`)
          }
        }
        expect(failures).toEqual([])
      })

      it("combines filters with AND", async () => {
        expect(await setOf("tags=vip&lifetime_value[gte]=100")).toEqual(sorted("anna"))
        expect(await setOf("tags=vip&last_order_at[lt]=2025-06-01")).toEqual(sorted("daan"))
        expect(await setOf("account=online&lifetime_value[gt]=0&consents=newsletter")).toEqual(sorted("anna"))
        expect(await setOf("tags=level&loyalty_balance[lt]=400&lifetime_value[gt]=0")).toEqual(sorted("bram"))
        expect(await setOf("q=a&account=guest&tags=staff")).toEqual(sorted("emma"))
        expect(await setOf("tags=vip&account=online&last_order_at[lt]=2025-06-01")).toEqual([])
      })

      it("answers the figures in the store's default currency unless another is asked", async () => {
        const eur = await list(`id=${ids.anna}`)
        expect(eur.currency_code).toBe("eur")
        expect(eur.customers[0]).toEqual(
          expect.objectContaining({
            id: ids.anna,
            lifetime_value: 200,
            order_count: 2,
            average_order_value: 100,
            loyalty_balance: expect.any(Number),
            tags: expect.arrayContaining([expect.objectContaining({ key: "vip" }), expect.objectContaining({ key: "level", value: "gold" })]),
            memberships: [expect.objectContaining({ plan_id: refs.friends, plan_name: "Friends", status: "active" })],
            consents: ["newsletter"],
            groups: [{ id: refs.press, name: "Press" }],
            stores: [expect.objectContaining({ id: refs.webshop })],
          })
        )
        expect(eur.customers[0].loyalty_balance).toBeGreaterThanOrEqual(500)
        const usd = await list("currency_code=USD&lifetime_value[gt]=0")
        expect(usd.currency_code).toBe("usd")
        expect(usd.customers).toEqual([])
        expect((await list(`currency_code=usd&id=${ids.anna}`)).customers[0]).toEqual(
          expect.objectContaining({ lifetime_value: 0, order_count: 0, last_order_at: null })
        )
      })

      it("keeps the search's behaviour: what matched, archived records apart", async () => {
        const hit = async (q: string) => (await list(`q=${encodeURIComponent(q)}`)).customers.map((c: any) => [c.id, c.matched_by])
        expect(await hit("office.test")).toEqual([[ids.bram, ["alternate_email"]]])
        expect(await hit("Visser")).toEqual([[ids.anna, ["name"]]])
        expect(await hit("visser anna")).toEqual([[ids.anna, ["name"]]])
        expect(await hit("mulder")).toEqual([])
        expect((await list("status=archived&q=mulder")).customers.map((c: any) => [c.id, c.archived])).toEqual([[ids.finn, true]])
        // Without an order, newest first.
        expect(await idsOf("")).toEqual([ids.emma, ids.daan, ids.chloe, ids.bram, ids.anna])
      })
    })

    describe("sorting and pages", () => {
      it("sorts by lifetime value both ways, nulls last, ties by id", async () => {
        const [tieLow, tieHigh] = [ids.chloe, ids.daan].sort()
        expect(await idsOf("order=-lifetime_value")).toEqual([ids.anna, ids.bram, tieHigh, tieLow, ids.emma])
        expect(await idsOf("order=lifetime_value")).toEqual([tieLow, tieHigh, ids.bram, ids.anna, ids.emma])
        // By last name, then first name: Bakker, de Vries, Jansen, Smit, Visser.
        expect(await idsOf("order=name")).toEqual([ids.bram, ids.chloe, ids.emma, ids.daan, ids.anna])
        expect(await idsOf("order=-name")).toEqual([ids.anna, ids.daan, ids.emma, ids.chloe, ids.bram])
        expect(await idsOf("order=-last_order_at")).toEqual([ids.chloe, ids.bram, ids.anna, ids.daan, ids.emma])
        expect(await idsOf("order=days_since_last_order")).toEqual([ids.chloe, ids.bram, ids.anna, ids.daan, ids.emma])
      })

      it("sorts by every sortable column both ways in the order of the values", async () => {
        const value: Record<string, (c: any) => unknown> = {
          created_at: (c) => c.created_at,
          email: (c) => c.email?.toLowerCase() ?? null,
          first_name: (c) => c.first_name?.toLowerCase() ?? null,
          last_name: (c) => c.last_name?.toLowerCase() ?? null,
          name: (c) => `${c.last_name ?? ""} ${c.first_name ?? ""}`.toLowerCase(),
          lifetime_value: (c) => (c.order_count ? c.lifetime_value : null),
          sales: (c) => (c.order_count ? c.sales : null),
          order_count: (c) => c.order_count,
          average_order_value: (c) => c.average_order_value,
          first_order_at: (c) => c.first_order_at,
          last_order_at: (c) => c.last_order_at,
          days_since_last_order: (c) => c.days_since_last_order,
          loyalty_balance: (c) => c.loyalty_balance,
        }
        const failures: string[] = []
        for (const field of CUSTOMER_LIST_SORTABLE) {
          for (const desc of [false, true]) {
            const { customers, count } = await list(`order=${desc ? "-" : ""}${field}`)
            const rows = customers.map((c: any) => ({ id: c.id, v: value[field](c) }))
            if (count !== 5 || rows.length !== 5) failures.push(`${field}: ${rows.length} of ${count}`)
            for (let i = 1; i < rows.length; i++) {
              const [a, b] = [rows[i - 1], rows[i]]
              if (a.v === null && b.v !== null) failures.push(`${desc ? "-" : ""}${field}: a null before a value`)
              if (a.v === null || b.v === null) continue
              const cmp = a.v < b.v ? -1 : a.v > b.v ? 1 : 0
              const tie = a.id < b.id ? -1 : 1
              // Whole days can tie where the dates they come from do not: only the days' order counts there.
              const tieBroken = cmp === 0 && field !== "days_since_last_order" && (desc ? -tie : tie) > 0
              if ((desc ? -cmp : cmp) > 0 || tieBroken) {
                failures.push(`${desc ? "-" : ""}${field}: ${JSON.stringify(a)} before ${JSON.stringify(b)}`)
              }
            }
          }
        }
        expect(failures).toEqual([])
      })

      it("pages without overlap or gaps, with the total count", async () => {
        const all = await idsOf("order=-lifetime_value")
        const pages: string[] = []
        for (const offset of [0, 2, 4]) {
          const page = await list(`order=-lifetime_value&limit=2&offset=${offset}`)
          expect(page).toEqual(expect.objectContaining({ count: 5, limit: 2, offset }))
          pages.push(...page.customers.map((c: any) => c.id))
        }
        expect(pages).toEqual(all)
        const beyond = await list("limit=2&offset=10")
        expect(beyond).toEqual(expect.objectContaining({ customers: [], count: 5 }))
        expect((await list("tags=vip&limit=1")).count).toBe(2)
      })
    })

    describe("bad filters", () => {
      it("are 400 naming the field, with the plugin's code", async () => {
        const cases: [string, string][] = [
          ["tags=bad%20key!", "tags"],
          ["tags=level:", "tags"],
          ["lifetime_value[gte]=500&lifetime_value[lte]=100", "lifetime_value"],
          ["last_order_at[gte]=2026-02-01&last_order_at[lt]=2026-01-01", "last_order_at"],
          ["created_at[gte]=2026-13-45", "created_at"],
          ["first_order_at[lt]=yesterday", "first_order_at"],
          ["lifetime_value[between]=1", "lifetime_value"],
          ["lifetime_value=500", "lifetime_value"],
          ["order_count[gte]=1.5", "order_count"],
          ["order=nope", "order"],
          ["order=-tags", "order"],
          ["limit=0", "limit"],
          ["limit=201", "limit"],
          ["unknown_param=1", "unknown_param"],
          ["tags_match=some", "tags_match"],
          ["membership_status=paused", "membership_status"],
          ["currency_code=euro", "currency_code"],
          ["account=everyone", "account"],
        ]
        const failures: string[] = []
        for (const [query, field] of cases) {
          const res = await settle(api.get(`/admin/crm/customers?${query}`, { headers }))
          if (res.status !== 400 || res.data.code !== "invalid_data" || !String(res.data.message).includes(field)) {
            failures.push(`${query} -> ${res.status} ${JSON.stringify(res.data)}`)
          }
        }
        expect(failures).toEqual([])
      })
    })
  },
})
