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
  run,
  setNull,
  type PersonValues,
} from "./shared"

/** Fulfillments of the orders and of their returns (links of Medusa's link module). */
function fulfillmentsOf(orders: string) {
  return `SELECT fulfillment_id AS id FROM order_fulfillment WHERE order_id IN (${orders})
          UNION SELECT rf.fulfillment_id FROM return_fulfillment rf JOIN "return" r ON r.id = rf.return_id
                 WHERE r.order_id IN (${orders})`
}

/**
 * The delivery address loses everything but country and province; the provider's data (a
 * carrier's record: recipient, address) loses its personal keys, the metadata goes. Shipping
 * dates, items, labels and tracking numbers stay.
 */
async function scrubFulfillments(ctx: CustomerDataContext, person: PersonValues, orders: string) {
  const values = { ...person, fulfillment_ids: await idsOf(ctx, fulfillmentsOf(orders), person) }
  if (!values.fulfillment_ids.length) {
    return
  }
  const fulfillments = `SELECT unnest(:fulfillment_ids::text[])`
  await run(
    ctx,
    `UPDATE fulfillment_address SET ${setNull(ADDRESS_COLUMNS)}
      WHERE id IN (SELECT delivery_address_id FROM fulfillment WHERE id IN (${fulfillments}))
        AND ${anyNotNull(ADDRESS_COLUMNS)}`,
    values
  )
  await run(
    ctx,
    `UPDATE fulfillment SET metadata = NULL, data = data - :keys::text[]
      WHERE id IN (${fulfillments})
        AND (metadata IS NOT NULL OR jsonb_exists_any(coalesce(data, '{}'::jsonb), :keys::text[]))`,
    { ...values, keys: PERSONAL_JSON_KEYS }
  )
}

/** Medusa's fulfillment module: where the person's orders were delivered. */
export const medusaFulfillmentHandler: CustomerDataHandler = {
  name: "medusa-fulfillment",
  owner: "medusa",
  claims: [
    {
      table: "fulfillment_address",
      columns: ADDRESS_COLUMNS,
      holds: "delivery addresses of shipments: names, company, street, postal code, city, phone",
    },
    { table: "fulfillment", columns: ["data", "metadata"], holds: "the fulfillment provider's record of a shipment" },
  ],

  async count(ctx, customerIds) {
    const orders = `SELECT id FROM "order" WHERE customer_id = any(:customer_ids)`
    return countOf(
      await run(ctx, `SELECT count(*) AS n FROM (${fulfillmentsOf(orders)}) x`, { customer_ids: customerIds })
    )
  },

  async list(ctx, customerIds) {
    const rows = await run(
      ctx,
      `SELECT o.customer_id, ofl.fulfillment_id AS id FROM order_fulfillment ofl JOIN "order" o ON o.id = ofl.order_id
        WHERE o.customer_id = any(:customer_ids)`,
      { customer_ids: customerIds }
    )
    return rows.map((r) => ({ kind: "fulfillment", id: String(r.id), customer_id: String(r.customer_id) }))
  },

  /** Shipments are part of the orders section (their addresses are the orders'). */
  async export() {
    return {}
  },

  async anonymize(ctx, person) {
    await scrubFulfillments(ctx, personValues(person), PERSON_ORDERS)
  },

  async delete(ctx, customerIds) {
    await scrubFulfillments(ctx, await customersAsPerson(ctx, customerIds), `SELECT id FROM "order" WHERE customer_id = any(:customer_ids)`)
  },
}
