import path from "path"
import { ModulesSdkUtils } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_INSIGHT_MODULE, type CustomerMetricRows, type CustomerMetricSource } from ".."
import { assertSameDatabase } from "../loaders/shared-database"
import CustomerInsightModuleService from "../service"

jest.setTimeout(60 * 1000)

type Knex = ReturnType<typeof ModulesSdkUtils.createPgConnection>

const totals = (customer_id: string, currency_code: string, lifetime_value: string, extra: Record<string, unknown> = {}) => ({
  customer_id,
  currency_code,
  orders: 2,
  visits: 1,
  items: "3",
  sales: "20",
  paid: "15",
  lifetime_value,
  refunded: "5",
  first_order_at: "2026-03-01T10:00:00.000+00:00",
  last_order_at: "2026-03-01T18:30:00.000+00:00",
  ...extra,
})

const bucket = (customer_id: string, key: { day: string } | { month: string }, net_sales: string) => ({
  customer_id,
  currency_code: "eur",
  orders: 2,
  items: "3",
  sales: net_sales,
  net_sales,
  ...key,
})

/** A source that derives nothing but what it is given. */
const rowsOf = (rows: Partial<CustomerMetricRows>): CustomerMetricSource => async () => ({
  totals: [],
  days: [],
  months: [],
  ...rows,
})

moduleIntegrationTestRunner<CustomerInsightModuleService>({
  moduleName: CUSTOMER_INSIGHT_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, dbConfig }) => {
    let db: Knex
    beforeAll(() => {
      db = ModulesSdkUtils.createPgConnection({ clientUrl: dbConfig.clientUrl, schema: dbConfig.schema })
    })
    afterAll(async () => {
      await db.destroy()
    })

    const metricRows = async (customerId: string) =>
      (
        await db.raw(
          `SELECT currency_code, orders, visits, items, lifetime_value::text, raw_lifetime_value, refunded::text,
             raw_refunded, first_order_at, last_order_at FROM customer_metric
           WHERE customer_id = ? AND deleted_at IS NULL ORDER BY currency_code`,
          [customerId]
        )
      ).rows

    describe("recomputeCustomers", () => {
      it("writes the rows the source derives, amounts exact, and replaces them on the next recompute", async () => {
        const big = "12345678901234567.89"
        const first = await service.recomputeCustomers(
          ["cus_1"],
          rowsOf({
            totals: [totals("cus_1", "eur", big), totals("cus_1", "usd", "10")],
            days: [bucket("cus_1", { day: "2026-03-01" }, big)],
            months: [bucket("cus_1", { month: "2026-03" }, big)],
          })
        )
        expect(first).toBe(2)
        const rows = await metricRows("cus_1")
        expect(rows).toEqual([
          expect.objectContaining({
            currency_code: "eur",
            orders: 2,
            visits: 1,
            items: 3,
            lifetime_value: big,
            raw_lifetime_value: { value: big, precision: 20 },
            refunded: "5",
            raw_refunded: { value: "5", precision: 20 },
            first_order_at: new Date("2026-03-01T10:00:00Z"),
            last_order_at: new Date("2026-03-01T18:30:00Z"),
          }),
          expect.objectContaining({ currency_code: "usd", lifetime_value: "10" }),
        ])
        const [day] = (await db.raw(`SELECT day, orders, items, net_sales::text, raw_net_sales FROM customer_metric_day`)).rows
        expect(day).toEqual({ day: "2026-03-01", orders: 2, items: 3, net_sales: big, raw_net_sales: { value: big, precision: 20 } })
        const [month] = (await db.raw(`SELECT month, net_sales::text FROM customer_metric_month`)).rows
        expect(month).toEqual({ month: "2026-03", net_sales: big })

        // The next recompute replaces: a currency no longer derived, and the buckets, are gone.
        expect(await service.recomputeCustomers(["cus_1"], rowsOf({ totals: [totals("cus_1", "eur", "7")] }))).toBe(1)
        expect(await metricRows("cus_1")).toEqual([expect.objectContaining({ currency_code: "eur", lifetime_value: "7" })])
        expect((await db.raw(`SELECT count(*)::int AS n FROM customer_metric_day`)).rows[0].n).toBe(0)
        expect((await db.raw(`SELECT count(*)::int AS n FROM customer_metric_month`)).rows[0].n).toBe(0)
      })

      it("touches only the customers asked for, and asks the source once for them, sorted and without repeats", async () => {
        await service.recomputeCustomers(["cus_2"], rowsOf({ totals: [totals("cus_2", "eur", "1")] }))
        const source = jest.fn(rowsOf({ totals: [totals("cus_1", "eur", "3")] }))
        await service.recomputeCustomers(["cus_3", "cus_1", "cus_3"], source)
        expect(source).toHaveBeenCalledTimes(1)
        expect(source.mock.calls[0][1]).toEqual(["cus_1", "cus_3"])
        expect(await metricRows("cus_2")).toHaveLength(1)
        expect(await metricRows("cus_1")).toHaveLength(1)
        expect(await metricRows("cus_3")).toHaveLength(0)
      })

      it("does nothing for no customers", async () => {
        const source = jest.fn(rowsOf({}))
        expect(await service.recomputeCustomers([], source)).toBe(0)
        expect(source).not.toHaveBeenCalled()
      })

      it("derives the rows inside its transaction, holding one lock per customer", async () => {
        let held = -1
        await service.recomputeCustomers(["cus_1", "cus_2"], async (connection) => {
          const { rows } = await connection.raw(
            `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`,
            []
          )
          held = rows[0].n as number
          return { totals: [], days: [], months: [] }
        })
        expect(held).toBe(2)
      })

      it("leaves the rows as they were when the source fails", async () => {
        await service.recomputeCustomers(["cus_1"], rowsOf({ totals: [totals("cus_1", "eur", "9")] }))
        await expect(
          service.recomputeCustomers(["cus_1"], async () => {
            throw new Error("orders unreadable")
          })
        ).rejects.toThrow("orders unreadable")
        expect(await metricRows("cus_1")).toEqual([expect.objectContaining({ lifetime_value: "9" })])
      })

      it("lets recomputes of one customer take turns: the later one's rows stay, never both", async () => {
        const spans: [number, number][] = []
        const slow = (value: string, ms: number): CustomerMetricSource => async () => {
          const start = Date.now()
          await new Promise((r) => setTimeout(r, ms))
          spans.push([start, Date.now()])
          return { totals: [totals("cus_1", "eur", value)], days: [], months: [] }
        }
        const first = service.recomputeCustomers(["cus_1"], slow("1", 400))
        await new Promise((r) => setTimeout(r, 100))
        await Promise.all([first, service.recomputeCustomers(["cus_1"], slow("2", 0))])
        const [a, b] = spans.sort((x, y) => x[0] - y[0])
        expect(b[0]).toBeGreaterThanOrEqual(a[1])
        expect(await metricRows("cus_1")).toEqual([expect.objectContaining({ lifetime_value: "2" })])
      })
    })

    describe("readCustomerMetricRows", () => {
      it("reads totals (most orders first), days within the period and months within the range", async () => {
        await service.recomputeCustomers(
          ["cus_1"],
          rowsOf({
            totals: [totals("cus_1", "usd", "10", { orders: 1 }), totals("cus_1", "eur", "20", { orders: 4 })],
            days: ["2026-02-27", "2026-03-01", "2026-03-09"].map((day) => bucket("cus_1", { day }, "1")),
            months: ["2026-01", "2026-02", "2026-03"].map((month) => bucket("cus_1", { month }, "1")),
          })
        )
        const read = await service.readCustomerMetricRows(
          "cus_1",
          { from: "2026-03-01", to: "2026-03-08" },
          { from: "2026-02", to: "2026-03" }
        )
        expect(read.totals.map((t) => t.currency_code)).toEqual(["eur", "usd"])
        expect(read.days.map((d) => d.day)).toEqual(["2026-03-01"])
        expect(read.months.map((m) => m.month).sort()).toEqual(["2026-02", "2026-03"])

        const open = await service.readCustomerMetricRows("cus_1", { from: null, to: null }, { from: "2026-01", to: "2026-01" })
        expect(open.days).toHaveLength(3)
        expect(open.months.map((m) => m.month)).toEqual(["2026-01"])

        const none = await service.readCustomerMetricRows("cus_9", { from: null, to: null }, { from: "2026-01", to: "2026-12" })
        expect(none).toEqual({ totals: [], days: [], months: [] })
      })
    })

    describe("the shared-database check", () => {
      const OTHER_DB = `medusa_crm_elsewhere_${process.pid}`
      let other: Knex
      beforeAll(async () => {
        await db.raw(`DROP DATABASE IF EXISTS ${OTHER_DB}`)
        await db.raw(`CREATE DATABASE ${OTHER_DB}`)
        const url = new URL(dbConfig.clientUrl)
        url.pathname = `/${OTHER_DB}`
        other = ModulesSdkUtils.createPgConnection({ clientUrl: url.toString(), schema: "public" })
      })
      afterAll(async () => {
        await other.destroy()
        await db.raw(`DROP DATABASE IF EXISTS ${OTHER_DB}`)
      })
      const managerOn = (knex: Knex) => ({ execute: async (sql: string) => (await knex.raw(sql)).rows })

      it("passes when the module's connection reaches the shared database", async () => {
        await expect(assertSameDatabase(managerOn(db), db)).resolves.toBeUndefined()
      })

      it("refuses, naming both databases, when the module's connection reaches another one", async () => {
        await expect(assertSameDatabase(managerOn(other), db)).rejects.toThrow(
          new RegExp(`one database.*customer_insight module uses .*/${OTHER_DB} \\(schema public\\)`)
        )
      })
    })
  },
})
