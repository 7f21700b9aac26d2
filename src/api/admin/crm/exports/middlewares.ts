import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { CustomerListErrorCodes } from "../../../../types/http/customer-list"
import { requireJsonObjectBody, withErrorCode } from "../../../utils/validators"
import { AdminCreateExportBody, AdminGetExportParams, AdminGetExportsParams } from "./validators"

const INVALID = CustomerListErrorCodes.INVALID_DATA

export const adminExportsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/exports",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminGetExportsParams, {}), INVALID)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/exports",
    middlewares: [requireJsonObjectBody(INVALID), withErrorCode(validateAndTransformBody(AdminCreateExportBody), INVALID)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/crm/exports/:id",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminGetExportParams, {}), INVALID)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/crm/exports/:id/download",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminGetExportParams, {}), INVALID)],
  },
]
