import type { IOrderModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { customerDataHandlers, sharedConnection } from "./customer-data"
import type { MergeStays } from "./customer-data/types"
import { CUSTOMER_INSIGHT_MODULE, type CustomerInsightModuleService } from "../modules/customer-insight"
import type { IdentityMergeState } from "../modules/customer-identity/customer-data"
import type { NoteMergeState } from "../modules/customer-note/customer-data"
import type { ProfileMergeState } from "../modules/customer-profile/customer-data"
import type { TagMergeState } from "../modules/customer-tag/customer-data"
import type { LoyaltyMergeState } from "../modules/loyalty/customer-data"
import type { MembershipMergeState } from "../modules/membership/customer-data"
import { crmError } from "../lib/errors"
import { IdentityErrorCodes, type MergeBlocker, type MergeCounts } from "../types/http/identity"

/** The fields of a customer that merge lists and snapshots show. */
export const MERGE_CUSTOMER_FIELDS = [
  "id",
  "email",
  "first_name",
  "last_name",
  "company_name",
  "phone",
  "has_account",
  "created_at",
] as const

export type MergeCustomer = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  company_name: string | null
  phone: string | null
  has_account: boolean
  created_at: string | Date
}

/**
 * What a merge moved, as merges recorded it before each module kept its own share (the first
 * shape of `customer_merge.moved`). `toMergeMovedV2` turns it into the current shape, so those merges
 * still undo.
 */
export type MergeMoved = {
  order_ids: string[]
  /** Moved addresses lose their default flags on the survivor; the flags they had come back on undo. */
  addresses: { id: string; is_default_shipping: boolean; is_default_billing: boolean }[]
  note_ids: string[]
  tag_ids: string[]
  membership_ids: string[]
  share_ids: string[]
  loyalty: {
    /** The source's whole account, when the survivor had none. */
    account_id: string | null
    /** Entries moved into the survivor's account, when it had one. */
    entry_ids: string[]
    source_account_id: string | null
    survivor_account_id: string | null
    points: number
  }
  alternate_email_ids: string[]
  /** The source's primary e-mail, added to the survivor as an alternate e-mail. */
  new_alternate_email: string | null
  /** `claim` when the customer proved the address with a code. */
  new_alternate_email_source?: "merge" | "claim"
  /** Its id once created. */
  new_alternate_email_id?: string | null
  /** Customer groups the survivor joined because the source was in them. */
  group_ids: string[]
  store_ids: string[]
  profile_id: string | null
  /**
   * What stays on the merged-away record because the survivor has its own: deleted (softly) with
   * the record, so no list or count shows it, and restored by an undo.
   */
  hidden: {
    /**
     * Addresses identical to one the survivor has (or to another moved one): the survivor keeps
     * one of each. Merges recorded before addresses were compared have none.
     */
    address_ids?: string[]
    tag_ids: string[]
    note_ids: string[]
    store_ids: string[]
    profile_ids: string[]
    loyalty_account_ids: string[]
    /** A co-member share between the two records (either way round). */
    share_ids?: string[]
  }
}

/** A moved address and the default flags it had (they come back on undo). */
export type MovedAddress = { id: string; is_default_shipping: boolean; is_default_billing: boolean }

/**
 * What a merge moved (`customer_merge.moved`): Medusa's records, which the merge workflow moves
 * itself (orders through an order transfer, addresses, customer groups), and one share per
 * customer-data handler under its name (`parts`), which the handler's `move`, `hide` and `restore`
 * are given back on undo.
 */
export type MergeMovedV2 = {
  version: 2
  order_ids: string[]
  /** Moved addresses lose their default flags on the survivor; the flags they had come back on undo. */
  addresses: MovedAddress[]
  /** Addresses identical to one the survivor has (or to another moved one): hidden with the merged-away record. */
  hidden_address_ids: string[]
  /** Customer groups the survivor joined because the source was in them. */
  group_ids: string[]
  /** The source's primary e-mail, added to the survivor as an alternate e-mail (what the preview names). */
  new_alternate_email: string | null
  /** Each handler's state, by handler name. */
  parts: Record<string, unknown>
}

/** Whether a stored `moved` is in the first shape. */
function isV1(moved: MergeMovedV2 | MergeMoved): moved is MergeMoved {
  return (moved as MergeMovedV2).version !== 2
}

/**
 * A merge's `moved` in the current shape: merges recorded in the first shape (one list per kind
 * of record) become the same parts the handlers write today, so an undo puts everything back.
 */
export function toMergeMovedV2(moved: MergeMovedV2 | MergeMoved): MergeMovedV2 {
  if (!isV1(moved)) {
    return moved
  }
  const hidden: Partial<MergeMoved["hidden"]> = moved.hidden ?? {}
  const notes: NoteMergeState = { note_ids: moved.note_ids ?? [], hidden_note_ids: hidden.note_ids ?? [] }
  const tags: TagMergeState = { tag_ids: moved.tag_ids ?? [], hidden_tag_ids: hidden.tag_ids ?? [] }
  const profile: ProfileMergeState = {
    profile_id: moved.profile_id ?? null,
    store_ids: moved.store_ids ?? [],
    hidden_profile_ids: hidden.profile_ids ?? [],
    hidden_store_ids: hidden.store_ids ?? [],
  }
  const loyalty: LoyaltyMergeState = {
    account_id: moved.loyalty?.account_id ?? null,
    entry_ids: moved.loyalty?.entry_ids ?? [],
    source_account_id: moved.loyalty?.source_account_id ?? null,
    survivor_account_id: moved.loyalty?.survivor_account_id ?? null,
    points: moved.loyalty?.points ?? 0,
    hidden_account_ids: hidden.loyalty_account_ids ?? [],
  }
  const membership: MembershipMergeState = {
    membership_ids: moved.membership_ids ?? [],
    share_ids: moved.share_ids ?? [],
    hidden_share_ids: hidden.share_ids ?? [],
  }
  const identity: IdentityMergeState = {
    alternate_email_ids: moved.alternate_email_ids ?? [],
    new_alternate_email: moved.new_alternate_email ?? null,
    new_alternate_email_source: moved.new_alternate_email_source ?? "merge",
    new_alternate_email_id: moved.new_alternate_email_id ?? null,
  }
  return {
    version: 2,
    order_ids: moved.order_ids ?? [],
    addresses: moved.addresses ?? [],
    hidden_address_ids: hidden.address_ids ?? [],
    group_ids: moved.group_ids ?? [],
    new_alternate_email: moved.new_alternate_email ?? null,
    // The handlers' names in the release that wrote the first shape.
    parts: {
      customer_note: notes,
      customer_tag: tags,
      customer_profile: profile,
      loyalty,
      membership,
      customer_identity: identity,
    },
  }
}

export type { MergeBlocker, MergeCounts }

export type MergePlan = {
  survivor: MergeCustomer
  source: MergeCustomer
  moved: MergeMovedV2
  counts: MergeCounts
  /** What stays on the merged-away record because the survivor already has one. */
  stays: { tags: string[]; profile: boolean; description: boolean; shares: number; addresses: number }
  blockers: MergeBlocker[]
}

/** The fields of an address that say where it is and who receives there: what makes two addresses the same. */
export const ADDRESS_IDENTITY_FIELDS = [
  "first_name",
  "last_name",
  "company",
  "address_1",
  "address_2",
  "city",
  "postal_code",
  "country_code",
  "province",
  "phone",
] as const

type AddressLike = { [K in (typeof ADDRESS_IDENTITY_FIELDS)[number]]?: string | null }

/**
 * One string per place: "Kerkstraat 1" and " kerkstraat  1 ", "1234 AB" and "1234ab", and
 * "+31 6 1234" and "+316-1234" are the same. The address's label (`address_name`), default flags
 * and metadata do not count.
 */
export function addressKey(address: AddressLike): string {
  const clean = (value: string | null | undefined) => (value ?? "").trim().toLowerCase().replace(/\s+/g, " ")
  return ADDRESS_IDENTITY_FIELDS.map((field) => {
    const value = clean(address[field])
    if (field === "postal_code") {
      return value.replace(/[\s-]/g, "")
    }
    if (field === "phone") {
      return value.replace(/[^\d+]/g, "")
    }
    return value
  }).join("\u0000")
}

const nameOf = (c: MergeCustomer) =>
  [c.first_name, c.last_name].filter(Boolean).join(" ") || c.company_name || c.email || c.id

/** How many of each kind of record a merge recorded in the first shape moved. */
export function countMoved(moved: MergeMoved): MergeCounts {
  return {
    orders: moved.order_ids.length,
    addresses: moved.addresses.length,
    notes: moved.note_ids.length,
    tags: moved.tag_ids.length,
    memberships: moved.membership_ids.length,
    shares: moved.share_ids.length,
    loyalty_entries: moved.loyalty.entry_ids.length,
    loyalty_points: moved.loyalty.points,
    alternate_emails: moved.alternate_email_ids.length + (moved.new_alternate_email ? 1 : 0),
    groups: moved.group_ids.length,
    stores: moved.store_ids.length,
    profile: moved.profile_id ? 1 : 0,
  }
}

/** A merge's counts with nothing moved yet. */
const noCounts = (): MergeCounts => ({
  orders: 0,
  addresses: 0,
  notes: 0,
  tags: 0,
  memberships: 0,
  shares: 0,
  loyalty_entries: 0,
  loyalty_points: 0,
  alternate_emails: 0,
  groups: 0,
  stores: 0,
  profile: 0,
})

/** One line for a timeline: "3 orders, 2 notes and 150 points". */
export function describeCounts(counts: MergeCounts): string {
  const parts = (
    [
      ["orders", "order"],
      ["addresses", "address"],
      ["notes", "note"],
      ["tags", "tag"],
      ["memberships", "membership"],
      ["loyalty_points", "point"],
      ["alternate_emails", "e-mail"],
    ] as const
  )
    .filter(([key]) => counts[key] > 0)
    .map(([key, one]) => `${counts[key]} ${counts[key] === 1 ? one : key === "addresses" ? "addresses" : `${one}s`}`)
  if (!parts.length) {
    return "nothing"
  }
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`
}

/** A customer with its addresses and groups, or a 404. */
async function loadCustomer(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: [
      ...MERGE_CUSTOMER_FIELDS,
      "addresses.id",
      "addresses.is_default_shipping",
      "addresses.is_default_billing",
      ...ADDRESS_IDENTITY_FIELDS.map((field) => `addresses.${field}`),
      "groups.id",
    ],
    filters: { id },
  })
  const customer = data[0] as any
  if (!customer) {
    throw crmError(MedusaError.Types.NOT_FOUND, IdentityErrorCodes.CUSTOMER_NOT_FOUND, `Customer with id: ${id} was not found`)
  }
  return customer as MergeCustomer & {
    addresses: ({ id: string; is_default_shipping: boolean; is_default_billing: boolean } & AddressLike)[]
    groups: { id: string }[]
  }
}

export const snapshotOf = (c: MergeCustomer): MergeCustomer => ({
  id: c.id,
  email: c.email,
  first_name: c.first_name,
  last_name: c.last_name,
  company_name: c.company_name,
  phone: c.phone,
  has_account: c.has_account,
  created_at: c.created_at,
})

/**
 * Works out a merge of `source_id` into `survivor_id` without changing anything: what moves, what
 * stays on the merged-away record (records the survivor already has one of), and what blocks it.
 * Medusa's records (orders, addresses, customer groups) are planned here; everything else by the
 * customer-data handlers (`planMerge`), each of which keeps its own share of the plan. 400 for one
 * record merged with itself, 404 for an unknown one. The preview route shows this; the merge
 * workflow computes it again under its lock and refuses while anything blocks.
 */
export async function planCustomerMerge(
  container: MedusaContainer,
  input: { source_id: string; survivor_id: string; kind?: "merge" | "link" | "claim" }
): Promise<MergePlan> {
  if (input.source_id === input.survivor_id) {
    throw crmError(MedusaError.Types.INVALID_DATA, IdentityErrorCodes.MERGE_INVALID, "A customer cannot be merged with itself")
  }
  const [survivor, source] = await Promise.all([
    loadCustomer(container, input.survivor_id),
    loadCustomer(container, input.source_id),
  ])
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "status"],
    filters: { customer_id: source.id },
  })
  const blockers: MergeBlocker[] = []

  // Online accounts: the record that goes away must not be someone's login.
  if (source.has_account) {
    blockers.push(
      survivor.has_account
        ? {
            code: "both_accounts",
            values: { name: source.email ?? nameOf(source) },
            message: `Both records have an online account; merging would take ${source.email ?? nameOf(source)}'s login away. Keep them apart.`,
          }
        : {
            code: "source_has_account",
            values: { name: nameOf(source) },
            message: `${nameOf(source)} has an online account: keep that record and merge the other one into it.`,
          }
    )
  }

  // Orders: Medusa's order transfer refuses an order while another change to it is open.
  const orderIds = (orders as any[]).map((o) => o.id as string)
  if (orderIds.length) {
    const { data: open } = await query.graph({
      entity: "order_change",
      fields: ["order_id", "change_type"],
      filters: { order_id: orderIds, status: ["pending", "requested"] },
    })
    const displayIds = new Map((orders as any[]).map((o) => [o.id, o.display_id]))
    for (const change of open as any[]) {
      blockers.push({
        code: "order_change_open",
        values: { display_id: displayIds.get(change.order_id), change_type: change.change_type ?? "order" },
        message: `Order #${displayIds.get(change.order_id)} has an open ${change.change_type ?? "order"} change: finish or cancel it first.`,
      })
    }
  }

  // Addresses: one the survivor already has (same place, same person, same phone) stays behind
  // with the merged-away record, so the survivor does not list it twice; so does a second copy
  // among the source's own.
  const knownAddresses = new Set(survivor.addresses.map(addressKey))
  const movedAddresses: typeof source.addresses = []
  const sameAddresses: typeof source.addresses = []
  for (const address of source.addresses) {
    const key = addressKey(address)
    if (knownAddresses.has(key)) {
      sameAddresses.push(address)
    } else {
      knownAddresses.add(key)
      movedAddresses.push(address)
    }
  }
  const survivorGroups = new Set(survivor.groups.map((g) => g.id))

  const counts = noCounts()
  counts.orders = orderIds.length
  counts.addresses = movedAddresses.length
  const stays: MergePlan["stays"] = { tags: [], profile: false, description: false, shares: 0, addresses: sameAddresses.length }
  const moved: MergeMovedV2 = {
    version: 2,
    order_ids: orderIds,
    addresses: movedAddresses.map((a) => ({
      id: a.id,
      is_default_shipping: !!a.is_default_shipping,
      is_default_billing: !!a.is_default_billing,
    })),
    hidden_address_ids: sameAddresses.map((a) => a.id),
    group_ids: source.groups.map((g) => g.id).filter((id) => !survivorGroups.has(id)),
    new_alternate_email: null,
    parts: {},
  }
  counts.groups = moved.group_ids.length

  // Everything else: each handler's share.
  const ctx = { container, sql: sharedConnection(container) }
  const sides = { source, survivor, kind: input.kind }
  for (const handler of customerDataHandlers()) {
    if (!handler.planMerge) {
      continue
    }
    const part = await handler.planMerge(ctx, sides)
    moved.parts[handler.name] = part.state
    for (const [key, value] of Object.entries(part.counts ?? {})) {
      counts[key as keyof MergeCounts] += Number(value ?? 0)
    }
    blockers.push(...(part.blockers ?? []))
    addStays(stays, part.stays)
  }
  const identity = moved.parts.customer_identity as IdentityMergeState | undefined
  moved.new_alternate_email = identity?.new_alternate_email ?? null

  return {
    survivor: snapshotOf(survivor),
    source: snapshotOf(source),
    moved,
    counts,
    stays,
    blockers,
  }
}

/** Adds a handler's "stays" to the plan's. */
function addStays(stays: MergePlan["stays"], part: MergeStays | undefined) {
  if (!part) {
    return
  }
  stays.tags.push(...(part.tags ?? []))
  stays.profile = stays.profile || !!part.profile
  stays.description = stays.description || !!part.description
  stays.shares += part.shares ?? 0
  stays.addresses += part.addresses ?? 0
}

/** What the merge preview compares besides the customer's own fields: their orders and lifetime value. */
export type MergeCustomerFacts = {
  order_count: number
  lifetime_value: { currency_code: string; amount: number }[]
}

/**
 * Order counts (draft orders left out) and lifetime values of the given customers, for the merge
 * preview's side-by-side comparison: two records of one name are told apart by their business.
 */
export async function mergeCustomerFacts(
  container: MedusaContainer,
  customerIds: string[]
): Promise<Map<string, MergeCustomerFacts>> {
  const orders: IOrderModuleService = container.resolve(Modules.ORDER)
  const insights: CustomerInsightModuleService = container.resolve(CUSTOMER_INSIGHT_MODULE)
  const [counts, metrics] = await Promise.all([
    Promise.all(
      customerIds.map(async (id) => {
        const [, count] = await orders.listAndCountOrders(
          // A column of the order table; the filter type does not list it.
          { customer_id: id, is_draft_order: false } as Parameters<IOrderModuleService["listAndCountOrders"]>[0],
          { select: ["id"], take: 1 }
        )
        return [id, count] as const
      })
    ),
    insights.listCustomerMetrics(
      { customer_id: customerIds },
      { select: ["customer_id", "currency_code", "lifetime_value"], take: null }
    ),
  ])
  const facts = new Map<string, MergeCustomerFacts>()
  for (const [id, count] of counts) {
    facts.set(id, {
      order_count: count,
      lifetime_value: (metrics as { customer_id: string; currency_code: string; lifetime_value: unknown }[])
        .filter((m) => m.customer_id === id)
        .map((m) => ({ currency_code: m.currency_code, amount: Number(m.lifetime_value) }))
        .sort((a, b) => a.currency_code.localeCompare(b.currency_code)),
    })
  }
  return facts
}
