import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CrmEvents } from "../lib/events"
import { syncCustomersIntoSegments } from "../workflows/segments/run"

/** Events whose payload names the customer as `customer_id` (tags, memberships, loyalty, archive). */
const BY_CUSTOMER_ID = [
  CrmEvents.CUSTOMER_TAG_ADDED,
  CrmEvents.CUSTOMER_TAG_UPDATED,
  CrmEvents.CUSTOMER_TAG_REMOVED,
  CrmEvents.MEMBERSHIP_CREATED,
  CrmEvents.MEMBERSHIP_RENEWED,
  CrmEvents.MEMBERSHIP_EXPIRATION_EDITED,
  CrmEvents.MEMBERSHIP_CANCEL_SCHEDULED,
  CrmEvents.MEMBERSHIP_CANCELLED,
  CrmEvents.MEMBERSHIP_EXPIRED,
  CrmEvents.MEMBERSHIP_GIFTED,
  CrmEvents.MEMBERSHIP_SHARED,
  CrmEvents.MEMBERSHIP_UNSHARED,
  CrmEvents.LOYALTY_POINTS_EARNED,
  CrmEvents.LOYALTY_POINTS_ADJUSTED,
  CrmEvents.LOYALTY_POINTS_REVERSED,
  CrmEvents.LOYALTY_POINTS_REDEEMED,
  CrmEvents.LOYALTY_POINTS_RELEASED,
  CrmEvents.LOYALTY_POINTS_EXPIRED,
  CrmEvents.CUSTOMER_ARCHIVED,
  CrmEvents.CUSTOMER_RESTORED,
]

type Payload = { id?: string; customer_id?: string }

/**
 * Something that can change who matches a segment happened to a customer: each synced segment
 * re-checks just that customer (adds them to its group or takes them out), under the segment's
 * lock. The same event twice changes nothing the second time; a failure marks the segment dirty
 * for the next scheduled pass. Consent changes carry the customer as `id`; the plugin's other
 * events as `customer_id`. Payloads may be lists. Orders, payments and customers created or
 * changed are re-checked by the insight subscribers, once their figures are recomputed.
 */
export default async function segmentCustomerChangedHandler({
  event: { name, data },
  container,
}: SubscriberArgs<Payload | Payload[]>) {
  const byCustomerId = (BY_CUSTOMER_ID as string[]).includes(name)
  const ids = (Array.isArray(data) ? data : [data])
    .map((d) => (byCustomerId ? d?.customer_id : d?.id))
    .filter((id): id is string => typeof id === "string" && !!id)
  await syncCustomersIntoSegments(container, ids)
}

export const config: SubscriberConfig = {
  event: [CrmEvents.CUSTOMER_CONSENT_CHANGED, ...BY_CUSTOMER_ID],
  context: { subscriberId: "medusa-crm-segment-customer-changed" },
}
