import { type MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { PrivacyErrorCodes } from "../../../../../types/http/privacy"
import { NoQueryParams, withErrorCode } from "../../../../utils/validators"
import { AdminRetentionDryRun, AdminRetentionRunsParams, AdminStartRetentionRun } from "./validators"

const INVALID = PrivacyErrorCodes.INVALID_DATA
const noQuery = withErrorCode(validateAndTransformQuery(NoQueryParams, {}), INVALID)

/** The retention policy: dry run, runs. */
export const adminRetentionMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/crm/privacy/retention/dry-run",
    middlewares: [withErrorCode(validateAndTransformBody(AdminRetentionDryRun), INVALID), noQuery],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/privacy/retention/run",
    middlewares: [withErrorCode(validateAndTransformBody(AdminStartRetentionRun), INVALID), noQuery],
  },
  {
    methods: ["GET"],
    matcher: "/admin/crm/privacy/retention/runs",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminRetentionRunsParams, {}), INVALID)],
  },
]
