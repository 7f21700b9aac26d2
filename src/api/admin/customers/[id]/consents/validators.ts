import { z } from "@medusajs/framework/zod"
import type { AdminChangeConsentPayload } from "../../../../../types/http/privacy"
import { NoQueryParams } from "../../../../utils/validators"

/** The longest reason staff give for changing a consent. */
export const CONSENT_REASON_MAX_LENGTH = 500

export const AdminCustomerConsentsParams = NoQueryParams

export const AdminChangeConsent = z
  .object({
    purpose_id: z
      .string({ error: "purpose_id is required: the id of the consent purpose" })
      .trim()
      .min(1, { message: "purpose_id must not be empty" })
      .max(100, { message: "purpose_id must be at most 100 characters" }),
    granted: z.boolean({ error: "granted is required: true to grant, false to withdraw" }),
    reason: z
      .string({ error: "reason is required: why the consent is changed, e.g. Asked by phone" })
      .trim()
      .min(1, { message: "reason must not be empty" })
      .max(CONSENT_REASON_MAX_LENGTH, { message: `reason must be at most ${CONSENT_REASON_MAX_LENGTH} characters` }),
  })
  .strict() satisfies z.ZodType<AdminChangeConsentPayload>
export type AdminChangeConsentType = z.infer<typeof AdminChangeConsent>
