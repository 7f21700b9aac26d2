import type { CustomerDataHandler } from "../../lib/customer-data/types"
import { selectRows } from "../../lib/queries/sql"

/** A replayed answer that names one of the values (a customer id or an e-mail), case-insensitively. */
const MENTIONS = `EXISTS (SELECT 1 FROM unnest(:needles::text[]) n WHERE position(n IN lower(response_body)) > 0)`

const needles = (values: string[]) => [...new Set(values.filter(Boolean).map((v) => v.toLowerCase()))]

/**
 * What the request-replay table holds about customers: the answers of admin requests, kept for a
 * few minutes so a retried request gets the same answer. An answer may name a customer (their
 * record, e-mail, notes). Rows have no customer column: a row belongs to a customer when its answer
 * mentions their id (or, for anonymize, one of their e-mails). Nothing to export or merge: the rows
 * are technical and short-lived.
 */
export const customerDataHandler: CustomerDataHandler = {
  name: "crm_request",
  owner: "plugin",
  claims: [{ table: "crm_request_replay", columns: ["response_body"], holds: "admin answers replayed for a retry (minutes)" }],

  async count(ctx, customerIds) {
    const [row] = await selectRows(ctx.sql, `SELECT count(*)::int AS n FROM crm_request_replay WHERE ${MENTIONS}`, {
      needles: needles(customerIds),
    })
    return Number(row.n)
  },

  async list(ctx, customerIds) {
    const ids = needles(customerIds)
    const rows = await selectRows(
      ctx.sql,
      `SELECT key, (SELECT n FROM unnest(:needles::text[]) n WHERE position(n IN lower(response_body)) > 0 LIMIT 1) AS customer_id
         FROM crm_request_replay WHERE ${MENTIONS} ORDER BY key`,
      { needles: ids }
    )
    const original = new Map(customerIds.map((id) => [id.toLowerCase(), id]))
    return rows.map((r) => ({
      kind: "request_replay",
      id: String(r.key),
      customer_id: original.get(String(r.customer_id)) ?? String(r.customer_id),
    }))
  },

  export: async () => ({}),

  async anonymize(ctx, person) {
    await selectRows(ctx.sql, `DELETE FROM crm_request_replay WHERE ${MENTIONS}`, {
      needles: needles([...person.customer_ids, ...person.emails]),
    })
  },

  async delete(ctx, customerIds) {
    await selectRows(ctx.sql, `DELETE FROM crm_request_replay WHERE ${MENTIONS}`, { needles: needles(customerIds) })
  },
}
