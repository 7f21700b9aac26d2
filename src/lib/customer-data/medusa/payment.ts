import type { CustomerDataContext, CustomerDataHandler } from "../types"
import {
  countOf,
  customersAsPerson,
  idsOf,
  PERSON_CARTS,
  PERSON_ORDERS,
  PERSONAL_JSON_KEYS,
  personValues,
  run,
  type PersonValues,
} from "./shared"

/** The payment collections of the person's carts and orders (links of Medusa's link module). */
function collectionsOf(carts: string, orders: string) {
  return `SELECT payment_collection_id AS id FROM cart_payment_collection WHERE cart_id IN (${carts})
          UNION SELECT payment_collection_id FROM order_payment_collection WHERE order_id IN (${orders})`
}

/** The account holders (a payment provider's customer) linked to the customers. */
const ACCOUNT_HOLDERS = `SELECT account_holder_id FROM customer_account_holder WHERE customer_id = any(:customer_ids)`

/**
 * An account holder's `data` is the provider's customer record (e.g. Stripe's: e-mail, name,
 * phone, address); only its id stays, as `external_id` does.
 */
const PROVIDER_ID_ONLY = `jsonb_strip_nulls(jsonb_build_object('id', data->'id'))`

/**
 * A session's `context` is the customer Medusa handed the provider (e-mail, name, phone,
 * addresses, account holder) and goes whole; of the provider's `data` only the personal keys go
 * (the provider's ids stay, so refunds of an anonymized order keep working); refund notes are
 * free text. Amounts, currencies and dates stay.
 */
async function scrubPayments(ctx: CustomerDataContext, person: PersonValues, carts: string, orders: string) {
  const values = { ...person, collection_ids: await idsOf(ctx, collectionsOf(carts, orders), person) }
  if (!values.collection_ids.length) {
    return
  }
  const collections = `SELECT unnest(:collection_ids::text[])`
  const withKeys = { ...values, keys: PERSONAL_JSON_KEYS }
  await run(
    ctx,
    `UPDATE payment_session SET context = NULL, metadata = NULL, data = data - :keys::text[]
      WHERE payment_collection_id IN (${collections})
        AND (context IS NOT NULL OR metadata IS NOT NULL OR jsonb_exists_any(data, :keys::text[]))`,
    withKeys
  )
  await run(
    ctx,
    `UPDATE payment SET metadata = NULL, data = data - :keys::text[]
      WHERE payment_collection_id IN (${collections})
        AND (metadata IS NOT NULL OR jsonb_exists_any(coalesce(data, '{}'::jsonb), :keys::text[]))`,
    withKeys
  )
  await run(
    ctx,
    `UPDATE refund SET note = NULL, metadata = NULL
      WHERE payment_id IN (SELECT id FROM payment WHERE payment_collection_id IN (${collections}))
        AND (note IS NOT NULL OR metadata IS NOT NULL)`,
    values
  )
}

/**
 * Medusa's payment module: payment sessions' context and data, payments' data, refund notes, and
 * the account holders (the customer at a payment provider) linked to the customer.
 */
export const medusaPaymentHandler: CustomerDataHandler = {
  name: "medusa-payment",
  owner: "medusa",
  claims: [
    {
      table: "payment_session",
      columns: ["context", "data", "metadata"],
      holds: "what Medusa sent the payment provider about the customer (e-mail, name, addresses) and its answer",
    },
    { table: "payment", columns: ["data", "metadata"], holds: "the payment provider's record of the payment" },
    { table: "refund", columns: ["note", "metadata"], holds: "free-text notes on refunds" },
    {
      table: "account_holder",
      columns: ["email", "data", "metadata"],
      holds: "the customer at a payment provider: e-mail and the provider's copy of the customer",
    },
    { table: "customer_account_holder", columns: ["customer_id"], holds: "which account holders are the customer's" },
  ],

  async count(ctx, customerIds) {
    return countOf(
      await run(ctx, `SELECT count(*) AS n FROM customer_account_holder WHERE customer_id = any(:customer_ids)`, {
        customer_ids: customerIds,
      })
    )
  },

  async list(ctx, customerIds) {
    const rows = await run(
      ctx,
      `SELECT account_holder_id AS id, customer_id FROM customer_account_holder WHERE customer_id = any(:customer_ids)`,
      { customer_ids: customerIds }
    )
    return rows.map((r) => ({ kind: "account_holder", id: String(r.id), customer_id: String(r.customer_id) }))
  },

  async export(ctx, person) {
    const accountHolders = await run(
      ctx,
      `SELECT ah.id, ah.provider_id, ah.external_id, ah.email, ah.created_at
         FROM account_holder ah WHERE ah.id IN (${ACCOUNT_HOLDERS}) ORDER BY ah.created_at`,
      personValues(person)
    )
    return { payment_accounts: accountHolders }
  },

  async anonymize(ctx, person) {
    const values = personValues(person)
    await scrubPayments(ctx, values, PERSON_CARTS, PERSON_ORDERS)
    await run(
      ctx,
      `UPDATE account_holder SET email = NULL, metadata = NULL, data = ${PROVIDER_ID_ONLY}
        WHERE (id IN (${ACCOUNT_HOLDERS}) OR lower(email) = any(:emails))
          AND (email IS NOT NULL OR metadata IS NOT NULL OR data <> ${PROVIDER_ID_ONLY})`,
      values
    )
  },

  /**
   * Sessions of the customers' carts are scrubbed (the cart handler then removes the carts); the
   * account holders and their links go. The provider's own customer record is the provider's to
   * remove.
   */
  async delete(ctx, customerIds) {
    const values = await customersAsPerson(ctx, customerIds)
    const carts = `SELECT id FROM cart WHERE customer_id = any(:customer_ids)`
    const orders = `SELECT id FROM "order" WHERE customer_id = any(:customer_ids)`
    await scrubPayments(ctx, values, carts, orders)
    const holders = await run(ctx, ACCOUNT_HOLDERS, values)
    await run(ctx, `DELETE FROM customer_account_holder WHERE customer_id = any(:customer_ids)`, values)
    await run(ctx, `DELETE FROM account_holder WHERE id = any(:holders)`, {
      holders: holders.map((r) => String(r.account_holder_id)),
    })
  },
}
