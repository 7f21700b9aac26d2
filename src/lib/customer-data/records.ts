import { selectRows } from "../queries/sql"
import type { CustomerDataContext, CustomerDataRecord } from "./types"

/** A table whose rows are filed under a customer by `customer_id`, and the kind its rows list as. */
export type CustomerTable = { kind: string; table: string }

/**
 * A handler's `count` for tables filed by `customer_id`: every row of the customers (deleted-softly
 * ones included) over all the tables.
 */
export function countCustomerRows(tables: CustomerTable[]) {
  return async (ctx: CustomerDataContext, customerIds: string[]): Promise<number> => {
    const [row] = await selectRows(
      ctx.sql,
      `SELECT ${tables.map(({ table }) => `(SELECT count(*) FROM ${table} WHERE customer_id = any(:ids::text[]))`).join(" + ")} AS n`,
      { ids: customerIds }
    )
    return Number(row.n)
  }
}

/** A handler's `list` for tables filed by `customer_id`: kind, id and customer, by kind then age. */
export function listCustomerRows(tables: CustomerTable[]) {
  return async (ctx: CustomerDataContext, customerIds: string[]): Promise<CustomerDataRecord[]> => {
    const rows = await selectRows(
      ctx.sql,
      `${tables
        .map(({ kind, table }) => `SELECT '${kind}' AS kind, id, customer_id, created_at FROM ${table} WHERE customer_id = any(:ids::text[])`)
        .join(" UNION ALL ")}
       ORDER BY kind, created_at, id`,
      { ids: customerIds }
    )
    return rows.map((r) => ({ kind: String(r.kind), id: String(r.id), customer_id: String(r.customer_id) }))
  }
}
