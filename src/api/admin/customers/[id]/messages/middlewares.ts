import type { MiddlewareRoute } from "@medusajs/framework/http"

/** A customer's inbox in the admin: /admin/customers/:id/messages and /admin/customers/:id/offers(/:offer_id/remove). */
export const adminCustomerMessagesMiddlewares: MiddlewareRoute[] = []
