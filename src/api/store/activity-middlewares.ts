import {
  getAuthContextFromJwtToken,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PRIVACY_MODULE } from "../../modules/privacy"
import type PrivacyModuleService from "../../modules/privacy/service"

/** How often a customer's last-seen time is written at most. */
export const ACTIVITY_INTERVAL_MS = 60 * 60 * 1000

/** Customers remembered by this process (the oldest are forgotten first beyond this). */
const CACHE_SIZE = 50_000

/**
 * When this process last wrote (or found fresh) each customer's last-seen time. A Map keeps
 * insertion order, so the oldest entry is the first key.
 */
const lastWritten = new Map<string, number>()

/** Forgets what this process remembers (tests). */
export function resetActivityCache() {
  lastWritten.clear()
}

/**
 * The signed-in customer a store request is made for: the auth context of the route's own
 * `authenticate`, else the session or a bearer token verified as Medusa's `authenticate` verifies
 * it. Null for guests, other actors and tokens that do not verify.
 */
function customerOf(req: MedusaRequest): string | null {
  const context = (req as { auth_context?: { actor_type?: string; actor_id?: string } }).auth_context
  if (context?.actor_type === "customer" && context.actor_id) {
    return context.actor_id
  }
  const session = (req as { session?: { auth_context?: { actor_type?: string; actor_id?: string } } }).session
  if (session?.auth_context?.actor_type === "customer" && session.auth_context.actor_id) {
    return session.auth_context.actor_id
  }
  const authorization = req.headers.authorization
  if (!authorization || !/^bearer\s/i.test(authorization)) {
    return null
  }
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const verified = getAuthContextFromJwtToken(
    authorization,
    http.jwtSecret!,
    ["bearer"],
    ["customer"],
    http.jwtPublicKey,
    http.jwtVerifyOptions ?? http.jwtOptions
  )
  return verified?.actor_id || null
}

/**
 * Records when a signed-in customer was last seen on the storefront (Medusa records no logins):
 * the retention policy counts it as activity. Cheap: an in-process cache skips customers written
 * within the hour, and the write itself is one conditional upsert (`touchActivity`) that changes
 * nothing when another instance wrote within the hour. It runs after the response was sent and
 * never fails the request: an error is logged (without the customer) and forgotten.
 */
export function recordStoreActivity(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  let customerId: string | null = null
  try {
    customerId = customerOf(req)
  } catch {
    customerId = null
  }
  const now = Date.now()
  if (customerId && now - (lastWritten.get(customerId) ?? 0) >= ACTIVITY_INTERVAL_MS) {
    const id = customerId
    res.once("finish", () => {
      // A refused request (a token of an erased customer, a bad request) is no activity.
      if (res.statusCode >= 400) {
        return
      }
      lastWritten.delete(id)
      lastWritten.set(id, now)
      if (lastWritten.size > CACHE_SIZE) {
        lastWritten.delete(lastWritten.keys().next().value as string)
      }
      const privacy: PrivacyModuleService = req.scope.resolve(PRIVACY_MODULE)
      privacy.touchActivity(id).catch((e: Error) => {
        lastWritten.delete(id)
        req.scope
          .resolve(ContainerRegistrationKeys.LOGGER)
          .warn(`medusa-crm: could not record a customer's storefront activity: ${e.message}`)
      })
    })
  }
  next()
}

/** Records when a signed-in customer was last seen (the retention policy's sign-ins). */
export const storeActivityMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/*",
    middlewares: [recordStoreActivity],
  },
]
