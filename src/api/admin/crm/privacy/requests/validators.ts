import { z } from "@medusajs/framework/zod"
import {
  PRIVACY_REQUEST_KINDS,
  PRIVACY_REQUEST_SOURCES,
  PRIVACY_REQUEST_STATUSES,
  type PrivacyRequestListParams,
} from "../../../../../types/http/privacy"
import { createListParams, type ListParams } from "../../../../utils/validators"

/** The log's filters, each optional; always newest first (no `order`). */
export const AdminListPrivacyRequests = createListParams({
  extra: {
    status: z.enum(PRIVACY_REQUEST_STATUSES).optional(),
    kind: z.enum(PRIVACY_REQUEST_KINDS).optional(),
    source: z.enum(PRIVACY_REQUEST_SOURCES).optional(),
    /** `true`: pending past the due date; `false`: the others. */
    overdue: z
      .enum(["true", "false"], { message: "overdue must be true or false" })
      .transform((value) => value === "true")
      .optional(),
    customer_id: z.string().trim().min(1).max(100).optional(),
  },
}) satisfies z.ZodType<ListParams<PrivacyRequestListParams>, unknown>
export type AdminListPrivacyRequestsType = z.infer<typeof AdminListPrivacyRequests>
