import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { isTooManyRequests } from "../../../../../lib/too-many-requests"
import { PrivacyErrorCodes } from "../../../../../types/http/privacy"
import { answerRefusals } from "../../../../utils/conflict"

/**
 * Runs a privacy route's work and answers the too-many-codes refusal with 429, `Retry-After` and
 * the code `too_many_codes`; conflicts (409) as `answerRefusals` does; everything else goes on to
 * Medusa's error handler.
 */
export async function answerPrivacyRefusals<T>(res: MedusaResponse, work: () => Promise<T>) {
  return answerRefusals(res, async () => {
    try {
      return await work()
    } catch (e) {
      if (isTooManyRequests(e)) {
        res.setHeader("Retry-After", String(e.retry_after))
        res.status(429).json({
          type: MedusaError.Types.NOT_ALLOWED,
          code: PrivacyErrorCodes.TOO_MANY_CODES,
          message: e.message,
        })
        return undefined as never
      }
      throw e
    }
  })
}
