import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { crmError } from "../../lib/errors"
import { rateFor, valueOfPoints, type LoyaltyProgramSettings } from "../../lib/loyalty"
import { LoyaltyErrorCodes } from "../../types/http/loyalty"
import { LOYALTY_MODULE, type LoyaltyModuleService } from "../../modules/loyalty"

/** The program's settings, created with defaults on first use. */
export async function loadLoyaltyProgram(container: { resolve: (key: string) => unknown }) {
  const service = container.resolve(LOYALTY_MODULE) as LoyaltyModuleService
  return (await service.retrieveProgram()) as unknown as LoyaltyProgramSettings
}

/** Whether the customer collects points: everyone does, or only those enrolled by an admin. */
export async function isEnrolled(
  container: { resolve: (key: string) => unknown },
  program: LoyaltyProgramSettings,
  customerId: string
) {
  if (program.enrollment === "all") {
    return true
  }
  const service = container.resolve(LOYALTY_MODULE) as LoyaltyModuleService
  const accounts = await service.listLoyaltyAccounts(
    { customer_id: customerId, enrolled: true },
    { select: ["id"] }
  )
  return accounts.length > 0
}

export const validateLoyaltyCustomerStepId = "validate-loyalty-customer"

/**
 * Checks that points can be changed for the customer: they exist (404), the program is on and
 * they are enrolled (400). Writes nothing.
 */
export const validateLoyaltyCustomerStep = createStep(
  validateLoyaltyCustomerStepId,
  async (input: { customer_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id"],
      filters: { id: input.customer_id },
    })
    if (!data.length) {
      throw crmError(
        MedusaError.Types.NOT_FOUND,
        LoyaltyErrorCodes.CUSTOMER_NOT_FOUND,
        `Customer with id: ${input.customer_id} was not found`
      )
    }
    const program = await loadLoyaltyProgram(container)
    if (!program.enabled) {
      throw crmError(
        MedusaError.Types.NOT_ALLOWED,
        LoyaltyErrorCodes.PROGRAM_DISABLED,
        "The loyalty program is turned off"
      )
    }
    if (!(await isEnrolled(container, program, input.customer_id))) {
      throw crmError(
        MedusaError.Types.NOT_ALLOWED,
        LoyaltyErrorCodes.NOT_ENROLLED,
        "The customer is not enrolled in the loyalty program"
      )
    }
    return new StepResponse(program)
  }
)

export type RedemptionPlan = {
  customer_id: string
  cart_id: string
  points: number
  currency_code: string
  value: number
  code: string
  /** The cart's prices include tax: the points come off the price with tax, exactly their worth. */
  is_tax_inclusive: boolean
  /** The currency's decimals (2 for cents). */
  decimals: number
}

/** An unguessable one-time code for the promotion a redemption makes. */
const redemptionCode = () =>
  `LOYALTY-${Array.from(crypto.getRandomValues(new Uint8Array(8)))
    .map((b) => "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[b % 32])
    .join("")}`

type CartForRedemption = {
  id: string
  customer_id: string | null
  currency_code: string
  completed_at: unknown
  item_total: number
  item_tax_total: number
  items?: ({ is_tax_inclusive: boolean } | null)[]
}

/** The cart fields a redemption is checked against. */
export const REDEMPTION_CART_FIELDS = [
  "id",
  "customer_id",
  "currency_code",
  "completed_at",
  "item_total",
  "item_tax_total",
  "items.is_tax_inclusive",
]

/** Whether the cart's prices include tax (Medusa's price preferences decide it per item). */
export const cartPricesIncludeTax = (cart: Pick<CartForRedemption, "items">) =>
  !!cart.items?.length && cart.items.every((item) => !!item?.is_tax_inclusive)

/**
 * What the cart's items are worth to a fixed discount off the order, in the terms the discount is
 * taken in: with tax where the prices include it, before tax where they do not. Other discounts
 * already taken off count.
 */
export const cartRedeemableValue = (cart: CartForRedemption) =>
  cartPricesIncludeTax(cart)
    ? Number(cart.item_total)
    : Number(cart.item_total) - Number(cart.item_tax_total)

export const validateRedemptionStepId = "validate-loyalty-redemption"

/**
 * Checks a redemption before anything is written: the cart is the customer's own and still open
 * (404 otherwise: another customer's cart is not found), the program is on, the customer enrolled,
 * the cart's currency has a rate, the points reach the minimum, the customer has them, and they are
 * worth no more than the cart's items. The balance is checked again under the account's lock when
 * the points are taken: this first look only gives the clearest reason. Every refusal carries a
 * code (`LoyaltyErrorCodes`).
 */
export const validateRedemptionStep = createStep(
  validateRedemptionStepId,
  async (input: { customer_id: string; cart_id: string; points: number }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: REDEMPTION_CART_FIELDS,
      filters: { id: input.cart_id },
    })
    const cart = data[0] as CartForRedemption | undefined
    if (!cart || cart.customer_id !== input.customer_id) {
      throw crmError(
        MedusaError.Types.NOT_FOUND,
        LoyaltyErrorCodes.CART_NOT_FOUND,
        `Cart with id: ${input.cart_id} was not found`
      )
    }
    if (cart.completed_at) {
      throw crmError(
        MedusaError.Types.NOT_ALLOWED,
        LoyaltyErrorCodes.CART_COMPLETED,
        "The cart has already been completed"
      )
    }
    const program = await loadLoyaltyProgram(container)
    if (!program.enabled) {
      throw crmError(
        MedusaError.Types.NOT_ALLOWED,
        LoyaltyErrorCodes.PROGRAM_DISABLED,
        "The loyalty program is turned off"
      )
    }
    if (!(await isEnrolled(container, program, input.customer_id))) {
      throw crmError(
        MedusaError.Types.NOT_ALLOWED,
        LoyaltyErrorCodes.NOT_ENROLLED,
        "You are not enrolled in the loyalty program"
      )
    }
    const currency = cart.currency_code.toUpperCase()
    const rate = rateFor(program, cart.currency_code)
    if (!rate) {
      throw crmError(
        MedusaError.Types.NOT_ALLOWED,
        LoyaltyErrorCodes.CURRENCY_NOT_SUPPORTED,
        `Points cannot be redeemed in ${currency}`
      )
    }
    if (input.points < program.min_redeem_points) {
      throw crmError(
        MedusaError.Types.NOT_ALLOWED,
        LoyaltyErrorCodes.BELOW_MINIMUM,
        `At least ${program.min_redeem_points} points must be redeemed at once`
      )
    }
    const available = await availablePoints(container, input.customer_id)
    if (input.points > available) {
      throw crmError(
        MedusaError.Types.NOT_ALLOWED,
        LoyaltyErrorCodes.INSUFFICIENT_POINTS,
        `Only ${Math.max(0, available)} points are available; ${input.points} were asked for`
      )
    }
    const decimals = await currencyDecimals(container, cart.currency_code)
    const value = valueOfPoints(input.points, rate, decimals)
    if (value <= 0) {
      throw crmError(
        MedusaError.Types.NOT_ALLOWED,
        LoyaltyErrorCodes.VALUE_TOO_SMALL,
        `${input.points} points are worth less than ${(1 / 10 ** decimals).toFixed(decimals)} ${currency}`
      )
    }
    const worth = cartRedeemableValue(cart)
    if (value > worth + 1e-9) {
      throw crmError(
        MedusaError.Types.NOT_ALLOWED,
        LoyaltyErrorCodes.EXCEEDS_CART_VALUE,
        `${input.points} points are worth ${value.toFixed(decimals)} ${currency}, more than the cart's items (${worth.toFixed(decimals)} ${currency})`
      )
    }
    return new StepResponse({
      customer_id: input.customer_id,
      cart_id: cart.id,
      points: input.points,
      currency_code: cart.currency_code,
      value,
      code: redemptionCode(),
      is_tax_inclusive: cartPricesIncludeTax(cart),
      decimals,
    } as RedemptionPlan)
  }
)

/** The customer's available points now (0 without an account). */
export async function availablePoints(
  container: { resolve: (key: string) => unknown },
  customerId: string
) {
  const service = container.resolve(LOYALTY_MODULE) as LoyaltyModuleService
  const [account] = await service.listLoyaltyAccounts({ customer_id: customerId }, { select: ["id"] })
  return account ? (await service.getBalances([account.id]))[account.id].available : 0
}

/** How many decimals the currency's amounts have (Medusa's currency module; 2 if unknown). */
export async function currencyDecimals(
  container: { resolve: (key: string) => unknown },
  currencyCode: string
) {
  const currencies = container.resolve(Modules.CURRENCY) as {
    listCurrencies: (filter: object, config: object) => Promise<{ decimal_digits: number }[]>
  }
  const [currency] = await currencies.listCurrencies({ code: currencyCode.toLowerCase() }, { take: 1 })
  return Number.isInteger(currency?.decimal_digits) ? currency.decimal_digits : 2
}
