import { z } from "@medusajs/framework/zod"

export const AdminAddAlternateEmail = z
  .object({ email: z.string().trim().max(254).email({ message: "email must be an e-mail address" }) })
  .strict()
export type AdminAddAlternateEmailType = z.infer<typeof AdminAddAlternateEmail>
