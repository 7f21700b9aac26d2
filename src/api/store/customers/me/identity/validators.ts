import { z } from "@medusajs/framework/zod"
import { IDENTITY_CLAIM_EMAIL_MAX_LENGTH, STORE_IDENTITY_CLAIM_FIELDS } from "../../../../../types/http/claims"
import { fieldsParam } from "../../../../utils/validators"

export const StoreRequestClaim = z
  .object({
    email: z
      .string()
      .trim()
      .max(IDENTITY_CLAIM_EMAIL_MAX_LENGTH)
      .email({ message: "email must be an e-mail address" }),
  })
  .strict()
export type StoreRequestClaimType = z.infer<typeof StoreRequestClaim>

/** One claim: `fields` as Medusa's store routes take it. */
export const StoreGetClaimParams = z
  .object({ fields: fieldsParam(STORE_IDENTITY_CLAIM_FIELDS).optional() })
  .strict()
export type StoreGetClaimParamsType = z.infer<typeof StoreGetClaimParams>

export const StoreConfirmClaim = z
  .object({ code: z.string().trim().regex(/^\d{6}$/, { message: "code must be the six digits from the e-mail" }) })
  .strict()
export type StoreConfirmClaimType = z.infer<typeof StoreConfirmClaim>
