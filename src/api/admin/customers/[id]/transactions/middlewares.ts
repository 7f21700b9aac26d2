import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { MetricsParams } from "../../../../utils/insights"
import { AdminSendReceipt, AdminStartBasket, AdminTransactionsParams } from "./validators"

export const adminCustomerInsightsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/metrics",
    middlewares: [validateAndTransformQuery(MetricsParams as any, {})],
  },
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/transactions",
    middlewares: [validateAndTransformQuery(AdminTransactionsParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/transactions/:order_id/receipt",
    middlewares: [validateAndTransformBody(AdminSendReceipt)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/start-basket",
    middlewares: [validateAndTransformBody(AdminStartBasket)],
  },
]
