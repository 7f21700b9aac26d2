import {
  createHook,
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  collectCustomerBenefitSourcesStep,
  deleteCustomerDataStep,
  recomputeCustomerInsightsStep,
  releaseBenefitGroupsStep,
  removeReleasedFilesStep,
} from "./steps"

export type DeleteCustomerCrmDataWorkflowInput = {
  customer_ids: string[]
}

export const deleteCustomerCrmDataWorkflowId = "delete-customer-crm-data"

/**
 * Removes what the plugin and the host app keep about customers who are deleted, through every
 * customer-data handler of the plugin's and the app's modules (Medusa deletes its own records):
 * notes, tags, the profile with its photo file, stores, the loyalty account with its ledger,
 * memberships and places as co-member, alternate e-mails, identity claims, the archive mark and
 * merges (for good, soft-deleted rows included, so the addresses are free for other customers),
 * metrics, and replayed answers that name them. Before that, the customers and the co-members of
 * their active memberships leave the benefit groups those gave them (unless another tag or
 * membership still gives it); after it, metrics are recomputed (a deleted customer has none,
 * however many orders stay filed under them) and released files removed. Running it again finds
 * nothing and changes nothing. No event per note or tag is emitted (the customer is gone); hook
 * `customerDataDeleted` (`{ customer_ids }`) runs once the rows are gone, before the files.
 *
 * What a failure can undo: the benefit groups (put back), and the deleted rows of every table that
 * names its customer (put back as they were, from a copy read while deleting). What it cannot: rows
 * that belong to a customer only through a parent (e-mails sent from a note, a membership's
 * history, co-members' places on a deleted membership) and replayed answers, once deleted; and
 * files, which is why they are removed last, when nothing can fail any more.
 *
 * @example
 * await deleteCustomerCrmDataWorkflow(container).run({ input: { customer_ids: ["cus_123"] } })
 */
export const deleteCustomerCrmDataWorkflow = createWorkflow(
  deleteCustomerCrmDataWorkflowId,
  (input: WorkflowData<DeleteCustomerCrmDataWorkflowInput>) => {
    const sources = collectCustomerBenefitSourcesStep(input.customer_ids)
    releaseBenefitGroupsStep(transform({ sources }, ({ sources }) => ({ sources })))
    const deleted = deleteCustomerDataStep(
      transform({ input }, ({ input }) => ({ customer_ids: input.customer_ids, owners: ["app" as const, "plugin" as const] }))
    )
    // Metrics exist for live customers only: recomputing a deleted customer's removes any left.
    recomputeCustomerInsightsStep(input.customer_ids)
    const customerDataDeleted = createHook("customerDataDeleted", { customer_ids: input.customer_ids })
    // Last: a removed file cannot be brought back by a compensation.
    when({ deleted }, ({ deleted }) => deleted.file_ids.length > 0).then(() => {
      removeReleasedFilesStep(transform({ deleted }, ({ deleted }) => deleted.file_ids))
    })
    return new WorkflowResponse(void 0, { hooks: [customerDataDeleted] })
  }
)
