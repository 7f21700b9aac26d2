import { getAuthContextFromJwtToken, type MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type AuthContext = { actor_type?: string; actor_id?: string }

/**
 * The signed-in customer a store request is made for, without requiring one: the auth context of
 * the route's own `authenticate`, else the session or a bearer token verified as Medusa's
 * `authenticate` verifies it. Null for guests, other actors and tokens that do not verify.
 */
export function storeCustomerId(req: MedusaRequest): string | null {
  const context = (req as { auth_context?: AuthContext }).auth_context
  if (context?.actor_type === "customer" && context.actor_id) {
    return context.actor_id
  }
  const session = (req as { session?: { auth_context?: AuthContext } }).session
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
