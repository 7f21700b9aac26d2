import {
  createHook,
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import type { PrivacyRequestSource } from "../../types/http/privacy"
import { assertCustomerExistsStep } from "../steps/assert-customer-exists"
import {
  anonymizePersonStep,
  checkPrivacyGuardsStep,
  createPrivacyRequestStep,
  privacyLockKey,
  removeErasedFilesStep,
} from "./steps"

export type AnonymizeCustomerWorkflowInput = {
  customer_id: string
  /** Who asks: an admin user, the customer in the storefront, the retention job, or an API client. */
  source: PrivacyRequestSource
  /** The admin user who asked (recorded on the request). */
  actor_id?: string | null
}

/**
 * Anonymizes a customer and every record of the same person (merged-away records, records with
 * one of their e-mails) for good (GDPR Art. 17). The request is recorded first (ids only), then
 * refused (409 `anonymize_refused`, 403 `privacy_action_disabled`; the request stays `refused`
 * with the code) while anything blocks it: open orders, a legal hold, already anonymized, another
 * pending request, the setting off. Then every customer-data handler anonymizes its share in one
 * transaction with the erasure log and the request's completion. 404 for an unknown customer.
 *
 * Hooks: `customerAnonymizing` (`{ customer_id, customer_ids }`, before anything is changed: throw
 * to refuse) and `customerAnonymized` (`{ customer_id, customer_ids, request_id }`, after).
 * Emits `crm.customer.anonymized` `{ id, request_id, record_count }`.
 *
 * @example
 * await anonymizeCustomerWorkflow(container).run({ input: { customer_id: "cus_123", source: "admin", actor_id: "user_1" } })
 */
export const anonymizeCustomerWorkflow = createWorkflow(
  "anonymize-customer",
  (input: WorkflowData<AnonymizeCustomerWorkflowInput>) => {
    const key = transform({ input }, ({ input }) => privacyLockKey(input.customer_id))
    acquireLockStep({ key, timeout: 30, ttl: 300 })
    assertCustomerExistsStep(transform({ input }, ({ input }) => input.customer_id))
    const request = createPrivacyRequestStep(
      transform({ input }, ({ input }) => ({
        customer_id: input.customer_id,
        kind: "anonymize" as const,
        source: input.source,
        actor_id: input.actor_id ?? null,
      }))
    )
    const records = checkPrivacyGuardsStep(
      transform({ input, request }, ({ input, request }) => ({
        customer_id: input.customer_id,
        kind: "anonymize" as const,
        source: input.source,
        request_id: request.id,
      }))
    )
    const anonymizing = createHook(
      "customerAnonymizing",
      transform({ input, records }, ({ input, records }) => ({
        customer_id: input.customer_id,
        customer_ids: records.customer_ids,
      }))
    )
    const done = anonymizePersonStep(
      transform({ input, request }, ({ input, request }) => ({ customer_id: input.customer_id, request_id: request.id }))
    )
    removeErasedFilesStep(transform({ done }, ({ done }) => done.file_ids))
    emitEventStep({
      eventName: CrmEvents.CUSTOMER_ANONYMIZED,
      data: transform({ input, request, done }, ({ input, request, done }) => ({
        id: input.customer_id,
        request_id: request.id,
        record_count: done.record_count,
      })),
    })
    const anonymized = createHook(
      "customerAnonymized",
      transform({ input, request, done }, ({ input, request, done }) => ({
        customer_id: input.customer_id,
        customer_ids: done.customer_ids,
        request_id: request.id,
      }))
    )
    releaseLockStep({ key })
    const result = transform({ request, done }, ({ request, done }) => ({
      request_id: request.id,
      customer_ids: done.customer_ids,
      record_count: done.record_count,
    }))
    return new WorkflowResponse(result, { hooks: [anonymizing, anonymized] })
  }
)
