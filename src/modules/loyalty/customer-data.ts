import { countCustomerRows, listCustomerRows } from "../../lib/customer-data/records"
import type { CustomerDataContext, CustomerDataHandler } from "../../lib/customer-data/types"
import type { MergeBlocker } from "../../types/http/identity"
import { selectRows } from "../../lib/queries/sql"
import { LOYALTY_MODULE } from "."
import type LoyaltyModuleService from "./service"

/**
 * A merge's loyalty ledger: the source's whole account when the survivor had none, otherwise its
 * entries, moved into the survivor's account (the source's empty account stays hidden).
 */
export type LoyaltyMergeState = {
  /** The source's whole account, when the survivor had none. */
  account_id: string | null
  /** The source's entries: they move with the account, or into the survivor's account. */
  entry_ids: string[]
  source_account_id: string | null
  survivor_account_id: string | null
  /** The available points that moved. */
  points: number
  /** The source's account when the survivor had its own. */
  hidden_account_ids: string[]
}

const loyalty = (ctx: CustomerDataContext): LoyaltyModuleService => ctx.container.resolve(LOYALTY_MODULE)

const nameOf = (c: { id: string; email: string | null; first_name: string | null; last_name: string | null; company_name: string | null }) =>
  [c.first_name, c.last_name].filter(Boolean).join(" ") || c.company_name || c.email || c.id

/** The tables filed by `customer_id` that `count` and `list` read. */
const TABLES = [{ kind: "loyalty_account", table: "loyalty_account" }, { kind: "loyalty_entry", table: "loyalty_entry" }]

/**
 * What the loyalty module holds about customers: the account and its ledger. An entry's points are
 * a financial fact and stay when the person is anonymized; its texts (an admin's reason, a
 * description that names them) go.
 */
export const customerDataHandler: CustomerDataHandler<LoyaltyMergeState> = {
  name: "loyalty",
  owner: "plugin",
  claims: [
    { table: "loyalty_account", columns: ["customer_id"], holds: "the customer's loyalty account" },
    {
      table: "loyalty_entry",
      columns: ["customer_id", "description", "detail", "reason"],
      holds: "the points ledger; descriptions and reasons are free text",
    },
  ],

  count: countCustomerRows(TABLES),
  list: listCustomerRows(TABLES),

  async export(ctx, person) {
    const values = { ids: person.customer_ids }
    const [accounts, entries] = await Promise.all([
      selectRows(
        ctx.sql,
        `SELECT id, customer_id, enrolled, enrolled_at, created_at FROM loyalty_account
          WHERE customer_id = any(:ids::text[]) AND deleted_at IS NULL ORDER BY created_at, id`,
        values
      ),
      selectRows(
        ctx.sql,
        `SELECT id, customer_id, type, status, points::float AS points, description, reason, order_id, currency_code,
                available_at, expires_at, created_at
           FROM loyalty_entry WHERE customer_id = any(:ids::text[]) AND deleted_at IS NULL ORDER BY created_at, id`,
        values
      ),
    ])
    return { loyalty_accounts: accounts, loyalty_entries: entries }
  },

  async planMerge(ctx, { source, survivor }) {
    const accounts = await loyalty(ctx).listLoyaltyAccounts({ customer_id: [source.id, survivor.id] }, { select: ["id", "customer_id"] })
    const sourceAccount = accounts.find((a) => a.customer_id === source.id) ?? null
    const survivorAccount = accounts.find((a) => a.customer_id === survivor.id) ?? null
    const blockers: MergeBlocker[] = []
    let entryIds: string[] = []
    let points = 0
    if (sourceAccount) {
      const entries = await loyalty(ctx).listLoyaltyEntries(
        { account_id: sourceAccount.id },
        { select: ["id", "type", "status", "points"], take: null }
      )
      entryIds = entries.map((e) => e.id)
      points = entries.filter((e) => e.status === "available").reduce((sum, e) => sum + Number(e.points), 0)
      // Points held on a cart are tied to the source's account until the cart is done.
      if (entries.some((e) => e.type === "redeem" && e.status === "pending")) {
        blockers.push({
          code: "loyalty_points_on_cart",
          values: { name: nameOf(source) },
          message: `${nameOf(source)} has loyalty points held on an open cart: complete the order or give the points back first.`,
        })
      }
    }
    const state: LoyaltyMergeState = {
      account_id: sourceAccount && !survivorAccount ? sourceAccount.id : null,
      entry_ids: entryIds,
      source_account_id: sourceAccount?.id ?? null,
      survivor_account_id: survivorAccount?.id ?? null,
      points,
      hidden_account_ids: sourceAccount && survivorAccount ? [sourceAccount.id] : [],
    }
    return { state, counts: { loyalty_entries: entryIds.length, loyalty_points: points }, blockers }
  },

  async move(ctx, state, { from, to, forward }) {
    if (state.account_id) {
      await loyalty(ctx).updateLoyaltyAccounts({ selector: { id: [state.account_id], customer_id: from }, data: { customer_id: to } })
    }
    if (state.entry_ids.length) {
      const accountId = state.account_id ? state.account_id : forward ? state.survivor_account_id : state.source_account_id
      await loyalty(ctx).updateLoyaltyEntries({
        selector: { id: state.entry_ids, customer_id: from },
        data: { customer_id: to, account_id: accountId } as any,
      })
    }
    return state
  },

  async hide(ctx, state) {
    if (state.hidden_account_ids.length) {
      await loyalty(ctx).softDeleteLoyaltyAccounts(state.hidden_account_ids)
    }
  },

  async restore(ctx, state) {
    if (state.hidden_account_ids.length) {
      await loyalty(ctx).restoreLoyaltyAccounts(state.hidden_account_ids)
    }
  },

  async anonymize(ctx, person) {
    // Points, dates and orders stay (the balance and the books depend on them). An admin's reason
    // and the texts of manual entries are free text about the person; so is any description that
    // quotes one of their e-mail addresses. What kind of entry it was (`detail.key`) stays.
    await selectRows(
      ctx.sql,
      `UPDATE loyalty_entry
          SET reason = NULL,
              description = CASE
                WHEN type = 'adjust' OR EXISTS (SELECT 1 FROM unnest(:emails::text[]) e WHERE position(e IN lower(description)) > 0)
                THEN NULL ELSE description END,
              detail = CASE
                WHEN detail IS NULL THEN NULL
                WHEN type = 'adjust' OR EXISTS (SELECT 1 FROM unnest(:emails::text[]) e WHERE position(e IN lower(detail::text)) > 0)
                THEN jsonb_build_object('key', detail->'key') ELSE detail END,
              updated_at = now()
        WHERE customer_id = any(:ids::text[])
          AND (reason IS NOT NULL
               OR (description IS NOT NULL AND (type = 'adjust' OR EXISTS (SELECT 1 FROM unnest(:emails::text[]) e WHERE position(e IN lower(description)) > 0)))
               OR (detail IS NOT NULL AND detail <> jsonb_build_object('key', detail->'key')
                   AND (type = 'adjust' OR EXISTS (SELECT 1 FROM unnest(:emails::text[]) e WHERE position(e IN lower(detail::text)) > 0))))`,
      { ids: person.customer_ids, emails: person.emails.map((e) => e.toLowerCase()) }
    )
  },

  async delete(ctx, customerIds) {
    await selectRows(
      ctx.sql,
      `DELETE FROM loyalty_entry
        WHERE customer_id = any(:ids::text[])
           OR account_id IN (SELECT id FROM loyalty_account WHERE customer_id = any(:ids::text[]))`,
      { ids: customerIds }
    )
    await selectRows(ctx.sql, `DELETE FROM loyalty_account WHERE customer_id = any(:ids::text[])`, { ids: customerIds })
  },
}
