import { z } from "@medusajs/framework/zod"
import { TIMELINE_ENTRY_TYPES, type TimelineEntryType } from "../../../../../lib/queries/timeline"
import { createListParams } from "../../../../utils/validators"

export type AdminCustomerTimelineParamsType = z.infer<typeof AdminCustomerTimelineParams>
export const AdminCustomerTimelineParams = createListParams({
  extra: {
    // `?type=note,system_note` or `?type[]=order_placed`
    type: z
      .preprocess(
        (value) => (typeof value === "string" ? value.split(",") : value),
        z.array(z.string()).refine(
          (types) => types.every((t) => (TIMELINE_ENTRY_TYPES as readonly string[]).includes(t)),
          { message: `type must be one of: ${TIMELINE_ENTRY_TYPES.join(", ")}` }
        )
      )
      .transform((types) => types as TimelineEntryType[])
      .optional(),
  },
})
