import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

import { TIMELINE_ENTRY_TYPES, type TimelineEntryType } from "../../types/http/timeline"

export { TIMELINE_ENTRY_TYPES, type TimelineEntryType }

type Knex = {
  raw: (sql: string, bindings: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>
}

/**
 * The customer's orders: filed under them, or under another record whose e-mail is their primary
 * or an alternate e-mail (a guest checkout), since both are the same person. Orders are found by
 * `customer_id` (indexed). Three bindings, all the customer's id.
 */
export const CUSTOMER_ORDERS_CTE = `
  customer_emails as (
    select lower(email) as email from customer where id = ? and email is not null and email <> ''
    union
    select email from customer_alternate_email where customer_id = ? and deleted_at is null
  ),
  customer_records as (
    select ?::text as id
    union
    select id from customer where deleted_at is null and lower(email) in (select email from customer_emails)
  ),
  customer_orders as (
    select id, created_at, canceled_at, is_draft_order from "order"
    where deleted_at is null and customer_id in (select id from customer_records)
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
    where customer_id = ? and deleted_at is null
    union all
    select 'order_placed', id, created_at
    from customer_orders where is_draft_order = false
    union all
    select 'order_canceled', id, canceled_at
    from customer_orders where is_draft_order = false and canceled_at is not null
  )
  select type, id, occurred_at, count(*) over ()::int as total
  from entries
  where type = any(?)
  order by occurred_at desc, id desc
  limit ? offset ?
`

const COUNT_SQL = `
  with ${CUSTOMER_ORDERS_CTE}
  select count(*)::int as total from (
    select case when kind = 'system' then 'system_note' else 'note' end as type
    from customer_note where customer_id = ? and deleted_at is null
    union all
    select 'order_placed' from customer_orders where is_draft_order = false
    union all
    select 'order_canceled' from customer_orders where is_draft_order = false and canceled_at is not null
  ) entries
  where type = any(?)
`

export type TimelineRow = { type: TimelineEntryType; id: string; occurred_at: Date }

export async function listTimelineRows(
  scope: MedusaContainer,
  customerId: string,
  types: readonly TimelineEntryType[],
  pagination: { offset: number; limit: number }
): Promise<{ rows: TimelineRow[]; count: number }> {
  const knex = scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  // Three for the customer's orders, one for the notes.
  const ids = [customerId, customerId, customerId, customerId]
  const { rows } = await knex.raw(ENTRIES_SQL, [
    ...ids,
    [...types],
    pagination.limit,
    pagination.offset,
  ])
  // Past the last page the window count is absent: count on its own then.
  const count = rows.length
    ? Number(rows[0].total)
    : Number((await knex.raw(COUNT_SQL, [...ids, [...types]])).rows[0].total)
  return {
    rows: rows.map((r) => ({
      type: r.type as TimelineEntryType,
      id: r.id as string,
      occurred_at: new Date(r.occurred_at as string),
    })),
    count,
  }
}
