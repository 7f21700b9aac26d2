import { z } from "@medusajs/framework/zod"
import { TIMELINE_ENTRY_TYPES, type TimelineListParams } from "../../../../../types/http/timeline"
import { createListParams, type ListParams } from "../../../../utils/validators"

export type AdminCustomerTimelineParamsType = z.infer<typeof AdminCustomerTimelineParams>
export const AdminCustomerTimelineParams = createListParams({
  extra: {
    // `?type=note,system_note` or `?type[]=order_placed`
    type: z
      .preprocess(
        (value) => (typeof value === "string" ? value.split(",") : value),
        z.array(z.enum(TIMELINE_ENTRY_TYPES, { message: `type must be one of: ${TIMELINE_ENTRY_TYPES.join(", ")}` }))
      )
      .optional(),
  },
}) satisfies z.ZodType<ListParams<TimelineListParams>>
