import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Customers › Privacy: consent purposes. */
export const adminConsentPurposesMiddlewares: MiddlewareRoute[] = []
