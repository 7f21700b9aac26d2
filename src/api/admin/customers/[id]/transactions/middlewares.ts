import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { AdminCustomerMetricsParams } from "../metrics/validators"
import { AdminStartBasket } from "../start-basket/validators"
import { AdminSendReceipt, AdminTransactionsParams } from "./validators"
import { InsightErrorCodes } from "../../../../../types/http/insights"
import { withErrorCode } from "../../../../utils/validators"

/** The insight routes of a customer: metrics, transactions, a receipt, a new basket. */
export const adminCustomerInsightsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/metrics",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminCustomerMetricsParams, {}), InsightErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/transactions",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminTransactionsParams, {}), InsightErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/transactions/:order_id/receipt",
    middlewares: [withErrorCode(validateAndTransformBody(AdminSendReceipt), InsightErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/start-basket",
    middlewares: [withErrorCode(validateAndTransformBody(AdminStartBasket), InsightErrorCodes.INVALID_DATA)],
  },
]
