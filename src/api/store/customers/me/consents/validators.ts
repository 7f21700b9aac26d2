import { z } from "@medusajs/framework/zod"
import { CONSENT_CHANGES_MAX } from "../../../../../lib/consents"
import type { RegistrationConsentsAdditionalData, StoreChangeConsentsPayload } from "../../../../../types/http/privacy"
import { NoQueryParams } from "../../../../utils/validators"

export const StoreCustomerConsentsParams = NoQueryParams

const consentChange = z
  .object({
    purpose: z
      .string({ error: "purpose is required: the handle of the consent purpose, e.g. email_marketing" })
      .trim()
      .min(1, { message: "purpose must not be empty" })
      .max(64, { message: "purpose must be at most 64 characters" }),
    granted: z.boolean({ error: "granted is required: true to grant, false to withdraw" }),
    version: z
      .number()
      .int({ message: "version must be a whole number" })
      .min(1, { message: "version must be 1 or more" })
      .optional(),
  })
  .strict()

const consentChanges = z
  .array(consentChange, { error: "consents must be a list of { purpose, granted, version? }" })
  .min(1, { message: "consents must hold at least one change" })
  .max(CONSENT_CHANGES_MAX, { message: `consents may hold at most ${CONSENT_CHANGES_MAX} changes` })
  .refine((list) => new Set(list.map((c) => c.purpose)).size === list.length, {
    message: "consents names a purpose more than once",
  })

export const StoreChangeConsents = z
  .object({ consents: consentChanges })
  .strict() satisfies z.ZodType<StoreChangeConsentsPayload>
export type StoreChangeConsentsType = z.infer<typeof StoreChangeConsents>

/**
 * The consents a storefront sends with Medusa's `POST /store/customers` in `additional_data`
 * (other keys of `additional_data` are left to whoever reads them).
 */
export const RegistrationConsents = z.object({
  consents: consentChanges.optional(),
  consent_source: z.enum(["storefront", "checkout"], { error: "consent_source must be storefront or checkout" }).optional(),
}) satisfies z.ZodType<RegistrationConsentsAdditionalData>
