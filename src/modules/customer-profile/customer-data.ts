import { countCustomerRows, listCustomerRows } from "../../lib/customer-data/records"
import type { CustomerDataContext, CustomerDataHandler } from "../../lib/customer-data/types"
import { selectRows } from "../../lib/queries/sql"
import { CUSTOMER_PROFILE_MODULE } from "."
import type CustomerProfileModuleService from "./service"

/** A merge's profile and stores: what moves, and what stays hidden because the survivor has its own. */
export type ProfileMergeState = {
  /** The source's profile, when the survivor had none. */
  profile_id: string | null
  store_ids: string[]
  hidden_profile_ids: string[]
  /** Stores of a sales channel the survivor already has. */
  hidden_store_ids: string[]
}

const profiles = (ctx: CustomerDataContext): CustomerProfileModuleService => ctx.container.resolve(CUSTOMER_PROFILE_MODULE)

/** The profile's personal fields: what anonymize empties. */
const PROFILE_FIELDS = ["birth_date", "gender", "nationality", "anniversary", "external_id", "gate_code", "photo_file_id", "photo_url"]

/** The tables filed by `customer_id` that `count` and `list` read. */
const TABLES = [{ kind: "profile", table: "customer_profile" }, { kind: "store", table: "customer_store" }]

/**
 * What the profile module holds about customers: the profile (birth date, gender, nationality,
 * anniversary, external id, gate code, photo) and the stores (sales channels) they buy in.
 */
export const customerDataHandler: CustomerDataHandler<ProfileMergeState> = {
  name: "customer_profile",
  owner: "plugin",
  claims: [
    { table: "customer_profile", columns: ["customer_id", ...PROFILE_FIELDS], holds: "profile fields and the photo" },
    { table: "customer_store", columns: ["customer_id"], holds: "the sales channels the customer buys in" },
  ],

  count: countCustomerRows(TABLES),
  list: listCustomerRows(TABLES),

  async export(ctx, person) {
    const values = { ids: person.customer_ids }
    const [profile, stores] = await Promise.all([
      selectRows(
        ctx.sql,
        `SELECT customer_id, birth_date, gender, nationality, anniversary, external_id, gate_code, photo_url, created_at, updated_at
           FROM customer_profile WHERE customer_id = any(:ids::text[]) AND deleted_at IS NULL ORDER BY created_at, id`,
        values
      ),
      selectRows(
        ctx.sql,
        `SELECT s.customer_id, s.sales_channel_id, sc.name AS sales_channel, s.source, s.created_at
           FROM customer_store s LEFT JOIN sales_channel sc ON sc.id = s.sales_channel_id
          WHERE s.customer_id = any(:ids::text[]) AND s.deleted_at IS NULL ORDER BY s.created_at, s.id`,
        values
      ),
    ])
    return { profile, stores }
  },

  async planMerge(ctx, { source, survivor }) {
    const pair = [source.id, survivor.id]
    const [storeRows, profileRows] = await Promise.all([
      profiles(ctx).listCustomerStores({ customer_id: pair }, { select: ["id", "customer_id", "sales_channel_id"], take: null }),
      profiles(ctx).listCustomerProfiles({ customer_id: pair }, { select: ["id", "customer_id"] }),
    ])
    const survivorChannels = new Set(storeRows.filter((s) => s.customer_id === survivor.id).map((s) => s.sales_channel_id))
    const sourceStores = storeRows.filter((s) => s.customer_id === source.id)
    const sourceProfile = profileRows.find((p) => p.customer_id === source.id) ?? null
    const survivorProfile = profileRows.find((p) => p.customer_id === survivor.id) ?? null
    const state: ProfileMergeState = {
      profile_id: sourceProfile && !survivorProfile ? sourceProfile.id : null,
      store_ids: sourceStores.filter((s) => !survivorChannels.has(s.sales_channel_id)).map((s) => s.id),
      hidden_profile_ids: sourceProfile && survivorProfile ? [sourceProfile.id] : [],
      hidden_store_ids: sourceStores.filter((s) => survivorChannels.has(s.sales_channel_id)).map((s) => s.id),
    }
    return {
      state,
      counts: { stores: state.store_ids.length, profile: state.profile_id ? 1 : 0 },
      stays: { profile: !!(sourceProfile && survivorProfile) },
    }
  },

  async move(ctx, state, { from, to }) {
    const reassign = (ids: string[]) => ({ selector: { id: ids, customer_id: from }, data: { customer_id: to } })
    if (state.store_ids.length) {
      await profiles(ctx).updateCustomerStores(reassign(state.store_ids))
    }
    if (state.profile_id) {
      await profiles(ctx).updateCustomerProfiles(reassign([state.profile_id]))
    }
    return state
  },

  async hide(ctx, state) {
    if (state.hidden_store_ids.length) {
      await profiles(ctx).softDeleteCustomerStores(state.hidden_store_ids)
    }
    if (state.hidden_profile_ids.length) {
      await profiles(ctx).softDeleteCustomerProfiles(state.hidden_profile_ids)
    }
  },

  async restore(ctx, state) {
    if (state.hidden_store_ids.length) {
      await profiles(ctx).restoreCustomerStores(state.hidden_store_ids)
    }
    if (state.hidden_profile_ids.length) {
      await profiles(ctx).restoreCustomerProfiles(state.hidden_profile_ids)
    }
  },

  async anonymize(ctx, person) {
    const rows = await selectRows(
      ctx.sql,
      `WITH old AS (
         SELECT id, photo_file_id FROM customer_profile
          WHERE customer_id = any(:ids::text[]) AND (${PROFILE_FIELDS.map((f) => `${f} IS NOT NULL`).join(" OR ")})
          FOR UPDATE
       )
       UPDATE customer_profile p SET ${PROFILE_FIELDS.map((f) => `${f} = NULL`).join(", ")}, updated_at = now()
         FROM old WHERE p.id = old.id
       RETURNING old.photo_file_id`,
      { ids: person.customer_ids }
    )
    return { file_ids: rows.map((r) => r.photo_file_id).filter((id): id is string => typeof id === "string" && !!id) }
  },

  async delete(ctx, customerIds) {
    const rows = await selectRows(
      ctx.sql,
      `DELETE FROM customer_profile WHERE customer_id = any(:ids::text[]) RETURNING photo_file_id`,
      { ids: customerIds }
    )
    await selectRows(ctx.sql, `DELETE FROM customer_store WHERE customer_id = any(:ids::text[])`, { ids: customerIds })
    return { file_ids: rows.map((r) => r.photo_file_id).filter((id): id is string => typeof id === "string" && !!id) }
  },
}
