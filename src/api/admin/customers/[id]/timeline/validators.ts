import { z } from "@medusajs/framework/zod"
import { TIMELINE_ENTRY_TYPES, type TimelineEntryType } from "../../../../../lib/queries/timeline"

export type AdminCustomerTimelineParamsType = z.infer<typeof AdminCustomerTimelineParams>
export const AdminCustomerTimelineParams = z
  .object({
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(100).default(20),
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
  })
  .strict()
