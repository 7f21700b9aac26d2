import { type MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminAssignCustomerTag, AdminUpdateCustomerTag } from "./validators"

export const adminCustomerTagsMiddlewares: MiddlewareRoute[] = [
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
