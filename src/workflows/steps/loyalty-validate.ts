import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { rateFor, valueOfPoints, type LoyaltyProgramSettings } from "../../lib/loyalty"
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
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Customer with id: ${input.customer_id} was not found`
      )
    }
    const program = await loadLoyaltyProgram(container)
    if (!program.enabled) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The loyalty program is turned off")
    }
    if (!(await isEnrolled(container, program, input.customer_id))) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
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
}

/** An unguessable one-time code for the promotion a redemption makes. */
const redemptionCode = () =>
  `LOYALTY-${Array.from(crypto.getRandomValues(new Uint8Array(8)))
    .map((b) => "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[b % 32])
    .join("")}`

export const validateRedemptionStepId = "validate-loyalty-redemption"

/**
 * Checks a redemption before anything is written: the cart is the customer's own and still open
 * (404 otherwise: another customer's cart is not found), the program is on, the customer enrolled,
 * the cart's currency has a rate, the points reach the minimum and are worth no more than the
 * cart's items. The balance itself is checked under the account's lock when the points are taken.
 */
export const validateRedemptionStep = createStep(
  validateRedemptionStepId,
  async (input: { customer_id: string; cart_id: string; points: number }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "customer_id", "currency_code", "completed_at", "item_total"],
      filters: { id: input.cart_id },
    })
    const cart = data[0] as
      | { id: string; customer_id: string | null; currency_code: string; completed_at: unknown; item_total: number }
      | undefined
    if (!cart || cart.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${input.cart_id} was not found`)
    }
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The cart has already been completed")
    }
    const program = await loadLoyaltyProgram(container)
    if (!program.enabled) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The loyalty program is turned off")
    }
    if (!(await isEnrolled(container, program, input.customer_id))) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "You are not enrolled in the loyalty program"
      )
    }
    const rate = rateFor(program, cart.currency_code)
    if (!rate) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Points cannot be redeemed in ${cart.currency_code.toUpperCase()}`
      )
    }
    if (input.points < program.min_redeem_points) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `At least ${program.min_redeem_points} points must be redeemed at once`
      )
    }
    const value = valueOfPoints(input.points, rate)
    if (value <= 0) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `${input.points} points are worth less than 0.01 ${cart.currency_code.toUpperCase()}`
      )
    }
    if (value > Number(cart.item_total)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `${input.points} points are worth ${value.toFixed(2)} ${cart.currency_code.toUpperCase()}, more than the cart's items (${Number(cart.item_total).toFixed(2)})`
      )
    }
    return new StepResponse({
      customer_id: input.customer_id,
      cart_id: cart.id,
      points: input.points,
      currency_code: cart.currency_code,
      value,
      code: redemptionCode(),
    } as RedemptionPlan)
  }
)
