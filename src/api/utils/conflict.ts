import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Runs a route's work and answers a conflict (a duplicate key, a tag the customer already has)
 * with a 409 that keeps the workflow's message. Medusa's error handler would replace any
 * conflict's message with a generic text about idempotency keys, which tells a merchant nothing.
 * Every other error goes on to Medusa's handler unchanged.
 */
export async function answerConflicts<T>(res: MedusaResponse, work: () => Promise<T>) {
  try {
    return { ok: true as const, value: await work() }
  } catch (e) {
    if (MedusaError.isMedusaError(e) && (e as MedusaError).type === MedusaError.Types.CONFLICT) {
      res.status(409).json({
        type: MedusaError.Types.CONFLICT,
        code: "invalid_state_error",
        message: (e as MedusaError).message,
      })
      return { ok: false as const }
    }
    throw e
  }
}
