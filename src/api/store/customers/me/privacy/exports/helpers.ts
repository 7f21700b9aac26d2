import type { MedusaResponse } from "@medusajs/framework/http"
import { PrivacyErrorCodes } from "../../../../../../types/http/privacy"
import { answerPrivacyRefusals } from "../helpers"

/**
 * Runs an export route's work and answers the daily limit with 429, `Retry-After` and the code
 * `too_many_exports`; conflicts (409 `export_not_ready`) as `answerRefusals` does; everything
 * else goes on to Medusa's error handler.
 */
export const answerExportRefusals = <T>(res: MedusaResponse, work: () => Promise<T>) =>
  answerPrivacyRefusals(res, work, PrivacyErrorCodes.TOO_MANY_EXPORTS)
