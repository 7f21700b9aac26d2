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

export const adminTagDefinitionsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/tags",
    middlewares: [
      validateAndTransformQuery(AdminTagDefinitionsParams, {
        defaults: ["id"],
        isList: true,
        defaultLimit: 50,
      }),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/tags",
    middlewares: [validateAndTransformBody(AdminCreateTagDefinition)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/crm/tags/:tag_id",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/tags/:tag_id",
    middlewares: [validateAndTransformBody(AdminUpdateTagDefinition)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/tags/:tag_id/customers",
    middlewares: [validateAndTransformBody(AdminBulkTagCustomers)],
  },
]
