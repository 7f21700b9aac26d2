import type { ICustomerModuleService, IOrderModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ChangeActionType, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { type MergeCounts, type MergeCustomer, type MergeMoved, type MergePlan, planCustomerMerge } from "../../lib/customer-merge"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService } from "../../modules/customer-identity"
import type { CustomerMergeKind } from "../../modules/customer-identity/models/customer-merge"
import { CUSTOMER_NOTE_MODULE } from "../../modules/customer-note"
import type CustomerNoteModuleService from "../../modules/customer-note/service"
import { CUSTOMER_PROFILE_MODULE } from "../../modules/customer-profile"
import type CustomerProfileModuleService from "../../modules/customer-profile/service"
import { CUSTOMER_TAG_MODULE } from "../../modules/customer-tag"
import type CustomerTagModuleService from "../../modules/customer-tag/service"
import { LOYALTY_MODULE } from "../../modules/loyalty"
import type LoyaltyModuleService from "../../modules/loyalty/service"
import { MEMBERSHIP_MODULE } from "../../modules/membership"
import type MembershipModuleService from "../../modules/membership/service"
import { crmError } from "../../lib/errors"
import { IdentityErrorCodes } from "../../types/http/identity"

export const prepareCustomerMergeStepId = "prepare-customer-merge"

/**
 * Plans a merge of `source_id` into `survivor_id` (see `planCustomerMerge`) and refuses it while
 * anything blocks it (409, with every reason). Changes nothing.
 */
export const prepareCustomerMergeStep = createStep(
  prepareCustomerMergeStepId,
  async (input: { source_id: string; survivor_id: string }, { container }) => {
    const plan = await planCustomerMerge(container, input)
    if (plan.blockers.length) {
      throw crmError(MedusaError.Types.CONFLICT, IdentityErrorCodes.MERGE_REFUSED, plan.blockers.map((b) => b.message).join(" "))
    }
    return new StepResponse(plan)
  }
)

/**
 * Moves orders to another customer the way Medusa's order transfer does: an order change of type
 * `transfer` with a `TRANSFER_CUSTOMER` action, confirmed at once (the merchant is the one asking,
 * so there is no token for a customer to accept). The order's history shows the transfer.
 */
async function transferOrders(
  container: MedusaContainer,
  orderIds: string[],
  fromCustomerId: string,
  customerId: string,
  actorId: string | null,
  description: string
) {
  const orders: IOrderModuleService = container.resolve(Modules.ORDER)
  const transferred: string[] = []
  if (!orderIds.length) {
    return transferred
  }
  // An order re-filed since the merge (or already there) is left alone.
  const found = await orders.listOrders(
    { id: orderIds, customer_id: fromCustomerId },
    { select: ["id", "email", "customer_id"], take: null }
  )
  for (const order of found) {
    const orderId = order.id
    const change = await orders.createOrderChange({
      order_id: orderId,
      change_type: "transfer",
      description,
      created_by: actorId ?? undefined,
      actions: [
        {
          action: ChangeActionType.TRANSFER_CUSTOMER,
          reference: "customer",
          reference_id: customerId,
          details: { original_email: order.email, original_customer_id: order.customer_id },
        } as any,
      ],
    })
    await orders.confirmOrderChange({ id: change.id, confirmed_by: actorId ?? undefined } as any)
    transferred.push(orderId)
  }
  return transferred
}

export const transferCustomerOrdersStepId = "transfer-customer-orders"

/**
 * Transfers orders from `from_customer_id` to `customer_id` (see `transferOrders`); orders no
 * longer filed under `from_customer_id` are skipped.
 * Compensation undoes each transfer's order change, so a failed merge leaves the orders as they were.
 */
export const transferCustomerOrdersStep = createStep(
  transferCustomerOrdersStepId,
  async (
    input: {
      order_ids: string[]
      from_customer_id: string
      customer_id: string
      actor_id?: string | null
      description: string
    },
    { container }
  ) => {
    const transferred = await transferOrders(
      container,
      input.order_ids,
      input.from_customer_id,
      input.customer_id,
      input.actor_id ?? null,
      input.description
    )
    return new StepResponse(transferred, transferred)
  },
  async (transferred, { container }) => {
    if (!transferred?.length) {
      return
    }
    const orders: IOrderModuleService = container.resolve(Modules.ORDER)
    for (const orderId of transferred) {
      await orders.undoLastChange(orderId)
    }
  }
)

type MoveInput = { moved: MergeMoved; from_customer_id: string; to_customer_id: string }

/**
 * Re-files everything but orders from one customer to the other: addresses, groups, notes, tags,
 * memberships and shares, the loyalty account or its entries, alternate e-mails, stores, profile.
 * Running it with `from` and `to` swapped puts everything back exactly: that is both its
 * compensation and what an undo does.
 */
async function moveRecords(container: MedusaContainer, input: MoveInput, forward: boolean) {
  const { moved } = input
  const to = input.to_customer_id
  const from = input.from_customer_id
  const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
  const notes: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
  const tags: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
  const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
  const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
  // Only rows still filed under `from` move: a row deleted or re-filed since stays where it is.
  const reassign = (ids: string[]) => ({ selector: { id: ids, customer_id: from }, data: { customer_id: to } })

  for (const address of moved.addresses) {
    await customers.updateCustomerAddresses({ id: address.id, customer_id: from }, {
      customer_id: to,
      // On the survivor they are extra addresses; back home they are what they were.
      is_default_shipping: forward ? false : address.is_default_shipping,
      is_default_billing: forward ? false : address.is_default_billing,
    } as any)
  }
  if (moved.group_ids.length) {
    const pairs = moved.group_ids.map((customer_group_id) => ({ customer_id: forward ? to : from, customer_group_id }))
    if (forward) {
      await customers.addCustomerToGroup(pairs)
    } else {
      await customers.removeCustomerFromGroup(pairs)
    }
  }
  if (moved.note_ids.length) {
    await notes.updateCustomerNotes(reassign(moved.note_ids))
  }
  if (moved.tag_ids.length) {
    await tags.updateCustomerTags(reassign(moved.tag_ids))
  }
  if (moved.membership_ids.length) {
    await memberships.updateMemberships(reassign(moved.membership_ids))
  }
  if (moved.share_ids.length) {
    await memberships.updateMembershipShares(reassign(moved.share_ids))
  }
  if (moved.loyalty.account_id) {
    await loyalty.updateLoyaltyAccounts(reassign([moved.loyalty.account_id]))
  }
  if (moved.loyalty.entry_ids.length) {
    const accountId = moved.loyalty.account_id
      ? moved.loyalty.account_id
      : forward
        ? moved.loyalty.survivor_account_id
        : moved.loyalty.source_account_id
    await loyalty.updateLoyaltyEntries({
      selector: { id: moved.loyalty.entry_ids, customer_id: from },
      data: { customer_id: to, account_id: accountId } as any,
    })
  }
  if (moved.alternate_email_ids.length) {
    await identity.updateCustomerAlternateEmails(reassign(moved.alternate_email_ids))
  }
  if (moved.store_ids.length) {
    await profiles.updateCustomerStores(reassign(moved.store_ids))
  }
  if (moved.profile_id) {
    await profiles.updateCustomerProfiles(reassign([moved.profile_id]))
  }
  await hideLeftovers(container, moved.hidden, forward)
  // The source's primary e-mail: an alternate of the survivor while merged.
  if (forward && moved.new_alternate_email) {
    const [created] = await identity.createCustomerAlternateEmails([
      { customer_id: to, email: moved.new_alternate_email, source: moved.new_alternate_email_source ?? "merge" },
    ])
    return created.id
  }
  if (!forward && moved.new_alternate_email_id) {
    await identity.deleteCustomerAlternateEmails([moved.new_alternate_email_id])
  }
  return null
}

/**
 * What stayed on the merged-away record (the survivor has its own): soft-deleted with it, or
 * restored with it. Merges recorded before there was anything to hide have no `hidden`.
 */
async function hideLeftovers(container: MedusaContainer, hidden: MergeMoved["hidden"] | undefined, hide: boolean) {
  if (!hidden) {
    return
  }
  const notes: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
  const tags: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
  const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
  // Medusa's customer service has soft delete and restore for addresses; its interface omits them.
  const customers = container.resolve(Modules.CUSTOMER) as ICustomerModuleService & {
    softDeleteCustomerAddresses: (ids: string[]) => Promise<unknown>
    restoreCustomerAddresses: (ids: string[]) => Promise<unknown>
  }
  const pairs: [string[], (ids: string[]) => Promise<unknown>, (ids: string[]) => Promise<unknown>][] = [
    [
      hidden.address_ids ?? [],
      (ids) => customers.softDeleteCustomerAddresses(ids),
      (ids) => customers.restoreCustomerAddresses(ids),
    ],
    [hidden.tag_ids, (ids) => tags.softDeleteCustomerTags(ids), (ids) => tags.restoreCustomerTags(ids)],
    [hidden.note_ids, (ids) => notes.softDeleteCustomerNotes(ids), (ids) => notes.restoreCustomerNotes(ids)],
    [hidden.store_ids, (ids) => profiles.softDeleteCustomerStores(ids), (ids) => profiles.restoreCustomerStores(ids)],
    [hidden.profile_ids, (ids) => profiles.softDeleteCustomerProfiles(ids), (ids) => profiles.restoreCustomerProfiles(ids)],
    [
      hidden.share_ids ?? [],
      (ids) => memberships.softDeleteMembershipShares(ids),
      (ids) => memberships.restoreMembershipShares(ids),
    ],
    [
      hidden.loyalty_account_ids,
      (ids) => loyalty.softDeleteLoyaltyAccounts(ids),
      (ids) => loyalty.restoreLoyaltyAccounts(ids),
    ],
  ]
  for (const [ids, softDelete, restore] of pairs) {
    if (ids.length) {
      await (hide ? softDelete(ids) : restore(ids))
    }
  }
}

export const moveCustomerRecordsStepId = "move-customer-records"

/**
 * Moves a merge's records from `from_customer_id` to `to_customer_id` (`direction: "forward"`) or
 * back (`"back"`, the undo). Returns the new alternate e-mail's id on the way forward.
 * Compensation runs the opposite direction.
 */
export const moveCustomerRecordsStep = createStep(
  moveCustomerRecordsStepId,
  async (input: MoveInput & { direction: "forward" | "back" }, { container }) => {
    const forward = input.direction === "forward"
    const newAlternateId = await moveRecords(container, input, forward)
    const moved = { ...input.moved, new_alternate_email_id: newAlternateId ?? input.moved.new_alternate_email_id ?? null }
    return new StepResponse(moved, { ...input, moved })
  },
  async (done, { container }) => {
    if (!done) {
      return
    }
    const opposite = { moved: done.moved, from_customer_id: done.to_customer_id, to_customer_id: done.from_customer_id }
    await moveRecords(container, opposite, done.direction !== "forward")
  }
)

export const setCustomerDeletedStepId = "set-customer-deleted"

/**
 * Deletes (softly: Medusa keeps the row) or restores a customer. Compensation does the opposite.
 * A merge deletes its source this way rather than through `deleteCustomersWorkflow`, so nothing
 * else about the person is deleted and an undo can bring the record back.
 */
export const setCustomerDeletedStep = createStep(
  setCustomerDeletedStepId,
  async (input: { customer_id: string; deleted: boolean }, { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    if (input.deleted) {
      await customers.softDeleteCustomers([input.customer_id])
    } else {
      await customers.restoreCustomers([input.customer_id])
    }
    return new StepResponse(input, input)
  },
  async (input, { container }) => {
    if (!input) {
      return
    }
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    if (input.deleted) {
      await customers.restoreCustomers([input.customer_id])
    } else {
      await customers.softDeleteCustomers([input.customer_id])
    }
  }
)

export const createCustomerMergeRecordStepId = "create-customer-merge-record"

/** Writes the merge's record: what moved, the source as it was, until when it can be undone. */
export const createCustomerMergeRecordStep = createStep(
  createCustomerMergeRecordStepId,
  async (
    input: {
      kind: CustomerMergeKind
      survivor: MergeCustomer
      source: MergeCustomer
      moved: MergeMoved
      counts: MergeCounts
      actor_id?: string | null
    },
    { container }
  ) => {
    const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    const undoUntil = new Date(Date.now() + (await identity.getMergeUndoDays()) * 24 * 60 * 60 * 1000)
    const [merge] = await identity.createCustomerMerges([
      {
        kind: input.kind,
        status: "merged",
        survivor_id: input.survivor.id,
        source_id: input.source.id,
        source_snapshot: input.source as any,
        moved: input.moved as any,
        counts: input.counts as any,
        merged_by: input.actor_id ?? null,
        undo_until: undoUntil,
      },
    ])
    return new StepResponse(merge, merge.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    await identity.deleteCustomerMerges([id])
  }
)

export const loadUndoableMergeStepId = "load-undoable-merge"

/**
 * The merge to undo, checked: 404 unknown (or not this survivor's), 409 already undone, past its
 * window, or when the survivor was itself merged away since (that merge must be undone first).
 */
export const loadUndoableMergeStep = createStep(
  loadUndoableMergeStepId,
  async (input: { merge_id: string; survivor_id: string }, { container }) => {
    const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    const [merge] = await identity.listCustomerMerges({ id: input.merge_id, survivor_id: input.survivor_id })
    if (!merge) {
      throw crmError(MedusaError.Types.NOT_FOUND, IdentityErrorCodes.MERGE_NOT_FOUND, `Merge with id: ${input.merge_id} was not found`)
    }
    if (merge.status !== "merged") {
      throw crmError(MedusaError.Types.CONFLICT, IdentityErrorCodes.MERGE_UNDO_REFUSED, "This merge was already undone")
    }
    if (new Date(merge.undo_until).getTime() < Date.now()) {
      throw crmError(
        MedusaError.Types.CONFLICT, IdentityErrorCodes.MERGE_UNDO_REFUSED,
        `This merge can no longer be undone: its undo window ended on ${new Date(merge.undo_until).toISOString().slice(0, 10)}`
      )
    }
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const [survivor] = await customers.listCustomers({ id: merge.survivor_id }, { select: ["id"] })
    if (!survivor) {
      throw crmError(
        MedusaError.Types.CONFLICT, IdentityErrorCodes.MERGE_UNDO_REFUSED,
        "The record this merge kept was merged into another one since: undo that merge first"
      )
    }
    // Medusa allows one live record per e-mail and kind (guest or account): a guest checkout since
    // the merge may have made a new one, which the restored record would collide with.
    const source = merge.source_snapshot as unknown as MergeCustomer
    if (source.email) {
      const [taken] = await customers.listCustomers(
        { email: source.email, has_account: source.has_account },
        { select: ["id"] }
      )
      if (taken) {
        throw crmError(
          MedusaError.Types.CONFLICT, IdentityErrorCodes.MERGE_UNDO_REFUSED,
          `Another record with ${source.email} was created since the merge (${taken.id}): merge that one into this customer first, then undo`
        )
      }
    }
    return new StepResponse(merge as unknown as {
      id: string
      kind: CustomerMergeKind
      survivor_id: string
      source_id: string
      source_snapshot: MergeCustomer
      moved: MergeMoved
      counts: MergeCounts
    })
  }
)

export const setCustomerMergeUndoneStepId = "set-customer-merge-undone"

/** Marks a merge undone (by whom, when). Compensation marks it merged again. */
export const setCustomerMergeUndoneStep = createStep(
  setCustomerMergeUndoneStepId,
  async (input: { merge_id: string; actor_id?: string | null }, { container }) => {
    const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    const [merge] = await identity.updateCustomerMerges([
      { id: input.merge_id, status: "undone", undone_at: new Date(), undone_by: input.actor_id ?? null },
    ])
    return new StepResponse(merge, input.merge_id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    await identity.updateCustomerMerges([{ id, status: "merged", undone_at: null, undone_by: null }])
  }
)

export type { MergePlan }

export const validateAccountLinkStepId = "validate-account-link"

/**
 * A link's two sides: `account_id` must be a customer with an online account, and the guest record
 * (when given) must not have one. 404 unknown, 400 otherwise.
 */
export const validateAccountLinkStep = createStep(
  validateAccountLinkStepId,
  async (input: { guest_id?: string | null; account_id: string }, { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const ids = [input.account_id, ...(input.guest_id ? [input.guest_id] : [])]
    const found = await customers.listCustomers({ id: ids }, { select: ["id", "has_account"] })
    const byId = new Map(found.map((c) => [c.id, c]))
    for (const id of ids) {
      if (!byId.has(id)) {
        throw crmError(MedusaError.Types.NOT_FOUND, IdentityErrorCodes.CUSTOMER_NOT_FOUND, `Customer with id: ${id} was not found`)
      }
    }
    if (!byId.get(input.account_id)!.has_account) {
      throw crmError(MedusaError.Types.INVALID_DATA, IdentityErrorCodes.ACCOUNT_REQUIRED, "account_id must be a customer with an online account")
    }
    if (input.guest_id && byId.get(input.guest_id)!.has_account) {
      throw crmError(
        MedusaError.Types.INVALID_DATA, IdentityErrorCodes.GUEST_REQUIRED,
        "This record is an online account itself: link a guest record to it instead"
      )
    }
    return new StepResponse(void 0)
  }
)
