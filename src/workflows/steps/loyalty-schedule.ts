import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { rateFor, valueOfPoints } from "../../lib/loyalty"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../../modules/loyalty"
import { loadLoyaltyProgram } from "./loyalty-validate"

export const releaseDueLoyaltyPointsStepId = "release-due-loyalty-points"

/**
 * Makes up to `limit` pending points whose day has come available. Compensation makes them
 * pending again.
 */
export const releaseDueLoyaltyPointsStep = createStep(
  releaseDueLoyaltyPointsStepId,
  async (input: { now: Date | string; limit: number }, { container }) => {
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const released = await service.releaseDuePoints(new Date(input.now), input.limit)
    return new StepResponse(released, released.map((r) => r.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    await service.updateLoyaltyEntries(ids.map((id) => ({ id, status: "pending" as const })))
  }
)

export const expireLoyaltyPointsStepId = "expire-loyalty-points"

/**
 * Writes the expire entries of the accounts (see the service's `expirePoints`). Compensation
 * deletes them and puts each account's expiry mark back.
 */
export const expireLoyaltyPointsStep = createStep(
  expireLoyaltyPointsStepId,
  async (input: { account_ids: string[]; now: Date | string }, { container }) => {
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const before = await service.listLoyaltyAccounts(
      { id: input.account_ids },
      { select: ["id", "expired_through"] }
    )
    const expired: { id: string; customer_id: string; points: number }[] = []
    for (const accountId of input.account_ids) {
      const entry = await service.expirePoints(accountId, new Date(input.now))
      if (entry) {
        expired.push({ id: entry.id, customer_id: entry.customer_id, points: Number(entry.points) })
      }
    }
    return new StepResponse(expired, { before, entry_ids: expired.map((e) => e.id) })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    if (undo.entry_ids.length) {
      await service.deleteLoyaltyEntries(undo.entry_ids)
    }
    if (undo.before.length) {
      await service.updateLoyaltyAccounts(
        undo.before.map((a) => ({ id: a.id, expired_through: a.expired_through }))
      )
    }
  }
)

export type ExpiryReminder = {
  account_id: string
  customer_id: string
  email: string
  points: number
  expires_at: string
  values: { currency_code: string; value: number }[]
}

export const prepareExpiryRemindersStepId = "prepare-loyalty-expiry-reminders"

/**
 * For each account, the points that will have expired by `until` and the first date they go: the
 * reminder to send, if any (customers without an e-mail address get none). Run after expiry, so
 * points already expired are not counted. Writes nothing.
 */
export const prepareExpiryRemindersStep = createStep(
  prepareExpiryRemindersStepId,
  async (input: { account_ids: string[]; until: Date | string; now: Date | string }, { container }) => {
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const program = await loadLoyaltyProgram(container)
    const until = new Date(input.until)
    const accounts = await service.listLoyaltyAccounts(
      { id: input.account_ids },
      { select: ["id", "customer_id", "reminded_through"] }
    )
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "email"],
      filters: { id: accounts.map((a) => a.customer_id) },
    })
    const reminders: ExpiryReminder[] = []
    for (const account of accounts) {
      const email = customers.find((c: { id: string }) => c.id === account.customer_id)?.email
      const points = await service.getExpiringPoints(account.id, until)
      if (!email || points <= 0) {
        continue
      }
      const [first] = await service.listLoyaltyEntries(
        {
          account_id: account.id,
          status: "available",
          type: ["earn", "adjust"],
          expires_at: {
            $lte: until,
            $gt: new Date(Math.max(new Date(input.now).getTime(), account.reminded_through ? new Date(account.reminded_through).getTime() : 0)),
          },
        },
        { select: ["expires_at"], order: { expires_at: "ASC" }, take: 1 }
      )
      reminders.push({
        account_id: account.id,
        customer_id: account.customer_id,
        email,
        points,
        expires_at: new Date(first?.expires_at ?? until).toISOString(),
        values: (program.rates ?? []).map((rate) => ({
          currency_code: rate.currency_code,
          value: valueOfPoints(points, rateFor(program, rate.currency_code)!),
        })),
      })
    }
    return new StepResponse(reminders)
  }
)
