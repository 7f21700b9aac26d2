import { MedusaError } from "@medusajs/framework/utils"

export type MedusaErrorType = (typeof MedusaError.Types)[keyof typeof MedusaError.Types]

/**
 * A refusal with its stable machine-readable `code`; Medusa's error handler answers it as
 * `{ type, message, code }`. The codes of each area are listed in `src/types/http/<area>.ts`
 * (and the README), so storefronts and the admin can branch on them.
 *
 * @example
 * throw crmError(MedusaError.Types.NOT_FOUND, "customer_not_found", `Customer ${id} was not found`)
 */
export const crmError = <Code extends string>(type: MedusaErrorType, code: Code, message: string) =>
  new MedusaError(type, message, code)

/**
 * A refusal that names the record it collides with (e.g. the customer who has that e-mail): a 409
 * answered through `answerRefusals` carries it as `conflict`, so the admin can link to that record.
 */
export const withConflict = <T extends MedusaError, Conflict extends Record<string, unknown>>(error: T, conflict: Conflict) =>
  Object.assign(error, { conflict })

/** The record a refusal collides with, when `withConflict` named one. */
export const conflictOf = (error: unknown): Record<string, unknown> | undefined => {
  const conflict = (error as { conflict?: unknown } | null)?.conflict
  return conflict && typeof conflict === "object" ? (conflict as Record<string, unknown>) : undefined
}
