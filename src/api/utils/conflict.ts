import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { conflictOf } from "../../lib/errors"
import { isTooManyRequests } from "../../lib/too-many-requests"

/**
 * Runs a route's work and answers the refusals Medusa's error handler would garble, keeping the
 * workflow's message:
 * - a conflict (a duplicate key, a tag the customer already has, a spent claim) with 409; Medusa's
 *   handler would replace its message with a generic text about idempotency keys;
 * - a rate limit (`tooManyRequests`) with 429 and a `Retry-After` header in seconds; Medusa's
 *   handler has no error type for 429 and would answer 400.
 * Every other error goes on to Medusa's handler unchanged.
 */
export async function answerRefusals<T>(res: MedusaResponse, work: () => Promise<T>) {
  try {
    return { ok: true as const, value: await work() }
  } catch (e) {
    if (isTooManyRequests(e)) {
      res.setHeader("Retry-After", String(e.retry_after))
      res.status(429).json({ type: MedusaError.Types.NOT_ALLOWED, code: e.code, message: e.message })
      return { ok: false as const }
    }
    if (MedusaError.isMedusaError(e) && (e as MedusaError).type === MedusaError.Types.CONFLICT) {
      res.status(409).json({
        type: MedusaError.Types.CONFLICT,
        // The refusal's own code where it has one (a spent claim), else Medusa's for a conflict.
        code: (e as MedusaError).code ?? "invalid_state_error",
        message: (e as MedusaError).message,
        // The record it collides with, where the refusal names one (`withConflict`).
        ...(conflictOf(e) ? { conflict: conflictOf(e) } : {}),
      })
      return { ok: false as const }
    }
    throw e
  }
}
