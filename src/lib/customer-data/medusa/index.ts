import type { CustomerDataHandler } from "../types"
import { medusaAuthHandler } from "./auth"
import { medusaCartHandler } from "./cart"
import { medusaCustomerHandler } from "./customer"
import { medusaFulfillmentHandler } from "./fulfillment"
import { medusaNotificationHandler } from "./notification"
import { medusaOrderHandler } from "./order"
import { medusaPaymentHandler } from "./payment"
import { medusaPromotionHandler } from "./promotion"

/**
 * Handlers for what Medusa's own modules hold about customers, in the order they run. Those that
 * find the person's rows through orders and carts (payment, fulfillment) run before the order and
 * cart handlers replace their e-mails; the customer record itself comes last, so every handler
 * before it still finds the customer's e-mail (`delete` is given ids only).
 */
export const medusaCustomerDataHandlers: CustomerDataHandler[] = [
  medusaPaymentHandler,
  medusaFulfillmentHandler,
  medusaNotificationHandler,
  medusaPromotionHandler,
  medusaCartHandler,
  medusaOrderHandler,
  medusaAuthHandler,
  medusaCustomerHandler,
]

export {
  medusaAuthHandler,
  medusaCartHandler,
  medusaCustomerHandler,
  medusaFulfillmentHandler,
  medusaNotificationHandler,
  medusaOrderHandler,
  medusaPaymentHandler,
  medusaPromotionHandler,
}
