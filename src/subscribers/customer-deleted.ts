import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { deleteCustomerCrmDataWorkflow } from "../workflows/delete-customer-crm-data"

/**
 * A deleted customer takes their CRM data along: notes, tags, profile (with the photo file) and
 * stores can hold personal data, and nobody can open a deleted customer's page to read them.
 * Running twice deletes nothing the second time.
 */
export default async function customerDeletedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await deleteCustomerCrmDataWorkflow(container).run({
    input: { customer_ids: [data.id] },
  })
}

export const config: SubscriberConfig = {
  event: CustomerWorkflowEvents.DELETED,
  context: { subscriberId: "medusa-crm-customer-deleted" },
}
