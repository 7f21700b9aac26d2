import { z } from "@medusajs/framework/zod"

export const AdminAddAlternateEmail = z
  .object({ email: z.string().trim().max(254).email({ message: "email must be an e-mail address" }) })
  .strict()
export type AdminAddAlternateEmailType = z.infer<typeof AdminAddAlternateEmail>

export const AdminArchiveCustomer = z.object({ reason: z.string().trim().max(500).optional() }).strict()
export type AdminArchiveCustomerType = z.infer<typeof AdminArchiveCustomer>

export const AdminRestoreCustomer = z.object({}).strict()
