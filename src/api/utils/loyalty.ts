import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { MAX_POINTS, rateFor, valueOfPoints, type LoyaltyProgramSettings } from "../../lib/loyalty"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../../modules/loyalty"
import { isEnrolled, loadLoyaltyProgram } from "../../workflows/steps/loyalty-validate"
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

async function nextExpiry(service: LoyaltyModuleService, accountId: string, now: Date) {
  const [first] = await service.listLoyaltyEntries(
    {
      account_id: accountId,
      status: "available",
      type: ["earn", "adjust"],
      expires_at: { $gt: now },
    },
    { select: ["expires_at"], order: { expires_at: "ASC" }, take: 1 }
  )
  if (!first?.expires_at) {
    return null
  }
  const points = await service.getExpiringPoints(accountId, new Date(first.expires_at))
  return points > 0 ? { points, expires_at: first.expires_at } : null
}

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
      next_expiry: account ? await nextExpiry(service, account.id, new Date()) : null,
    },
    entries: entries.map((entry) => {
      const row: Record<string, unknown> = {
        ...entry,
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

/** The cart as a storefront needs it after points were applied or removed. */
export async function refetchStoreCart(scope: MedusaContainer, cartId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "currency_code",
      "item_total",
      "discount_total",
      "shipping_total",
      "tax_total",
      "total",
      "promotions.id",
      "promotions.code",
    ],
    filters: { id: cartId },
  })
  return data[0]
}

/** What a storefront needs to offer points on a cart: balance, limits, rate and what is applied. */
export async function readCartLoyalty(scope: MedusaContainer, customerId: string, cart: { id: string; currency_code: string; item_total: number }) {
  const service: LoyaltyModuleService = scope.resolve(LOYALTY_MODULE)
  const program = await loadLoyaltyProgram(scope)
  const rate = rateFor(program, cart.currency_code)
  const [account] = await service.listLoyaltyAccounts({ customer_id: customerId }, { select: ["id"] })
  const available = account ? (await service.getBalances([account.id]))[account.id].available : 0
  const [applied] = await service.listLoyaltyEntries(
    { cart_id: cart.id, customer_id: customerId, type: "redeem", status: "pending" },
    { select: ["id", "points", "amount", "promotion_code"] }
  )
  // The most points the cart can take: what is available, and no more than its items are worth.
  const maxForCart = rate
    ? Math.floor((Number(cart.item_total) * rate.redeem_points) / rate.redeem_value + 1e-9)
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
