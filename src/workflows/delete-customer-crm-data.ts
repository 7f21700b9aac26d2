import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { deleteFilesStep } from "@medusajs/medusa/core-flows"
import { deleteCustomerNotesWorkflow } from "./delete-customer-notes"
import { removeCustomerTagsWorkflow } from "./remove-customer-tags"
import {
  deleteCustomerIdentityDataStep,
  deleteCustomerMembershipsStep,
  deleteCustomerProfilesStep,
  deleteLoyaltyAccountsStep,
  recomputeCustomerInsightsStep,
  releaseBenefitGroupsStep,
} from "./steps"

export type DeleteCustomerCrmDataWorkflowInput = {
  customer_ids: string[]
}

export const deleteCustomerCrmDataWorkflowId = "delete-customer-crm-data"

/**
 * Removes what the plugin keeps about customers who are deleted: notes, tags (and the benefit
 * group memberships they gave), the profile with its photo file, store assignments, the loyalty account with its ledger, and their memberships (co-members of
 * those lose the benefit group); their alternate e-mails, identity claims and archive mark (for
 * good, so the addresses are free for other customers); and their metrics (a deleted customer has
 * none, however many orders stay filed under them). Merge records stay. Running it again finds
 * nothing and changes nothing.
 *
 * @example
 * await deleteCustomerCrmDataWorkflow(container).run({ input: { customer_ids: ["cus_123"] } })
 */
export const deleteCustomerCrmDataWorkflow = createWorkflow(
  deleteCustomerCrmDataWorkflowId,
  (input: WorkflowData<DeleteCustomerCrmDataWorkflowInput>) => {
    deleteCustomerNotesWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ customer_ids: input.customer_ids })),
    })
    removeCustomerTagsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        customer_ids: input.customer_ids,
        silent: true,
      })),
    })
    deleteLoyaltyAccountsStep(input.customer_ids)
    const orphaned = deleteCustomerMembershipsStep(input.customer_ids)
    releaseBenefitGroupsStep(transform({ orphaned }, ({ orphaned }) => ({ sources: orphaned })))
    const profiles = deleteCustomerProfilesStep(input.customer_ids)
    deleteCustomerIdentityDataStep(input.customer_ids)
    // Metrics exist for live customers only: recomputing a deleted customer's removes them.
    recomputeCustomerInsightsStep(input.customer_ids)
    // Last: a deleted file cannot be brought back by a compensation.
    when({ profiles }, ({ profiles }) => profiles.photo_file_ids.length > 0).then(() => {
      deleteFilesStep(transform({ profiles }, ({ profiles }) => profiles.photo_file_ids))
    })
    return new WorkflowResponse(void 0)
  }
)
