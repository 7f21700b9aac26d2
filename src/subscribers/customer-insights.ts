import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { refreshCustomerInsightsWorkflow } from "../workflows/refresh-customer-insights"
import { syncCustomersIntoSegments } from "../workflows/segments/run"

/**
 * A customer created or changed: their metrics are recomputed, because orders placed earlier with
 * their e-mail under a guest record count for them (an online account opened after guest
 * checkouts, an address corrected). Recomputing twice gives the same figures. Then each synced
 * segment re-checks them: a new customer may match one, a changed one may stop matching.
 */
export default async function customerInsightsHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const ids = (Array.isArray(data) ? data : [data]).map((d) => d.id).filter(Boolean)
  if (ids.length) {
    const { result } = await refreshCustomerInsightsWorkflow(container).run({ input: { customer_ids: ids } })
    await syncCustomersIntoSegments(container, result.customer_ids)
  }
}

export const config: SubscriberConfig = {
  event: [CustomerWorkflowEvents.CREATED, CustomerWorkflowEvents.UPDATED],
  context: { subscriberId: "medusa-crm-customer-insights" },
}
