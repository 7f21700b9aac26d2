import {
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PRIVACY_MODULE } from "../../modules/privacy"
import type PrivacyModuleService from "../../modules/privacy/service"
import { storeCustomerId } from "../utils/store-customer"

/** How often a customer's last-seen time is written at most. */
export const ACTIVITY_INTERVAL_MS = 60 * 60 * 1000

/** Customers remembered by this process (the oldest are forgotten first beyond this). */
const CACHE_SIZE = 50_000

/**
 * When this process last wrote (or found fresh) each customer's last-seen time. A Map keeps
 * insertion order, so the oldest entry is the first key.
 */
const lastWritten = new Map<string, number>()

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
    customerId = storeCustomerId(req)
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
