import { z } from "@medusajs/framework/zod"

export const AdminAddAlternateEmail = z
  .object({ email: z.string().trim().max(254).email({ message: "email must be an e-mail address" }) })
  .strict()
export type AdminAddAlternateEmailType = z.infer<typeof AdminAddAlternateEmail>

export const AdminArchiveCustomer = z.object({ reason: z.string().trim().max(500).optional() }).strict()
export type AdminArchiveCustomerType = z.infer<typeof AdminArchiveCustomer>

export const AdminRestoreCustomer = z.object({}).strict()

const customerId = (name: string) =>
  z.string({ message: `${name} is required` }).trim().min(1, { message: `${name} is required` }).max(100)

export const AdminMergePreviewQuery = z
  .object({ other_id: customerId("other_id"), survivor_id: customerId("survivor_id").optional() })
  .strict()
export type AdminMergePreviewQueryType = z.infer<typeof AdminMergePreviewQuery>

export const AdminMergeCustomers = z
  .object({ other_id: customerId("other_id"), survivor_id: customerId("survivor_id") })
  .strict()
export type AdminMergeCustomersType = z.infer<typeof AdminMergeCustomers>

export const AdminLinkAccount = z.object({ account_id: customerId("account_id") }).strict()
export type AdminLinkAccountType = z.infer<typeof AdminLinkAccount>

export const AdminUndoMerge = z.object({}).strict()
