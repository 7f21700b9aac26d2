import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { NoQueryParams } from "../../../../utils/validators"
import { AdminAssignCustomerTag, AdminUpdateCustomerTag } from "./validators"

export const adminCustomerTagsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/tags",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/tags/:tag_id",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/tags",
    middlewares: [validateAndTransformBody(AdminAssignCustomerTag)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/tags/:tag_id",
    middlewares: [validateAndTransformBody(AdminUpdateCustomerTag)],
  },
]
