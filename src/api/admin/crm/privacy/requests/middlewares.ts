import type { MiddlewareRoute } from "@medusajs/framework/http"

/** The store-wide privacy requests log. */
export const adminPrivacyRequestsMiddlewares: MiddlewareRoute[] = []
