import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CUSTOMER_INSIGHT_MODULE,
  type CustomerInsightModuleService,
} from "../../modules/customer-insight"
import { computeCustomerMetrics } from "../../lib/queries/customer-metrics"
import { findCustomersByEmails } from "../../lib/queries/person-records"

export const recomputeCustomerInsightsStepId = "recompute-customer-insights"

/**
 * Recomputes customers' metrics from their orders. The rows are derived data: compensation
 * recomputes them again from the orders, which are the source of truth, so an undone workflow
 * leaves metrics that match whatever orders remain.
 */
export const recomputeCustomerInsightsStep = createStep(
  recomputeCustomerInsightsStepId,
  async (customerIds: string[], { container }) => {
    const service: CustomerInsightModuleService = container.resolve(CUSTOMER_INSIGHT_MODULE)
    const rows = await service.recomputeCustomers(customerIds, computeCustomerMetrics)
    return new StepResponse(rows, customerIds)
  },
  async (customerIds, { container }) => {
    if (!customerIds?.length) {
      return
    }
    const service: CustomerInsightModuleService = container.resolve(CUSTOMER_INSIGHT_MODULE)
    await service.recomputeCustomers(customerIds, computeCustomerMetrics)
  }
)

export const resolveOrderCustomersStepId = "resolve-order-customers"

/**
 * The customers of orders (by order id) or of the orders behind payments (by payment id): the one
 * Medusa filed each order under, and whoever has the order's e-mail as their primary or an alternate
 * e-mail (the record's e-mail, for a guest checkout), since the order counts for them too.
 */
export const resolveOrderCustomersStep = createStep(
  resolveOrderCustomersStepId,
  async (input: { order_ids?: string[]; payment_ids?: string[] }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const orders: { customer_id?: string | null; email?: string | null }[] = []
    if (input.order_ids?.length) {
      const { data } = await query.graph({ entity: "order", fields: ["customer_id", "email"], filters: { id: input.order_ids } })
      orders.push(...(data as any[]))
    }
    if (input.payment_ids?.length) {
      const { data } = await query.graph({
        entity: "payment",
        fields: ["payment_collection.order.customer_id", "payment_collection.order.email"],
        filters: { id: input.payment_ids },
      })
      orders.push(...(data as any[]).map((p) => p.payment_collection?.order).filter(Boolean))
    }
    const ids = new Set(orders.map((o) => o.customer_id).filter((id): id is string => !!id))
    const emails = orders.map((o) => o.email).filter((e): e is string => !!e)
    if (emails.length) {
      ;(await findCustomersByEmails(container, emails)).forEach((id) => ids.add(id))
    }
    return new StepResponse([...ids])
  }
)
