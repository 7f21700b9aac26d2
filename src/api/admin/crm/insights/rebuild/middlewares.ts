import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { NoQueryParams } from "../../../../utils/validators"
import { InsightErrorCodes } from "../../../../../types/http/insights"
import { withErrorCode } from "../../../../utils/validators"
import { AdminStartInsightsRebuild } from "./validators"

export const adminInsightsRebuildMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/insights/rebuild",
    middlewares: [withErrorCode(validateAndTransformQuery(NoQueryParams, {}), InsightErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/insights/rebuild",
    middlewares: [withErrorCode(validateAndTransformBody(AdminStartInsightsRebuild), InsightErrorCodes.INVALID_DATA)],
  },
]
