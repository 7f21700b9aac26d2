import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { CustomerListErrorCodes } from "../../../../types/http/customer-list"
import { NoQueryParams, requireJsonObjectBody, withErrorCode } from "../../../utils/validators"
import {
  AdminCreateSegment,
  AdminSegmentCustomersParams,
  AdminSegmentSyncsParams,
  AdminSegmentsParams,
  AdminUpdateSegment,
} from "./validators"

const code = CustomerListErrorCodes.INVALID_DATA
const query = (schema: Parameters<typeof validateAndTransformQuery>[0], isList = false) =>
  withErrorCode(validateAndTransformQuery(schema, isList ? { isList: true, defaults: ["id"] } : {}), code)

export const adminSegmentsMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/crm/segments", middlewares: [query(AdminSegmentsParams, true)] },
  {
    methods: ["POST"],
    matcher: "/admin/crm/segments",
    middlewares: [requireJsonObjectBody(code), withErrorCode(validateAndTransformBody(AdminCreateSegment), code)],
  },
  { methods: ["GET", "DELETE"], matcher: "/admin/crm/segments/:id", middlewares: [query(NoQueryParams)] },
  {
    methods: ["POST"],
    matcher: "/admin/crm/segments/:id",
    middlewares: [requireJsonObjectBody(code), withErrorCode(validateAndTransformBody(AdminUpdateSegment), code)],
  },
  { methods: ["POST"], matcher: "/admin/crm/segments/:id/sync", middlewares: [query(NoQueryParams)] },
  { methods: ["GET"], matcher: "/admin/crm/segments/:id/syncs", middlewares: [query(AdminSegmentSyncsParams, true)] },
  {
    methods: ["GET"],
    matcher: "/admin/crm/segments/:id/customers",
    middlewares: [query(AdminSegmentCustomersParams, true)],
  },
]
