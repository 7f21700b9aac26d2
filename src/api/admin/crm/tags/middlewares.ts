import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  AdminBulkTagCustomers,
  AdminCreateTagDefinition,
  AdminTagDefinitionsParams,
  AdminUpdateTagDefinition,
} from "./validators"
import { NoQueryParams } from "../../../utils/validators"
import { TagErrorCodes } from "../../../../types/http/tags"
import { withErrorCode } from "../../../utils/validators"

export const adminTagDefinitionsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/tags",
    middlewares: [
      withErrorCode(validateAndTransformQuery(AdminTagDefinitionsParams, {
        defaults: ["id"],
        isList: true,
        defaultLimit: 50,
      }), TagErrorCodes.INVALID_DATA),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/tags",
    middlewares: [withErrorCode(validateAndTransformBody(AdminCreateTagDefinition), TagErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/crm/tags/:tag_id",
    middlewares: [withErrorCode(validateAndTransformQuery(NoQueryParams, {}), TagErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/tags/:tag_id",
    middlewares: [withErrorCode(validateAndTransformBody(AdminUpdateTagDefinition), TagErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/tags/:tag_id/customers",
    middlewares: [withErrorCode(validateAndTransformBody(AdminBulkTagCustomers), TagErrorCodes.INVALID_DATA)],
  },
]
