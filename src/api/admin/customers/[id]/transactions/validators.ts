import { z } from "@medusajs/framework/zod"
import {
  CUSTOMER_TRANSACTION_STATUS_ALIASES,
  CUSTOMER_TRANSACTION_STATUSES,
  type CustomerTransactionListParams,
  type SendReceiptPayload,
} from "../../../../../types/http/insights"
import { createListParams, type ListParams } from "../../../../utils/validators"

const ACCEPTED_STATUSES: readonly string[] = [
  ...CUSTOMER_TRANSACTION_STATUSES,
  ...Object.keys(CUSTOMER_TRANSACTION_STATUS_ALIASES),
]

export const AdminTransactionsParams = createListParams({
  extra: {
    status: z
      .string()
      .optional()
      .refine((v) => !v || v.split(",").every((s) => ACCEPTED_STATUSES.includes(s)), {
        message: `status must be a comma list of ${CUSTOMER_TRANSACTION_STATUSES.join(", ")}`,
      }),
  },
}) satisfies z.ZodType<ListParams<CustomerTransactionListParams>>
export type AdminTransactionsParamsType = z.infer<typeof AdminTransactionsParams>

export const AdminSendReceipt = z
  .object({ to: z.string().trim().email({ message: "to must be an e-mail address" }).optional() })
  .strict() satisfies z.ZodType<SendReceiptPayload>
export type AdminSendReceiptType = z.infer<typeof AdminSendReceipt>
