import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { NoQueryParams } from "../../../../utils/validators"

export const adminInsightsRebuildMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/insights/rebuild",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/insights/rebuild",
    middlewares: [validateAndTransformBody(z.object({}).strict())],
  },
]
