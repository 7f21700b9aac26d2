import { createHmac } from "node:crypto"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export * from "../modules/membership/utils"

/**
 * The secret that signs membership cards: the plugin's `membership_card_secret` option, else the
 * `CRM_CARD_SECRET` environment variable, else the app's JWT secret. A key for cards alone is
 * derived from it, so a card signature is never usable as anything else.
 */
export function cardSecret(container: { resolve: <T = any>(key: string) => T }, option?: string | null) {
  const base =
    option ||
    process.env.CRM_CARD_SECRET ||
    container.resolve<any>(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret
  return createHmac("sha256", String(base)).update("medusa-crm membership card").digest()
}
