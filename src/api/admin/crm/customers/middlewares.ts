import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { IdentityErrorCodes } from "../../../../types/http/identity"
import { withErrorCode } from "../../../utils/validators"
import { AdminSearchCustomers } from "./validators"

/** The CRM's customer search. */
export const adminCrmCustomersMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/customers",
    middlewares: [
      withErrorCode(validateAndTransformQuery(AdminSearchCustomers, {}), IdentityErrorCodes.INVALID_DATA),
    ],
  },
]
