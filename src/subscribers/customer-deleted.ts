import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { deleteCustomerNotesWorkflow } from "../workflows/delete-customer-notes"

/**
 * A deleted customer takes their notes along: notes can hold personal data, and nobody can open
 * a deleted customer's page to read them. Running twice deletes nothing the second time.
 */
export default async function customerDeletedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await deleteCustomerNotesWorkflow(container).run({
    input: { customer_ids: [data.id] },
  })
}

export const config: SubscriberConfig = {
  event: CustomerWorkflowEvents.DELETED,
  context: { subscriberId: "medusa-crm-customer-deleted" },
}
