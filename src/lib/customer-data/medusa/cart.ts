import type { CustomerDataContext, CustomerDataHandler } from "../types"
import {
  ADDRESS_COLUMNS,
  anyNotNull,
  countOf,
  customersAsPerson,
  idsOf,
  PERSON_CARTS,
  personValues,
  placeholderEmailSql,
  run,
  setNull,
  type PersonValues,
} from "./shared"

/** Scrubs the carts (resolved once, by customer id or e-mail) and their addresses. */
async function scrubCarts(ctx: CustomerDataContext, person: PersonValues, select: string) {
  const values = { ...person, cart_ids: await idsOf(ctx, select, person) }
  if (!values.cart_ids.length) {
    return
  }
  const carts = `SELECT unnest(:cart_ids::text[])`
  await run(
    ctx,
    `UPDATE cart_address SET ${setNull(["customer_id", ...ADDRESS_COLUMNS])}
      WHERE (id IN (SELECT shipping_address_id FROM cart WHERE id IN (${carts})
                    UNION ALL SELECT billing_address_id FROM cart WHERE id IN (${carts}))
             OR customer_id = any(:customer_ids))
        AND ${anyNotNull(["customer_id", ...ADDRESS_COLUMNS])}`,
    values
  )
  await run(
    ctx,
    `UPDATE cart SET email = ${placeholderEmailSql("id")}, metadata = NULL
      WHERE id = any(:cart_ids) AND (metadata IS NOT NULL OR email IS DISTINCT FROM ${placeholderEmailSql("id")})`,
    values
  )
}

/** Carts of the customers that never became an order: `delete` removes them. */
const OPEN_CARTS = `SELECT c.id FROM cart c
   WHERE c.customer_id = any(:customer_ids) AND c.completed_at IS NULL
     AND NOT EXISTS (SELECT 1 FROM order_cart oc WHERE oc.cart_id = c.id)`

/** Medusa's cart module: the carts of a customer or e-mail, and their addresses. */
export const medusaCartHandler: CustomerDataHandler = {
  name: "medusa-cart",
  owner: "medusa",
  claims: [
    { table: "cart", columns: ["customer_id", "email", "metadata"], holds: "carts: the customer, the e-mail entered at checkout, metadata" },
    {
      table: "cart_address",
      columns: ["customer_id", ...ADDRESS_COLUMNS],
      holds: "the carts' shipping and billing addresses: names, company, street, postal code, city, phone",
    },
  ],

  async count(ctx, customerIds) {
    return countOf(await run(ctx, `SELECT count(*) AS n FROM cart WHERE customer_id = any(:ids)`, { ids: customerIds }))
  },

  async list(ctx, customerIds) {
    const rows = await run(ctx, `SELECT id, customer_id FROM cart WHERE customer_id = any(:ids) ORDER BY created_at`, {
      ids: customerIds,
    })
    return rows.map((r) => ({ kind: "cart", id: String(r.id), customer_id: String(r.customer_id) }))
  },

  /** Carts that never became an order (the orders section has the others). */
  async export(ctx, person) {
    const carts = await run(
      ctx,
      `SELECT c.id, c.created_at, c.email, c.currency_code,
              (SELECT coalesce(json_agg(json_build_object('title', li.title, 'quantity', li.quantity,
                                                          'unit_price', li.unit_price) ORDER BY li.created_at), '[]'::json)
                 FROM cart_line_item li WHERE li.cart_id = c.id AND li.deleted_at IS NULL) AS items
         FROM cart c
        WHERE c.id IN (${PERSON_CARTS}) AND c.completed_at IS NULL
        ORDER BY c.created_at`,
      personValues(person)
    )
    return { carts }
  },

  async anonymize(ctx, person) {
    await scrubCarts(ctx, personValues(person), PERSON_CARTS)
  },

  /**
   * Carts that never became an order go with everything in them; a cart an order was placed from
   * is scrubbed (its order stays).
   */
  async delete(ctx, customerIds) {
    const values = await customersAsPerson(ctx, customerIds)
    const open = await run(ctx, OPEN_CARTS, values)
    const cartIds = open.map((r) => String(r.id))
    if (cartIds.length) {
      const doomed = { ...values, carts: cartIds }
      const addresses = await run(
        ctx,
        `SELECT shipping_address_id AS id FROM cart WHERE id = any(:carts) AND shipping_address_id IS NOT NULL
         UNION SELECT billing_address_id FROM cart WHERE id = any(:carts) AND billing_address_id IS NOT NULL`,
        doomed
      )
      const items = `SELECT id FROM cart_line_item WHERE cart_id = any(:carts)`
      const methods = `SELECT id FROM cart_shipping_method WHERE cart_id = any(:carts)`
      await run(ctx, `DELETE FROM cart_line_item_adjustment WHERE item_id IN (${items})`, doomed)
      await run(ctx, `DELETE FROM cart_line_item_tax_line WHERE item_id IN (${items})`, doomed)
      await run(ctx, `DELETE FROM cart_line_item WHERE cart_id = any(:carts)`, doomed)
      await run(ctx, `DELETE FROM cart_shipping_method_adjustment WHERE shipping_method_id IN (${methods})`, doomed)
      await run(ctx, `DELETE FROM cart_shipping_method_tax_line WHERE shipping_method_id IN (${methods})`, doomed)
      await run(ctx, `DELETE FROM cart_shipping_method WHERE cart_id = any(:carts)`, doomed)
      await run(ctx, `DELETE FROM credit_line WHERE cart_id = any(:carts)`, doomed)
      await run(ctx, `DELETE FROM cart_promotion WHERE cart_id = any(:carts)`, doomed)
      await run(ctx, `DELETE FROM cart_payment_collection WHERE cart_id = any(:carts)`, doomed)
      await run(ctx, `DELETE FROM cart WHERE id = any(:carts)`, doomed)
      await run(ctx, `DELETE FROM cart_address WHERE id = any(:addresses)`, {
        addresses: addresses.map((r) => String(r.id)),
      })
    }
    await scrubCarts(ctx, values, `SELECT id FROM cart WHERE customer_id = any(:customer_ids)`)
  },
}
