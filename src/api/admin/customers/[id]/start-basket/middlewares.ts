import { type MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { InsightErrorCodes } from "../../../../../types/http/insights"
import { withErrorCode } from "../../../../utils/validators"
import { AdminStartBasket } from "./validators"

/** A new draft order for the customer. */
export const adminStartBasketMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/start-basket",
    middlewares: [withErrorCode(validateAndTransformBody(AdminStartBasket), InsightErrorCodes.INVALID_DATA)],
  },
]
