import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import { assertCustomerExistsStep } from "../steps/assert-customer-exists"
import type { AnonymizeCustomerWorkflowInput } from "./anonymize-customer"
import {
  checkPrivacyGuardsStep,
  createPrivacyRequestStep,
  deletePersonStep,
  privacyLockKey,
  removeErasedFilesStep,
} from "./steps"

export type DeleteCustomerPermanentlyWorkflowInput = AnonymizeCustomerWorkflowInput

/**
 * Deletes a customer and every record of the same person for good, through every customer-data
 * handler (the plugin's, Medusa's (the customer row, addresses, login) and the host app's) in one
 * transaction, with the erasure log (`deleted`) and the request's completion. Only for a person
 * without orders (bookkeeping keeps orders): otherwise 409 `delete_refused`, which says to
 * anonymize instead; also refused on legal hold or while another request is pending. 404 unknown.
 * Emits `crm.customer.erased` `{ id, request_id }`.
 *
 * @example
 * await deleteCustomerPermanentlyWorkflow(container).run({ input: { customer_id: "cus_123", source: "admin" } })
 */
export const deleteCustomerPermanentlyWorkflow = createWorkflow(
  "delete-customer-permanently",
  (input: WorkflowData<DeleteCustomerPermanentlyWorkflowInput>) => {
    const key = transform({ input }, ({ input }) => privacyLockKey(input.customer_id))
    acquireLockStep({ key, timeout: 30, ttl: 300 })
    assertCustomerExistsStep(transform({ input }, ({ input }) => input.customer_id))
    const request = createPrivacyRequestStep(
      transform({ input }, ({ input }) => ({
        customer_id: input.customer_id,
        kind: "delete" as const,
        source: input.source,
        actor_id: input.actor_id ?? null,
      }))
    )
    checkPrivacyGuardsStep(
      transform({ input, request }, ({ input, request }) => ({
        customer_id: input.customer_id,
        kind: "delete" as const,
        source: input.source,
        request_id: request.id,
      }))
    )
    const done = deletePersonStep(
      transform({ input, request }, ({ input, request }) => ({ customer_id: input.customer_id, request_id: request.id }))
    )
    removeErasedFilesStep(transform({ done }, ({ done }) => done.file_ids))
    emitEventStep({
      eventName: CrmEvents.CUSTOMER_ERASED,
      data: transform({ input, request }, ({ input, request }) => ({ id: input.customer_id, request_id: request.id })),
    })
    releaseLockStep({ key })
    const result = transform({ request, done }, ({ request, done }) => ({
      request_id: request.id,
      customer_ids: done.customer_ids,
      record_count: done.record_count,
    }))
    return new WorkflowResponse(result)
  }
)
