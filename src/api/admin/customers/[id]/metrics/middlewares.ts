import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { InsightErrorCodes } from "../../../../../types/http/insights"
import { withErrorCode } from "../../../../utils/validators"
import { AdminCustomerMetricsParams } from "./validators"

/** A customer's figures, for a period. */
export const adminCustomerMetricsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/metrics",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminCustomerMetricsParams, {}), InsightErrorCodes.INVALID_DATA)],
  },
]
