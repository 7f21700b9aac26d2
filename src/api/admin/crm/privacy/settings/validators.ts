import { z } from "@medusajs/framework/zod"
import { RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN, type UpdatePrivacySettingsPayload } from "../../../../../types/http/privacy"
import { NoQueryParams } from "../../../../utils/validators"

export const AdminPrivacySettingsParams = NoQueryParams
export type AdminPrivacySettingsParamsType = z.infer<typeof AdminPrivacySettingsParams>

export const AdminUpdatePrivacySettings = z
  .object({
    staff_anonymize: z.boolean().optional(),
    customer_self_anonymize: z.boolean().optional(),
    retention_enabled: z.boolean().optional(),
    retention_months: z.number().int().min(RETENTION_MONTHS_MIN).max(RETENTION_MONTHS_MAX).optional(),
    retention_exempt_purpose_ids: z.array(z.string().min(1).max(100)).max(100).optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((value) => value !== undefined), {
    message: "Provide at least one setting",
  }) satisfies z.ZodType<UpdatePrivacySettingsPayload>
export type AdminUpdatePrivacySettingsType = z.infer<typeof AdminUpdatePrivacySettings>
