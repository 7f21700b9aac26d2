import { z } from "@medusajs/framework/zod"
import type { CustomerMetricsParams } from "../../../../../types/http/insights"

const day = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), {
    message: "must be a date (YYYY-MM-DD) or an ISO 8601 date-time",
  })
  .transform((v) => v.slice(0, 10))

export const AdminCustomerMetricsParams = z
  .object({ from: day.optional(), to: day.optional() })
  .strict()
  .refine((p) => !p.from || !p.to || p.from <= p.to, {
    message: "from must not be after to",
  }) satisfies z.ZodType<CustomerMetricsParams>
export type AdminCustomerMetricsParamsType = z.infer<typeof AdminCustomerMetricsParams>
