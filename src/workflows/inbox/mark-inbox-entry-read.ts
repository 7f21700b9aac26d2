import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import type { InboxSection } from "../../lib/messages/inbox"
import { inboxEntryLockKey } from "../../lib/messages/personal-promotions"
import { prepareInboxReadStep, updateInboxEntriesStep } from "./steps"

export type MarkInboxEntryReadWorkflowInput = {
  /** The logged-in customer: only their own entries. */
  customer_id: string
  entry_id: string
  /** Where the storefront opened it: a message, or an offer. */
  section: InboxSection
}

export const markInboxEntryReadWorkflowId = "mark-inbox-entry-read"

/**
 * Marks a message or offer read the first time its customer opens it in the storefront, and emits
 * `crm.customer_inbox_entry.read` that once. Under the entry's lock, so two opens at the same moment
 * mark and announce it once. 404 when the entry is not the customer's.
 *
 * @example
 * await markInboxEntryReadWorkflow(container).run({
 *   input: { customer_id: "cus_123", entry_id: "cinb_123", section: "messages" },
 * })
 */
export const markInboxEntryReadWorkflow = createWorkflow(
  markInboxEntryReadWorkflowId,
  (input: WorkflowData<MarkInboxEntryReadWorkflowInput>) => {
    const key = transform({ input }, ({ input }) => inboxEntryLockKey(input.entry_id))
    acquireLockStep({ key, timeout: 15, ttl: 60 })
    const plan = prepareInboxReadStep(input)
    updateInboxEntriesStep(transform({ plan }, ({ plan }) => plan.updates))
    when({ plan }, ({ plan }) => plan.updates.length > 0).then(() => {
      emitEventStep({
        eventName: CrmEvents.INBOX_ENTRY_READ,
        data: transform({ plan }, ({ plan }) => ({
          id: plan.entry.id,
          customer_id: plan.entry.customer_id,
          campaign_id: plan.entry.campaign_id,
        })),
      })
    })
    releaseLockStep({ key })
    return new WorkflowResponse(transform({ plan }, ({ plan }) => ({ id: plan.entry.id, changed: plan.updates.length > 0 })))
  }
)
