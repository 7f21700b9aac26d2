import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

export const AdminVerifyMembershipCard = z
  .object({ code: z.string().trim().min(1, { message: "code is required" }).max(500) })
  .strict()
export type AdminVerifyMembershipCardType = z.infer<typeof AdminVerifyMembershipCard>

export const adminVerifyMembershipMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/memberships/verify",
    middlewares: [validateAndTransformQuery(AdminVerifyMembershipCard, {})],
  },
]
