import { z } from "@medusajs/framework/zod"
import {
  CUSTOMER_EXPORT_FORMATS,
  CUSTOMER_LIST_DEFAULT_EXPORT_COLUMNS,
  CUSTOMER_LIST_MAX_IDS,
  type AdminCreateExport,
} from "../../../../types/http/customer-list"
import { CustomerListFilterSchema, customerListColumns } from "../../../utils/customer-list-filter"
import { createListParams, NoQueryParams } from "../../../utils/validators"

/** Past exports, newest first. */
export const AdminGetExportsParams = createListParams({ defaultLimit: 20, maxLimit: 100 })
export type AdminGetExportsParamsType = z.infer<typeof AdminGetExportsParams>

export const AdminGetExportParams = NoQueryParams

const SOURCES = ["filter", "ids", "segment_id"] as const

/**
 * An export: exactly one source (`filter`, `ids`: a selection of at most `CUSTOMER_LIST_MAX_IDS`,
 * or `segment_id`), `columns` (default `CUSTOMER_LIST_DEFAULT_EXPORT_COLUMNS`), `format` csv or jsonl.
 */
export const AdminCreateExportBody = z
  .object({
    filter: CustomerListFilterSchema.optional(),
    ids: z.array(z.string().trim().min(1).max(100)).min(1).max(CUSTOMER_LIST_MAX_IDS).optional(),
    segment_id: z.string().trim().min(1).max(100).optional(),
    columns: customerListColumns.optional(),
    format: z.enum(CUSTOMER_EXPORT_FORMATS).default("csv"),
  })
  .strict()
  .superRefine((body, ctx) => {
    const given = SOURCES.filter((key) => body[key] !== undefined)
    if (given.length !== 1) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: given.length ? [given[1]] : ["filter"],
        message: given.length
          ? `takes one source: ${given.join(" and ")} were both given`
          : "needs a source: filter, ids or segment_id",
      })
    }
  })
  .transform((body) => ({ ...body, columns: body.columns ?? [...CUSTOMER_LIST_DEFAULT_EXPORT_COLUMNS] }))
export type AdminCreateExportBodyType = z.infer<typeof AdminCreateExportBody>

// The body matches the HTTP contract's `AdminCreateExport`.
const _contract: (body: AdminCreateExportBodyType) => AdminCreateExport = (body) => body
void _contract
