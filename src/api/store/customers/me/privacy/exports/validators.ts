import { z } from "@medusajs/framework/zod"
import { createListParams, NoQueryParams } from "../../../../../utils/validators"

/** `POST …/privacy/exports` takes no body (an empty object at most). */
export const StoreRequestExport = z.object({}).strict()
export type StoreRequestExportType = z.infer<typeof StoreRequestExport>

/** A page of the customer's exports, newest first. */
export const StoreGetExportsParams = createListParams({ defaultLimit: 20, maxLimit: 100 })
export type StoreGetExportsParamsType = z.infer<typeof StoreGetExportsParams>

/** The download takes no parameters. */
export const StoreGetExportParams = NoQueryParams
export type StoreGetExportParamsType = z.infer<typeof StoreGetExportParams>
