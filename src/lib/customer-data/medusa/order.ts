import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CustomerDataContext, CustomerDataHandler } from "../types"
import {
  ADDRESS_COLUMNS,
  anyNotNull,
  countOf,
  customersAsPerson,
  idsOf,
  PERSON_ORDERS,
  PERSONAL_JSON_KEYS,
  personValues,
  placeholderEmailSql,
  run,
  setNull,
  type PersonValues,
} from "./shared"

const ADDRESS_EXPORT_FIELDS = [
  "first_name",
  "last_name",
  "company",
  "address_1",
  "address_2",
  "city",
  "province",
  "postal_code",
  "country_code",
  "phone",
]
const TOTALS = ["item_total", "subtotal", "shipping_total", "discount_total", "tax_total", "total"]

/** What an exported order holds (Medusa computes the totals for these fields). */
const ORDER_EXPORT_FIELDS = [
  "id",
  "display_id",
  "status",
  "is_draft_order",
  "email",
  "currency_code",
  "created_at",
  "updated_at",
  "canceled_at",
  ...TOTALS,
  "summary.*",
  "items.id",
  "items.title",
  "items.subtitle",
  "items.product_title",
  "items.variant_title",
  "items.variant_sku",
  "items.quantity",
  "items.unit_price",
  "items.subtotal",
  "items.discount_total",
  "items.tax_total",
  "items.total",
  "shipping_methods.name",
  "shipping_methods.amount",
  "shipping_methods.total",
  "fulfillments.created_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  ...ADDRESS_EXPORT_FIELDS.map((f) => `shipping_address.${f}`),
  ...ADDRESS_EXPORT_FIELDS.map((f) => `billing_address.${f}`),
]

const amount = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value))
const at = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null)
const address = (a: Record<string, unknown> | null | undefined) =>
  a ? Object.fromEntries(ADDRESS_EXPORT_FIELDS.map((f) => [f, a[f] ?? null])) : null

/** One order of the export: plain JSON, amounts in the currency's main unit as Medusa returns them. */
function exportedOrder(o: any) {
  const summary = o.summary?.totals ?? o.summary ?? {}
  const fulfillments = ((o.fulfillments ?? []) as any[]).filter(Boolean)
  return {
    id: o.id as string,
    display_id: Number(o.display_id),
    status: o.status as string,
    is_draft_order: !!o.is_draft_order,
    email: (o.email as string | null) ?? null,
    currency_code: o.currency_code as string,
    created_at: at(o.created_at),
    updated_at: at(o.updated_at),
    canceled_at: at(o.canceled_at),
    ...(Object.fromEntries(TOTALS.map((t) => [t, amount(o[t])])) as Record<string, number | null>),
    paid_total: amount(summary.paid_total),
    refunded_total: amount(summary.refunded_total),
    items: ((o.items ?? []) as any[]).filter(Boolean).map((i) => ({
      title: i.title ?? null,
      subtitle: i.subtitle ?? null,
      product_title: i.product_title ?? null,
      variant_title: i.variant_title ?? null,
      sku: i.variant_sku ?? null,
      quantity: Number(i.quantity),
      unit_price: amount(i.unit_price),
      subtotal: amount(i.subtotal),
      discount_total: amount(i.discount_total),
      tax_total: amount(i.tax_total),
      total: amount(i.total),
    })),
    shipping_methods: ((o.shipping_methods ?? []) as any[])
      .filter(Boolean)
      .map((m) => ({ name: m.name ?? null, amount: amount(m.amount), total: amount(m.total) })),
    fulfillments: fulfillments.map((f) => ({
      created_at: at(f.created_at),
      shipped_at: at(f.shipped_at),
      delivered_at: at(f.delivered_at),
      canceled_at: at(f.canceled_at),
    })),
    shipping_address: address(o.shipping_address),
    billing_address: address(o.billing_address),
  }
}

/**
 * Scrubs the person's orders (draft orders included) and everything of them that holds personal
 * values. The order stays filed under its customer id, with its items, amounts, tax lines, dates,
 * region, sales channel and currency: the financial facts bookkeeping law requires. Of an address
 * only the country and province stay (the tax jurisdiction).
 *
 * An address staff replaced is a new row; the replaced one is found through the change action
 * that recorded it (`details.old.id`), before that action's details are scrubbed. The orders are
 * resolved once (by customer id or e-mail, a scan), then every statement looks rows up by order id.
 */
async function scrubOrders(ctx: CustomerDataContext, person: PersonValues, select: string) {
  const values = { ...person, order_ids: await idsOf(ctx, select, person) }
  if (!values.order_ids.length) {
    return
  }
  const orders = `SELECT unnest(:order_ids::text[])`
  await run(
    ctx,
    `UPDATE order_address SET ${setNull(["customer_id", ...ADDRESS_COLUMNS])}
      WHERE (id IN (SELECT shipping_address_id FROM "order" WHERE id IN (${orders})
                    UNION ALL SELECT billing_address_id FROM "order" WHERE id IN (${orders})
                    UNION ALL SELECT a.details->'old'->>'id' FROM order_change_action a
                     WHERE a.order_id IN (${orders}) AND a.action = 'UPDATE_ORDER_PROPERTIES')
             OR customer_id = any(:customer_ids))
        AND ${anyNotNull(["customer_id", ...ADDRESS_COLUMNS])}`,
    values
  )
  // Free text of staff and customers about the change, and the old/new values of an e-mail or
  // address change; who made the change (actor ids), the amounts and the items stay.
  await run(
    ctx,
    `UPDATE order_change SET description = NULL, internal_note = NULL, declined_reason = NULL, metadata = NULL
      WHERE order_id IN (${orders}) AND ${anyNotNull(["description", "internal_note", "declined_reason", "metadata"])}`,
    values
  )
  await run(
    ctx,
    `UPDATE order_change_action SET internal_note = NULL, details = details - :keys::text[]
      WHERE order_id IN (${orders})
        AND (internal_note IS NOT NULL OR jsonb_exists_any(coalesce(details, '{}'::jsonb), :keys::text[]))`,
    { ...values, keys: PERSONAL_JSON_KEYS }
  )
  // Free-text notes on returned, claimed and exchanged items.
  await run(
    ctx,
    `UPDATE return_item SET note = NULL, metadata = NULL
      WHERE return_id IN (SELECT id FROM "return" WHERE order_id IN (${orders})) AND ${anyNotNull(["note", "metadata"])}`,
    values
  )
  await run(
    ctx,
    `UPDATE order_claim_item SET note = NULL, metadata = NULL
      WHERE claim_id IN (SELECT id FROM order_claim WHERE order_id IN (${orders})) AND ${anyNotNull(["note", "metadata"])}`,
    values
  )
  await run(
    ctx,
    `UPDATE order_exchange_item SET note = NULL, metadata = NULL
      WHERE exchange_id IN (SELECT id FROM order_exchange WHERE order_id IN (${orders})) AND ${anyNotNull(["note", "metadata"])}`,
    values
  )
  await run(
    ctx,
    `UPDATE "order" SET email = ${placeholderEmailSql("id")}, metadata = NULL
      WHERE id = any(:order_ids)
        AND (metadata IS NOT NULL OR email IS DISTINCT FROM ${placeholderEmailSql("id")})`,
    values
  )
}

/**
 * Medusa's order module: orders and draft orders (also those started from the plugin's Start
 * basket), their addresses, changes and change actions, and the notes on returns, claims and
 * exchanges.
 */
export const medusaOrderHandler: CustomerDataHandler = {
  name: "medusa-order",
  owner: "medusa",
  claims: [
    {
      table: "order",
      columns: ["customer_id", "email", "metadata"],
      holds: "orders and draft orders: the customer, the e-mail they were placed with, metadata",
    },
    {
      table: "order_address",
      columns: ["customer_id", ...ADDRESS_COLUMNS],
      holds: "the orders' shipping and billing addresses: names, company, street, postal code, city, phone",
    },
    {
      table: "order_change",
      columns: ["description", "internal_note", "declined_reason", "metadata"],
      holds: "order edits, returns, claims and exchanges: their description, internal note and decline reason",
    },
    {
      table: "order_change_action",
      columns: ["details", "internal_note"],
      holds: "the steps of an order change: old and new e-mail or address, internal notes",
    },
    { table: "return_item", columns: ["note", "metadata"], holds: "notes on returned items" },
    { table: "order_claim_item", columns: ["note", "metadata"], holds: "notes on claimed items" },
    { table: "order_exchange_item", columns: ["note", "metadata"], holds: "notes on exchanged items" },
  ],

  async count(ctx, customerIds) {
    return countOf(await run(ctx, `SELECT count(*) AS n FROM "order" WHERE customer_id = any(:ids)`, { ids: customerIds }))
  },

  async list(ctx, customerIds) {
    const rows = await run(
      ctx,
      `SELECT CASE WHEN is_draft_order THEN 'draft_order' ELSE 'order' END AS kind, id, customer_id
         FROM "order" WHERE customer_id = any(:ids) ORDER BY created_at`,
      { ids: customerIds }
    )
    return rows.map((r) => ({ kind: String(r.kind), id: String(r.id), customer_id: String(r.customer_id) }))
  },

  /**
   * The person's orders: number, date, status, currency, the total as Medusa's order summary
   * keeps it, the items (title, quantity, unit price) and the addresses.
   */
  /**
   * Every order of the person (draft orders marked as such), as Medusa's order module computes it:
   * the items with their amounts, the totals (items, shipping, discounts, tax, paid, refunded), the
   * dates (placed, canceled, shipped and delivered) and the shipping and billing address.
   */
  async export(ctx, person) {
    const ids = await idsOf(ctx, PERSON_ORDERS, personValues(person))
    if (!ids.length) {
      return { orders: [] }
    }
    const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ORDER_EXPORT_FIELDS, filters: { id: ids } })
    const orders = (data as any[])
      .map(exportedOrder)
      .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)) || a.id.localeCompare(b.id))
    return { orders }
  },

  async anonymize(ctx, person) {
    await scrubOrders(ctx, personValues(person), PERSON_ORDERS)
  },

  /**
   * Orders are never deleted. The registry deletes only customers without orders, but draft
   * orders (a Start basket, an unfinished draft) may remain: they are scrubbed as in `anonymize`.
   */
  async delete(ctx, customerIds) {
    await scrubOrders(ctx, await customersAsPerson(ctx, customerIds), `SELECT id FROM "order" WHERE customer_id = any(:customer_ids)`)
  },
}
