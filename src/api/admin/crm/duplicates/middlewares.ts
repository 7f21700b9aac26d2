import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const AdminListDuplicates = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListDuplicatesType = z.infer<typeof AdminListDuplicates>

export const AdminSearchCustomers = z
  .object({
    q: z.string().trim().max(200).optional(),
    field: z.enum(["any", "name", "email", "phone"]).default("any"),
    status: z.enum(["active", "archived"]).default("active"),
    /** `online`: only customers with an online account (to link a guest record to); `guest`: only those without. */
    account: z.enum(["any", "online", "guest"]).default("any"),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminSearchCustomersType = z.infer<typeof AdminSearchCustomers>

export const adminIdentityListMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/duplicates",
    middlewares: [validateAndTransformQuery(AdminListDuplicates, {})],
  },
  {
    methods: ["GET"],
    matcher: "/admin/crm/customers",
    middlewares: [validateAndTransformQuery(AdminSearchCustomers, {})],
  },
]
