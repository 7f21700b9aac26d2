import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  overviewCurrencies,
  readInsightsOverview,
  type OverviewCustomerRow,
} from "../../../../../lib/queries/insights-overview"
import type {
  InsightsOverviewCustomer,
  InsightsOverviewResponse,
} from "../../../../../types/http/insights"
import type { AdminInsightsOverviewParamsType } from "./validators"

const money = (v: string | number | null | undefined) => Math.round(Number(v ?? 0) * 100) / 100

const customer = (r: OverviewCustomerRow): InsightsOverviewCustomer => ({
  id: r.id,
  first_name: r.first_name,
  last_name: r.last_name,
  email: r.email,
  company_name: r.company_name,
  orders: Number(r.orders),
  lifetime_value: money(r.lifetime_value),
  last_order_at: r.last_order_at ? new Date(r.last_order_at).toISOString() : null,
  days_since_last_order: r.days_since_last_order === null ? null : Number(r.days_since_last_order),
})

/** The store's default currency, if it has one. */
async function storeDefaultCurrency(req: AuthenticatedMedusaRequest): Promise<string | null> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: stores } = await query.graph({
    entity: "store",
    fields: ["supported_currencies.currency_code", "supported_currencies.is_default"],
  })
  const found = stores
    .flatMap((s: any) => s.supported_currencies ?? [])
    .find((c: any) => c?.is_default)
  return found?.currency_code?.toLowerCase() ?? null
}

/**
 * Store-wide customer figures in one currency: totals, top customers by lifetime value, new versus
 * returning customers per month and customers at risk (no order for 90, 180, 365 days), from the
 * same metrics as the customer page.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminInsightsOverviewParamsType>,
  res: MedusaResponse<InsightsOverviewResponse>
) => {
  const params = req.validatedQuery as unknown as AdminInsightsOverviewParamsType
  const [bought, storeDefault] = await Promise.all([overviewCurrencies(req.scope), storeDefaultCurrency(req)])
  const currencies = storeDefault && bought.includes(storeDefault)
    ? [storeDefault, ...bought.filter((c) => c !== storeDefault)]
    : bought
  const currency = params.currency_code ?? currencies[0] ?? storeDefault
  const now = new Date()
  const rows = currency
    ? await readInsightsOverview(req.scope, {
        currency,
        months: params.months,
        atRiskDays: params.at_risk_days,
        limit: params.limit,
        now,
      })
    : null
  const customers = Number(rows?.totals.customers ?? 0)
  const lifetimeValue = money(rows?.totals.lifetime_value)
  res.json({
    overview: {
      currency_code: currency ?? null,
      currencies,
      totals: {
        customers,
        repeat_customers: Number(rows?.totals.repeat_customers ?? 0),
        orders: Number(rows?.totals.orders ?? 0),
        lifetime_value: lifetimeValue,
        average_lifetime_value: customers ? money(lifetimeValue / customers) : 0,
      },
      top_customers: (rows?.top ?? []).map(customer),
      months: (rows?.months ?? []).map((m) => ({
        month: m.month,
        new_customers: Number(m.new_customers),
        returning_customers: Number(m.returning_customers),
      })),
      at_risk: {
        days: params.at_risk_days,
        buckets: (rows?.buckets ?? [{ from_days: 90 }, { from_days: 180 }, { from_days: 365 }]).map((b: any) => ({
          from_days: Number(b.from_days),
          to_days: b.from_days === 90 ? 180 : b.from_days === 180 ? 365 : null,
          customers: Number(b.customers ?? 0),
          lifetime_value: money(b.lifetime_value),
        })),
        customers: (rows?.at_risk ?? []).map(customer),
      },
      computed_at: rows?.totals.computed_at ? new Date(rows.totals.computed_at).toISOString() : null,
    },
  })
}
