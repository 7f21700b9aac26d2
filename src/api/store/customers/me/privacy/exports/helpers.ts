import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { isTooManyRequests } from "../../../../../../lib/too-many-requests"
import { PrivacyErrorCodes } from "../../../../../../types/http/privacy"
import { answerRefusals } from "../../../../../utils/conflict"

/**
 * Runs an export route's work and answers the daily limit with 429, `Retry-After` and the code
 * `too_many_exports`; conflicts (409 `export_not_ready`) as `answerRefusals` does; everything
 * else goes on to Medusa's error handler.
 */
export async function answerExportRefusals<T>(res: MedusaResponse, work: () => Promise<T>) {
  return answerRefusals(res, async () => {
    try {
      return await work()
    } catch (e) {
      if (isTooManyRequests(e)) {
        res.setHeader("Retry-After", String(e.retry_after))
        res.status(429).json({
          type: MedusaError.Types.NOT_ALLOWED,
          code: PrivacyErrorCodes.TOO_MANY_EXPORTS,
          message: e.message,
        })
        return undefined as never
      }
      throw e
    }
  })
}
