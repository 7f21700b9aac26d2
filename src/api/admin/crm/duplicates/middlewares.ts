import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { IdentityErrorCodes } from "../../../../types/http/identity"
import { withErrorCode } from "../../../utils/validators"
import { AdminSearchCustomers } from "../customers/validators"
import { AdminListDuplicates } from "./validators"

/** The CRM's lists of people: duplicate groups and the customer search (`/admin/crm/customers`). */
export const adminIdentityListMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/duplicates",
    middlewares: [
      withErrorCode(validateAndTransformQuery(AdminListDuplicates, {}), IdentityErrorCodes.INVALID_DATA),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/crm/customers",
    middlewares: [
      withErrorCode(validateAndTransformQuery(AdminSearchCustomers, {}), IdentityErrorCodes.INVALID_DATA),
    ],
  },
]
