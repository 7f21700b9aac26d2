import { type MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { CustomerListErrorCodes } from "../../../../../types/http/customer-list"
import { withErrorCode } from "../../../../utils/validators"
import { AdminBulkCustomerTagsBody } from "./validators"

/** Bulk tags on a selection of the CRM list. */
export const adminBulkCustomerTagsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/crm/customers/tags",
    middlewares: [
      withErrorCode(validateAndTransformBody(AdminBulkCustomerTagsBody), CustomerListErrorCodes.INVALID_DATA),
    ],
  },
]
