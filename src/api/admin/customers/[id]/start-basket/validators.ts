import { z } from "@medusajs/framework/zod"
import type { StartBasketPayload } from "../../../../../types/http/insights"

export const AdminStartBasket = z
  .object({ sales_channel_id: z.string().min(1).optional(), region_id: z.string().min(1).optional() })
  .strict() satisfies z.ZodType<StartBasketPayload>
export type AdminStartBasketType = z.infer<typeof AdminStartBasket>
