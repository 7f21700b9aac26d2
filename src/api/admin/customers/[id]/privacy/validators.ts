import { z } from "@medusajs/framework/zod"
import {
  ANONYMIZE_CONFIRMATION,
  type AnonymizeCustomerPayload,
  DELETE_CONFIRMATION,
  type DeleteCustomerPayload,
  LEGAL_HOLD_REASON_MAX_LENGTH,
  type SetLegalHoldPayload,
} from "../../../../../types/http/privacy"
import { NoQueryParams } from "../../../../utils/validators"

export const AdminCustomerPrivacyParams = NoQueryParams
export type AdminCustomerPrivacyParamsType = z.infer<typeof AdminCustomerPrivacyParams>

export const AdminSetLegalHold = z
  .object({
    reason: z
      .string({ error: "reason is required: a text that says why the customer is on legal hold" })
      .trim()
      .min(1, { message: "reason must not be empty" })
      .max(LEGAL_HOLD_REASON_MAX_LENGTH, { message: `reason must be at most ${LEGAL_HOLD_REASON_MAX_LENGTH} characters` }),
  })
  .strict() satisfies z.ZodType<SetLegalHoldPayload>
export type AdminSetLegalHoldType = z.infer<typeof AdminSetLegalHold>

/** The confirmation word, typed by the admin: without it nothing happens. */
const confirmation = <W extends string>(word: W, what: string) =>
  z.literal(word, { error: `confirm must be "${word}": type it to ${what} this customer for good` })

export const AdminAnonymizeCustomer = z
  .object({ confirm: confirmation(ANONYMIZE_CONFIRMATION, "anonymize") })
  .strict() satisfies z.ZodType<AnonymizeCustomerPayload>
export type AdminAnonymizeCustomerType = z.infer<typeof AdminAnonymizeCustomer>

export const AdminDeleteCustomer = z
  .object({ confirm: confirmation(DELETE_CONFIRMATION, "delete") })
  .strict() satisfies z.ZodType<DeleteCustomerPayload>
export type AdminDeleteCustomerType = z.infer<typeof AdminDeleteCustomer>
