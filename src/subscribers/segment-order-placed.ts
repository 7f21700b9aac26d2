import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents, PaymentEvents } from "@medusajs/framework/utils"
import { selectRows } from "../lib/queries/sql"
import { refreshCustomerInsightsWorkflow } from "../workflows/refresh-customer-insights"
import { syncCustomersIntoSegments } from "../workflows/segments/run"

/**
 * An order placed or canceled, or a payment captured or refunded, changes its customers' order
 * count, totals, lifetime value (money received) or last order date: their metrics are brought up
 * to date first (recomputing is idempotent and serialised per customer, so it does not matter that
 * the insight subscribers do the same), then each synced segment re-checks them. The order's
 * customers are the one Medusa filed it under and whoever has its e-mail as their primary or an
 * alternate e-mail (the order counts for them too).
 */
export default async function segmentOrderPlacedHandler({
  event: { name, data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const byPayment = name === PaymentEvents.CAPTURED || name === PaymentEvents.REFUNDED
  const rows = await selectRows(
    container,
    `WITH o AS (
       SELECT o.customer_id, lower(o.email) AS email FROM "order" o
        WHERE NOT :by_payment AND o.id = :id
       UNION
       SELECT o.customer_id, lower(o.email) FROM payment p
         JOIN order_payment_collection opc ON opc.payment_collection_id = p.payment_collection_id AND opc.deleted_at IS NULL
         JOIN "order" o ON o.id = opc.order_id
        WHERE :by_payment AND p.id = :id
     )
     SELECT customer_id AS id FROM o WHERE customer_id IS NOT NULL
     UNION SELECT c.id FROM customer c JOIN o ON lower(c.email) = o.email WHERE c.deleted_at IS NULL
     UNION SELECT a.customer_id FROM customer_alternate_email a JOIN o ON a.email = o.email WHERE a.deleted_at IS NULL`,
    { id: data.id, by_payment: byPayment }
  )
  const customerIds = rows.map((r) => r.id as string)
  if (!customerIds.length) {
    return
  }
  await refreshCustomerInsightsWorkflow(container).run({
    input: byPayment ? { payment_ids: [data.id] } : { order_ids: [data.id] },
  })
  await syncCustomersIntoSegments(container, customerIds)
}

export const config: SubscriberConfig = {
  event: [OrderWorkflowEvents.PLACED, OrderWorkflowEvents.CANCELED, PaymentEvents.CAPTURED, PaymentEvents.REFUNDED],
  context: { subscriberId: "medusa-crm-segment-order-placed" },
}
