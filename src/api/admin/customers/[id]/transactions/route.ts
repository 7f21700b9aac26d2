import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { getLastFulfillmentStatus, getLastPaymentStatus } from "@medusajs/medusa/core-flows"
import { channelKind } from "../../../../../lib/channels"
import { listCustomerTransactionIds, type TransactionKind } from "../../../../../lib/queries/customer-transactions"
import { assertCustomerExists } from "../../../../utils/customers"
import {
  CUSTOMER_TRANSACTION_STATUS_ALIASES,
  CUSTOMER_TRANSACTION_STATUSES,
  type CustomerTransaction,
  type CustomerTransactionListParams,
  type CustomerTransactionListResponse,
  type OrderFulfillmentStatus,
  type OrderPaymentStatus,
} from "../../../../../types/http/insights"

/** The kinds a `status` filter asks for (`completed` is the old name of `placed`). */
const kindsOf = (status?: string): TransactionKind[] =>
  status
    ? [
        ...new Set(
          status
            .split(",")
            .map((s): string => CUSTOMER_TRANSACTION_STATUS_ALIASES[s as keyof typeof CUSTOMER_TRANSACTION_STATUS_ALIASES] ?? s)
        ),
      ].filter((s): s is TransactionKind => (CUSTOMER_TRANSACTION_STATUSES as readonly string[]).includes(s))
    : [...CUSTOMER_TRANSACTION_STATUSES]

/** What Medusa's order list needs to work out payment and fulfillment status (`getOrdersListWorkflow`). */
const STATUS_FIELDS = [
  "items.*",
  "items.detail.*",
  "payment_collections.status",
  "payment_collections.amount",
  "payment_collections.captured_amount",
  "payment_collections.refunded_amount",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
]

/**
 * The customer's orders newest first (receipt, date, amount, sales channel, Medusa's payment and
 * fulfillment status), including those placed with their primary or an alternate e-mail under
 * another record (`customer_id` tells which record Medusa filed each under). Draft orders with
 * items are listed as drafts; empty drafts are left out; `order_count` counts orders only.
 */
export const GET = async (
  // `limit` and `offset` always have a value once validated (defaults 20 and 0).
  req: AuthenticatedMedusaRequest<unknown, CustomerTransactionListParams & { limit: number; offset: number }>,
  res: MedusaResponse<CustomerTransactionListResponse>
) => {
  await assertCustomerExists(req.scope, req.params.id)
  const { status, limit, offset } = req.validatedQuery
  const page = await listCustomerTransactionIds(req.scope, req.params.id, kindsOf(status), { limit, offset })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = page.ids.length
    ? await query.graph({
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
          "sales_channel.id",
          "sales_channel.name",
          "sales_channel.metadata",
          ...STATUS_FIELDS,
        ],
        filters: { id: page.ids },
      })
    : { data: [] as any[] }
  const byId = new Map<string, any>(data.map((o: any) => [o.id as string, o] as const))
  res.json({
    transactions: page.ids
      .map((id) => byId.get(id))
      .filter(Boolean)
      .map((o: any): CustomerTransaction => {
        const draft = o.is_draft_order || o.status === "draft"
        return {
          id: o.id,
          display_id: Number(o.display_id),
          customer_id: o.customer_id,
          created_at: new Date(o.created_at).toISOString(),
          total: Number(o.total),
          currency_code: o.currency_code,
          status: draft ? "draft" : o.status === "canceled" ? "canceled" : "placed",
          payment_status: draft ? null : (getLastPaymentStatus(o) as OrderPaymentStatus),
          fulfillment_status: draft ? null : (getLastFulfillmentStatus(o) as OrderFulfillmentStatus),
          sales_channel: o.sales_channel ? { id: o.sales_channel.id, name: o.sales_channel.name } : null,
          channel_kind: channelKind(o.sales_channel),
          items: (o.items ?? []).reduce((s: number, i: any) => s + Number(i?.quantity ?? 0), 0),
        }
      }),
    count: page.count,
    order_count: page.order_count,
    offset,
    limit,
  })
}
