import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { rateFor, valueOfPoints, type LoyaltyProgramSettings } from "../../lib/loyalty"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../../modules/loyalty"
import {
  availablePoints,
  cartRedeemableValue,
  isEnrolled,
  loadLoyaltyProgram,
  REDEMPTION_CART_FIELDS,
} from "../../workflows/steps/loyalty-validate"
import type {
  AdminCustomerLoyaltyResponse,
  CustomerLoyalty,
  LoyaltyCurrencyValue,
  LoyaltyEntry,
  LoyaltyEntryDetail,
  StoreCartLoyalty,
  StoreLoyaltyEntry,
} from "../../types/http/loyalty"

/** The page of a customer's history to read. */
export type LoyaltyHistoryPage = { limit: number; offset: number }

const ENTRY_FIELDS = [
  "id",
  "type",
  "points",
  "status",
  "description",
  "detail",
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

const valuesOf = (program: LoyaltyProgramSettings, points: number): LoyaltyCurrencyValue[] =>
  (program.rates ?? []).map((rate) => ({
    currency_code: rate.currency_code,
    value: valueOfPoints(points, rate),
  }))

/** A date as the JSON answer carries it. */
const iso = (date: Date | string) => new Date(date).toISOString()
const isoOrNull = (date?: Date | string | null) => (date ? iso(date) : null)

/** A ledger entry as the module answers it (dates as `Date`, points as big numbers). */
type EntryRecord = {
  id: string
  type: LoyaltyEntry["type"]
  points: unknown
  status: LoyaltyEntry["status"]
  description?: string | null
  detail?: unknown
  reason?: string | null
  order_id?: string | null
  cart_id?: string | null
  promotion_id?: string | null
  promotion_code?: string | null
  currency_code?: string | null
  amount?: unknown
  created_by?: string | null
  available_at?: Date | string | null
  expires_at?: Date | string | null
  created_at: Date | string
}

/**
 * An entry as the admin reads it: only these fields (Medusa would add `raw_points`/`raw_amount`,
 * its big-number storage), numbers as numbers.
 */
export const toLoyaltyEntry = (
  entry: EntryRecord,
  order: { display_id: number; created_at: string } | null
): LoyaltyEntry => ({
  id: entry.id,
  type: entry.type,
  points: Number(entry.points),
  status: entry.status,
  description: entry.description ?? null,
  detail: (entry.detail as LoyaltyEntryDetail | null | undefined) ?? null,
  reason: entry.reason ?? null,
  order_id: entry.order_id ?? null,
  order_display_id: order?.display_id ?? null,
  order_created_at: order?.created_at ?? null,
  awaiting_payment: entry.status === "pending" && entry.type !== "redeem" && !entry.available_at,
  cart_id: entry.cart_id ?? null,
  promotion_id: entry.promotion_id ?? null,
  promotion_code: entry.promotion_code ?? null,
  currency_code: entry.currency_code ?? null,
  amount: entry.amount === null || entry.amount === undefined ? null : Number(entry.amount),
  created_by: entry.created_by ?? null,
  available_at: isoOrNull(entry.available_at),
  expires_at: isoOrNull(entry.expires_at),
  created_at: iso(entry.created_at),
})

/** One entry as the admin reads it, by id (e.g. the one a workflow just wrote). */
export async function readLoyaltyEntry(scope: MedusaContainer, id: string): Promise<LoyaltyEntry> {
  const service: LoyaltyModuleService = scope.resolve(LOYALTY_MODULE)
  const [entry] = await service.listLoyaltyEntries({ id }, { select: [...ENTRY_FIELDS] })
  return toLoyaltyEntry(entry, null)
}

/**
 * A customer's loyalty as the admin reads it: enrollment, balances from the ledger, their worth
 * per currency, the next expiry, and a page of the history, newest first.
 */
export async function readCustomerLoyalty(
  scope: MedusaContainer,
  customerId: string,
  page: LoyaltyHistoryPage
): Promise<AdminCustomerLoyaltyResponse> {
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
  const orders = new Map<string, { display_id: number; created_at: string }>()
  if (orderIds.length) {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "created_at"],
      filters: { id: orderIds },
    })
    for (const order of data) {
      orders.set(order.id, { display_id: Number(order.display_id), created_at: iso(order.created_at) })
    }
  }
  const currency = await customerCurrency(scope, customerId, program)
  const rate = currency ? rateFor(program, currency) : undefined
  const nextExpiry = account ? await service.getNextExpiry(account.id, new Date()) : null

  const loyalty: CustomerLoyalty = {
    customer_id: customerId,
    program_enabled: program.enabled,
    enrollment: program.enrollment,
    enrolled: await isEnrolled(scope, program, customerId),
    enrolled_at: isoOrNull(account?.enrolled_at),
    balance,
    values: valuesOf(program, balance.available),
    currency_code: rate ? currency : null,
    value: rate ? valueOfPoints(balance.available, rate) : null,
    next_expiry: nextExpiry && { points: nextExpiry.points, expires_at: iso(nextExpiry.expires_at) },
  }
  return {
    loyalty,
    entries: entries.map((entry) =>
      toLoyaltyEntry(entry, entry.order_id ? orders.get(entry.order_id) ?? null : null)
    ),
    count,
    offset: page.offset,
    limit: page.limit,
  }
}

/** A ledger line as its customer sees it: not who made it, nor internal references. */
export const storeLoyaltyEntry = ({
  reason: _reason,
  created_by: _createdBy,
  cart_id: _cartId,
  promotion_id: _promotionId,
  ...entry
}: LoyaltyEntry): StoreLoyaltyEntry => entry

/**
 * The currency a customer thinks in: that of their latest order (not a draft), else the store's default
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
    // A draft (a basket started in another region) is not what the customer bought in.
    filters: { customer_id: customerId, is_draft_order: false },
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
export async function readCartLoyalty(
  scope: MedusaContainer,
  customerId: string,
  cartId: string
): Promise<StoreCartLoyalty> {
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
