import type { MiddlewareRoute } from "@medusajs/framework/http"

/** The signed-in customer's consents, and consents given at registration. */
export const storeCustomerConsentsMiddlewares: MiddlewareRoute[] = []
