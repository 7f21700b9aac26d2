import {
  authenticate,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { crmError } from "../../../../../lib/errors"
import { hashScannerKey, looksLikeScannerKey } from "../../../../../lib/membership"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../../../../../modules/membership"
import { MembershipErrorCodes } from "../../../../../types/http/memberships"
import { withErrorCode } from "../../../../utils/validators"
import { AdminVerifyMembershipCard } from "./validators"

/** The header a door scanner sends its key in. */
export const SCANNER_KEY_HEADER = "x-scanner-key"

/** The actor type of a request made with a scanner key. */
export const SCANNER_ACTOR_TYPE = "membership_scanner"

const adminAuth = authenticate("user", ["session", "bearer", "api-key"])

/**
 * Who may check a card: an admin as on every admin route (session, bearer or secret API key), or a
 * door scanner with its key in `x-scanner-key`. The verify route opts out of Medusa's admin
 * authentication so that this middleware decides; every other admin route keeps Medusa's, which
 * knows nothing of scanner keys, so a scanner key opens this route alone.
 */
export async function authenticateCardCheck(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const header = req.headers[SCANNER_KEY_HEADER]
  if (header === undefined) {
    return adminAuth(req, res, next)
  }
  const key = Array.isArray(header) ? "" : header.trim()
  const service: MembershipModuleService = req.scope.resolve(MEMBERSHIP_MODULE)
  const found = looksLikeScannerKey(key) ? await service.useScannerKey(hashScannerKey(key)) : null
  if (!found) {
    return next(
      crmError(
        MedusaError.Types.UNAUTHORIZED,
        MembershipErrorCodes.SCANNER_KEY_INVALID,
        "The scanner key is not valid or has been revoked"
      )
    )
  }
  Object.assign(req, {
    auth_context: {
      actor_id: found.id,
      actor_type: SCANNER_ACTOR_TYPE,
      auth_identity_id: "",
      app_metadata: {},
      user_metadata: {},
    },
  })
  return next()
}

export const adminVerifyMembershipMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/memberships/verify",
    middlewares: [
      authenticateCardCheck,
      withErrorCode(validateAndTransformQuery(AdminVerifyMembershipCard, {}), MembershipErrorCodes.INVALID_DATA),
    ],
  },
]
