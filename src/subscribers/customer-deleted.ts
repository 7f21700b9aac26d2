import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService } from "../modules/customer-identity"
import { deleteCustomerCrmDataWorkflow } from "../workflows/delete-customer-crm-data"

/**
 * A deleted customer takes their CRM data along: whatever the plugin's and the host app's
 * customer-data handlers hold about them (notes, tags, profile with the photo file, stores,
 * loyalty, memberships, e-mails, merges, metrics) can hold personal data, and nobody can open a
 * deleted customer's page to read it. Running twice deletes nothing the second time.
 *
 * A record merged into another is deleted too, but what stayed on it is kept for an undo of the
 * merge; and a customer restored by the time this runs keeps everything.
 */
export default async function customerDeletedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
  const [merged] = await identity.listCustomerMerges({ source_id: data.id, status: "merged" }, { select: ["id"] })
  const [stillThere] = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: data.id }, { select: ["id"] })
  if (merged || stillThere) {
    return
  }
  await deleteCustomerCrmDataWorkflow(container).run({
    input: { customer_ids: [data.id] },
  })
}

export const config: SubscriberConfig = {
  event: CustomerWorkflowEvents.DELETED,
  context: { subscriberId: "medusa-crm-customer-deleted" },
}
