import { z } from "@medusajs/framework/zod"

/** Starting a rebuild takes no options: a body with anything in it is refused. */
export const AdminStartInsightsRebuild = z.object({}).strict()
