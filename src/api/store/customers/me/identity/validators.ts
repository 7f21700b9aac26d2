import { z } from "@medusajs/framework/zod"

export const StoreRequestClaim = z
  .object({ email: z.string().trim().max(254).email({ message: "email must be an e-mail address" }) })
  .strict()
export type StoreRequestClaimType = z.infer<typeof StoreRequestClaim>

export const StoreConfirmClaim = z
  .object({ code: z.string().trim().regex(/^\d{6}$/, { message: "code must be the six digits from the e-mail" }) })
  .strict()
export type StoreConfirmClaimType = z.infer<typeof StoreConfirmClaim>
