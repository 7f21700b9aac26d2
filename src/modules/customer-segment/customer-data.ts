import { countCustomerRows, listCustomerRows } from "../../lib/customer-data/records"
import type { CustomerDataHandler } from "../../lib/customer-data/types"
import { selectRows } from "../../lib/queries/sql"

/** A merge's segment records: those that move to the survivor, and those it already had for the same segment (hidden). */
export type SegmentMergeState = { member_ids: string[]; hidden_member_ids: string[] }

const TABLES = [{ kind: "segment_member", table: "customer_segment_member" }]

/**
 * What the segment module holds about customers: which segments' syncs put them into a customer
 * group (ids only; the group membership itself is Medusa's, claimed by its customer handler).
 * Segments and their sync history belong to the shop. A merge moves the records with the group
 * memberships the merge moves (the survivor is then in the group because of the segment, and the
 * next sync takes them out if they do not match); an undo moves them back. Anonymize and delete
 * remove them (anonymize also removes the group memberships).
 */
export const customerDataHandler: CustomerDataHandler<SegmentMergeState> = {
  name: "customer_segment",
  owner: "plugin",
  claims: [
    {
      table: "customer_segment_member",
      columns: ["customer_id"],
      holds: "which segments' syncs put the customer into a customer group (ids only)",
    },
  ],

  count: countCustomerRows(TABLES),
  list: listCustomerRows(TABLES),

  async export(ctx, person) {
    const rows = await selectRows(
      ctx.sql,
      `SELECT s.id AS segment_id, s.name AS segment, s.group_id, cg.name AS customer_group, m.created_at AS added_at
         FROM customer_segment_member m
         JOIN customer_segment s ON s.id = m.segment_id AND s.deleted_at IS NULL
         LEFT JOIN customer_group cg ON cg.id = s.group_id AND cg.deleted_at IS NULL
        WHERE m.customer_id = any(:ids::text[]) AND m.deleted_at IS NULL
        ORDER BY m.created_at, m.id`,
      { ids: person.customer_ids }
    )
    return { segments: rows }
  },

  async planMerge(ctx, { source, survivor }) {
    const rows = await selectRows(
      ctx.sql,
      `SELECT id, segment_id, customer_id FROM customer_segment_member
        WHERE customer_id = any(:ids::text[]) AND deleted_at IS NULL ORDER BY id`,
      { ids: [source.id, survivor.id] }
    )
    const survivorSegments = new Set(rows.filter((r) => r.customer_id === survivor.id).map((r) => r.segment_id))
    const sourceRows = rows.filter((r) => r.customer_id === source.id)
    return {
      state: {
        member_ids: sourceRows.filter((r) => !survivorSegments.has(r.segment_id)).map((r) => r.id as string),
        hidden_member_ids: sourceRows.filter((r) => survivorSegments.has(r.segment_id)).map((r) => r.id as string),
      },
    }
  },

  async move(ctx, state, { from, to }) {
    if (state?.member_ids?.length) {
      await selectRows(
        ctx.sql,
        `UPDATE customer_segment_member SET customer_id = :to, updated_at = now()
          WHERE id = any(:ids::text[]) AND customer_id = :from`,
        { ids: state.member_ids, from, to }
      )
    }
    return state
  },

  async hide(ctx, state) {
    if (state?.hidden_member_ids?.length) {
      await selectRows(
        ctx.sql,
        `UPDATE customer_segment_member SET deleted_at = now() WHERE id = any(:ids::text[]) AND deleted_at IS NULL`,
        { ids: state.hidden_member_ids }
      )
    }
  },

  async restore(ctx, state) {
    if (state?.hidden_member_ids?.length) {
      await selectRows(
        ctx.sql,
        `UPDATE customer_segment_member SET deleted_at = NULL WHERE id = any(:ids::text[])`,
        { ids: state.hidden_member_ids }
      )
    }
  },

  async anonymize(ctx, person) {
    await selectRows(ctx.sql, `DELETE FROM customer_segment_member WHERE customer_id = any(:ids::text[])`, {
      ids: person.customer_ids,
    })
  },

  async delete(ctx, customerIds) {
    await selectRows(ctx.sql, `DELETE FROM customer_segment_member WHERE customer_id = any(:ids::text[])`, {
      ids: customerIds,
    })
  },
}
