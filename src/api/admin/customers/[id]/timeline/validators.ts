import { z } from "@medusajs/framework/zod"
import {
  TIMELINE_ENTRY_TYPES,
  type TimelineEntryType,
  type TimelineListParams,
} from "../../../../../types/http/timeline"
import { createListParams, type ListParams } from "../../../../utils/validators"

const isEntryType = (type: string): type is TimelineEntryType =>
  (TIMELINE_ENTRY_TYPES as readonly string[]).includes(type)

export type AdminCustomerTimelineParamsType = z.infer<typeof AdminCustomerTimelineParams>
export const AdminCustomerTimelineParams = createListParams({
  extra: {
    // `?type=note,system_note` or `?type[]=order_placed`
    type: z
      .preprocess(
        (value) => (typeof value === "string" ? value.split(",") : value),
        z.array(z.string()).refine((types) => types.every(isEntryType), {
          message: `type must be one of: ${TIMELINE_ENTRY_TYPES.join(", ")}`,
        })
      )
      // Every type passed the check above: this only narrows the type.
      .transform((types) => types.filter(isEntryType))
      .optional(),
  },
}) satisfies z.ZodType<ListParams<TimelineListParams>>
