import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CUSTOMER_INSIGHT_MODULE,
  type CustomerInsightModuleService,
} from "../../modules/customer-insight"

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
    const rows = await service.recomputeCustomers(customerIds)
    return new StepResponse(rows, customerIds)
  },
  async (customerIds, { container }) => {
    if (!customerIds?.length) {
      return
    }
    const service: CustomerInsightModuleService = container.resolve(CUSTOMER_INSIGHT_MODULE)
    await service.recomputeCustomers(customerIds)
  }
)

export const resolveOrderCustomersStepId = "resolve-order-customers"

/** The customers of orders (by order id) or of the orders behind payments (by payment id). */
export const resolveOrderCustomersStep = createStep(
  resolveOrderCustomersStepId,
  async (input: { order_ids?: string[]; payment_ids?: string[] }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const ids = new Set<string>()
    if (input.order_ids?.length) {
      const { data } = await query.graph({ entity: "order", fields: ["customer_id"], filters: { id: input.order_ids } })
      data.forEach((o: any) => o.customer_id && ids.add(o.customer_id))
    }
    if (input.payment_ids?.length) {
      const { data } = await query.graph({
        entity: "payment",
        fields: ["payment_collection.order.customer_id"],
        filters: { id: input.payment_ids },
      })
      data.forEach((p: any) => p.payment_collection?.order?.customer_id && ids.add(p.payment_collection.order.customer_id))
    }
    return new StepResponse([...ids])
  }
)
