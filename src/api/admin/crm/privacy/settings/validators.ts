import { z } from "@medusajs/framework/zod"
import {
  RETENTION_MONTHS_MAX,
  RETENTION_MONTHS_MIN,
  type UpdatePrivacySettingsPayload,
} from "../../../../../types/http/privacy"
import { NoQueryParams } from "../../../../utils/validators"

export const AdminPrivacySettingsParams = NoQueryParams
export type AdminPrivacySettingsParamsType = z.infer<typeof AdminPrivacySettingsParams>

/** The most consent purposes that can exempt customers from the retention policy. */
export const RETENTION_EXEMPT_PURPOSES_MAX = 100

/**
 * Any subset of the settings; at least one. Booleans are JSON booleans (no `"true"`),
 * `retention_months` a whole number within the allowed period, `retention_exempt_purpose_ids` a list
 * of purpose ids, deduplicated (whether they exist is checked by the workflow: 400
 * `purpose_not_found`).
 */
export const AdminUpdatePrivacySettings = z
  .object({
    staff_anonymize: z.boolean().optional(),
    customer_self_anonymize: z.boolean().optional(),
    staff_export: z.boolean().optional(),
    customer_self_export: z.boolean().optional(),
    export_include_notes: z.boolean().optional(),
    retention_enabled: z.boolean().optional(),
    retention_months: z
      .number({ message: "retention_months must be a whole number of months" })
      .int("retention_months must be a whole number of months")
      .min(RETENTION_MONTHS_MIN, `retention_months must be at least ${RETENTION_MONTHS_MIN}`)
      .max(RETENTION_MONTHS_MAX, `retention_months must be at most ${RETENTION_MONTHS_MAX}`)
      .optional(),
    retention_exempt_purpose_ids: z
      .array(z.string().trim().min(1, "retention_exempt_purpose_ids must hold purpose ids").max(100))
      .max(RETENTION_EXEMPT_PURPOSES_MAX)
      .transform((ids) => [...new Set(ids)])
      .optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((value) => value !== undefined), {
    message: "Provide at least one setting to change",
  }) satisfies z.ZodType<UpdatePrivacySettingsPayload, unknown>
export type AdminUpdatePrivacySettingsType = z.infer<typeof AdminUpdatePrivacySettings>
