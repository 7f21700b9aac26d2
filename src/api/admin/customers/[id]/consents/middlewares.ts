import type { MiddlewareRoute } from "@medusajs/framework/http"

/** A customer's consents and their log. */
export const adminCustomerConsentsMiddlewares: MiddlewareRoute[] = []
