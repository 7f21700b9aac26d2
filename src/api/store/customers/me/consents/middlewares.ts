import {
  authenticate,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { resolveLivePurposes } from "../../../../../lib/consents"
import { registrationConsentsContext } from "../../../../../lib/registration-consents"
import { PrivacyErrorCodes } from "../../../../../types/http/privacy"
import { requireJsonObjectBody, withErrorCode } from "../../../../utils/validators"
import { RegistrationConsents, StoreChangeConsents, StoreCustomerConsentsParams } from "./validators"

const customer = authenticate("customer", ["session", "bearer"])
const INVALID = PrivacyErrorCodes.INVALID_DATA

const withCode = (error: unknown, code: string) => {
  if (MedusaError.isMedusaError(error as Error) && !(error as MedusaError).code) {
    ;(error as MedusaError).code = code
  }
  return error
}

/**
 * Consents given at registration: `POST /store/customers` with `additional_data.consents`
 * (`[{ purpose: handle, granted, version? }]`, and `consent_source`: `storefront` by default or
 * `checkout`). They are checked here, before Medusa's route creates anything: a malformed list,
 * an unknown or archived purpose handle or a version that does not exist is a 400 and no customer
 * is created. The route then runs with them at hand, and the `customersCreated` hook records them
 * for the new customer in the same workflow (rolled back with it).
 *
 * Medusa 2.21's validator of this route takes no `additional_data` (it refuses the key, and the
 * route would not pass it on), so `additionalDataValidator` cannot carry them: they are read and
 * taken out of the body here, before that validator runs.
 */
export async function registrationConsents(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const additional = (req.body as { additional_data?: unknown } | undefined)?.additional_data
  if (additional === undefined || additional === null) {
    return next()
  }
  try {
    if (typeof additional !== "object" || Array.isArray(additional)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: additional_data must be an object")
    }
    const result = RegistrationConsents.safeParse(additional)
    if (!result.success) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid request: ${result.error.issues
          .map((issue) => `additional_data.${issue.path.join(".")}: ${issue.message}`)
          .join("; ")}`
      )
    }
    const parsed = result.data
    // Medusa's own validator refuses keys it does not know: what is read here leaves the body.
    const rest = { ...(additional as Record<string, unknown>) }
    delete rest.consents
    delete rest.consent_source
    if (Object.keys(rest).length) {
      ;(req.body as Record<string, unknown>).additional_data = rest
    } else {
      delete (req.body as Record<string, unknown>).additional_data
    }
    if (!parsed.consents?.length) {
      return next()
    }
    const wanted = parsed.consents
    const purposes = await resolveLivePurposes(req.scope, { handles: wanted.map((c) => c.purpose) })
    const byHandle = new Map(purposes.map((p) => [p.handle, p]))
    const changes = wanted.map((c) => {
      const purpose = byHandle.get(c.purpose)!
      if (c.version !== undefined && c.version > Number(purpose.current_version)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Invalid request: version ${c.version} of consent purpose ${c.purpose} does not exist (the current one is ${purpose.current_version})`
        )
      }
      return { purpose_id: purpose.id, granted: c.granted, text_version: c.version ?? null }
    })
    registrationConsentsContext.run({ source: parsed.consent_source ?? "storefront", changes, used: false }, () => next())
  } catch (error) {
    next(withCode(error, INVALID))
  }
}

/** The signed-in customer's consents, and consents given at registration. */
export const storeCustomerConsentsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/store/customers/me/consents",
    middlewares: [customer, withErrorCode(validateAndTransformQuery(StoreCustomerConsentsParams, {}), INVALID)],
  },
  {
    methods: ["POST"],
    matcher: "/store/customers/me/consents",
    middlewares: [
      customer,
      requireJsonObjectBody(INVALID),
      withErrorCode(validateAndTransformBody(StoreChangeConsents), INVALID),
      withErrorCode(validateAndTransformQuery(StoreCustomerConsentsParams, {}), INVALID),
    ],
  },
  // A regular expression, so it runs before Medusa's own middlewares of the route (its validator).
  {
    methods: ["POST"],
    matcher: /^\/store\/customers\/?$/,
    middlewares: [registrationConsents],
  },
]
