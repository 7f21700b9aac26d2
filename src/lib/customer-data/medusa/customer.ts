import type { CustomerDataHandler } from "../types"
import { ADDRESS_COLUMNS, anyNotNull, countOf, personValues, placeholderEmailSql, run } from "./shared"

const CUSTOMER_PERSONAL = ["first_name", "last_name", "phone", "company_name", "metadata"]

/**
 * Medusa's customer module: the customer record, its addresses and its group memberships. It runs
 * last of all handlers, so every other handler still finds the person's rows by e-mail.
 */
export const medusaCustomerHandler: CustomerDataHandler = {
  name: "medusa-customer",
  owner: "medusa",
  claims: [
    {
      table: "customer",
      columns: ["email", "first_name", "last_name", "phone", "company_name", "metadata"],
      holds: "the customer's e-mail, name, phone, company and free-form metadata",
    },
    {
      table: "customer_address",
      columns: ["customer_id", "address_name", ...ADDRESS_COLUMNS],
      holds: "the customer's saved addresses: names, company, street, postal code, city, phone",
    },
    {
      table: "customer_group_customer",
      columns: ["customer_id", "metadata"],
      holds: "the customer's group memberships",
    },
  ],

  async count(ctx, customerIds) {
    const rows = await run(
      ctx,
      `SELECT (SELECT count(*) FROM customer WHERE id = any(:ids))
            + (SELECT count(*) FROM customer_address WHERE customer_id = any(:ids))
            + (SELECT count(*) FROM customer_group_customer WHERE customer_id = any(:ids)) AS n`,
      { ids: customerIds }
    )
    return countOf(rows)
  },

  async list(ctx, customerIds) {
    const rows = await run(
      ctx,
      `SELECT 'customer' AS kind, id, id AS customer_id FROM customer WHERE id = any(:ids)
       UNION ALL SELECT 'address', id, customer_id FROM customer_address WHERE customer_id = any(:ids)
       UNION ALL SELECT 'group_membership', id, customer_id FROM customer_group_customer WHERE customer_id = any(:ids)`,
      { ids: customerIds }
    )
    return rows.map((r) => ({ kind: String(r.kind), id: String(r.id), customer_id: String(r.customer_id) }))
  },

  async export(ctx, person) {
    const values = { ids: person.customer_ids }
    const customer = await run(
      ctx,
      `SELECT id, email, first_name, last_name, phone, company_name, has_account, metadata, created_at
         FROM customer WHERE id = any(:ids) ORDER BY created_at`,
      values
    )
    const addresses = await run(
      ctx,
      `SELECT id, customer_id, address_name, company, first_name, last_name, address_1, address_2, city,
              province, postal_code, country_code, phone, is_default_shipping, is_default_billing, created_at
         FROM customer_address WHERE customer_id = any(:ids) ORDER BY created_at`,
      values
    )
    const groups = await run(
      ctx,
      `SELECT cg.id, cg.name, cgc.created_at AS joined_at
         FROM customer_group_customer cgc JOIN customer_group cg ON cg.id = cgc.customer_group_id
        WHERE cgc.customer_id = any(:ids) ORDER BY cgc.created_at`,
      values
    )
    return { customer, addresses, customer_groups: groups }
  },

  /**
   * Saved addresses and group memberships go (they are no financial fact); the record stays with a
   * placeholder e-mail and no name, phone, company or metadata, and no longer has an account.
   */
  async anonymize(ctx, person) {
    const values = personValues(person)
    await run(ctx, `DELETE FROM customer_address WHERE customer_id = any(:customer_ids)`, values)
    await run(ctx, `DELETE FROM customer_group_customer WHERE customer_id = any(:customer_ids)`, values)
    await run(
      ctx,
      `UPDATE customer
          SET email = ${placeholderEmailSql("id")}, first_name = NULL, last_name = NULL, phone = NULL,
              company_name = NULL, metadata = NULL, has_account = false
        WHERE id = any(:customer_ids)
          AND (${anyNotNull(CUSTOMER_PERSONAL)} OR has_account OR email IS DISTINCT FROM ${placeholderEmailSql("id")})`,
      values
    )
  },

  /** The records, their addresses and group memberships, for good. */
  async delete(ctx, customerIds) {
    const values = { ids: customerIds }
    await run(ctx, `DELETE FROM customer_address WHERE customer_id = any(:ids)`, values)
    await run(ctx, `DELETE FROM customer_group_customer WHERE customer_id = any(:ids)`, values)
    await run(ctx, `DELETE FROM customer WHERE id = any(:ids)`, values)
  },
}
