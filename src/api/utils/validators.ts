import { z } from "@medusajs/framework/zod"

/** For routes that take no query parameters: anything in the query string is a 400. */
export const NoQueryParams = z.object({}).strict()
