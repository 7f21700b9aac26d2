import { z } from "@medusajs/framework/zod"
import {
  CUSTOMER_SEARCH_ACCOUNTS,
  CUSTOMER_SEARCH_FIELDS,
  CUSTOMER_SEARCH_MAX_LENGTH,
  CUSTOMER_SEARCH_STATUSES,
  type CustomerSearchParams,
} from "../../../../types/http/identity"
import { createListParams, type ListParams } from "../../../utils/validators"

export const AdminSearchCustomers = createListParams({
  extra: {
    q: z.string().trim().max(CUSTOMER_SEARCH_MAX_LENGTH).optional(),
    field: z.enum(CUSTOMER_SEARCH_FIELDS).default("any"),
    status: z.enum(CUSTOMER_SEARCH_STATUSES).default("active"),
    /** `online`: only customers with an online account (to link a guest record to); `guest`: only those without. */
    account: z.enum(CUSTOMER_SEARCH_ACCOUNTS).default("any"),
  },
}) satisfies z.ZodType<ListParams<CustomerSearchParams>>
export type AdminSearchCustomersType = z.infer<typeof AdminSearchCustomers>
