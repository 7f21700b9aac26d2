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
