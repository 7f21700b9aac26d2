import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { InsightErrorCodes } from "../../../../../types/http/insights"
import { withErrorCode } from "../../../../utils/validators"
import { AdminInsightsOverviewParams } from "./validators"

export const adminInsightsOverviewMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/insights/overview",
    middlewares: [
      withErrorCode(validateAndTransformQuery(AdminInsightsOverviewParams, {}), InsightErrorCodes.INVALID_DATA),
    ],
  },
]
