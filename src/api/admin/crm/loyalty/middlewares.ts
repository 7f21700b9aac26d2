import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { loyaltyProgramSchema } from "../../../../lib/loyalty"
import { NoQueryParams } from "../../../utils/validators"

export const adminLoyaltyProgramMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/loyalty",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/loyalty",
    middlewares: [validateAndTransformBody(loyaltyProgramSchema)],
  },
]
