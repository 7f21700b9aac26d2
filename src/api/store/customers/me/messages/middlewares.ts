import type { MiddlewareRoute } from "@medusajs/framework/http"

/** The logged-in customer's inbox: /store/customers/me/messages(/:id) and /store/customers/me/offers(/:id, /:id/redeem). */
export const storeCustomerMessagesMiddlewares: MiddlewareRoute[] = []
