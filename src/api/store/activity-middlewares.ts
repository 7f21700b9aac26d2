import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Records when a signed-in customer was last seen (the retention policy's sign-ins). */
export const storeActivityMiddlewares: MiddlewareRoute[] = []
