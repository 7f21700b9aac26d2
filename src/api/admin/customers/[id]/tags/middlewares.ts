import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { NoQueryParams } from "../../../../utils/validators"
import { AdminAssignCustomerTag, AdminUpdateCustomerTag } from "./validators"
import { TagErrorCodes } from "../../../../../types/http/tags"
import { withErrorCode } from "../../../../utils/validators"

export const adminCustomerTagsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/tags",
    middlewares: [withErrorCode(validateAndTransformQuery(NoQueryParams, {}), TagErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/tags/:tag_id",
    middlewares: [withErrorCode(validateAndTransformQuery(NoQueryParams, {}), TagErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/tags",
    middlewares: [withErrorCode(validateAndTransformBody(AdminAssignCustomerTag), TagErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/tags/:tag_id",
    middlewares: [withErrorCode(validateAndTransformBody(AdminUpdateCustomerTag), TagErrorCodes.INVALID_DATA)],
  },
]
