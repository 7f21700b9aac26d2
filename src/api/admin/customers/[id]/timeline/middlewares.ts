import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminCustomerTimelineParams } from "./validators"
import { TimelineErrorCodes } from "../../../../../types/http/timeline"
import { withErrorCode } from "../../../../utils/validators"

export const adminCustomerTimelineMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/timeline",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminCustomerTimelineParams, {}), TimelineErrorCodes.INVALID_DATA)],
  },
]
