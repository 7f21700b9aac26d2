import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { createListParams } from "../../../utils/validators"

export const AdminListDuplicates = createListParams()
export type AdminListDuplicatesType = z.infer<typeof AdminListDuplicates>

export const AdminSearchCustomers = createListParams({
  extra: {
    q: z.string().trim().max(200).optional(),
    field: z.enum(["any", "name", "email", "phone"]).default("any"),
    status: z.enum(["active", "archived"]).default("active"),
    /** `online`: only customers with an online account (to link a guest record to); `guest`: only those without. */
    account: z.enum(["any", "online", "guest"]).default("any"),
  },
})
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
