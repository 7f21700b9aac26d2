import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { crmError } from "../../lib/errors"
import { InsightErrorCodes } from "../../types/http/insights"

export type Receipt = {
  to: string
  customer_id: string
  order_id: string
  display_id: number
  subject: string
  text: string
  to_customer: boolean
}

const money = (amount: number, currency: string) =>
  `${Number(amount).toFixed(2)} ${currency.toUpperCase()}`

export const prepareReceiptStepId = "prepare-customer-receipt"

/**
 * The receipt of one of the customer's orders, addressed to `to` or to the customer: 404 when the
 * order is not theirs, 400 for a draft or when there is no address. Writes nothing.
 */
export const prepareReceiptStep = createStep(
  prepareReceiptStepId,
  async (input: { customer_id: string; order_id: string; to?: string | null }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id", "display_id", "customer_id", "created_at", "currency_code", "total", "tax_total",
        "shipping_total", "discount_total", "is_draft_order", "customer.email",
        "items.title", "items.variant_title", "items.quantity", "items.total",
      ],
      filters: { id: input.order_id },
    })
    const order = data[0] as any
    if (!order || order.customer_id !== input.customer_id) {
      throw crmError(MedusaError.Types.NOT_FOUND, InsightErrorCodes.ORDER_NOT_FOUND, `Order with id: ${input.order_id} was not found for this customer`)
    }
    if (order.is_draft_order) {
      throw crmError(MedusaError.Types.NOT_ALLOWED, InsightErrorCodes.RECEIPT_NOT_AVAILABLE, "A draft order has no receipt yet")
    }
    const to = input.to || order.customer?.email
    if (!to) {
      throw crmError(MedusaError.Types.NOT_ALLOWED, InsightErrorCodes.CUSTOMER_EMAIL_MISSING, "The customer has no e-mail address: give one in `to`")
    }
    const lines = (order.items ?? []).map(
      (i: any) => `${i.quantity} × ${i.title}${i.variant_title ? ` (${i.variant_title})` : ""}: ${money(i.total, order.currency_code)}`
    )
    const text = [
      `Receipt for order #${order.display_id} of ${new Date(order.created_at).toISOString().slice(0, 10)}`,
      "",
      ...lines,
      "",
      Number(order.discount_total) ? `Discounts: -${money(order.discount_total, order.currency_code)}` : null,
      Number(order.shipping_total) ? `Shipping: ${money(order.shipping_total, order.currency_code)}` : null,
      `Tax: ${money(order.tax_total, order.currency_code)}`,
      `Total: ${money(order.total, order.currency_code)}`,
    ]
      .filter((line) => line !== null)
      .join("\n")
    return new StepResponse({
      to,
      customer_id: order.customer_id,
      order_id: order.id,
      display_id: order.display_id,
      subject: `Your receipt for order #${order.display_id}`,
      text,
      to_customer: to === order.customer?.email,
    } as Receipt)
  }
)
