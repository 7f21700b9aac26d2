import {
  authenticate,
  getAuthContextFromJwtToken,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
  validateAndTransformBody,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { selectRows } from "../../../../../lib/queries/sql"
import { PrivacyErrorCodes } from "../../../../../types/http/privacy"
import { requireJsonObjectBody, withErrorCode } from "../../../../utils/validators"
import { StoreAnonymizeCustomer, StoreRequestAnonymizeCode } from "./validators"

const customer = authenticate("customer", ["session", "bearer"])
const INVALID = PrivacyErrorCodes.INVALID_DATA

/**
 * The customer a store request is made for, read from its session or bearer token as Medusa's
 * `authenticate` does (without requiring one): null for guests and other actors.
 */
function customerActorId(req: MedusaRequest): string | null {
  const session = (req as { session?: { auth_context?: { actor_type?: string; actor_id?: string } } }).session
  if (session?.auth_context?.actor_type === "customer" && session.auth_context.actor_id) {
    return session.auth_context.actor_id
  }
  const authorization = req.headers.authorization
  if (!authorization || !/^bearer\s/i.test(authorization)) {
    return null
  }
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const context = getAuthContextFromJwtToken(
    authorization,
    http.jwtSecret!,
    ["bearer"],
    ["customer"],
    http.jwtPublicKey,
    http.jwtVerifyOptions ?? http.jwtOptions
  )
  return context?.actor_id || null
}

/**
 * Medusa's tokens and sessions are stateless: one issued before a customer was anonymized or
 * deleted would still pass `authenticate` until it expires. This refuses (401) every store request
 * made for a customer in the erasure log, before the route's own authentication runs. Requests
 * without a customer token or session cost nothing; with one, one indexed lookup.
 */
export async function refuseErasedCustomers(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const actorId = customerActorId(req)
  if (!actorId) {
    return next()
  }
  const [erased] = await selectRows(
    req.scope,
    `SELECT 1 FROM privacy_erasure WHERE customer_id = :id AND deleted_at IS NULL LIMIT 1`,
    { id: actorId }
  )
  if (erased) {
    res.status(401).json({ message: "Unauthorized" })
    return
  }
  next()
}

export const storeCustomerPrivacyMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/*",
    middlewares: [refuseErasedCustomers],
  },
  {
    methods: ["POST"],
    matcher: "/store/customers/me/privacy/anonymize/code",
    middlewares: [
      customer,
      requireJsonObjectBody(INVALID),
      withErrorCode(validateAndTransformBody(StoreRequestAnonymizeCode), INVALID),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/store/customers/me/privacy/anonymize",
    middlewares: [
      customer,
      requireJsonObjectBody(INVALID),
      withErrorCode(validateAndTransformBody(StoreAnonymizeCustomer), INVALID),
    ],
  },
]
