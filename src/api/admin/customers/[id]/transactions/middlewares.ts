import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { AdminSendReceipt, AdminTransactionsParams } from "./validators"
import { InsightErrorCodes } from "../../../../../types/http/insights"
import { withErrorCode } from "../../../../utils/validators"

/** A customer's transactions and their receipts. */
export const adminCustomerTransactionsMiddlewares: MiddlewareRoute[] = [
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
]
