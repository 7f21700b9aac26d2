import { countCustomerRows, listCustomerRows } from "../../lib/customer-data/records"
import type { CustomerDataContext, CustomerDataHandler } from "../../lib/customer-data/types"
import { selectRows } from "../../lib/queries/sql"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "."

/** A merge's memberships: those held and shared that move, and a share between the two records (hidden). */
export type MembershipMergeState = {
  membership_ids: string[]
  share_ids: string[]
  /**
   * A share between the two records (one is a co-member on the other's membership): merged, the
   * person would share their own membership, so it stays hidden with the merged-away record.
   */
  hidden_share_ids: string[]
}

const memberships = (ctx: CustomerDataContext): MembershipModuleService => ctx.container.resolve(MEMBERSHIP_MODULE)

/** The tables filed by `customer_id` that `count` and `list` read. */
const TABLES = [{ kind: "membership", table: "membership" }, { kind: "membership_share", table: "membership_share" }]

/**
 * What the membership module holds about customers: the memberships they hold (with their history)
 * and their places as co-members on others'. Neither holds names or card data beyond the number and
 * ids, so anonymize keeps them: a membership is a purchase, and its card number identifies nobody
 * once the customer record is anonymized.
 */
export const customerDataHandler: CustomerDataHandler<MembershipMergeState> = {
  name: "membership",
  owner: "plugin",
  claims: [
    { table: "membership", columns: ["customer_id"], holds: "memberships the customer holds" },
    { table: "membership_share", columns: ["customer_id"], holds: "the customer's places as co-member" },
    { table: "membership_event", columns: ["data"], holds: "a membership's history; names customers by id" },
  ],

  count: countCustomerRows(TABLES),
  list: listCustomerRows(TABLES),

  async export(ctx, person) {
    const values = { ids: person.customer_ids }
    const [held, shared] = await Promise.all([
      selectRows(
        ctx.sql,
        `SELECT m.id, m.customer_id, m.number, p.name AS plan, m.status, m.source, m.starts_at, m.expires_at,
                m.cancelled_at, m.order_id, m.created_at
           FROM membership m JOIN membership_plan p ON p.id = m.plan_id
          WHERE m.customer_id = any(:ids::text[]) AND m.deleted_at IS NULL ORDER BY m.created_at, m.id`,
        values
      ),
      selectRows(
        ctx.sql,
        `SELECT s.id, s.customer_id, s.membership_id, m.number, p.name AS plan, s.created_at
           FROM membership_share s JOIN membership m ON m.id = s.membership_id JOIN membership_plan p ON p.id = m.plan_id
          WHERE s.customer_id = any(:ids::text[]) AND s.deleted_at IS NULL ORDER BY s.created_at, s.id`,
        values
      ),
    ])
    return { memberships: held, membership_shares: shared }
  },

  async planMerge(ctx, { source, survivor }) {
    const pair = [source.id, survivor.id]
    const [held, shares] = await Promise.all([
      memberships(ctx).listMemberships({ customer_id: source.id }, { select: ["id", "customer_id"], take: null }),
      memberships(ctx).listMembershipShares(
        { customer_id: pair },
        { select: ["id", "customer_id", "membership_id", "membership.customer_id"], relations: ["membership"], take: null }
      ),
    ])
    const isBetween = (share: (typeof shares)[number]) =>
      pair.includes(share.customer_id) &&
      pair.includes(share.membership?.customer_id) &&
      share.membership?.customer_id !== share.customer_id
    const between = shares.filter(isBetween)
    const state: MembershipMergeState = {
      membership_ids: held.map((m) => m.id),
      share_ids: shares.filter((s) => s.customer_id === source.id && !isBetween(s)).map((s) => s.id),
      hidden_share_ids: between.map((s) => s.id),
    }
    return {
      state,
      counts: { memberships: state.membership_ids.length, shares: state.share_ids.length },
      stays: { shares: between.length },
    }
  },

  async move(ctx, state, { from, to }) {
    const reassign = (ids: string[]) => ({ selector: { id: ids, customer_id: from }, data: { customer_id: to } })
    if (state.membership_ids.length) {
      await memberships(ctx).updateMemberships(reassign(state.membership_ids))
    }
    if (state.share_ids.length) {
      await memberships(ctx).updateMembershipShares(reassign(state.share_ids))
    }
    return state
  },

  async hide(ctx, state) {
    if (state.hidden_share_ids.length) {
      await memberships(ctx).softDeleteMembershipShares(state.hidden_share_ids)
    }
  },

  async restore(ctx, state) {
    if (state.hidden_share_ids.length) {
      await memberships(ctx).restoreMembershipShares(state.hidden_share_ids)
    }
  },

  // Memberships hold no personal values: ids, a card number, dates, and history naming customers by id.
  anonymize: async () => undefined,

  async delete(ctx, customerIds) {
    const values = { ids: customerIds }
    const held = `SELECT id FROM membership WHERE customer_id = any(:ids::text[])`
    await selectRows(ctx.sql, `DELETE FROM membership_event WHERE membership_id IN (${held})`, values)
    await selectRows(
      ctx.sql,
      `DELETE FROM membership_share WHERE customer_id = any(:ids::text[]) OR membership_id IN (${held})`,
      values
    )
    await selectRows(ctx.sql, `DELETE FROM membership WHERE customer_id = any(:ids::text[])`, values)
  },
}
