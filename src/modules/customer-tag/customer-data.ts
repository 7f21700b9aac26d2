import { countCustomerRows, listCustomerRows } from "../../lib/customer-data/records"
import type { CustomerDataContext, CustomerDataHandler } from "../../lib/customer-data/types"
import { selectRows } from "../../lib/queries/sql"
import { CUSTOMER_TAG_MODULE } from "."
import type CustomerTagModuleService from "./service"

/** A merge's tags: those that move, and those of a definition the survivor already carries (they stay hidden). */
export type TagMergeState = {
  tag_ids: string[]
  hidden_tag_ids: string[]
}

const tags = (ctx: CustomerDataContext): CustomerTagModuleService => ctx.container.resolve(CUSTOMER_TAG_MODULE)

/** The tables filed by `customer_id` that `count` and `list` read. */
const TABLES = [{ kind: "tag", table: "customer_tag" }]

/**
 * What the tag module holds about customers: their tags, whose free value (an employer, a school)
 * can be personal. Tag definitions belong to the shop, not to a customer.
 */
export const customerDataHandler: CustomerDataHandler<TagMergeState> = {
  name: "customer_tag",
  owner: "plugin",
  claims: [{ table: "customer_tag", columns: ["customer_id", "value"], holds: "the customer's tags and their free values" }],

  count: countCustomerRows(TABLES),
  list: listCustomerRows(TABLES),

  async export(ctx, person) {
    const rows = await selectRows(
      ctx.sql,
      `SELECT t.id, t.customer_id, d.key, d.label, t.value, t.source, t.expires_at, t.created_at
         FROM customer_tag t JOIN customer_tag_definition d ON d.id = t.definition_id
        WHERE t.customer_id = any(:ids::text[]) AND t.deleted_at IS NULL
        ORDER BY t.created_at, t.id`,
      { ids: person.customer_ids }
    )
    return { tags: rows }
  },

  async planMerge(ctx, { source, survivor }) {
    const rows = await tags(ctx).listCustomerTags(
      { customer_id: [source.id, survivor.id] },
      { select: ["id", "customer_id", "definition_id", "definition.label"], relations: ["definition"], take: null }
    )
    const survivorDefinitions = new Set(rows.filter((t) => t.customer_id === survivor.id).map((t) => t.definition_id))
    const sourceTags = rows.filter((t) => t.customer_id === source.id)
    const stays = sourceTags.filter((t) => survivorDefinitions.has(t.definition_id))
    const state: TagMergeState = {
      tag_ids: sourceTags.filter((t) => !survivorDefinitions.has(t.definition_id)).map((t) => t.id),
      hidden_tag_ids: stays.map((t) => t.id),
    }
    return {
      state,
      counts: { tags: state.tag_ids.length },
      stays: { tags: stays.map((t) => t.definition?.label ?? t.definition_id) },
    }
  },

  async move(ctx, state, { from, to }) {
    if (state.tag_ids.length) {
      await tags(ctx).updateCustomerTags({ selector: { id: state.tag_ids, customer_id: from }, data: { customer_id: to } })
    }
    return state
  },

  async hide(ctx, state) {
    if (state.hidden_tag_ids.length) {
      await tags(ctx).softDeleteCustomerTags(state.hidden_tag_ids)
    }
  },

  async restore(ctx, state) {
    if (state.hidden_tag_ids.length) {
      await tags(ctx).restoreCustomerTags(state.hidden_tag_ids)
    }
  },

  async anonymize(ctx, person) {
    // The tag (what kind of customer) stays; its free value goes.
    await selectRows(
      ctx.sql,
      `UPDATE customer_tag SET value = NULL, updated_at = now() WHERE customer_id = any(:ids::text[]) AND value IS NOT NULL`,
      { ids: person.customer_ids }
    )
  },

  async delete(ctx, customerIds) {
    await selectRows(ctx.sql, `DELETE FROM customer_tag WHERE customer_id = any(:ids::text[])`, { ids: customerIds })
  },
}
