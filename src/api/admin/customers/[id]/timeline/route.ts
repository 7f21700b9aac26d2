import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { listTimelineRows, TIMELINE_ENTRY_TYPES } from "../../../../../lib/queries/timeline"
import { defaultAdminCustomerNoteFields } from "../notes/query-config"
import type { CustomerNote } from "../../../../../types/http/notes"
import type { TimelineEntry, TimelineListResponse } from "../../../../../types/http/timeline"
import type { AdminCustomerTimelineParamsType } from "./validators"
import { crmError } from "../../../../../lib/errors"
import { TimelineErrorCodes } from "../../../../../types/http/timeline"

type Row = Record<string, any>

const personName = (p: Row | null | undefined) =>
  [p?.first_name, p?.last_name].filter(Boolean).join(" ") || null

/**
 * GET /admin/customers/:id/timeline: notes, system notes and orders (placed, canceled) in one feed,
 * newest first. Each entry has its time, who did it and where it leads in the admin.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminCustomerTimelineParamsType>,
  res: MedusaResponse<TimelineListResponse>
) => {
  const customerId = req.params.id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["id", "first_name", "last_name", "email"],
    filters: { id: customerId },
  })
  if (!customer) {
    throw crmError(MedusaError.Types.NOT_FOUND, TimelineErrorCodes.CUSTOMER_NOT_FOUND, `Customer with id: ${customerId} was not found`)
  }
  const params = req.validatedQuery
  const types = params.type?.length ? params.type : TIMELINE_ENTRY_TYPES
  const { rows, count } = await listTimelineRows(req.scope, customerId, types, {
    offset: params.offset,
    limit: params.limit,
  })

  const noteIds = rows.filter((r) => r.type === "note" || r.type === "system_note").map((r) => r.id)
  const orderIds = [...new Set(rows.filter((r) => r.type.startsWith("order_")).map((r) => r.id))]
  const [{ data: notes }, { data: orders }] = await Promise.all([
    noteIds.length
      ? query.graph({
          entity: "customer_note",
          fields: [...defaultAdminCustomerNoteFields, "emails.*"],
          filters: { id: noteIds, customer_id: customerId },
        })
      : Promise.resolve({ data: [] }),
    orderIds.length
      ? query.graph({
          entity: "order",
          fields: [
            "id",
            "display_id",
            "status",
            "total",
            "currency_code",
            "sales_channel.id",
            "sales_channel.name",
          ],
          filters: { id: orderIds },
        })
      : Promise.resolve({ data: [] }),
  ])
  const notesById = new Map<string, CustomerNote>(notes.map((n): [string, CustomerNote] => [n.id, n]))
  const ordersById = new Map<string, Row>(orders.map((o): [string, Row] => [o.id, o]))

  const timeline = rows.map((row): TimelineEntry => {
    const base = {
      id: `${row.type}:${row.id}`,
      type: row.type,
      occurred_at: new Date(row.occurred_at).toISOString(),
    }
    if (row.type === "note" || row.type === "system_note") {
      const note = notesById.get(row.id)
      const author = note?.author
      return {
        ...base,
        actor: author
          ? { type: "user" as const, id: author.id, name: personName(author), email: author.email ?? null }
          : { type: "system" as const, id: null, name: null, email: null },
        link: null,
        note,
      }
    }
    const order = ordersById.get(row.id)
    return {
      ...base,
      // Medusa does not record who canceled an order; placing it is the customer's act.
      actor:
        row.type === "order_placed"
          ? { type: "customer" as const, id: customer.id, name: personName(customer), email: customer.email ?? null }
          : null,
      link: `/orders/${row.id}`,
      order: order
        ? {
            id: order.id,
            display_id: order.display_id,
            status: order.status,
            total: order.total,
            currency_code: order.currency_code,
            sales_channel: order.sales_channel
              ? { id: order.sales_channel.id, name: order.sales_channel.name }
              : null,
          }
        : null,
    }
  })

  res.json({ timeline, count, offset: params.offset, limit: params.limit })
}
