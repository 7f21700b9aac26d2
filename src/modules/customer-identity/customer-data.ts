import type { CustomerDataContext, CustomerDataHandler } from "../../lib/customer-data/types"
import { selectRows } from "../../lib/queries/sql"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService, normalizeEmail } from "."

/** A merge's e-mails: the source's alternates that move, and its primary e-mail, added to the survivor. */
export type IdentityMergeState = {
  alternate_email_ids: string[]
  /** The source's primary e-mail, added to the survivor as an alternate e-mail (null when it cannot be). */
  new_alternate_email: string | null
  /** `claim` when the customer proved the address with a code. */
  new_alternate_email_source?: "merge" | "claim"
  /** Its id once created. */
  new_alternate_email_id?: string | null
}

const identity = (ctx: CustomerDataContext): CustomerIdentityModuleService => ctx.container.resolve(CUSTOMER_IDENTITY_MODULE)

/** The personal fields of a merge's snapshot of the record that went: anonymize empties them. */
const SNAPSHOT_FIELDS = ["email", "first_name", "last_name", "company_name", "phone"]

/**
 * What the identity module holds about customers: alternate e-mails, identity claims (an address
 * and a code's hash), the archive mark (with an admin's reason) and merges (a snapshot of the
 * record that went, and what moved, including its primary e-mail).
 */
export const customerDataHandler: CustomerDataHandler<IdentityMergeState> = {
  name: "customer_identity",
  owner: "plugin",
  claims: [
    { table: "customer_alternate_email", columns: ["customer_id", "email"], holds: "the customer's other e-mail addresses" },
    { table: "customer_identity_claim", columns: ["customer_id", "email"], holds: "addresses a customer claimed with a code" },
    { table: "customer_archive", columns: ["customer_id", "reason"], holds: "the archive mark and its reason" },
    {
      table: "customer_merge",
      columns: ["source_id", "survivor_id", "source_snapshot", "moved"],
      holds: "merges: the merged-away record's name, e-mail and phone, and what moved",
    },
  ],

  async count(ctx, customerIds) {
    const [row] = await selectRows(
      ctx.sql,
      `SELECT (SELECT count(*) FROM customer_alternate_email WHERE customer_id = any(:ids::text[]))
            + (SELECT count(*) FROM customer_identity_claim WHERE customer_id = any(:ids::text[]))
            + (SELECT count(*) FROM customer_archive WHERE customer_id = any(:ids::text[]))
            + (SELECT count(*) FROM customer_merge WHERE survivor_id = any(:ids::text[]) OR source_id = any(:ids::text[])) AS n`,
      { ids: customerIds }
    )
    return Number(row.n)
  },

  async list(ctx, customerIds) {
    const rows = await selectRows(
      ctx.sql,
      `SELECT 'alternate_email' AS kind, id, customer_id, created_at FROM customer_alternate_email WHERE customer_id = any(:ids::text[])
       UNION ALL
       SELECT 'identity_claim', id, customer_id, created_at FROM customer_identity_claim WHERE customer_id = any(:ids::text[])
       UNION ALL
       SELECT 'archive', id, customer_id, created_at FROM customer_archive WHERE customer_id = any(:ids::text[])
       UNION ALL
       SELECT 'merge', id, CASE WHEN survivor_id = any(:ids::text[]) THEN survivor_id ELSE source_id END, created_at
         FROM customer_merge WHERE survivor_id = any(:ids::text[]) OR source_id = any(:ids::text[])
       ORDER BY kind, created_at, id`,
      { ids: customerIds }
    )
    return rows.map((r) => ({ kind: String(r.kind), id: String(r.id), customer_id: String(r.customer_id) }))
  },

  async export(ctx, person) {
    const values = { ids: person.customer_ids }
    const [alternate, claims, archive, merges] = await Promise.all([
      selectRows(
        ctx.sql,
        `SELECT customer_id, email, source, created_at FROM customer_alternate_email
          WHERE customer_id = any(:ids::text[]) AND deleted_at IS NULL ORDER BY created_at, id`,
        values
      ),
      // Never the code hash.
      selectRows(
        ctx.sql,
        `SELECT customer_id, email, status, created_at, confirmed_at FROM customer_identity_claim
          WHERE customer_id = any(:ids::text[]) AND deleted_at IS NULL ORDER BY created_at, id`,
        values
      ),
      selectRows(
        ctx.sql,
        `SELECT customer_id, archived_at, reason FROM customer_archive
          WHERE customer_id = any(:ids::text[]) AND deleted_at IS NULL ORDER BY created_at, id`,
        values
      ),
      selectRows(
        ctx.sql,
        `SELECT id, kind, status, survivor_id, source_id, counts, created_at AS merged_at, undone_at FROM customer_merge
          WHERE (survivor_id = any(:ids::text[]) OR source_id = any(:ids::text[])) AND deleted_at IS NULL ORDER BY created_at, id`,
        values
      ),
    ])
    return { alternate_emails: alternate, identity_claims: claims, archive, merges }
  },

  async planMerge(ctx, { source, survivor, kind }) {
    const service = identity(ctx)
    const [alternateRows, primaryTaken] = await Promise.all([
      service.listCustomerAlternateEmails({ customer_id: source.id }, { select: ["id", "email"], take: null }),
      source.email
        ? service.listCustomerAlternateEmails({ email: normalizeEmail(source.email) }, { select: ["id", "customer_id"] })
        : Promise.resolve([]),
    ])
    const survivorEmail = survivor.email ? normalizeEmail(survivor.email) : null
    const sourceEmail = source.email ? normalizeEmail(source.email) : null
    // The source's primary e-mail becomes an alternate of the survivor, unless it is the survivor's
    // own or belongs to a third customer's alternates.
    const newAlternate =
      sourceEmail && sourceEmail !== survivorEmail && !primaryTaken.some((a) => a.customer_id !== source.id) ? sourceEmail : null
    const state: IdentityMergeState = {
      alternate_email_ids: alternateRows.filter((a) => a.email !== survivorEmail).map((a) => a.id),
      new_alternate_email: newAlternate,
      new_alternate_email_source: kind === "claim" ? "claim" : "merge",
    }
    return { state, counts: { alternate_emails: state.alternate_email_ids.length + (newAlternate ? 1 : 0) } }
  },

  async move(ctx, state, { from, to, forward }) {
    const service = identity(ctx)
    if (state.alternate_email_ids.length) {
      await service.updateCustomerAlternateEmails({
        selector: { id: state.alternate_email_ids, customer_id: from },
        data: { customer_id: to },
      })
    }
    // The source's primary e-mail: an alternate of the survivor while merged.
    if (forward && state.new_alternate_email) {
      const [created] = await service.createCustomerAlternateEmails([
        { customer_id: to, email: state.new_alternate_email, source: state.new_alternate_email_source ?? "merge" },
      ])
      return { ...state, new_alternate_email_id: created.id }
    }
    if (!forward && state.new_alternate_email_id) {
      await service.deleteCustomerAlternateEmails([state.new_alternate_email_id])
    }
    return state
  },

  async anonymize(ctx, person) {
    const values = { ids: person.customer_ids }
    // E-mail addresses go for good (so nobody finds the person by them, and they are free again).
    await selectRows(ctx.sql, `DELETE FROM customer_alternate_email WHERE customer_id = any(:ids::text[])`, values)
    await selectRows(ctx.sql, `DELETE FROM customer_identity_claim WHERE customer_id = any(:ids::text[])`, values)
    await selectRows(
      ctx.sql,
      `UPDATE customer_archive SET reason = NULL, updated_at = now() WHERE customer_id = any(:ids::text[]) AND reason IS NOT NULL`,
      values
    )
    // Merges keep their ids and counts; the snapshot's name, e-mail and phone and the primary
    // e-mail that became an alternate go (in the current record shape and the first one).
    await selectRows(
      ctx.sql,
      `UPDATE customer_merge
          SET source_snapshot = source_snapshot || jsonb_build_object(${SNAPSHOT_FIELDS.map((f) => `'${f}', NULL`).join(", ")}),
              -- Both places (a JSON null is not SQL NULL: test the text with ->>).
              moved = CASE WHEN moved #>> '{parts,customer_identity,new_alternate_email}' IS NOT NULL
                  THEN jsonb_set(moved, '{parts,customer_identity,new_alternate_email}', 'null'::jsonb)
                  ELSE moved END
                || CASE WHEN moved->>'new_alternate_email' IS NOT NULL
                  THEN jsonb_build_object('new_alternate_email', NULL) ELSE '{}'::jsonb END,
              updated_at = now()
        WHERE (survivor_id = any(:ids::text[]) OR source_id = any(:ids::text[]))
          AND (${SNAPSHOT_FIELDS.map((f) => `source_snapshot->>'${f}' IS NOT NULL`).join(" OR ")}
               OR moved->>'new_alternate_email' IS NOT NULL
               OR moved #>> '{parts,customer_identity,new_alternate_email}' IS NOT NULL)`,
      values
    )
  },

  async delete(ctx, customerIds) {
    const values = { ids: customerIds }
    await selectRows(ctx.sql, `DELETE FROM customer_alternate_email WHERE customer_id = any(:ids::text[])`, values)
    await selectRows(ctx.sql, `DELETE FROM customer_identity_claim WHERE customer_id = any(:ids::text[])`, values)
    await selectRows(ctx.sql, `DELETE FROM customer_archive WHERE customer_id = any(:ids::text[])`, values)
    // A deleted survivor takes its merges along. A deleted merged-away record (purged past its
    // undo window, while the survivor lives on) leaves the survivor's merge history in place: the
    // merge keeps its ids and counts, its snapshot shrinks to the record's id.
    await selectRows(ctx.sql, `DELETE FROM customer_merge WHERE survivor_id = any(:ids::text[])`, values)
    await selectRows(
      ctx.sql,
      `UPDATE customer_merge
          SET source_snapshot = jsonb_build_object('id', source_id)
                || CASE WHEN source_snapshot->'purged_at' IS NOT NULL THEN jsonb_build_object('purged_at', source_snapshot->'purged_at') ELSE '{}'::jsonb END,
              updated_at = now()
        WHERE source_id = any(:ids::text[]) AND source_snapshot - 'id' - 'purged_at' <> '{}'::jsonb`,
      values
    )
  },
}
