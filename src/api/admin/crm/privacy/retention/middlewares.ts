import type { MiddlewareRoute } from "@medusajs/framework/http"

/** The retention policy: dry run, runs. */
export const adminRetentionMiddlewares: MiddlewareRoute[] = []
