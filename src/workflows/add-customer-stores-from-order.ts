import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { setCustomerStoresStep } from "./steps"

export type AddCustomerStoresFromOrderWorkflowInput = { order_id: string }

export const addCustomerStoresFromOrderWorkflowId = "add-customer-stores-from-order"

/**
 * Assigns the customer of an order to the order's store (sales channel) when they are not yet.
 * The same order twice changes nothing the second time.
 *
 * @example
 * await addCustomerStoresFromOrderWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const addCustomerStoresFromOrderWorkflow = createWorkflow(
  addCustomerStoresFromOrderWorkflowId,
  (input: WorkflowData<AddCustomerStoresFromOrderWorkflowInput>) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "customer_id", "sales_channel_id"],
      filters: { id: input.order_id },
    })
    const order = transform({ orders }, ({ orders }) => orders[0] ?? null)
    when({ order }, ({ order }) => !!order?.customer_id && !!order?.sales_channel_id).then(() => {
      setCustomerStoresStep(
        transform({ order }, ({ order }) => ({
          customer_id: order!.customer_id as string,
          sales_channel_ids: [order!.sales_channel_id as string],
          mode: "add" as const,
          source: "order" as const,
        }))
      )
    })
    return new WorkflowResponse(void 0)
  }
)
