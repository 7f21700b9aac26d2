import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { NoQueryParams } from "../../../../utils/validators"
import { AdminAddAlternateEmail, AdminArchiveCustomer, AdminRestoreCustomer } from "./validators"

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
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/archive",
    middlewares: [validateAndTransformBody(AdminArchiveCustomer)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/identity/restore",
    middlewares: [validateAndTransformBody(AdminRestoreCustomer)],
  },
]
