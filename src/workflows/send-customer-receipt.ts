import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import { prepareReceiptStep, recordSystemNotesStep } from "./steps"
import { noteEvent } from "../lib/system-notes"

/** The template name of the receipt e-mail, for the notification provider. */
export const CUSTOMER_RECEIPT_TEMPLATE = "crm-order-receipt"

export type SendCustomerReceiptWorkflowInput = {
  customer_id: string
  order_id: string
  /** Another address; the customer's own when absent. */
  to?: string | null
  actor_id?: string | null
}

/**
 * E-mails a copy of an order's receipt through the notification module (template
 * `crm-order-receipt`, the receipt in `content`), with a line on the customer's timeline.
 *
 * @example
 * await sendCustomerReceiptWorkflow(container).run({ input: { customer_id: "cus_123", order_id: "order_123" } })
 */
export const sendCustomerReceiptWorkflow = createWorkflow(
  "send-customer-receipt",
  (input: WorkflowData<SendCustomerReceiptWorkflowInput>) => {
    const receipt = prepareReceiptStep(input)
    const sent = sendNotificationsStep(
      transform({ receipt }, ({ receipt }) => [
        {
          to: receipt.to,
          channel: "email",
          template: CUSTOMER_RECEIPT_TEMPLATE,
          resource_type: "order",
          resource_id: receipt.order_id,
          receiver_id: receipt.customer_id,
          content: { subject: receipt.subject, text: receipt.text },
          data: { order_id: receipt.order_id, customer_id: receipt.customer_id },
        },
      ])
    )
    recordSystemNotesStep(
      transform({ receipt, input }, ({ receipt, input }) => [
        {
          customer_id: receipt.customer_id,
          body: `Receipt for order #${receipt.display_id} e-mailed to ${receipt.to_customer ? "the customer" : receipt.to}`,
          event: receipt.to_customer
            ? noteEvent("receipt_emailed_customer", { display_id: receipt.display_id })
            : noteEvent("receipt_emailed", { display_id: receipt.display_id, to: receipt.to }),
          author_id: input.actor_id ?? null,
        },
      ])
    )
    emitEventStep({
      eventName: CrmEvents.CUSTOMER_RECEIPT_SENT,
      data: transform({ receipt, sent }, ({ receipt, sent }) => ({
        order_id: receipt.order_id,
        customer_id: receipt.customer_id,
        notification_id: sent[0]?.id ?? null,
      })),
    })
    return new WorkflowResponse(
      transform({ receipt, sent }, ({ receipt, sent }) => ({
        notification_id: sent[0]?.id ?? null,
        to: receipt.to,
        sent_at: new Date(),
      }))
    )
  }
)
