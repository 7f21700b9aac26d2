import { countCustomerRows, listCustomerRows } from "../../lib/customer-data/records"
import type { CustomerDataHandler } from "../../lib/customer-data/types"
import { ENTRY_STATUS_SQL } from "../../lib/messages/campaigns"
import { selectRows } from "../../lib/queries/sql"

/** A merge's inbox entries: those that move to the survivor, and the source's that stay hidden (the survivor has that campaign's). */
export type InboxMergeState = { entry_ids: string[]; hidden_entry_ids: string[] }

const TABLES = [{ kind: "inbox_entry", table: "customer_inbox_entry" }]

/**
 * What the message module holds about customers: their inbox (one entry per campaign they
 * received, and the rewards they bought with points), with when they read, used or were e-mailed
 * it. Campaigns belong to the shop. A merge moves the entries to the survivor; where the survivor
 * has its own entry of the same campaign, the source's stays with the merged-away record, hidden
 * (one entry per campaign and customer); an undo brings it back. Anonymize and delete remove the
 * person's entries (a personal offer's promotion is Medusa's promotion handler's business).
 */
export const customerDataHandler: CustomerDataHandler<InboxMergeState> = {
  name: "customer_message",
  owner: "plugin",
  claims: [
    {
      table: "customer_inbox_entry",
      columns: ["customer_id", "emailed_at"],
      holds: "the messages and offers in the customer's inbox, and when they were read, used or e-mailed",
    },
  ],

  count: countCustomerRows(TABLES),
  list: listCustomerRows(TABLES),

  async export(ctx, person) {
    const rows = await selectRows(
      ctx.sql,
      `SELECT e.id, e.campaign_id, k.title AS campaign, k.kind AS campaign_kind, e.kind, e.origin,
              ${ENTRY_STATUS_SQL} AS status, e.distributed_at, e.read_at, e.emailed_at, e.redeemed_at,
              e.redeemed_order_id, e.removed_at, e.expires_at, e.promotion_code, e.points_spent
         FROM customer_inbox_entry e JOIN customer_campaign k ON k.id = e.campaign_id
        WHERE e.customer_id = any(:ids::text[]) AND e.deleted_at IS NULL
        ORDER BY e.distributed_at, e.id`,
      { ids: person.customer_ids }
    )
    return { inbox: rows }
  },

  async planMerge(ctx, { source, survivor }) {
    const rows = await selectRows(
      ctx.sql,
      `SELECT id, campaign_id, customer_id, origin FROM customer_inbox_entry
        WHERE customer_id = any(:ids::text[]) AND deleted_at IS NULL ORDER BY id`,
      { ids: [source.id, survivor.id] }
    )
    const survivorCampaigns = new Set(
      rows.filter((r) => r.customer_id === survivor.id && r.origin === "distribution").map((r) => r.campaign_id)
    )
    const sourceRows = rows.filter((r) => r.customer_id === source.id)
    const stays = (r: Record<string, unknown>) => r.origin === "distribution" && survivorCampaigns.has(r.campaign_id)
    return {
      state: {
        entry_ids: sourceRows.filter((r) => !stays(r)).map((r) => r.id as string),
        hidden_entry_ids: sourceRows.filter(stays).map((r) => r.id as string),
      },
    }
  },

  async move(ctx, state, { from, to }) {
    if (state?.entry_ids?.length) {
      await selectRows(
        ctx.sql,
        `UPDATE customer_inbox_entry SET customer_id = :to, updated_at = now()
          WHERE id = any(:ids::text[]) AND customer_id = :from`,
        { ids: state.entry_ids, from, to }
      )
    }
    return state
  },

  async hide(ctx, state) {
    if (state?.hidden_entry_ids?.length) {
      await selectRows(
        ctx.sql,
        `UPDATE customer_inbox_entry SET deleted_at = now() WHERE id = any(:ids::text[]) AND deleted_at IS NULL`,
        { ids: state.hidden_entry_ids }
      )
    }
  },

  async restore(ctx, state) {
    if (state?.hidden_entry_ids?.length) {
      await selectRows(ctx.sql, `UPDATE customer_inbox_entry SET deleted_at = NULL WHERE id = any(:ids::text[])`, {
        ids: state.hidden_entry_ids,
      })
    }
  },

  async anonymize(ctx, person) {
    await selectRows(ctx.sql, `DELETE FROM customer_inbox_entry WHERE customer_id = any(:ids::text[])`, {
      ids: person.customer_ids,
    })
  },

  async delete(ctx, customerIds) {
    await selectRows(ctx.sql, `DELETE FROM customer_inbox_entry WHERE customer_id = any(:ids::text[])`, {
      ids: customerIds,
    })
  },
}
