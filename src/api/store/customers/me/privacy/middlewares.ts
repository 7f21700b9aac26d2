import {
  authenticate,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
  validateAndTransformBody,
} from "@medusajs/framework/http"
import { selectRows } from "../../../../../lib/queries/sql"
import { PrivacyErrorCodes } from "../../../../../types/http/privacy"
import { storeCustomerId } from "../../../../utils/store-customer"
import { requireJsonObjectBody, withErrorCode } from "../../../../utils/validators"
import { StoreAnonymizeCustomer, StoreRequestAnonymizeCode } from "./validators"

const customer = authenticate("customer", ["session", "bearer"])
const INVALID = PrivacyErrorCodes.INVALID_DATA

/**
 * Medusa's tokens and sessions are stateless: one issued before a customer was anonymized or
 * deleted would still pass `authenticate` until it expires. This refuses (401) every store request
 * made for a customer in the erasure log, before the route's own authentication runs. Requests
 * without a customer token or session cost nothing; with one, one indexed lookup.
 */
export async function refuseErasedCustomers(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const actorId = storeCustomerId(req)
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
