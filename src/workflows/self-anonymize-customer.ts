import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { anonymizeCustomerWorkflow } from "./privacy/anonymize-customer"
import {
  confirmSelfAnonymizeStep,
  createPrivacyCodeStep,
  validateSelfAnonymizeAllowedStep,
} from "./steps/self-anonymize"

/** The notification template of the e-mail that carries a self-anonymization code. */
export const PRIVACY_ANONYMIZE_CODE_TEMPLATE = "privacy-anonymize-code"

/**
 * A storefront customer asks for a one-time code to confirm the anonymization of their own data;
 * it goes to their account's e-mail through the notification module. 403 while the store does not
 * let customers anonymize themselves, 429 past the hourly limit.
 *
 * The code travels only in the notification's `content` (Medusa hands it to the provider and does
 * not store it); the stored `data` holds the code's id and expiry, the `privacy_code` row only a
 * salted hash. The code passes between this workflow's steps, so the workflow stays unstored (no
 * async steps, no retention time): a stored execution would keep the step outputs.
 *
 * @example
 * const { result } = await requestAnonymizeCodeWorkflow(container).run({ input: { customer_id: "cus_123" } })
 */
export const requestAnonymizeCodeWorkflow = createWorkflow(
  "request-anonymize-code",
  (input: WorkflowData<{ customer_id: string }>) => {
    const customer = validateSelfAnonymizeAllowedStep(input)
    const created = createPrivacyCodeStep(input)
    sendNotificationsStep(
      transform({ created, customer }, ({ created, customer }) => {
        const until = `${new Date(created.expires_at).toISOString().slice(11, 16)} UTC`
        return [
          {
            to: customer.email ?? "",
            channel: "email",
            template: PRIVACY_ANONYMIZE_CODE_TEMPLATE,
            resource_type: "privacy_code",
            resource_id: created.id,
            idempotency_key: `privacy-anonymize-code:${created.id}`,
            content: {
              subject: `Your code to erase your data: ${created.code}`,
              text: `Enter ${created.code} to confirm that your personal data in this store is erased. This cannot be undone. The code works once and expires at ${until}. If you did not ask for it, ignore this e-mail and change your password.`,
              html: `<p>Enter <strong>${created.code}</strong> to confirm that your personal data in this store is erased. This cannot be undone.</p><p>The code works once and expires at ${until}. If you did not ask for it, ignore this e-mail and change your password.</p>`,
            },
            // Stored by Medusa and shown in the admin: never the code.
            data: { privacy_code_id: created.id, expires_at: created.expires_at },
          },
        ]
      })
    )
    return new WorkflowResponse(transform({ created }, ({ created }) => ({ expires_at: created.expires_at })))
  }
)

/**
 * A storefront customer erases their own data: checks that the store allows it (403), the password
 * or the one-time code (401/403, see `confirmSelfAnonymizeStep`), then runs
 * `anonymizeCustomerWorkflow` with source `store`, which refuses (409) open orders and legal
 * holds; a refusal gives the code back. Afterwards the customer's tokens and sessions are refused
 * on the store routes (the erasure log).
 *
 * The password passes as input: the workflow stays unstored (no async steps, no retention time).
 *
 * @example
 * await selfAnonymizeCustomerWorkflow(container).run({
 *   input: { customer_id: "cus_123", auth_identity_id: "authid_1", password: "…" },
 * })
 */
export const selfAnonymizeCustomerWorkflow = createWorkflow(
  "self-anonymize-customer",
  (input: WorkflowData<{ customer_id: string; auth_identity_id: string; password?: string; code?: string }>) => {
    validateSelfAnonymizeAllowedStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id })))
    confirmSelfAnonymizeStep(input)
    const anonymized = anonymizeCustomerWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        customer_id: input.customer_id,
        source: "store" as const,
        actor_id: input.customer_id,
      })),
    })
    return new WorkflowResponse(anonymized)
  }
)
