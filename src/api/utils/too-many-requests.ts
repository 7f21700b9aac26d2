import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { isTooManyRequests } from "../../lib/too-many-requests"

/**
 * Runs a route's work and answers a rate-limit refusal (`tooManyRequests`, thrown anywhere in the
 * workflow) with 429, its message and a `Retry-After` header in seconds. Medusa's error handler
 * has no error type for 429. Every other error goes on unchanged.
 */
export async function answerTooManyRequests<T>(res: MedusaResponse, work: () => Promise<T>) {
  try {
    return { ok: true as const, value: await work() }
  } catch (e) {
    if (isTooManyRequests(e)) {
      res.setHeader("Retry-After", String(e.retry_after))
      res.status(429).json({ type: MedusaError.Types.NOT_ALLOWED, code: e.code, message: e.message })
      return { ok: false as const }
    }
    throw e
  }
}
