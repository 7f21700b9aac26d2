import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { NoQueryParams } from "../../../../utils/validators"
import { AdminAddAlternateEmail } from "./validators"

export const adminCustomerIdentityMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/identity",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/emails",
    middlewares: [validateAndTransformBody(AdminAddAlternateEmail)],
  },
]
