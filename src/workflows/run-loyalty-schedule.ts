import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import {
  expireLoyaltyPointsStep,
  prepareExpiryRemindersStep,
  releaseDueLoyaltyPointsStep,
  updateLoyaltyAccountsStep,
} from "./steps"

/** The template name of the expiry reminder e-mail, for the notification provider. */
export const LOYALTY_EXPIRY_REMINDER_TEMPLATE = "loyalty-points-expiring"

export const releaseDueLoyaltyPointsWorkflowId = "release-due-loyalty-points"

/**
 * Makes one page of pending points available once their pending days are over.
 *
 * @example
 * await releaseDueLoyaltyPointsWorkflow(container).run({ input: { now: new Date(), limit: 500 } })
 */
export const releaseDueLoyaltyPointsWorkflow = createWorkflow(
  releaseDueLoyaltyPointsWorkflowId,
  (input: WorkflowData<{ now: Date; limit: number }>) => {
    return new WorkflowResponse(releaseDueLoyaltyPointsStep(input))
  }
)

export const expireLoyaltyPointsWorkflowId = "expire-loyalty-points"

/**
 * Expires, for a page of accounts, the points that passed their expiry date (oldest first).
 *
 * @example
 * await expireLoyaltyPointsWorkflow(container).run({ input: { account_ids: ["lyacc_1"], now: new Date() } })
 */
export const expireLoyaltyPointsWorkflow = createWorkflow(
  expireLoyaltyPointsWorkflowId,
  (input: WorkflowData<{ account_ids: string[]; now: Date }>) => {
    const expired = expireLoyaltyPointsStep(input)
    emitEventStep({
      eventName: CrmEvents.LOYALTY_POINTS_EXPIRED,
      data: transform({ expired }, ({ expired }) =>
        expired.map((e) => ({ id: e.id, customer_id: e.customer_id, points: e.points }))
      ),
    })
    return new WorkflowResponse(expired)
  }
)

export const sendLoyaltyExpiryRemindersWorkflowId = "send-loyalty-expiry-reminders"

/**
 * E-mails the customers of a page of accounts whose points expire by `until` (the notification
 * module, template `loyalty-points-expiring`), once per account and window: the account remembers
 * it was reminded through `until`, and the notification's idempotency key stops a resend.
 *
 * @example
 * await sendLoyaltyExpiryRemindersWorkflow(container).run({ input: { account_ids: ["lyacc_1"], until, now } })
 */
export const sendLoyaltyExpiryRemindersWorkflow = createWorkflow(
  sendLoyaltyExpiryRemindersWorkflowId,
  (input: WorkflowData<{ account_ids: string[]; until: Date; now: Date }>) => {
    const reminders = prepareExpiryRemindersStep(input)
    sendNotificationsStep(
      transform({ reminders, input }, ({ reminders, input }) =>
        reminders.map((r) => ({
          to: r.email,
          channel: "email",
          template: LOYALTY_EXPIRY_REMINDER_TEMPLATE,
          resource_type: "loyalty_account",
          resource_id: r.account_id,
          receiver_id: r.customer_id,
          idempotency_key: `loyalty-expiry:${r.account_id}:${new Date(input.until).toISOString()}`,
          content: {
            subject: `${r.points.toLocaleString("en-US")} of your points expire on ${r.expires_at.slice(0, 10)}`,
            text: `${r.points.toLocaleString("en-US")} loyalty points expire on ${r.expires_at.slice(0, 10)}. Spend them on your next order before then.`,
          },
          data: {
            points: r.points,
            expires_at: r.expires_at,
            values: r.values,
          },
        }))
      )
    )
    updateLoyaltyAccountsStep(
      transform({ input }, ({ input }) =>
        input.account_ids.map((id) => ({ id, reminded_through: new Date(input.until) }))
      )
    )
    emitEventStep({
      eventName: CrmEvents.LOYALTY_POINTS_EXPIRY_REMINDED,
      data: transform({ reminders }, ({ reminders }) =>
        reminders.map((r) => ({ id: r.account_id, customer_id: r.customer_id, points: r.points }))
      ),
    })
    return new WorkflowResponse(reminders)
  }
)
