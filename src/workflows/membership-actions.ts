import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  releaseLockStep,
  sendNotificationsStep,
} from "@medusajs/medusa/core-flows"
import {
  changeMembershipSharesStep,
  createMembershipsStep,
  emitMembershipEventsStep,
  joinBenefitGroupsStep,
  prepareMembershipChangeStep,
  prepareMembershipRemindersStep,
  recordMembershipEventsStep,
  recordSystemNotesStep,
  releaseBenefitGroupsStep,
  setMembershipJoinedFlagsStep,
  updateMembershipsStep,
  type MembershipAction,
  type MembershipChange,
} from "./steps"

type ActionInput<A extends MembershipAction["action"]> = Omit<Extract<MembershipAction, { action: A }>, "action">

/**
 * The writes every membership action shares, in this order: new records, updates, co-members;
 * groups released (before joining, so a gift moves the group from giver to receiver), groups joined
 * with the records' flags; history; timeline notes; the events (one per kind of change). Each step
 * compensates.
 */
function applyMembershipChange(change: WorkflowData<MembershipChange>) {
  createMembershipsStep(transform({ change }, ({ change }) => change.create))
  updateMembershipsStep(transform({ change }, ({ change }) => change.update))
  changeMembershipSharesStep(
    transform({ change }, ({ change }) => ({
      create_shares: change.create_shares,
      delete_shares: change.delete_shares,
      update_shares: change.update_shares,
    }))
  )
  releaseBenefitGroupsStep(transform({ change }, ({ change }) => ({ sources: change.release })))
  const added = joinBenefitGroupsStep(
    transform({ change }, ({ change }) =>
      change.join.map((j) => ({ customer_id: j.customer_id, customer_group_id: j.customer_group_id }))
    )
  )
  setMembershipJoinedFlagsStep(transform({ change, added }, ({ change, added }) => ({ joins: change.join, added })))
  recordMembershipEventsStep(transform({ change }, ({ change }) => change.events))
  recordSystemNotesStep(transform({ change }, ({ change }) => change.notes))
  emitMembershipEventsStep(transform({ change }, ({ change }) => change.emit))
  return transform({ change }, ({ change }) => ({ membership_ids: change.membership_ids }))
}

function membershipActionWorkflow<A extends MembershipAction["action"]>(id: string, action: A) {
  return createWorkflow(id, (input: WorkflowData<ActionInput<A>>) => {
    const change = prepareMembershipChangeStep(
      transform({ input }, ({ input }) => ({ ...(input as object), action }) as unknown as MembershipAction)
    )
    return new WorkflowResponse(applyMembershipChange(change))
  })
}

/**
 * Gives a customer a membership of a plan: a new number, starting now (or `starts_at`) and
 * running the plan's duration (or until `expires_at`), with the plan's benefit group.
 *
 * @example
 * await assignMembershipWorkflow(container).run({
 *   input: { customer_id: "cus_123", plan_id: "mplan_123", actor: { type: "admin", id: "user_1" } },
 * })
 */
export const assignMembershipWorkflow = membershipActionWorkflow("assign-membership", "assign")

/**
 * Sets a membership's expiry. A date in the past expires it at once (leaving the benefit group); a
 * future date on an expired membership makes it active again. 400 for a cancelled membership or a
 * date before the start.
 *
 * @example
 * await editMembershipExpirationWorkflow(container).run({
 *   input: { membership_id: "mship_123", expires_at: "2027-06-30", actor: { type: "admin", id: "user_1" } },
 * })
 */
export const editMembershipExpirationWorkflow = membershipActionWorkflow("edit-membership-expiration", "edit_expiration")

/**
 * Extends a membership by its plan's duration from the later of now and its expiry, making an
 * expired one active again and undoing a scheduled cancellation. 400 for cancelled or lifetime.
 *
 * @example
 * await renewMembershipWorkflow(container).run({ input: { membership_id: "mship_123", actor: { type: "admin" } } })
 */
export const renewMembershipWorkflow = membershipActionWorkflow("renew-membership", "renew")

/**
 * Cancels a membership now (out of the benefit group at once) or at the end of its period (the
 * expiry job then cancels it instead of expiring it).
 *
 * @example
 * await cancelMembershipWorkflow(container).run({
 *   input: { membership_id: "mship_123", at: "period_end", actor: { type: "admin" } },
 * })
 */
export const cancelMembershipWorkflow = membershipActionWorkflow("cancel-membership", "cancel")

/**
 * Gives a membership to another customer: they become the holder and get the benefit group; the
 * giver leaves it (unless something else of theirs gives it). Co-members stay.
 *
 * @example
 * await giftMembershipWorkflow(container).run({
 *   input: { membership_id: "mship_123", to_customer_id: "cus_456", actor: { type: "admin" } },
 * })
 */
export const giftMembershipWorkflow = membershipActionWorkflow("gift-membership", "gift")

/**
 * Adds a co-member, up to the plan's `max_shares`; they get the benefit group while it is active.
 *
 * @example
 * await shareMembershipWorkflow(container).run({
 *   input: { membership_id: "mship_123", share_customer_id: "cus_456", actor: { type: "admin" } },
 * })
 */
export const shareMembershipWorkflow = membershipActionWorkflow("share-membership", "share")

/**
 * Removes a co-member (and their benefit group, unless something else gives it).
 *
 * @example
 * await unshareMembershipWorkflow(container).run({
 *   input: { membership_id: "mship_123", share_customer_id: "cus_456", actor: { type: "admin" } },
 * })
 */
export const unshareMembershipWorkflow = membershipActionWorkflow("unshare-membership", "unshare")

/**
 * Ends the given memberships that are due at `now`: expired, or cancelled when that was scheduled
 * for the period's end; holders and co-members leave the benefit group. Memberships renewed
 * meanwhile are left alone, so a page can be run twice.
 *
 * @example
 * await expireMembershipsWorkflow(container).run({ input: { membership_ids: ["mship_123"], now: new Date() } })
 */
export const expireMembershipsWorkflow = membershipActionWorkflow("expire-memberships", "expire")

/**
 * What `order.placed` does to memberships: each line with a plan's variant creates a membership or
 * renews the customer's active one, by its quantity in periods; once per line, however often it
 * runs. Runs for one order at a time (a lock on the order id), so two deliveries of the same event
 * at once see each other's work instead of racing to the unique index.
 *
 * @example
 * await purchaseMembershipsWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const purchaseMembershipsWorkflow = createWorkflow(
  "purchase-memberships",
  (input: WorkflowData<{ order_id: string }>) => {
    const key = transform({ input }, ({ input }) => `medusa-crm:membership-purchase:${input.order_id}`)
    acquireLockStep({ key, timeout: 30, ttl: 120 })
    const change = prepareMembershipChangeStep(
      transform({ input }, ({ input }) => ({ action: "purchase" as const, order_id: input.order_id }))
    )
    const result = applyMembershipChange(change)
    releaseLockStep({ key })
    return new WorkflowResponse(result)
  }
)

/**
 * What `order.canceled` does to memberships: a membership the order bought is cancelled, a renewal
 * it made is rolled back. Once: what was taken back is not taken back again.
 *
 * @example
 * await revokeMembershipPurchasesWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const revokeMembershipPurchasesWorkflow = createWorkflow(
  "revoke-membership-purchases",
  (input: WorkflowData<{ order_id: string }>) => {
    const key = transform({ input }, ({ input }) => `medusa-crm:membership-purchase:${input.order_id}`)
    acquireLockStep({ key, timeout: 30, ttl: 120 })
    const change = prepareMembershipChangeStep(
      transform({ input }, ({ input }) => ({ action: "revoke_purchase" as const, order_id: input.order_id }))
    )
    const result = applyMembershipChange(change)
    releaseLockStep({ key })
    return new WorkflowResponse(result)
  }
)

/**
 * What `payment.refunded` does to memberships: an order line that bought a membership or renewed
 * one, and that the order's refunds now cover (its total with tax; all refunds of the order
 * together, the order's other items counted first unless the membership line was returned), is
 * taken back as on a cancel. A line not covered keeps its membership, with a system note on the
 * holder's timeline for each new refunded amount. Once: a second run changes nothing. Shares the
 * purchase lock of the order, so it never overlaps a purchase or cancel of the same order.
 *
 * @example
 * await revokeRefundedMembershipPurchasesWorkflow(container).run({ input: { order_id: "order_123" } })
 */
export const revokeRefundedMembershipPurchasesWorkflow = createWorkflow(
  "revoke-refunded-membership-purchases",
  (input: WorkflowData<{ order_id: string }>) => {
    const key = transform({ input }, ({ input }) => `medusa-crm:membership-purchase:${input.order_id}`)
    acquireLockStep({ key, timeout: 30, ttl: 120 })
    const change = prepareMembershipChangeStep(
      transform({ input }, ({ input }) => ({ action: "refund_purchase" as const, order_id: input.order_id }))
    )
    const result = applyMembershipChange(change)
    releaseLockStep({ key })
    return new WorkflowResponse(result)
  }
)

/** The template name of the membership expiry reminder e-mail, for the notification provider. */
export const MEMBERSHIP_REMINDER_TEMPLATE = "membership-expiring"

/**
 * E-mails the holders of the given memberships that expire within their plan's reminder days
 * (notification module, template `membership-expiring`), once per expiry date: the membership
 * remembers the date it was reminded for, and the notification's idempotency key stops a resend.
 *
 * @example
 * await sendMembershipRemindersWorkflow(container).run({ input: { membership_ids: ["mship_123"], now: new Date() } })
 */
export const sendMembershipRemindersWorkflow = createWorkflow(
  "send-membership-reminders",
  (input: WorkflowData<{ membership_ids: string[]; now: Date }>) => {
    const reminders = prepareMembershipRemindersStep(input)
    sendNotificationsStep(
      transform({ reminders }, ({ reminders }) =>
        reminders.map((r) => ({
          to: r.email,
          channel: "email",
          template: MEMBERSHIP_REMINDER_TEMPLATE,
          resource_type: "membership",
          resource_id: r.membership_id,
          receiver_id: r.customer_id,
          idempotency_key: `membership-expiry:${r.membership_id}:${r.expires_at}`,
          content: {
            subject: `Your ${r.plan_name} membership expires on ${r.expires_at.slice(0, 10)}`,
            text: `Your ${r.plan_name} membership ${r.number} expires on ${r.expires_at.slice(0, 10)}. Renew it to keep your benefits.`,
          },
          data: { membership_id: r.membership_id, number: r.number, plan_name: r.plan_name, expires_at: r.expires_at },
        }))
      )
    )
    updateMembershipsStep(
      transform({ reminders }, ({ reminders }) =>
        reminders.map((r) => ({ id: r.membership_id, reminded_for: new Date(r.expires_at) }))
      )
    )
    return new WorkflowResponse(reminders)
  }
)
