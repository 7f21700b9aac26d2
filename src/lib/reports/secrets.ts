import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { crmError } from "../errors"
import { CRM_REPORT_MODULE } from "../../modules/crm-report"
import type CrmReportModuleService from "../../modules/crm-report/service"
import { CustomerListErrorCodes } from "../../types/http/customer-list"

/**
 * The secrets of a report's destination (an SFTP password or private key), encrypted at rest with
 * AES-256-GCM. The key is derived from the plugin's option `report_secret`, else the
 * `CRM_REPORT_SECRET` environment variable, else (development and tests only) the app's JWT
 * secret. In any other environment without a key, saving a secret is refused: a secret encrypted
 * with a well-known key would be no secret.
 */

export type DestinationSecret = { password?: string; private_key?: string }

const VERSION = "v1"

async function keyBase(container: MedusaContainer): Promise<string | null> {
  let option: string | null = null
  try {
    const service: CrmReportModuleService = container.resolve(CRM_REPORT_MODULE)
    option = await service.getReportSecretOption()
  } catch {
    option = null
  }
  if (option) {
    return option
  }
  if (process.env.CRM_REPORT_SECRET) {
    return process.env.CRM_REPORT_SECRET
  }
  const env = process.env.NODE_ENV || "development"
  if (env === "development" || env === "test") {
    return String(container.resolve<any>(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret)
  }
  return null
}

/** The 32-byte key, derived for report secrets alone; null when none is configured (production). */
export async function reportKey(container: MedusaContainer): Promise<Buffer | null> {
  const base = await keyBase(container)
  return base ? createHmac("sha256", base).update("medusa-crm report destination secrets").digest() : null
}

/** 400 `report_secret_missing`: no key to encrypt with. */
export const missingKey = () =>
  crmError(
    MedusaError.Types.NOT_ALLOWED,
    CustomerListErrorCodes.REPORT_SECRET_MISSING,
    "No key to encrypt the SFTP password or key with: set the plugin option report_secret (or CRM_REPORT_SECRET) first"
  )

/** `v1:<iv>:<tag>:<ciphertext>` (base64) of the secret as JSON. */
export async function encryptSecret(container: MedusaContainer, secret: DestinationSecret): Promise<string> {
  const key = await reportKey(container)
  if (!key) {
    throw missingKey()
  }
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const body = Buffer.concat([cipher.update(JSON.stringify(secret), "utf8"), cipher.final()])
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":")
}

const unreadable = () =>
  new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    "The destination's password or key cannot be read with the current report_secret: save the destination again"
  )

/** The secret back; throws when the key changed since it was saved (the report must be saved again with it). */
export async function decryptSecret(container: MedusaContainer, stored: string | null | undefined): Promise<DestinationSecret> {
  if (!stored) {
    return {}
  }
  const key = await reportKey(container)
  const [version, iv, tag, body] = stored.split(":")
  if (!key || version !== VERSION || !iv || !tag || body === undefined) {
    throw unreadable()
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"))
    decipher.setAuthTag(Buffer.from(tag, "base64"))
    const text = Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8")
    return JSON.parse(text) as DestinationSecret
  } catch {
    throw unreadable()
  }
}
