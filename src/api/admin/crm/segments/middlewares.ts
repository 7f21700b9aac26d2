import {
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
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

/**
 * Validates a body and names each refused field by its path (`filter.tags.0: must be a tag key…`):
 * Medusa's body validator drops the path of a refinement's message, which leaves a client guessing
 * which filter was wrong.
 */
const body =
  (schema: z.ZodTypeAny) => (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = schema.safeParse(req.body ?? {})
    if (parsed.success) {
      req.validatedBody = parsed.data
      return next()
    }
    const issues = parsed.error.issues.map((issue) => {
      const keys = (issue as { keys?: string[] }).keys
      const path = issue.path.join(".")
      const message = keys?.length ? `unknown field(s) ${keys.join(", ")}` : issue.message
      return path ? `${path}: ${message}` : message
    })
    const error = new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${issues.join("; ")}`)
    error.code = code
    next(error)
  }
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
