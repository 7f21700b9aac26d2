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
  async export(ctx, person) {
    const orders = await run(
      ctx,
      `SELECT o.id, o.display_id, o.created_at, o.status, o.is_draft_order, o.email, o.currency_code,
              (SELECT s.totals->>'current_order_total' FROM order_summary s
                WHERE s.order_id = o.id AND s.deleted_at IS NULL ORDER BY s.version DESC LIMIT 1) AS total,
              (SELECT coalesce(json_agg(json_build_object('title', li.title, 'subtitle', li.subtitle,
                                                          'quantity', oi.quantity, 'unit_price', li.unit_price)
                                        ORDER BY li.created_at), '[]'::json)
                 FROM order_item oi JOIN order_line_item li ON li.id = oi.item_id
                WHERE oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL) AS items,
              (SELECT row_to_json(a) FROM (SELECT first_name, last_name, company, address_1, address_2, city,
                      province, postal_code, country_code, phone FROM order_address WHERE id = o.shipping_address_id) a)
                AS shipping_address,
              (SELECT row_to_json(a) FROM (SELECT first_name, last_name, company, address_1, address_2, city,
                      province, postal_code, country_code, phone FROM order_address WHERE id = o.billing_address_id) a)
                AS billing_address
         FROM "order" o
        WHERE o.id IN (${PERSON_ORDERS})
        ORDER BY o.created_at`,
      personValues(person)
    )
    return {
      orders: orders.map((o) => ({ ...o, total: o.total === null ? null : Number(o.total) })),
    }
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
