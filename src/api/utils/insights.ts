import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_INSIGHT_MODULE, type CustomerInsightModuleService } from "../../modules/customer-insight"
import type { CustomerMetricsParams, CustomerMetricsResponse } from "../../types/http/insights"

const DAY_MS = 86_400_000


type MetricTotals = {
  currency_code: string
  orders: number
  visits: number
  items: number
  sales: string | number
  paid: string | number
  lifetime_value: string | number
  refunded: string | number
  first_order_at: string | null
  last_order_at: string | null
  computed_at: string
}

type MetricBucket<K extends "day" | "month"> = {
  currency_code: string
  orders: number
  items: number
  sales: string | number
  net_sales: string | number
} & Record<K, string>

const round2 = (n: number) => Math.round(n * 100) / 100
const monthOf = (date: Date) => date.toISOString().slice(0, 7)

/** The 12 months ending with the month of `end`, oldest first: "2025-12", … */
function lastTwelveMonths(end: Date) {
  const months: string[] = []
  for (let i = 11; i >= 0; i--) {
    months.push(monthOf(new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - i, 1))))
  }
  return months
}

/** ISO weekday of a YYYY-MM-DD day: 1 = Monday … 7 = Sunday. */
const weekday = (d: string) => ((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7) + 1

/**
 * A customer's metrics as the admin reads them: lifetime figures per currency, the same for a
 * period, 12 months of sales and average spend per weekday, all from the derived tables
 * (a few rows, never the orders themselves).
 */
export async function readCustomerMetrics(
  scope: MedusaContainer,
  customerId: string,
  params: CustomerMetricsParams
): Promise<CustomerMetricsResponse> {
  const service: CustomerInsightModuleService = scope.resolve(CUSTOMER_INSIGHT_MODULE)
  const now = new Date()
  const end = params.to ? new Date(`${params.to}T00:00:00Z`) : now
  const months = lastTwelveMonths(end)
  const rows = await service.readCustomerMetricRows(
    customerId,
    { from: params.from ?? null, to: params.to ?? null },
    { from: months[0], to: months[11] }
  )
  const totals = rows.totals as unknown as MetricTotals[]
  const days = rows.days as unknown as MetricBucket<"day">[]
  const monthRows = rows.months as unknown as MetricBucket<"month">[]
  const currencies = [...new Set([...totals.map((t) => t.currency_code), ...days.map((d) => d.currency_code)])]

  return {
    metrics: totals.map((t) => {
      const sales = Number(t.sales)
      return {
        currency_code: t.currency_code,
        orders: t.orders,
        visits: t.visits,
        items: t.items,
        sales: round2(sales),
        paid: round2(Number(t.paid)),
        lifetime_value: round2(Number(t.lifetime_value)),
        refunded: round2(Number(t.refunded)),
        average_order_value: t.orders ? round2(sales / t.orders) : 0,
        first_order_at: t.first_order_at,
        last_order_at: t.last_order_at,
        days_since_last_order: t.last_order_at
          ? Math.floor((now.getTime() - new Date(t.last_order_at).getTime()) / DAY_MS)
          : null,
      }
    }),
    period: {
      from: params.from ?? null,
      to: params.to ?? null,
      metrics: currencies.map((currency) => {
        const rows = days.filter((d) => d.currency_code === currency)
        const orders = rows.reduce((s, d) => s + d.orders, 0)
        const sales = rows.reduce((s, d) => s + Number(d.sales), 0)
        return {
          currency_code: currency,
          orders,
          visits: rows.length,
          items: rows.reduce((s, d) => s + d.items, 0),
          sales: round2(sales),
          net_sales: round2(rows.reduce((s, d) => s + Number(d.net_sales), 0)),
          average_order_value: orders ? round2(sales / orders) : 0,
        }
      }),
    },
    monthly: currencies.map((currency) => ({
      currency_code: currency,
      months: months.map((month) => {
        const row = monthRows.find((m) => m.currency_code === currency && m.month === month)
        return {
          month,
          sales: round2(Number(row?.sales ?? 0)),
          net_sales: round2(Number(row?.net_sales ?? 0)),
          orders: row?.orders ?? 0,
        }
      }),
    })),
    weekdays: currencies.map((currency) => ({
      currency_code: currency,
      days: [1, 2, 3, 4, 5, 6, 7].map((wd) => {
        const rows = days.filter((d) => d.currency_code === currency && weekday(d.day) === wd)
        const sales = rows.reduce((s, d) => s + Number(d.sales), 0)
        return {
          weekday: wd,
          sales: round2(sales),
          net_sales: round2(rows.reduce((s, d) => s + Number(d.net_sales), 0)),
          visits: rows.length,
          average_daily_spend: rows.length ? round2(sales / rows.length) : 0,
        }
      }),
    })),
    computed_at:
      totals
        .reduce<Date | null>(
          (latest, t) => (!latest || new Date(t.computed_at) > latest ? new Date(t.computed_at) : latest),
          null
        )
        ?.toISOString() ?? null,
  }
}
