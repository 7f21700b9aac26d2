import { z } from "@medusajs/framework/zod"
import {
  RETENTION_DRY_RUN_LIMIT_MAX,
  RETENTION_MONTHS_MAX,
  RETENTION_MONTHS_MIN,
  type RetentionDryRunPayload,
  type RetentionRunsParams,
} from "../../../../../types/http/privacy"
import { createListParams, type ListParams } from "../../../../utils/validators"

export const AdminRetentionDryRun = z
  .object({
    limit: z.number().int().min(1).max(RETENTION_DRY_RUN_LIMIT_MAX).default(50),
    months: z.number().int().min(RETENTION_MONTHS_MIN).max(RETENTION_MONTHS_MAX).optional(),
  })
  .strict() satisfies z.ZodType<Required<Pick<RetentionDryRunPayload, "limit">> & RetentionDryRunPayload>
export type AdminRetentionDryRunType = z.infer<typeof AdminRetentionDryRun>

/** Starting a run takes no options: a body with anything in it is refused. */
export const AdminStartRetentionRun = z.object({}).strict()

export const AdminRetentionRunsParams = createListParams() satisfies z.ZodType<ListParams<RetentionRunsParams>>
export type AdminRetentionRunsParamsType = z.infer<typeof AdminRetentionRunsParams>
