import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import { recordCustomerNoteEmailStep, sendNoteEmailStep, validateNoteEmailStep } from "./steps"

/** The notification template id a provider sees for an e-mailed note. */
export const CUSTOMER_NOTE_EMAIL_TEMPLATE = "crm-customer-note"

export type EmailCustomerNoteWorkflowInput = {
  customer_id: string
  note_id: string
  /** Defaults to the customer's e-mail address. */
  to?: string | null
  /** The admin user who sends it. */
  actor_id?: string | null
  /** The subject line; "A message from us" when not given. */
  subject?: string
}

export const emailCustomerNoteWorkflowId = "email-customer-note"

/**
 * E-mails a note to the customer through Medusa's notification module (channel `email`, template
 * `crm-customer-note`) and records when, to which address and by whom. The note text travels in
 * the notification's `content` (subject, text); `data` holds ids only.
 *
 * @example
 * await emailCustomerNoteWorkflow(container).run({
 *   input: { customer_id: "cus_123", note_id: "cnote_123", actor_id: "user_123" },
 * })
 */
export const emailCustomerNoteWorkflow = createWorkflow(
  emailCustomerNoteWorkflowId,
  (input: WorkflowData<EmailCustomerNoteWorkflowInput>) => {
    const target = validateNoteEmailStep({
      customer_id: input.customer_id,
      note_id: input.note_id,
      to: input.to,
    })

    const notification = sendNoteEmailStep(
      transform({ input, target }, ({ input, target }) => ({
        to: target.to,
        channel: "email",
        template: CUSTOMER_NOTE_EMAIL_TEMPLATE,
        content: {
          subject: input.subject ?? "A message from us",
          text: target.first_name ? `Dear ${target.first_name},\n\n${target.body}` : target.body,
        },
        data: { note_id: input.note_id, customer_id: input.customer_id },
        trigger_type: CrmEvents.CUSTOMER_NOTE_EMAILED,
        resource_id: input.note_id,
        resource_type: "customer_note",
        receiver_id: input.customer_id,
      }))
    )

    const email = recordCustomerNoteEmailStep(
      transform({ input, target, notification }, ({ input, target, notification }) => ({
        note_id: input.note_id,
        to: target.to,
        sent_by_id: input.actor_id ?? null,
        notification_id: notification?.id ?? null,
      }))
    )

    emitEventStep({
      eventName: CrmEvents.CUSTOMER_NOTE_EMAILED,
      data: transform({ input, email }, ({ input, email }) => ({
        id: input.note_id,
        customer_id: input.customer_id,
        email_id: email.id,
      })),
    })

    return new WorkflowResponse(email)
  }
)
