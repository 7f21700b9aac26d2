import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  generateJwtToken,
  Modules,
} from "@medusajs/framework/utils"

export type AdminHeaders = { headers: Record<string, string> }

/**
 * Creates an admin user with an auth identity and returns the headers a logged-in admin sends.
 */
export async function createAdminUser(
  container: MedusaContainer,
  email = "admin@medusa-crm.test"
): Promise<AdminHeaders & { userId: string }> {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({ email, first_name: "Ada", last_name: "Admin" })
  const authIdentity = await authModule.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: email }],
    app_metadata: { user_id: user.id },
  })
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const token = generateJwtToken(
    {
      actor_id: user.id,
      actor_type: "user",
      auth_identity_id: authIdentity.id,
      app_metadata: { user_id: user.id },
    },
    { secret: config.projectConfig.http.jwtSecret, expiresIn: "1d" }
  )
  return { userId: user.id, headers: { authorization: `Bearer ${token}` } }
}

/** Runs a request and returns the axios response instead of throwing on 4xx/5xx. */
export async function settle<T>(promise: Promise<T>): Promise<any> {
  try {
    return await promise
  } catch (e: any) {
    if (e?.response) {
      return e.response
    }
    throw e
  }
}
