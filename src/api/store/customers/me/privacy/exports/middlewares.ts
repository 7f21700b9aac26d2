import type { MiddlewareRoute } from "@medusajs/framework/http"

/** The signed-in customer's data exports. */
export const storeCustomerExportsMiddlewares: MiddlewareRoute[] = []
