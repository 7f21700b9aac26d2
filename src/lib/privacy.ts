import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { getLastFulfillmentStatus, getLastPaymentStatus } from "@medusajs/medusa/core-flows"
import { PRIVACY_MODULE } from "../modules/privacy"
import type PrivacyModuleService from "../modules/privacy/service"
import type { PrivacyRequestRow, PrivacySettingsValues } from "../modules/privacy/service"
import {
  type CustomerPrivacy,
  type PrivacyAction,
  type PrivacyBlocker,
  PrivacyErrorCodes,
  type PrivacyRequest,
  type PrivacyRequestKind,
  type PrivacyRequestSource,
} from "../types/http/privacy"
import { crmError } from "./errors"
import { countWithHandlers, sharedConnection } from "./customer-data"
import { resolvePerson } from "./customer-data/person"
import type { Person } from "./customer-data/types"
import { assertCustomerExists } from "./customers"
import { selectRows } from "./queries/sql"

/** Payment statuses (Medusa's `getLastPaymentStatus`) of an order whose money is settled. */
const SETTLED_PAYMENT = ["captured", "partially_refunded", "refunded"]

/** Fulfillment statuses (Medusa's `getLastFulfillmentStatus`) of an order whose items all went out. */
const DONE_FULFILLMENT = ["fulfilled", "shipped", "delivered"]

/** What Medusa's order list needs to work out payment and fulfillment status. */
const STATUS_FIELDS = [
  "id",
  "display_id",
  "currency_code",
  "items.*",
  "items.detail.*",
  "payment_collections.status",
  "payment_collections.amount",
  "payment_collections.captured_amount",
  "payment_collections.refunded_amount",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
]

/**
 * The person's orders (drafts left out): those of any of their records, and those placed with
 * one of their e-mails under another record. `open_change`: an order change (return, claim,
 * exchange, edit) still pending or requested; `open_return`: a return not yet received or canceled.
 */
async function personOrders(container: MedusaContainer, person: Person) {
  return await selectRows(
    container,
    `SELECT o.id, o.display_id, o.status,
       EXISTS (SELECT 1 FROM order_change oc WHERE oc.order_id = o.id AND oc.deleted_at IS NULL
               AND oc.status IN ('pending', 'requested')) AS open_change,
       EXISTS (SELECT 1 FROM "return" r WHERE r.order_id = o.id AND r.deleted_at IS NULL AND r.canceled_at IS NULL
               AND r.status IN ('open', 'requested', 'partially_received')) AS open_return
     FROM "order" o
     WHERE o.deleted_at IS NULL AND o.is_draft_order = false AND o.status <> 'draft'
       AND (o.customer_id = any(:ids::text[]) OR lower(o.email) = any(:emails::text[]))
     ORDER BY o.display_id`,
    { ids: person.customer_ids, emails: person.emails }
  )
}

/**
 * The person's open orders: not canceled, and neither fully fulfilled nor completed, or with an open return, claim,
 * exchange or edit, or with money not captured (an uncaptured authorization, a payment awaited).
 * Payment and fulfillment status as Medusa's order list shows them.
 */
export async function openOrdersOf(container: MedusaContainer, person: Person): Promise<{ id: string; display_id: number }[]> {
  const orders = (await personOrders(container, person)).filter((o) => o.status !== "canceled")
  if (!orders.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: STATUS_FIELDS,
    filters: { id: orders.map((o) => o.id as string) },
  })
  const byId = new Map<string, any>((data as any[]).map((o) => [o.id as string, o]))
  return orders
    .filter((o) => {
      const order = byId.get(o.id as string)
      if (!order || o.open_change || o.open_return) {
        return true
      }
      const payment = getLastPaymentStatus({ ...order, payment_collections: order.payment_collections ?? [] })
      // An order the merchant completed (Medusa's "Complete order": tickets for a past event,
      // goods handed over at the counter) is done, whether or not anything was shipped.
      const done = o.status === "completed" || DONE_FULFILLMENT.includes(getLastFulfillmentStatus({ ...order, fulfillments: order.fulfillments ?? [] }))
      return !SETTLED_PAYMENT.includes(payment) || !done
    })
    .map((o) => ({ id: o.id as string, display_id: Number(o.display_id) }))
}

/** Why a privacy action is refused while its setting is off (403 `privacy_action_disabled`). */
const ACTION_REFUSALS: Record<PrivacyAction, string> = {
  staff_export: "Exporting customer data is turned off in the privacy settings (staff export).",
  staff_anonymize: "Anonymizing customers is turned off in the privacy settings (staff anonymize).",
  customer_self_export: "Customers may not export their own data in this store: the privacy settings turn it off.",
  customer_self_anonymize: "Customers may not anonymize their own data in this store: the privacy settings turn it off.",
}

export type PrivacyGuardOptions = {
  /** Who asks: the setting that allows it depends on it (staff or the customer themselves). */
  source?: PrivacyRequestSource
  /** The request being carried out, which does not block itself. */
  request_id?: string | null
}

/**
 * Why the person cannot be anonymized (or deleted) now; empty when nothing blocks it.
 * Anonymize: open orders, a legal hold on any of their records, already anonymized, another
 * pending privacy request, or the setting for `source` off (staff anonymize for `admin`,
 * self-anonymize for `store`). Delete: any order at all (bookkeeping keeps orders: anonymize
 * instead), a legal hold, another pending request, or staff anonymize off (it covers the
 * permanent delete too).
 */
export async function privacyBlockers(
  container: MedusaContainer,
  person: Person,
  kind: PrivacyRequestKind,
  options: PrivacyGuardOptions = {}
): Promise<PrivacyBlocker[]> {
  const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
  const source = options.source ?? "admin"
  const blockers: PrivacyBlocker[] = []

  // Staff anonymize also covers the permanent delete: where staff may not erase a customer's
  // data by anonymizing it, they may not delete it outright either.
  const settings = await privacy.getPrivacySettings()
  if ((source === "admin" && !settings.staff_anonymize) || (source === "store" && !settings.customer_self_anonymize)) {
    blockers.push({
      code: "action_disabled",
      message:
        source === "store"
          ? ACTION_REFUSALS.customer_self_anonymize
          : kind === "delete"
            ? "Deleting customers is turned off in the privacy settings (staff may not anonymize or delete customers)."
            : ACTION_REFUSALS.staff_anonymize,
    })
  }

  if (kind === "anonymize") {
    const erased = await privacy.isErased([person.customer_id])
    if (erased.get(person.customer_id)?.kind === "anonymized") {
      blockers.push({ code: "already_anonymized", message: "This customer was anonymized already." })
    }
    const open = await openOrdersOf(container, person)
    if (open.length) {
      const display_ids = open.map((o) => `#${o.display_id}`).join(", ")
      blockers.push({
        code: "open_orders",
        values: { count: open.length, display_ids },
        message: `${open.length} order${open.length === 1 ? " is" : "s are"} still open (${display_ids}): fulfill, capture or cancel ${
          open.length === 1 ? "it" : "them"
        } first.`,
      })
    }
  } else {
    const orders = await personOrders(container, person)
    if (orders.length) {
      blockers.push({
        code: "has_orders",
        values: { count: orders.length },
        message: `This customer has ${orders.length} order${orders.length === 1 ? "" : "s"}, which bookkeeping must keep: anonymize the customer instead.`,
      })
    }
  }

  const holds = await privacy.listLegalHolds(person.customer_ids)
  if (holds.length) {
    blockers.push({ code: "legal_hold", message: "This customer is on legal hold: lift the hold first." })
  }
  // An export being built does not block: it only reads.
  const pending = (await privacy.listRequestsOf(person.customer_ids)).filter(
    (r) => r.status === "pending" && r.kind !== "export" && r.id !== options.request_id
  )
  if (pending.length) {
    blockers.push({ code: "request_pending", message: "Another privacy request for this customer is still running." })
  }
  return blockers
}

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)

/** A request as the HTTP contract gives it. */
export function formatPrivacyRequest(r: PrivacyRequestRow): PrivacyRequest {
  return {
    id: r.id,
    customer_id: r.customer_id,
    kind: r.kind,
    status: r.status,
    source: r.source,
    actor_id: r.actor_id ?? null,
    refusal_code: r.refusal_code ?? null,
    record_count: Number(r.record_count ?? 0),
    created_at: iso(r.created_at)!,
    completed_at: iso(r.completed_at),
    due_at: iso(r.due_at),
    overdue: r.status === "pending" && !!r.due_at && new Date(r.due_at).getTime() < Date.now(),
    expires_at: iso(r.expires_at),
    include_notes: !!r.include_notes,
    size_bytes: r.size_bytes == null ? null : Number(r.size_bytes),
    downloaded_at: iso(r.downloaded_at),
  }
}


/**
 * Refuses (403 `privacy_action_disabled`, with the reason) when the privacy settings turn `action`
 * off. Returns the settings otherwise.
 */
export async function assertPrivacyActionAllowed(container: MedusaContainer, action: PrivacyAction): Promise<PrivacySettingsValues> {
  const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
  const settings = await privacy.getPrivacySettings()
  if (!settings[action]) {
    throw crmError(MedusaError.Types.FORBIDDEN, PrivacyErrorCodes.PRIVACY_ACTION_DISABLED, ACTION_REFUSALS[action])
  }
  return settings
}

/**
 * What the admin's Privacy tab shows about a customer: anonymized or not, the legal hold, the
 * person's records and what each handler holds about them, whether anonymize and delete are
 * allowed (and what blocks them), and the requests of the person's records, newest first.
 * 404 (`customer_not_found`) for an unknown (or merged-away) customer.
 */
export async function loadCustomerPrivacy(container: MedusaContainer, customerId: string): Promise<CustomerPrivacy> {
  await assertCustomerExists(container, customerId)
  const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
  const person = await resolvePerson(container, customerId)
  const [erased, holds, requests, counts, anonymizeBlockers, deleteBlockers] = await Promise.all([
    privacy.isErased([customerId]),
    privacy.listLegalHolds([customerId]),
    privacy.listRequestsOf(person.customer_ids),
    countWithHandlers({ container, sql: sharedConnection(container) }, person.customer_ids),
    privacyBlockers(container, person, "anonymize", { source: "admin" }),
    privacyBlockers(container, person, "delete", { source: "admin" }),
  ])
  const erasure = erased.get(customerId)
  const hold = holds[0]
  return {
    customer_id: customerId,
    anonymized: erasure?.kind === "anonymized",
    anonymized_at: erasure?.kind === "anonymized" ? iso(erasure.erased_at) : null,
    deleted: false,
    legal_hold: hold ? { reason: hold.reason, set_by: hold.set_by ?? null, created_at: iso(hold.created_at)! } : null,
    records: { customer_ids: person.customer_ids },
    holds: counts,
    anonymize: { allowed: !anonymizeBlockers.length, blockers: anonymizeBlockers },
    delete: { allowed: !deleteBlockers.length, blockers: deleteBlockers },
    requests: requests.map(formatPrivacyRequest),
  }
}
