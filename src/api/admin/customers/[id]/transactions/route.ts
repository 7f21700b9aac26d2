import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { channelKind } from "../../../../../lib/channels"
import { customerOrdersFilter } from "../../../../utils/identity"
import { assertCustomerExists } from "../../../../utils/customers"
import type {
  CustomerTransaction,
  CustomerTransactionListParams,
  CustomerTransactionListResponse,
} from "../../../../../types/http/insights"

const FILTERS: Record<string, Record<string, unknown>> = {
  completed: { is_draft_order: false, status: { $nin: ["canceled", "draft"] } },
  canceled: { is_draft_order: false, status: "canceled" },
  draft: { is_draft_order: true },
}

/**
 * The customer's orders newest first (receipt, date, amount, channel online or in store, status),
 * including those placed with their primary or an alternate e-mail under another record
 * (`customer_id` tells which record Medusa filed each under).
 */
export const GET = async (
  // `limit` and `offset` always have a value once validated (defaults 20 and 0).
  req: AuthenticatedMedusaRequest<unknown, CustomerTransactionListParams & { limit: number; offset: number }>,
  res: MedusaResponse<CustomerTransactionListResponse>
) => {
  await assertCustomerExists(req.scope, req.params.id)
  const { status, limit, offset } = req.validatedQuery
  const wanted = status ? status.split(",") : Object.keys(FILTERS)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "created_at",
      "total",
      "currency_code",
      "status",
      "is_draft_order",
      "customer_id",
      "items.quantity",
      "sales_channel.id",
      "sales_channel.name",
      "sales_channel.metadata",
    ],
    filters: {
      $and: [
        await customerOrdersFilter(req.scope, req.params.id),
        wanted.length === 1 ? FILTERS[wanted[0]] : { $or: wanted.map((s) => FILTERS[s]) },
      ],
    },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({
    transactions: data.map((o): CustomerTransaction => ({
      id: o.id,
      display_id: Number(o.display_id),
      customer_id: o.customer_id,
      created_at: new Date(o.created_at).toISOString(),
      total: Number(o.total),
      currency_code: o.currency_code,
      status: o.is_draft_order ? "draft" : o.status === "canceled" ? "canceled" : "completed",
      sales_channel: o.sales_channel ? { id: o.sales_channel.id, name: o.sales_channel.name } : null,
      channel_kind: channelKind(o.sales_channel),
      items: (o.items ?? []).reduce((s: number, i: any) => s + Number(i?.quantity ?? 0), 0),
    })),
    count: metadata?.count ?? data.length,
    offset,
    limit,
  })
}
