import { z } from "@medusajs/framework/zod"
import { createListParams } from "../../../../utils/validators"

export const TRANSACTION_STATUSES = ["completed", "canceled", "draft"] as const

export const AdminTransactionsParams = createListParams({
  extra: {
    status: z
      .string()
      .optional()
      .refine((v) => !v || v.split(",").every((s) => (TRANSACTION_STATUSES as readonly string[]).includes(s)), {
        message: `status must be a comma list of ${TRANSACTION_STATUSES.join(", ")}`,
      }),
  },
})
export type AdminTransactionsParamsType = z.infer<typeof AdminTransactionsParams>

export const AdminSendReceipt = z.object({ to: z.string().trim().email({ message: "to must be an e-mail address" }).optional() }).strict()
export type AdminSendReceiptType = z.infer<typeof AdminSendReceipt>

export const AdminStartBasket = z
  .object({ sales_channel_id: z.string().min(1).optional(), region_id: z.string().min(1).optional() })
  .strict()
export type AdminStartBasketType = z.infer<typeof AdminStartBasket>
