import {
  createHook,
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { describeCounts } from "../lib/customer-merge"
import { CrmEvents } from "../lib/events"
import type { CustomerMergeKind } from "../modules/customer-identity/models/customer-merge"
import {
  createCustomerMergeRecordStep,
  loadUndoableMergeStep,
  moveCustomerRecordsStep,
  prepareCustomerMergeStep,
  recomputeCustomerInsightsStep,
  recordSystemNotesStep,
  setCustomerDeletedStep,
  setCustomerMergeUndoneStep,
  transferCustomerOrdersStep,
  validateAccountLinkStep,
} from "./steps"
import { noteEvent } from "../lib/system-notes"
import { SYSTEM_NOTE_WORDS } from "../types/http/notes"

export type MergeCustomersWorkflowInput = {
  /** The record that goes: its data moves, then it is deleted (softly, restorable by an undo). */
  source_id: string
  /** The record that stays. */
  survivor_id: string
  kind?: CustomerMergeKind
  actor_id?: string | null
}

const KIND_NOTES = { merge: "customer_merged", link: "guest_linked", claim: "guest_claimed" } as const

const KIND_VERBS: Record<CustomerMergeKind, string> = {
  merge: "Merged with",
  link: "Linked guest record",
  claim: "Claimed guest record",
}

/** Both customers of a merge, locked in a fixed order so two merges of one person queue up. */
const lockKey = (ids: string[]) => [...new Set(ids)].sort().map((id) => `crm-merge:${id}`)

/**
 * Merges two records of one person. Everything of the source moves to the survivor: orders through
 * Medusa's order transfer, addresses, customer groups, notes, tags, memberships and shares, the
 * loyalty ledger, alternate e-mails (its primary e-mail becomes one), stores and the profile. Then
 * the source is deleted (softly), a system note on the survivor records it, both customers' metrics
 * are recomputed and a record keeps what an undo needs. What moves besides Medusa's orders,
 * addresses and groups is decided by the customer-data handlers (each module's `planMerge`, `move`
 * and `hide`), so a host app's handlers take part too. 400 for a record merged with itself, 404 for
 * an unknown one, 409 while something blocks it (see `planCustomerMerge`). Any failure compensates
 * every step.
 *
 * Hook `customersMerged` (`{ merge, survivor_id, source_id }`) runs after the merge, inside the
 * workflow: a host app moves its own records there, or acts on the merge; a hook that throws undoes
 * the merge.
 *
 * @example
 * await mergeCustomersWorkflow(container).run({ input: { source_id: "cus_guest", survivor_id: "cus_account" } })
 */
export const mergeCustomersWorkflow = createWorkflow(
  "merge-customers",
  (input: WorkflowData<MergeCustomersWorkflowInput>) => {
    const key = transform({ input }, ({ input }) => lockKey([input.source_id, input.survivor_id]))
    acquireLockStep({ key, timeout: 30, ttl: 300 })
    const plan = prepareCustomerMergeStep(
      transform({ input }, ({ input }) => ({
        source_id: input.source_id,
        survivor_id: input.survivor_id,
        kind: input.kind ?? ("merge" as const),
      }))
    )
    const describe = transform({ plan, input }, ({ plan, input }) => {
      const who = [plan.source.first_name, plan.source.last_name].filter(Boolean).join(" ")
      const label = [who, plan.source.email].filter(Boolean).join(" ") || plan.source.id
      return `${KIND_VERBS[input.kind ?? "merge"]} ${label}: ${describeCounts(plan.counts)} moved here`
    })
    transferCustomerOrdersStep(
      transform({ plan, input, describe }, ({ plan, input, describe }) => ({
        order_ids: plan.moved.order_ids,
        from_customer_id: plan.source.id,
        customer_id: plan.survivor.id,
        actor_id: input.actor_id ?? null,
        description: describe,
      }))
    )
    const moved = moveCustomerRecordsStep(
      transform({ plan }, ({ plan }) => ({
        moved: plan.moved,
        from_customer_id: plan.source.id,
        to_customer_id: plan.survivor.id,
        direction: "forward" as const,
      }))
    )
    setCustomerDeletedStep(transform({ plan }, ({ plan }) => ({ customer_id: plan.source.id, deleted: true })))
    const merge = createCustomerMergeRecordStep(
      transform({ plan, moved, input }, ({ plan, moved, input }) => ({
        kind: input.kind ?? ("merge" as const),
        survivor: plan.survivor,
        source: plan.source,
        moved,
        counts: plan.counts,
        actor_id: input.actor_id ?? null,
      }))
    )
    recordSystemNotesStep(
      transform({ plan, input, describe }, ({ plan, input, describe }) => {
        const who = [plan.source.first_name, plan.source.last_name].filter(Boolean).join(" ")
        const label = [who, plan.source.email].filter(Boolean).join(" ") || plan.source.id
        // What the note's line names (as `describeCounts`), the words the admin translates.
        const counts: Record<string, number> = {}
        for (const word of SYSTEM_NOTE_WORDS.counts) {
          if (plan.counts[word] > 0) {
            counts[word] = plan.counts[word]
          }
        }
        return [
          {
            customer_id: plan.survivor.id,
            body: describe,
            event: noteEvent(KIND_NOTES[input.kind ?? "merge"], { customer: label, counts }),
            author_id: input.actor_id ?? null,
          },
        ]
      })
    )
    recomputeCustomerInsightsStep(transform({ plan }, ({ plan }) => [plan.survivor.id, plan.source.id]))
    const customersMerged = createHook(
      "customersMerged",
      transform({ merge }, ({ merge }) => ({ merge, survivor_id: merge.survivor_id, source_id: merge.source_id }))
    )
    emitEventStep({
      eventName: CrmEvents.CUSTOMERS_MERGED,
      data: transform({ merge }, ({ merge }) => ({
        id: merge.id,
        survivor_id: merge.survivor_id,
        source_id: merge.source_id,
        kind: merge.kind,
      })),
    })
    releaseLockStep({ key })
    return new WorkflowResponse(merge, { hooks: [customersMerged] })
  }
)

export type UndoCustomerMergeWorkflowInput = {
  merge_id: string
  /** The customer the merge kept: the merge must be theirs. */
  survivor_id: string
  actor_id?: string | null
}

/**
 * Undoes a merge within its window: the source record comes back, and everything that moved goes
 * back to it exactly (orders through a transfer back, the rest re-filed; the survivor leaves the
 * groups it joined and loses the alternate e-mail the merge added). What was added to the survivor
 * since stays. 404 unknown merge, 409 already undone, past the window, or the survivor was merged
 * away since. Merges recorded in the first shape of `moved` undo the same way (see `toMergeMovedV2`).
 *
 * Hook `customerMergeUndone` (`{ merge, survivor_id, source_id }`) runs after the undo.
 *
 * @example
 * await undoCustomerMergeWorkflow(container).run({ input: { merge_id: "cmrg_123", survivor_id: "cus_account" } })
 */
export const undoCustomerMergeWorkflow = createWorkflow(
  "undo-customer-merge",
  (input: WorkflowData<UndoCustomerMergeWorkflowInput>) => {
    const key = transform({ input }, ({ input }) => lockKey([`undo:${input.merge_id}`, input.survivor_id]))
    acquireLockStep({ key, timeout: 30, ttl: 300 })
    const merge = loadUndoableMergeStep(
      transform({ input }, ({ input }) => ({ merge_id: input.merge_id, survivor_id: input.survivor_id }))
    )
    setCustomerDeletedStep(transform({ merge }, ({ merge }) => ({ customer_id: merge.source_id, deleted: false })))
    moveCustomerRecordsStep(
      transform({ merge }, ({ merge }) => ({
        moved: merge.moved,
        from_customer_id: merge.survivor_id,
        to_customer_id: merge.source_id,
        direction: "back" as const,
      }))
    ).config({ name: "move-customer-records-back" })
    transferCustomerOrdersStep(
      transform({ merge, input }, ({ merge, input }) => ({
        order_ids: merge.moved.order_ids,
        from_customer_id: merge.survivor_id,
        customer_id: merge.source_id,
        actor_id: input.actor_id ?? null,
        description: "Merge undone: order returned to its own customer record",
      }))
    ).config({ name: "transfer-customer-orders-back" })
    const undone = setCustomerMergeUndoneStep(
      transform({ input }, ({ input }) => ({ merge_id: input.merge_id, actor_id: input.actor_id ?? null }))
    )
    recordSystemNotesStep(
      transform({ merge, input }, ({ merge, input }) => {
        const s = merge.source_snapshot
        const label = [[s.first_name, s.last_name].filter(Boolean).join(" "), s.email].filter(Boolean).join(" ") || s.id
        return [
          {
            customer_id: merge.survivor_id,
            body: `Merge with ${label} undone: its records moved back`,
            event: noteEvent("merge_undone", { customer: label }),
            author_id: input.actor_id ?? null,
          },
          {
            customer_id: merge.source_id,
            body: "Merge undone: this record is separate again",
            event: noteEvent("merge_undone_source"),
            author_id: input.actor_id ?? null,
          },
        ]
      })
    )
    recomputeCustomerInsightsStep(transform({ merge }, ({ merge }) => [merge.survivor_id, merge.source_id]))
    const customerMergeUndone = createHook(
      "customerMergeUndone",
      transform({ undone, merge }, ({ undone, merge }) => ({
        merge: undone,
        survivor_id: merge.survivor_id,
        source_id: merge.source_id,
      }))
    )
    emitEventStep({
      eventName: CrmEvents.CUSTOMER_MERGE_UNDONE,
      data: transform({ merge }, ({ merge }) => ({
        id: merge.id,
        survivor_id: merge.survivor_id,
        source_id: merge.source_id,
        kind: merge.kind,
      })),
    })
    releaseLockStep({ key })
    return new WorkflowResponse(undone, { hooks: [customerMergeUndone] })
  }
)

/**
 * Links a guest record (a box-office or guest-checkout customer) to an online account: a merge whose
 * survivor is the account. 400 when the account has no login or the guest record has one.
 *
 * @example
 * await linkCustomerAccountWorkflow(container).run({ input: { guest_id: "cus_guest", account_id: "cus_account" } })
 */
export const linkCustomerAccountWorkflow = createWorkflow(
  "link-customer-account",
  (input: WorkflowData<{ guest_id: string; account_id: string; actor_id?: string | null }>) => {
    validateAccountLinkStep(input)
    const merge = mergeCustomersWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        source_id: input.guest_id,
        survivor_id: input.account_id,
        kind: "link" as const,
        actor_id: input.actor_id ?? null,
      })),
    })
    return new WorkflowResponse(merge)
  }
)

/**
 * Links a guest record to a different online account: undoes its link, then links it again. One
 * workflow, so a failed link puts the first one back.
 *
 * @example
 * await relinkCustomerWorkflow(container).run({ input: { merge_id: "cmrg_1", survivor_id: "cus_wrong", account_id: "cus_right" } })
 */
export const relinkCustomerWorkflow = createWorkflow(
  "relink-customer",
  (input: WorkflowData<{ merge_id: string; survivor_id: string; account_id: string; actor_id?: string | null }>) => {
    validateAccountLinkStep(transform({ input }, ({ input }) => ({ account_id: input.account_id })))
    const undone = undoCustomerMergeWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        merge_id: input.merge_id,
        survivor_id: input.survivor_id,
        actor_id: input.actor_id ?? null,
      })),
    })
    const merge = mergeCustomersWorkflow.runAsStep({
      input: transform({ input, undone }, ({ input, undone }) => ({
        source_id: undone.source_id,
        survivor_id: input.account_id,
        kind: "link" as const,
        actor_id: input.actor_id ?? null,
      })),
    })
    return new WorkflowResponse(merge)
  }
)
