import { z } from "@medusajs/framework/zod"
import type { UpdatePrivacySettingsPayload } from "../../../../../types/http/privacy"
import { NoQueryParams } from "../../../../utils/validators"

export const AdminPrivacySettingsParams = NoQueryParams
export type AdminPrivacySettingsParamsType = z.infer<typeof AdminPrivacySettingsParams>

export const AdminUpdatePrivacySettings = z
  .object({
    staff_anonymize: z.boolean().optional(),
    customer_self_anonymize: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.staff_anonymize !== undefined || v.customer_self_anonymize !== undefined, {
    message: "Provide staff_anonymize or customer_self_anonymize",
  }) satisfies z.ZodType<UpdatePrivacySettingsPayload>
export type AdminUpdatePrivacySettingsType = z.infer<typeof AdminUpdatePrivacySettings>
