import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { CustomerListErrorCodes } from "../../../../types/http/customer-list"
import { AdminCustomerListParams } from "../../../utils/customer-list-filter"
import { withErrorCode } from "../../../utils/validators"

/** The CRM customer list: filters, sorting and paging. */
export const adminCrmCustomersMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/customers",
    middlewares: [
      withErrorCode(validateAndTransformQuery(AdminCustomerListParams, {}), CustomerListErrorCodes.INVALID_DATA),
    ],
  },
]
