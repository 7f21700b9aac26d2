import { selectRows, type SqlSource } from "./sql"

/**
 * Tag usage, set-based: one query per question for a whole page of tag definitions, never one per
 * tag or per customer. It reads the tables of the customer_tag, order and promotion modules, so it
 * needs them in one database (Medusa's default). All values are bound parameters.
 *
 * "Orders that used the benefit": orders of customers carrying the tag, not canceled, with a
 * promotion whose rules target the tag's benefit group (`customer.groups.id`).
 */

const BENEFIT_ORDERS_SQL = `
  select ct.definition_id, o.sales_channel_id, count(distinct o.id)::int as order_count
  from customer_tag ct
  join customer_tag_definition d on d.id = ct.definition_id and d.deleted_at is null
  join "order" o on o.customer_id = ct.customer_id
    and o.deleted_at is null and o.is_draft_order = false and o.status <> 'canceled'
  join order_promotion op on op.order_id = o.id and op.deleted_at is null
  join promotion_promotion_rule ppr on ppr.promotion_id = op.promotion_id
  join promotion_rule pr on pr.id = ppr.promotion_rule_id and pr.deleted_at is null
    and pr.attribute = 'customer.groups.id'
  join promotion_rule_value prv on prv.promotion_rule_id = pr.id and prv.deleted_at is null
    and prv.value = d.customer_group_id
  where ct.deleted_at is null and ct.definition_id = any(:definition_ids)
  group by ct.definition_id, o.sales_channel_id
`

const CUSTOMER_COUNTS_SQL = `
  select definition_id, count(*)::int as customer_count
  from customer_tag
  where deleted_at is null and definition_id = any(:definition_ids)
  group by definition_id
`

export type TagUsageRow = {
  customer_count: number
  benefit_order_count: number
  by_sales_channel: { sales_channel_id: string | null; order_count: number }[]
}

/** Usage of each of the given tag definitions, keyed by definition id (zeros when unused). */
export async function getTagUsage(
  source: SqlSource,
  definitionIds: string[]
): Promise<Map<string, TagUsageRow>> {
  const usage = new Map<string, TagUsageRow>(
    definitionIds.map((id) => [id, { customer_count: 0, benefit_order_count: 0, by_sales_channel: [] }])
  )
  if (!definitionIds.length) {
    return usage
  }
  const values = { definition_ids: definitionIds }
  const [counts, orders] = await Promise.all([
    selectRows(source, CUSTOMER_COUNTS_SQL, values),
    selectRows(source, BENEFIT_ORDERS_SQL, values),
  ])
  for (const row of counts) {
    usage.get(row.definition_id as string)!.customer_count = Number(row.customer_count)
  }
  for (const row of orders) {
    const entry = usage.get(row.definition_id as string)!
    const count = Number(row.order_count)
    entry.benefit_order_count += count
    entry.by_sales_channel.push({
      sales_channel_id: (row.sales_channel_id as string | null) ?? null,
      order_count: count,
    })
  }
  return usage
}
