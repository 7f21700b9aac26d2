import { MedusaError } from "@medusajs/framework/utils"

/** The `code` of a MedusaError that refuses a request for a rate limit. */
export const TOO_MANY_REQUESTS = "too_many_requests"

export type TooManyRequestsError = MedusaError & { retry_after: number }

/**
 * A refusal for a rate limit, with the seconds after which a retry may pass. Medusa's error
 * handler knows no 429: a route answers it with `answerRefusals` (elsewhere it is a 400,
 * `not_allowed`).
 */
export function tooManyRequests(message: string, retryAfterSeconds: number): TooManyRequestsError {
  const error = new MedusaError(MedusaError.Types.NOT_ALLOWED, message, TOO_MANY_REQUESTS)
  return Object.assign(error, { retry_after: Math.max(1, Math.ceil(retryAfterSeconds)) })
}

/** Whether `e` is a rate-limit refusal, also after a workflow passed it on. */
export function isTooManyRequests(e: unknown): e is TooManyRequestsError {
  return !!e && MedusaError.isMedusaError(e as Error) && (e as MedusaError).code === TOO_MANY_REQUESTS
}
