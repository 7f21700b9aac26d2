import { type MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { MembershipErrorCodes } from "../../../../../types/http/memberships"
import { withErrorCode } from "../../../../utils/validators"
import {
  AdminCreateScannerKey,
  AdminListScannerKeys,
  AdminRevokeScannerKey,
  AdminScannerKeyActionParams,
} from "./validators"

const INVALID = MembershipErrorCodes.INVALID_DATA
const noQuery = withErrorCode(validateAndTransformQuery(AdminScannerKeyActionParams, {}), INVALID)

export const adminScannerKeysMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/memberships/scanner-keys",
    middlewares: [withErrorCode(validateAndTransformQuery(AdminListScannerKeys, {}), INVALID)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/memberships/scanner-keys",
    middlewares: [noQuery, withErrorCode(validateAndTransformBody(AdminCreateScannerKey), INVALID)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/memberships/scanner-keys/:id/revoke",
    middlewares: [noQuery, withErrorCode(validateAndTransformBody(AdminRevokeScannerKey), INVALID)],
  },
]
