import type { IOrderModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService, normalizeEmail } from "../modules/customer-identity"
import { CUSTOMER_INSIGHT_MODULE, type CustomerInsightModuleService } from "../modules/customer-insight"
import { CUSTOMER_NOTE_MODULE } from "../modules/customer-note"
import type CustomerNoteModuleService from "../modules/customer-note/service"
import { CUSTOMER_PROFILE_MODULE } from "../modules/customer-profile"
import type CustomerProfileModuleService from "../modules/customer-profile/service"
import { CUSTOMER_TAG_MODULE } from "../modules/customer-tag"
import type CustomerTagModuleService from "../modules/customer-tag/service"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type LoyaltyModuleService from "../modules/loyalty/service"
import { MEMBERSHIP_MODULE } from "../modules/membership"
import type MembershipModuleService from "../modules/membership/service"
import { crmError } from "../lib/errors"
import { customerDataHandlers, sharedConnection } from "./customer-data"
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

/** Every id that moves from the source to the survivor, which is what an undo moves back. */
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

export type { MergeBlocker, MergeCounts }

export type MergePlan = {
  survivor: MergeCustomer
  source: MergeCustomer
  moved: MergeMoved
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

/** How many of each kind of record moved. */
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
 * 400 for one record merged with itself, 404 for an unknown one. The preview route shows this; the
 * merge workflow computes it again under its lock and refuses while anything blocks.
 */
export async function planCustomerMerge(
  container: MedusaContainer,
  input: { source_id: string; survivor_id: string }
): Promise<MergePlan> {
  if (input.source_id === input.survivor_id) {
    throw crmError(MedusaError.Types.INVALID_DATA, IdentityErrorCodes.MERGE_INVALID, "A customer cannot be merged with itself")
  }
  const [survivor, source] = await Promise.all([
    loadCustomer(container, input.survivor_id),
    loadCustomer(container, input.source_id),
  ])
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const notes: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
  const tags: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
  const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
  const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
  const pair = [source.id, survivor.id]

  const [
    { data: orders },
    noteRows,
    tagRows,
    storeRows,
    profileRows,
    accounts,
    membershipRows,
    shareRows,
    alternateRows,
    primaryTaken,
  ] = await Promise.all([
    query.graph({ entity: "order", fields: ["id", "display_id", "status"], filters: { customer_id: source.id } }),
    notes.listCustomerNotes({ customer_id: pair }, { select: ["id", "customer_id", "pinned"], take: null }),
    tags.listCustomerTags(
      { customer_id: pair },
      { select: ["id", "customer_id", "definition_id", "definition.label"], relations: ["definition"], take: null }
    ),
    profiles.listCustomerStores({ customer_id: pair }, { select: ["id", "customer_id", "sales_channel_id"], take: null }),
    profiles.listCustomerProfiles({ customer_id: pair }, { select: ["id", "customer_id"] }),
    loyalty.listLoyaltyAccounts({ customer_id: pair }, { select: ["id", "customer_id"] }),
    memberships.listMemberships({ customer_id: pair }, { select: ["id", "customer_id"], take: null }),
    memberships.listMembershipShares(
      { customer_id: pair },
      { select: ["id", "customer_id", "membership_id", "membership.customer_id"], relations: ["membership"], take: null }
    ),
    identity.listCustomerAlternateEmails({ customer_id: source.id }, { select: ["id", "email"], take: null }),
    source.email
      ? identity.listCustomerAlternateEmails({ email: normalizeEmail(source.email) }, { select: ["id", "customer_id"] })
      : Promise.resolve([]),
  ])
  const of = <T extends { customer_id: string }>(rows: T[], id: string) => rows.filter((r) => r.customer_id === id)
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

  // Loyalty: points held on a cart are tied to the source's account until the cart is done.
  const sourceAccount = of(accounts as any[], source.id)[0] ?? null
  const survivorAccount = of(accounts as any[], survivor.id)[0] ?? null
  let entryIds: string[] = []
  let points = 0
  if (sourceAccount) {
    const entries = await loyalty.listLoyaltyEntries(
      { account_id: sourceAccount.id },
      { select: ["id", "type", "status", "points"], take: null }
    )
    entryIds = entries.map((e) => e.id)
    points = entries
      .filter((e) => e.status === "available")
      .reduce((sum, e) => sum + Number(e.points), 0)
    if (entries.some((e) => e.type === "redeem" && e.status === "pending")) {
      blockers.push({
        code: "loyalty_points_on_cart",
        values: { name: nameOf(source) },
        message: `${nameOf(source)} has loyalty points held on an open cart: complete the order or give the points back first.`,
      })
    }
  }

  // A share between the two (one is a co-member on the other's membership): merged, the person
  // would share their own membership, so the share goes (with the record) and an undo restores it.
  const isBetween = (share: any) =>
    pair.includes(share.customer_id) &&
    pair.includes(share.membership?.customer_id) &&
    share.membership?.customer_id !== share.customer_id
  const sharesBetween = (shareRows as any[]).filter(isBetween)

  const survivorDefinitions = new Set(of(tagRows as any[], survivor.id).map((t) => t.definition_id))
  const sourceTags = of(tagRows as any[], source.id)
  const survivorChannels = new Set(of(storeRows as any[], survivor.id).map((s) => s.sales_channel_id))
  const survivorHasPinned = of(noteRows as any[], survivor.id).some((n) => n.pinned)
  const sourceNotes = of(noteRows as any[], source.id)
  const sourceProfile = of(profileRows as any[], source.id)[0] ?? null
  const survivorProfile = of(profileRows as any[], survivor.id)[0] ?? null
  const survivorGroups = new Set(survivor.groups.map((g) => g.id))

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

  // The source's primary e-mail becomes an alternate of the survivor, unless it is the survivor's
  // own or belongs to a third customer's alternates.
  const sourceEmail = source.email ? normalizeEmail(source.email) : null
  const newAlternate =
    sourceEmail &&
    sourceEmail !== (survivor.email ? normalizeEmail(survivor.email) : null) &&
    !(primaryTaken as any[]).some((a) => a.customer_id !== source.id)
      ? sourceEmail
      : null

  const moved: MergeMoved = {
    order_ids: orderIds,
    addresses: movedAddresses.map((a) => ({
      id: a.id,
      is_default_shipping: !!a.is_default_shipping,
      is_default_billing: !!a.is_default_billing,
    })),
    note_ids: sourceNotes.filter((n) => !(n.pinned && survivorHasPinned)).map((n) => n.id),
    tag_ids: sourceTags.filter((t) => !survivorDefinitions.has(t.definition_id)).map((t) => t.id),
    membership_ids: of(membershipRows as any[], source.id).map((m) => m.id),
    share_ids: of(shareRows as any[], source.id)
      .filter((s) => !isBetween(s))
      .map((s) => s.id),
    loyalty: {
      account_id: sourceAccount && !survivorAccount ? sourceAccount.id : null,
      entry_ids: entryIds,
      source_account_id: sourceAccount?.id ?? null,
      survivor_account_id: survivorAccount?.id ?? null,
      points,
    },
    alternate_email_ids: (alternateRows as any[])
      .filter((a) => a.email !== (survivor.email ? normalizeEmail(survivor.email) : null))
      .map((a) => a.id),
    new_alternate_email: newAlternate,
    group_ids: source.groups.map((g) => g.id).filter((id) => !survivorGroups.has(id)),
    store_ids: of(storeRows as any[], source.id)
      .filter((s) => !survivorChannels.has(s.sales_channel_id))
      .map((s) => s.id),
    profile_id: sourceProfile && !survivorProfile ? sourceProfile.id : null,
    hidden: {
      address_ids: sameAddresses.map((a) => a.id),
      tag_ids: sourceTags.filter((t) => survivorDefinitions.has(t.definition_id)).map((t) => t.id),
      note_ids: sourceNotes.filter((n) => n.pinned && survivorHasPinned).map((n) => n.id),
      store_ids: of(storeRows as any[], source.id)
        .filter((s) => survivorChannels.has(s.sales_channel_id))
        .map((s) => s.id),
      profile_ids: sourceProfile && survivorProfile ? [sourceProfile.id] : [],
      loyalty_account_ids: sourceAccount && survivorAccount ? [sourceAccount.id] : [],
      share_ids: sharesBetween.map((s) => s.id),
    },
  }

  // What the customer-data registry's handlers say blocks it (a pending privacy request).
  for (const handler of customerDataHandlers()) {
    if (handler.planMerge) {
      const part = await handler.planMerge({ container, sql: sharedConnection(container) }, { source, survivor })
      blockers.push(...(part.blockers ?? []))
    }
  }

  return {
    survivor: snapshotOf(survivor),
    source: snapshotOf(source),
    moved,
    counts: countMoved(moved),
    stays: {
      shares: sharesBetween.length,
      addresses: sameAddresses.length,
      tags: sourceTags.filter((t) => survivorDefinitions.has(t.definition_id)).map((t) => t.definition?.label ?? t.definition_id),
      profile: !!(sourceProfile && survivorProfile),
      description: sourceNotes.some((n) => n.pinned) && survivorHasPinned,
    },
    blockers,
  }
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
