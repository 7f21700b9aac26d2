import type { ICustomerModuleService, IOrderModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ChangeActionType, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { customerDataHandlers, sharedConnection } from "../../lib/customer-data"
import {
  type MergeCounts,
  type MergeCustomer,
  type MergeMoved,
  type MergeMovedV2,
  type MergePlan,
  planCustomerMerge,
  toMergeMovedV2,
} from "../../lib/customer-merge"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService } from "../../modules/customer-identity"
import type { CustomerMergeKind } from "../../modules/customer-identity/models/customer-merge"
import { crmError } from "../../lib/errors"
import { IdentityErrorCodes } from "../../types/http/identity"

export const prepareCustomerMergeStepId = "prepare-customer-merge"

/**
 * Plans a merge of `source_id` into `survivor_id` (see `planCustomerMerge`) and refuses it while
 * anything blocks it (409, with every reason). Changes nothing.
 */
export const prepareCustomerMergeStep = createStep(
  prepareCustomerMergeStepId,
  async (input: { source_id: string; survivor_id: string; kind?: CustomerMergeKind }, { container }) => {
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

type MoveInput = { moved: MergeMovedV2; from_customer_id: string; to_customer_id: string }

// Medusa's customer service has soft delete and restore for addresses; its interface omits them.
type CustomerService = ICustomerModuleService & {
  softDeleteCustomerAddresses: (ids: string[]) => Promise<unknown>
  restoreCustomerAddresses: (ids: string[]) => Promise<unknown>
}

/** Re-files Medusa's records of a merge (addresses, customer groups; orders have their own step). */
async function moveMedusaRecords(container: MedusaContainer, moved: MergeMovedV2, from: string, to: string, forward: boolean) {
  const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
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
}

/** The handlers that hold a share of this merge, in the registry's order. */
const handlersOf = (moved: MergeMovedV2) => customerDataHandlers().filter((h) => h.name in moved.parts)

/**
 * Re-files everything but orders from one customer to the other: Medusa's addresses and groups
 * here, everything else through each customer-data handler's `move`; then what stays on the
 * merged-away record is hidden (`hide`). Back (`forward: false`, an undo or a compensation) the
 * hidden records are restored first (`restore`), then everything moves back exactly. A handler no
 * longer registered leaves its share where it is. Returns `moved` with the states the handlers
 * returned (the alternate e-mail the merge created, for one).
 */
async function moveRecords(container: MedusaContainer, input: MoveInput, forward: boolean): Promise<MergeMovedV2> {
  const { moved } = input
  const from = input.from_customer_id
  const to = input.to_customer_id
  const customers = container.resolve(Modules.CUSTOMER) as CustomerService
  const ctx = { container, sql: sharedConnection(container) }
  const parts: Record<string, unknown> = { ...moved.parts }
  const handlers = handlersOf(moved)

  if (forward) {
    await moveMedusaRecords(container, moved, from, to, true)
    for (const handler of handlers) {
      if (handler.move) {
        parts[handler.name] = await handler.move(ctx, parts[handler.name], { from, to, forward: true })
      }
    }
    if (moved.hidden_address_ids.length) {
      await customers.softDeleteCustomerAddresses(moved.hidden_address_ids)
    }
    for (const handler of handlers) {
      await handler.hide?.(ctx, parts[handler.name])
    }
    return { ...moved, parts }
  }

  if (moved.hidden_address_ids.length) {
    await customers.restoreCustomerAddresses(moved.hidden_address_ids)
  }
  for (const handler of [...handlers].reverse()) {
    await handler.restore?.(ctx, parts[handler.name])
  }
  await moveMedusaRecords(container, moved, from, to, false)
  for (const handler of [...handlers].reverse()) {
    if (handler.move) {
      parts[handler.name] = await handler.move(ctx, parts[handler.name], { from, to, forward: false })
    }
  }
  return { ...moved, parts }
}

export const moveCustomerRecordsStepId = "move-customer-records"

/**
 * Moves a merge's records from `from_customer_id` to `to_customer_id` (`direction: "forward"`) or
 * back (`"back"`, the undo). Returns what moved, with the handlers' states as they left them.
 * Compensation runs the opposite direction.
 */
export const moveCustomerRecordsStep = createStep(
  moveCustomerRecordsStepId,
  async (input: MoveInput & { direction: "forward" | "back" }, { container }) => {
    const moved = await moveRecords(container, input, input.direction === "forward")
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
      moved: MergeMovedV2
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
    // Merges recorded in the first shape of `moved` undo through the same handlers.
    return new StepResponse({
      id: merge.id,
      kind: merge.kind as CustomerMergeKind,
      survivor_id: merge.survivor_id,
      source_id: merge.source_id,
      source_snapshot: source,
      moved: toMergeMovedV2(merge.moved as unknown as MergeMoved | MergeMovedV2),
      counts: merge.counts as unknown as MergeCounts,
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
