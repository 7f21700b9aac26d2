import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { MAX_POINTS, rateFor, valueOfPoints, type LoyaltyProgramSettings } from "../../lib/loyalty"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../../modules/loyalty"
import {
  availablePoints,
  cartRedeemableValue,
  isEnrolled,
  loadLoyaltyProgram,
  REDEMPTION_CART_FIELDS,
} from "../../workflows/steps/loyalty-validate"
import { createListParams } from "./validators"

export const LoyaltyHistoryParams = createListParams()
export type LoyaltyHistoryParamsType = z.infer<typeof LoyaltyHistoryParams>

export const RedeemPoints = z
  .object({ points: z.number().int().min(1).max(MAX_POINTS) })
  .strict()
export type RedeemPointsType = z.infer<typeof RedeemPoints>

const ENTRY_FIELDS = [
  "id",
  "type",
  "points",
  "status",
  "description",
  "reason",
  "order_id",
  "cart_id",
  "promotion_id",
  "promotion_code",
  "currency_code",
  "amount",
  "created_by",
  "available_at",
  "expires_at",
  "created_at",
] as const

/** Fields a storefront may see of its own ledger: not who made an entry, nor internal reasons. */
const STORE_HIDDEN = new Set(["reason", "created_by", "cart_id", "promotion_id"])

const valuesOf = (program: LoyaltyProgramSettings, points: number) =>
  (program.rates ?? []).map((rate) => ({
    currency_code: rate.currency_code,
    value: valueOfPoints(points, rate),
  }))

/**
 * A customer's loyalty as the admin (or, with `audience: "store"`, the customer) reads it:
 * enrollment, balances from the ledger, their worth per currency, the next expiry, and a page of
 * the history, newest first.
 */
export async function readCustomerLoyalty(
  scope: MedusaContainer,
  customerId: string,
  page: LoyaltyHistoryParamsType,
  audience: "admin" | "store" = "admin"
) {
  const service: LoyaltyModuleService = scope.resolve(LOYALTY_MODULE)
  const program = await loadLoyaltyProgram(scope)
  const [account] = await service.listLoyaltyAccounts({ customer_id: customerId })
  const balance = account
    ? (await service.getBalances([account.id]))[account.id]
    : { available: 0, pending: 0, held: 0, lifetime_earned: 0 }
  const [entries, count] = account
    ? await service.listAndCountLoyaltyEntries(
        { account_id: account.id },
        {
          select: [...ENTRY_FIELDS],
          order: { created_at: "DESC", id: "DESC" },
          skip: page.offset,
          take: page.limit,
        }
      )
    : [[], 0]

  const orderIds = [...new Set(entries.map((e) => e.order_id).filter((id): id is string => !!id))]
  const displayIds = new Map<string, number>()
  if (orderIds.length) {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "display_id"],
      filters: { id: orderIds },
    })
    for (const order of data) {
      displayIds.set(order.id, Number(order.display_id))
    }
  }

  return {
    loyalty: {
      customer_id: customerId,
      program_enabled: program.enabled,
      enrollment: program.enrollment,
      enrolled: await isEnrolled(scope, program, customerId),
      enrolled_at: account?.enrolled_at ?? null,
      balance,
      values: valuesOf(program, balance.available),
      next_expiry: account ? await service.getNextExpiry(account.id, new Date()) : null,
    },
    entries: entries.map((entry) => {
      // Medusa adds `raw_points`/`raw_amount` (its big-number storage) to what was selected.
      const { raw_points: _p, raw_amount: _a, ...fields } = entry as typeof entry & {
        raw_points?: unknown
        raw_amount?: unknown
      }
      const row: Record<string, unknown> = {
        ...fields,
        points: Number(entry.points),
        amount: entry.amount === null || entry.amount === undefined ? null : Number(entry.amount),
        order_display_id: entry.order_id ? displayIds.get(entry.order_id) ?? null : null,
      }
      if (audience === "store") {
        for (const key of STORE_HIDDEN) {
          delete row[key]
        }
      }
      return row
    }),
    count,
    offset: page.offset,
    limit: page.limit,
  }
}

/**
 * The currency a customer thinks in: that of their latest order, else the store's default
 * currency, else the program's first rate.
 */
export async function customerCurrency(
  scope: MedusaContainer,
  customerId: string,
  program: LoyaltyProgramSettings
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["currency_code"],
    filters: { customer_id: customerId },
    pagination: { order: { created_at: "DESC" }, take: 1 },
  })
  if (orders[0]?.currency_code) {
    return orders[0].currency_code as string
  }
  const [store] = await scope.resolve(Modules.STORE).listStores({}, { relations: ["supported_currencies"] })
  const fallback = store?.supported_currencies?.find((c) => c.is_default)?.currency_code
  return fallback ?? program.rates?.[0]?.currency_code ?? null
}

/**
 * What a storefront needs to offer points on a cart: balance, limits, rate and what is applied.
 * `max_points` is what the customer has, and no more than the cart's items are worth (with tax
 * where its prices include tax, before tax where they do not).
 */
export async function readCartLoyalty(scope: MedusaContainer, customerId: string, cartId: string) {
  const service: LoyaltyModuleService = scope.resolve(LOYALTY_MODULE)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: REDEMPTION_CART_FIELDS,
    filters: { id: cartId },
  })
  const cart = data[0] as Parameters<typeof cartRedeemableValue>[0]
  const program = await loadLoyaltyProgram(scope)
  const rate = rateFor(program, cart.currency_code)
  const available = await availablePoints(scope, customerId)
  const [applied] = await service.listLoyaltyEntries(
    { cart_id: cart.id, customer_id: customerId, type: "redeem", status: "pending" },
    { select: ["id", "points", "amount", "promotion_code"] }
  )
  const maxForCart = rate
    ? Math.floor((cartRedeemableValue(cart) * rate.redeem_points) / rate.redeem_value + 1e-9)
    : 0
  return {
    program_enabled: program.enabled,
    enrolled: await isEnrolled(scope, program, customerId),
    available,
    currency_code: cart.currency_code,
    redeem_points: rate?.redeem_points ?? null,
    redeem_value: rate?.redeem_value ?? null,
    min_points: program.min_redeem_points,
    max_points: rate ? Math.max(0, Math.min(available, maxForCart)) : 0,
    applied: applied
      ? {
          id: applied.id,
          points: -Number(applied.points),
          value: Number(applied.amount),
          code: applied.promotion_code,
        }
      : null,
  }
}

export { valuesOf as loyaltyValuesOf }
