import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CAMPAIGN_COLUMNS, CAMPAIGN_STATUS_SQL, campaignViews, type CampaignRow, refetchCampaign } from "../../../../lib/messages/campaigns"
import { selectRows } from "../../../../lib/queries/sql"
import type { AdminCampaignListResponse, AdminCampaignResponse } from "../../../../types/http/messages"
import { createCampaignWorkflow } from "../../../../workflows/campaigns/create-campaign"
import { answerRefusals } from "../../../utils/conflict"
import { actorUserId } from "../../../utils/customers"
import type { AdminCampaignsParamsType, AdminCreateCampaignType } from "./validators"

const ORDER_SQL: Record<string, string> = {
  created_at: "k.created_at",
  updated_at: "k.updated_at",
  starts_at: "k.starts_at",
  ends_at: "k.ends_at",
  title: "lower(k.title)",
}

/** The campaigns with their status, counts and promotion; `q` searches the title, `kind` and `status` filter. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminCampaignsParamsType>,
  res: MedusaResponse<AdminCampaignListResponse>
) => {
  const { q, kind, status, limit, offset, order } = req.validatedQuery
  const desc = (order ?? "-created_at").startsWith("-")
  const column = ORDER_SQL[(order ?? "-created_at").replace(/^-/, "")] ?? ORDER_SQL.created_at
  const values = {
    q: q || null,
    like: `%${(q ?? "").replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    kind: kind ?? null,
    status: status ?? null,
    limit,
    offset,
  }
  const where = `k.deleted_at IS NULL AND (:q::text IS NULL OR k.title ILIKE :like)
    AND (:kind::text IS NULL OR k.kind = :kind) AND (:status::text IS NULL OR ${CAMPAIGN_STATUS_SQL} = :status)`
  const [rows, [total]] = await Promise.all([
    selectRows(
      req.scope,
      `SELECT ${CAMPAIGN_COLUMNS} FROM customer_campaign k WHERE ${where}
        ORDER BY ${column} ${desc ? "DESC" : "ASC"} NULLS LAST, k.id ${desc ? "DESC" : "ASC"}
        LIMIT :limit OFFSET :offset`,
      values
    ),
    selectRows(req.scope, `SELECT COUNT(*) AS n FROM customer_campaign k WHERE ${where}`, values),
  ])
  const campaigns = await campaignViews(req.scope, rows as unknown as CampaignRow[])
  res.json({ campaigns, count: Number(total?.n ?? 0), offset, limit })
}

/** Creates a campaign; one that has already started is distributed at once by the worker. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateCampaignType>,
  res: MedusaResponse<AdminCampaignResponse>
) => {
  const run = await answerRefusals(res, () =>
    createCampaignWorkflow(req.scope).run({
      input: { ...req.validatedBody, created_by: actorUserId(req.auth_context) },
    })
  )
  if (!run.ok) {
    return
  }
  res.status(201).json({ campaign: await refetchCampaign(req.scope, run.value.result.id) })
}
