import { PERSON_RECORDS_CTE } from "./person-records"
import { selectRows, type SqlSource } from "./sql"

import { TIMELINE_ENTRY_TYPES, type TimelineEntryType } from "../../types/http/timeline"

export { TIMELINE_ENTRY_TYPES, type TimelineEntryType }

/**
 * The customer's orders: those of every record of the person (`PERSON_RECORDS_CTE`), drafts
 * included (the entries leave them out).
 */
const CUSTOMER_ORDERS_CTE = `
  ${PERSON_RECORDS_CTE},
  customer_orders as (
    select id, created_at, canceled_at, is_draft_order from "order"
    where deleted_at is null and customer_id in (select record_id from person_records)
  )`

/**
 * One customer's timeline as (type, id, time) rows, newest first: the page is cut in Postgres from
 * a union of notes and order events, so a page costs the same however long the history is.
 * Reads the customer_note, customer_alternate_email and order tables (one database, Medusa's
 * default); every value is a bound parameter.
 */
const ENTRIES_SQL = `
  with ${CUSTOMER_ORDERS_CTE},
  entries as (
    select case when kind = 'system' then 'system_note' else 'note' end as type,
           id, created_at as occurred_at
    from customer_note
    where customer_id = :customer_id and deleted_at is null
    union all
    select 'order_placed', id, created_at
    from customer_orders where is_draft_order = false
    union all
    select 'order_canceled', id, canceled_at
    from customer_orders where is_draft_order = false and canceled_at is not null
  )
  select type, id, occurred_at, count(*) over ()::int as total
  from entries
  where type = any(:types)
  order by occurred_at desc, id desc
  limit :limit offset :offset
`

const COUNT_SQL = `
  with ${CUSTOMER_ORDERS_CTE}
  select count(*)::int as total from (
    select case when kind = 'system' then 'system_note' else 'note' end as type
    from customer_note where customer_id = :customer_id and deleted_at is null
    union all
    select 'order_placed' from customer_orders where is_draft_order = false
    union all
    select 'order_canceled' from customer_orders where is_draft_order = false and canceled_at is not null
  ) entries
  where type = any(:types)
`

export type TimelineRow = { type: TimelineEntryType; id: string; occurred_at: Date }

export async function listTimelineRows(
  source: SqlSource,
  customerId: string,
  types: readonly TimelineEntryType[],
  pagination: { offset: number; limit: number }
): Promise<{ rows: TimelineRow[]; count: number }> {
  const values = { customer_ids: [customerId], customer_id: customerId, types: [...types] }
  const rows = await selectRows(source, ENTRIES_SQL, { ...values, limit: pagination.limit, offset: pagination.offset })
  // Past the last page the window count is absent: count on its own then.
  const count = rows.length
    ? Number(rows[0].total)
    : Number((await selectRows(source, COUNT_SQL, values))[0].total)
  return {
    rows: rows.map((r) => ({
      type: r.type as TimelineEntryType,
      id: r.id as string,
      occurred_at: new Date(r.occurred_at as string),
    })),
    count,
  }
}
