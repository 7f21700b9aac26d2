import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import { archiveCustomerStep, assertCustomerExistsStep, recordSystemNotesStep, restoreCustomerStep } from "./steps"
import { noteEvent } from "../lib/system-notes"

/**
 * Archives a customer: hidden from the CRM's default lists and duplicate groups, restorable;
 * nothing is deleted. 404 unknown customer, 409 already archived. A system note records it.
 *
 * @example
 * await archiveCustomerWorkflow(container).run({ input: { customer_id: "cus_123", reason: "Moved abroad" } })
 */
export const archiveCustomerWorkflow = createWorkflow(
  "archive-customer",
  (input: WorkflowData<{ customer_id: string; reason?: string | null; actor_id?: string | null }>) => {
    assertCustomerExistsStep(input.customer_id)
    const archived = archiveCustomerStep(input)
    recordSystemNotesStep(
      transform({ input }, ({ input }) => [
        {
          customer_id: input.customer_id,
          body: `Customer archived${input.reason ? `: ${input.reason}` : ""}`,
          event: input.reason
            ? noteEvent("customer_archived_with_reason", { reason: input.reason })
            : noteEvent("customer_archived"),
          author_id: input.actor_id ?? null,
        },
      ])
    )
    emitEventStep({ eventName: CrmEvents.CUSTOMER_ARCHIVED, data: { customer_id: input.customer_id } })
    return new WorkflowResponse(archived)
  }
)

/**
 * Restores an archived customer to the lists. 404 unknown customer, 409 not archived.
 *
 * @example
 * await restoreCustomerWorkflow(container).run({ input: { customer_id: "cus_123" } })
 */
export const restoreCustomerWorkflow = createWorkflow(
  "restore-customer",
  (input: WorkflowData<{ customer_id: string; actor_id?: string | null }>) => {
    assertCustomerExistsStep(input.customer_id)
    restoreCustomerStep(input)
    recordSystemNotesStep(
      transform({ input }, ({ input }) => [
        { customer_id: input.customer_id, body: "Customer restored from the archive", event: noteEvent("customer_restored"), author_id: input.actor_id ?? null },
      ])
    )
    emitEventStep({ eventName: CrmEvents.CUSTOMER_RESTORED, data: { customer_id: input.customer_id } })
    return new WorkflowResponse(input.customer_id)
  }
)
