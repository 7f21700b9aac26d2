import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminCustomerTimelineParams } from "./validators"

export const adminCustomerTimelineMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/timeline",
    middlewares: [validateAndTransformQuery(AdminCustomerTimelineParams, {})],
  },
]
