import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { CustomerListErrorCodes } from "../../../../types/http/customer-list"
import { NoQueryParams, withErrorCode } from "../../../utils/validators"
import {
  AdminCreateReportBody,
  AdminReportActionBody,
  AdminReportRunsParams,
  AdminReportsParams,
  AdminUpdateReportBody,
} from "./validators"

const code = CustomerListErrorCodes.INVALID_DATA
const noQuery = withErrorCode(validateAndTransformQuery(NoQueryParams, {}), code)

export const adminReportsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/reports",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminReportsParams, { isList: true, defaults: ["id"], defaultLimit: 20 }), code)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/reports",
    middlewares: [noQuery, withErrorCode(validateAndTransformBody(AdminCreateReportBody), code)],
  },
  { methods: ["GET", "DELETE"], matcher: "/admin/crm/reports/:id", middlewares: [noQuery] },
  {
    methods: ["POST"],
    matcher: "/admin/crm/reports/:id",
    middlewares: [noQuery, withErrorCode(validateAndTransformBody(AdminUpdateReportBody), code)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/reports/:id/test",
    middlewares: [noQuery, withErrorCode(validateAndTransformBody(AdminReportActionBody), code)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/reports/:id/run",
    middlewares: [noQuery, withErrorCode(validateAndTransformBody(AdminReportActionBody), code)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/crm/reports/:id/runs",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminReportRunsParams, { isList: true, defaults: ["id"], defaultLimit: 20 }), code)],
  },
  { methods: ["GET"], matcher: "/admin/crm/reports/:id/runs/:run_id/download", middlewares: [noQuery] },
]
