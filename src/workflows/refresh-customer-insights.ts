import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { recomputeCustomerInsightsStep, resolveOrderCustomersStep } from "./steps"

export type RefreshCustomerInsightsWorkflowInput = {
  /** Customers to recompute. */
  customer_ids?: string[]
  /** …and/or the customers of these orders, or of the orders behind these payments. */
  order_ids?: string[]
  payment_ids?: string[]
}

/**
 * Recomputes customers' metrics (totals, day and month rows) from their orders, set-based. What
 * the order subscribers run within a second of an order, a cancel or a refund, and what a rebuild
 * runs page by page. Running it twice gives the same rows. Returns how many metric rows it wrote
 * and whose figures it recomputed (what the segments re-check afterwards).
 *
 * @example
 * await refreshCustomerInsightsWorkflow(container).run({ input: { order_ids: ["order_123"] } })
 */
export const refreshCustomerInsightsWorkflow = createWorkflow(
  "refresh-customer-insights",
  (input: WorkflowData<RefreshCustomerInsightsWorkflowInput>) => {
    const fromOrders = resolveOrderCustomersStep(
      transform({ input }, ({ input }) => ({ order_ids: input.order_ids, payment_ids: input.payment_ids }))
    )
    const customerIds = transform({ input, fromOrders }, ({ input, fromOrders }) => [
      ...new Set([...(input.customer_ids ?? []), ...fromOrders]),
    ])
    const rows = recomputeCustomerInsightsStep(customerIds)
    return new WorkflowResponse(transform({ rows, customerIds }, ({ rows, customerIds }) => ({ rows, customer_ids: customerIds })))
  }
)
