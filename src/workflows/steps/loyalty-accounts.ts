import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../../modules/loyalty"
import type { LoyaltyProgramUpdate } from "../../lib/loyalty"

export type LoyaltyAccountRef = { id: string; customer_id: string; enrolled: boolean }

export const ensureLoyaltyAccountsStepId = "ensure-loyalty-accounts"

/**
 * The loyalty accounts of the customers, created where missing. When two runs create the same
 * account at once, the unique index lets one win and the other reads the winner's row.
 * Compensation deletes the accounts this step created.
 */
export const ensureLoyaltyAccountsStep = createStep(
  ensureLoyaltyAccountsStepId,
  async (customerIds: string[], { container }) => {
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const ids = [...new Set(customerIds)]
    const list = () =>
      service.listLoyaltyAccounts(
        { customer_id: ids },
        { select: ["id", "customer_id", "enrolled"] }
      )
    const existing = await list()
    const missing = ids.filter((id) => !existing.some((a) => a.customer_id === id))
    let created: string[] = []
    let failure: unknown = null
    if (missing.length) {
      try {
        created = (
          await service.createLoyaltyAccounts(missing.map((customer_id) => ({ customer_id })))
        ).map((a) => a.id)
      } catch (e) {
        // Most likely a concurrent run created some of them first: read them below.
        failure = e
      }
    }
    const accounts = missing.length ? await list() : existing
    if (accounts.length < ids.length) {
      throw failure ?? new Error("Loyalty accounts could not be created")
    }
    return new StepResponse(accounts as LoyaltyAccountRef[], created)
  },
  async (created, { container }) => {
    if (!created?.length) {
      return
    }
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    await service.deleteLoyaltyAccounts(created)
  }
)

type AccountUpdate = {
  id: string
  enrolled?: boolean
  enrolled_at?: Date | null
  reminded_through?: Date | null
}

export const updateLoyaltyAccountsStepId = "update-loyalty-accounts"

/** Updates accounts (enrollment, reminder marks). Compensation puts the previous values back. */
export const updateLoyaltyAccountsStep = createStep(
  updateLoyaltyAccountsStepId,
  async (updates: AccountUpdate[], { container }) => {
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    if (!updates.length) {
      return new StepResponse([], [])
    }
    const before = await service.listLoyaltyAccounts(
      { id: updates.map((u) => u.id) },
      { select: ["id", "enrolled", "enrolled_at", "reminded_through"] }
    )
    const updated = await service.updateLoyaltyAccounts(updates)
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (!before?.length) {
      return
    }
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    await service.updateLoyaltyAccounts(
      before.map((a) => ({
        id: a.id,
        enrolled: a.enrolled,
        enrolled_at: a.enrolled_at,
        reminded_through: a.reminded_through,
      }))
    )
  }
)

export const updateLoyaltyProgramStepId = "update-loyalty-program"

/** Saves program settings. Compensation restores the settings as they were. */
export const updateLoyaltyProgramStep = createStep(
  updateLoyaltyProgramStepId,
  async (update: LoyaltyProgramUpdate, { container }) => {
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const before = await service.retrieveProgram()
    const program = await service.updateLoyaltyPrograms({ id: before.id, ...(update as any) })
    return new StepResponse(program, before)
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const { created_at: _c, updated_at: _u, deleted_at: _d, ...settings } = before as any
    await service.updateLoyaltyPrograms(settings)
  }
)
