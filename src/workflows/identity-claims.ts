import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import {
  createIdentityClaimStep,
  mergeClaimedRecordsStep,
  validateClaimableAddressStep,
  verifyIdentityClaimStep,
} from "./steps/identity-claims"

/** The notification template of the e-mail that carries a claim's code. */
export const IDENTITY_CLAIM_TEMPLATE = "identity-claim-code"

/**
 * A storefront customer asks to claim an e-mail address (and the guest orders placed with it): a
 * one-time code goes to that address through the notification module. Nothing else changes until
 * the code comes back (`confirmIdentityClaimWorkflow`). The answer never tells whether the
 * address has orders, so it cannot be used to probe other people's addresses. Refused (400) for
 * the customer's own primary address, another online account's address and an address the
 * customer already proved, where there is nothing to claim; 429 past the claim limits.
 *
 * The code travels only in the notification's `content`, which Medusa hands to the provider and
 * does not store; the stored `data` holds the claim id and expiry, and the claim only a salted hash.
 * The code passes between this workflow's steps, so the workflow must stay unstored (no async
 * steps, no retention time): a stored execution would keep the step outputs.
 *
 * @example
 * await requestIdentityClaimWorkflow(container).run({ input: { customer_id: "cus_123", email: "me@example.com" } })
 */
export const requestIdentityClaimWorkflow = createWorkflow(
  "request-identity-claim",
  (input: WorkflowData<{ customer_id: string; email: string }>) => {
    validateClaimableAddressStep(input)
    const created = createIdentityClaimStep(input)
    sendNotificationsStep(
      transform({ created }, ({ created }) => {
        const until = `${new Date(created.claim.expires_at).toISOString().slice(11, 16)} UTC`
        return [
          {
            to: created.claim.email,
            channel: "email",
            template: IDENTITY_CLAIM_TEMPLATE,
            resource_type: "customer_identity_claim",
            resource_id: created.claim.id,
            idempotency_key: `identity-claim:${created.claim.id}`,
            content: {
              subject: `Your code: ${created.code}`,
              text: `Enter ${created.code} to add this address and its earlier orders to your account. The code works once and expires at ${until}. If you did not ask for it, ignore this e-mail.`,
              html: `<p>Enter <strong>${created.code}</strong> to add this address and its earlier orders to your account.</p><p>The code works once and expires at ${until}. If you did not ask for it, ignore this e-mail.</p>`,
            },
            // Stored by Medusa and shown in the admin: never the code.
            data: { claim_id: created.claim.id, expires_at: created.claim.expires_at },
          },
        ]
      })
    )
    emitEventStep({
      eventName: CrmEvents.CUSTOMER_CLAIM_REQUESTED,
      data: transform({ created, input }, ({ created, input }) => ({ id: created.claim.id, customer_id: input.customer_id })),
    })
    return new WorkflowResponse(transform({ created }, ({ created }) => created.claim))
  }
)

/**
 * Confirms a claim with its code: the claim is spent, and the guest records filed under the address
 * are linked to the customer, orders included (see `mergeClaimedRecordsStep`). 400 wrong code
 * (counted), 404 not the customer's claim, 409 used, replaced, expired or too many wrong codes,
 * 429 too many wrong codes for the address today. At most `MAX_CLAIM_ATTEMPTS` wrong codes are
 * evaluated per claim, however many requests arrive at once.
 *
 * @example
 * await confirmIdentityClaimWorkflow(container).run({ input: { claim_id: "cclaim_1", customer_id: "cus_123", code: "123456" } })
 */
export const confirmIdentityClaimWorkflow = createWorkflow(
  "confirm-identity-claim",
  (input: WorkflowData<{ claim_id: string; customer_id: string; code: string }>) => {
    const claim = verifyIdentityClaimStep(input)
    const merged = mergeClaimedRecordsStep(
      transform({ claim, input }, ({ claim, input }) => ({ customer_id: input.customer_id, email: claim.email }))
    )
    emitEventStep({
      eventName: CrmEvents.CUSTOMER_CLAIM_CONFIRMED,
      data: transform({ claim, input, merged }, ({ claim, input, merged }) => ({
        id: claim.id,
        customer_id: input.customer_id,
        merge_ids: merged.merge_ids,
      })),
    })
    return new WorkflowResponse(
      transform({ claim, merged }, ({ claim, merged }) => ({
        id: claim.id,
        email: claim.email,
        status: "confirmed" as const,
        records_linked: merged.records,
      }))
    )
  }
)
