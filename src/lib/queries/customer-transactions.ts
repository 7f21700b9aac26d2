import { PERSON_RECORDS_CTE } from "./person-records"
import { selectRows, type SqlSource } from "./sql"

/** Which of a person's orders a transactions page lists. */
export type TransactionKind = "placed" | "canceled" | "draft"

/**
 * One SQL condition per kind, over `o` (an order): placed orders (not canceled), canceled orders,
 * and draft orders that hold at least one item (an empty draft is a basket started and left: no
 * transaction). Fixed text, never built from input.
 */
const KIND_SQL: Record<TransactionKind, string> = {
  placed: `(o.is_draft_order = false AND o.status NOT IN ('canceled', 'draft'))`,
  canceled: `(o.is_draft_order = false AND o.status = 'canceled')`,
  draft: `((o.is_draft_order = true OR o.status = 'draft') AND EXISTS (
    SELECT 1 FROM order_item oi WHERE oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL))`,
}

export type TransactionPage = {
  /** The orders of the page, newest first. */
  ids: string[]
  /** Everything listed (what the pages go through), drafts with items included. */
  count: number
  /** Of those, the orders (placed or canceled): drafts are no transactions yet. */
  order_count: number
}

/**
 * A page of a person's orders (on any of their records, see `PERSON_RECORDS_CTE`) of the given
 * kinds, newest first, with the counts. Reads Medusa's customer, order and order_item tables.
 */
export async function listCustomerTransactionIds(
  source: SqlSource,
  customerId: string,
  kinds: TransactionKind[],
  page: { limit: number; offset: number }
): Promise<TransactionPage> {
  const where = kinds.map((kind) => KIND_SQL[kind]).join(" OR ")
  const [row] = await selectRows(
    source,
    `WITH ${PERSON_RECORDS_CTE},
     listed AS (
       SELECT o.id, o.created_at, o.is_draft_order OR o.status = 'draft' AS is_draft
       FROM person_records pr
       JOIN "order" o ON o.customer_id = pr.record_id AND o.deleted_at IS NULL
       WHERE ${where || "false"}
     )
     SELECT
       (SELECT COUNT(*) FROM listed) AS count,
       (SELECT COUNT(*) FROM listed WHERE NOT is_draft) AS order_count,
       (SELECT COALESCE(json_agg(p.id ORDER BY p.created_at DESC, p.id DESC), '[]'::json) FROM (
         SELECT id, created_at FROM listed ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset
       ) p) AS ids`,
    { customer_ids: [customerId], limit: page.limit, offset: page.offset }
  )
  return { ids: row.ids as string[], count: Number(row.count), order_count: Number(row.order_count) }
}
