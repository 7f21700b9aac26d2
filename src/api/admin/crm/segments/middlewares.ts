import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { CustomerListErrorCodes } from "../../../../types/http/customer-list"
import { NoQueryParams, requireJsonObjectBody, validateBodyNamingFields, withErrorCode } from "../../../utils/validators"
import {
  AdminCreateSegment,
  AdminSegmentCustomersParams,
  AdminSegmentSyncsParams,
  AdminSegmentsParams,
  AdminUpdateSegment,
} from "./validators"

const code = CustomerListErrorCodes.INVALID_DATA

const body = (schema: z.ZodTypeAny) => validateBodyNamingFields(schema, code)
const query = (schema: Parameters<typeof validateAndTransformQuery>[0], isList = false) =>
  withErrorCode(validateAndTransformQuery(schema, isList ? { isList: true, defaults: ["id"] } : {}), code)

export const adminSegmentsMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/crm/segments", middlewares: [query(AdminSegmentsParams, true)] },
  {
    methods: ["POST"],
    matcher: "/admin/crm/segments",
    middlewares: [requireJsonObjectBody(code), body(AdminCreateSegment)],
  },
  { methods: ["GET", "DELETE"], matcher: "/admin/crm/segments/:id", middlewares: [query(NoQueryParams)] },
  {
    methods: ["POST"],
    matcher: "/admin/crm/segments/:id",
    middlewares: [requireJsonObjectBody(code), body(AdminUpdateSegment)],
  },
  { methods: ["POST"], matcher: "/admin/crm/segments/:id/sync", middlewares: [query(NoQueryParams)] },
  { methods: ["GET"], matcher: "/admin/crm/segments/:id/syncs", middlewares: [query(AdminSegmentSyncsParams, true)] },
  {
    methods: ["GET"],
    matcher: "/admin/crm/segments/:id/customers",
    middlewares: [query(AdminSegmentCustomersParams, true)],
  },
]
