import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  LOYALTY_MODULE,
  type AppendLoyaltyEntriesInput,
  type LoyaltyEntryStatus,
  type LoyaltyModuleService,
} from "../../modules/loyalty"

export const appendLoyaltyEntriesStepId = "append-loyalty-entries"

/**
 * Appends entries to an account's ledger under its row lock (see the loyalty service), with the
 * checks in the input: enough points available, not written before. Returns the entries written.
 * Compensation deletes them: a workflow that fails leaves no half-written ledger behind.
 */
export const appendLoyaltyEntriesStep = createStep(
  appendLoyaltyEntriesStepId,
  async (input: Omit<AppendLoyaltyEntriesInput, "plan">, { container }) => {
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const entries = await service.appendEntries(input)
    return new StepResponse(entries, entries.map((e) => e.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    await service.deleteLoyaltyEntries(ids)
  }
)

type EntryUpdate = {
  id: string
  status?: LoyaltyEntryStatus
  order_id?: string | null
  promotion_id?: string | null
}

export const updateLoyaltyEntriesStepId = "update-loyalty-entries"

/**
 * Moves entries on (a redemption settled by its order or given back; the promotion it made).
 * Points are never changed. Compensation puts the previous values back.
 */
export const updateLoyaltyEntriesStep = createStep(
  updateLoyaltyEntriesStepId,
  async (updates: EntryUpdate[], { container }) => {
    if (!updates?.length) {
      return new StepResponse([], [])
    }
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const before = await service.listLoyaltyEntries(
      { id: updates.map((u) => u.id) },
      { select: ["id", "status", "order_id", "promotion_id"] }
    )
    const updated = await service.updateLoyaltyEntries(updates)
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (!before?.length) {
      return
    }
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    await service.updateLoyaltyEntries(
      before.map((e) => ({
        id: e.id,
        status: e.status,
        order_id: e.order_id,
        promotion_id: e.promotion_id,
      }))
    )
  }
)
