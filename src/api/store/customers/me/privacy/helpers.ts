import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { isTooManyRequests } from "../../../../../lib/too-many-requests"
import { PrivacyErrorCodes } from "../../../../../types/http/privacy"
import { answerRefusals } from "../../../../utils/conflict"

/**
 * Runs a privacy route's work and answers a rate limit with 429, `Retry-After` and `tooManyCode`
 * (`too_many_codes`, or `too_many_exports` for exports); conflicts (409) as `answerRefusals` does;
 * everything else goes on to Medusa's error handler.
 */
export async function answerPrivacyRefusals<T>(
  res: MedusaResponse,
  work: () => Promise<T>,
  tooManyCode: string = PrivacyErrorCodes.TOO_MANY_CODES
) {
  return answerRefusals(res, async () => {
    try {
      return await work()
    } catch (e) {
      if (isTooManyRequests(e)) {
        res.setHeader("Retry-After", String(e.retry_after))
        res.status(429).json({
          type: MedusaError.Types.NOT_ALLOWED,
          code: tooManyCode,
          message: e.message,
        })
        return undefined as never
      }
      throw e
    }
  })
}
