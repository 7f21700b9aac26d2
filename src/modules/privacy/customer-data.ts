import { ANONYMIZED_TEXT } from "../../lib/customer-data/placeholders"
import type { CustomerDataContext, CustomerDataHandler, MergeSides } from "../../lib/customer-data/types"
import { selectRows } from "../../lib/queries/sql"

/**
 * The person's export documents leave with their data: the requests (the proof) stay without their
 * file, and the files are removed once the transaction committed (the registry's `file_ids`).
 */
async function releaseExportFiles(ctx: CustomerDataContext, customerIds: string[]) {
  const rows = await selectRows(
    ctx.sql,
    `WITH old AS (
       SELECT id, file_id FROM privacy_request
        WHERE customer_id = any(:ids::text[]) AND kind = 'export' AND file_id IS NOT NULL FOR UPDATE
     )
     UPDATE privacy_request r SET file_id = NULL, updated_at = now() FROM old WHERE r.id = old.id
     RETURNING old.file_id`,
    { ids: customerIds }
  )
  return { file_ids: rows.map((r) => r.file_id as string) }
}

/**
 * What the privacy module holds about customers: legal holds (a reason, which may name the
 * person), privacy requests and the erasure log (ids only: the proof of what was done, kept
 * through anonymize and delete), one-time codes (a hash), and the consent log (kept through
 * anonymize as proof, without the reasons; deleted with the customer).
 */
/** A merge's consents: the merged-away record's consent log rows, which move to the survivor. */
type ConsentMergeState = { consent_ids: string[] } | null

export const customerDataHandler: CustomerDataHandler<ConsentMergeState> = {
  name: "privacy",
  owner: "plugin",
  claims: [
    { table: "privacy_legal_hold", columns: ["customer_id", "reason"], holds: "Legal holds: the customer and why" },
    { table: "privacy_request", columns: ["customer_id", "file_id"], holds: "Privacy requests: whose, what, when and the outcome (ids only); an export's file" },
    { table: "privacy_erasure", columns: ["customer_id"], holds: "The erasure log: ids of anonymized and deleted customers" },
    { table: "privacy_code", columns: ["customer_id"], holds: "One-time codes to confirm a self-anonymization (a hash)" },
    {
      table: "privacy_consent",
      columns: ["customer_id", "reason", "actor_id"],
      holds: "The consent log: grants and withdrawals per purpose, with source, text version, who and why",
    },
    { table: "privacy_activity", columns: ["customer_id"], holds: "When the customer was last seen signed in on the storefront" },
  ],

  count: async (ctx, customerIds) => {
    const [row] = await selectRows(
      ctx.sql,
      `SELECT
         (SELECT COUNT(*) FROM privacy_legal_hold WHERE customer_id = any(:ids::text[]))
       + (SELECT COUNT(*) FROM privacy_request WHERE customer_id = any(:ids::text[]))
       + (SELECT COUNT(*) FROM privacy_erasure WHERE customer_id = any(:ids::text[]))
       + (SELECT COUNT(*) FROM privacy_code WHERE customer_id = any(:ids::text[]))
       + (SELECT COUNT(*) FROM privacy_consent WHERE customer_id = any(:ids::text[]))
       + (SELECT COUNT(*) FROM privacy_activity WHERE customer_id = any(:ids::text[])) AS n`,
      { ids: customerIds }
    )
    return Number(row.n)
  },

  list: async (ctx, customerIds) => {
    const rows = await selectRows(
      ctx.sql,
      `SELECT 'legal_hold' AS kind, id, customer_id FROM privacy_legal_hold WHERE customer_id = any(:ids::text[])
       UNION ALL SELECT 'privacy_request', id, customer_id FROM privacy_request WHERE customer_id = any(:ids::text[])
       UNION ALL SELECT 'erasure', id, customer_id FROM privacy_erasure WHERE customer_id = any(:ids::text[])
       UNION ALL SELECT 'privacy_code', id, customer_id FROM privacy_code WHERE customer_id = any(:ids::text[])
       UNION ALL SELECT 'consent', id, customer_id FROM privacy_consent WHERE customer_id = any(:ids::text[])
       UNION ALL SELECT 'activity', id, customer_id FROM privacy_activity WHERE customer_id = any(:ids::text[])
       ORDER BY kind, id`,
      { ids: customerIds }
    )
    return rows.map((r) => ({ kind: r.kind as string, id: r.id as string, customer_id: r.customer_id as string }))
  },

  export: async (ctx, person) => {
    const [requests, holds, consents, activity] = await Promise.all([
      selectRows(
        ctx.sql,
        `SELECT id, customer_id, kind, status, source, refusal_code, record_count, created_at, completed_at,
                due_at, expires_at, include_notes, size_bytes, downloaded_at
         FROM privacy_request WHERE customer_id = any(:ids::text[]) AND deleted_at IS NULL ORDER BY created_at`,
        { ids: person.customer_ids }
      ),
      selectRows(
        ctx.sql,
        `SELECT customer_id, reason, created_at FROM privacy_legal_hold
         WHERE customer_id = any(:ids::text[]) AND deleted_at IS NULL ORDER BY created_at`,
        { ids: person.customer_ids }
      ),
      // The whole consent log of every record of the person, oldest first, with the text agreed to.
      selectRows(
        ctx.sql,
        `SELECT p.handle AS purpose, p.name AS purpose_name, c.granted, c.source, c.text_version, t.text, c.reason, c.occurred_at
         FROM privacy_consent c
         JOIN privacy_consent_purpose p ON p.id = c.purpose_id
         LEFT JOIN privacy_consent_text t ON t.purpose_id = c.purpose_id AND t.version = c.text_version AND t.deleted_at IS NULL
         WHERE c.customer_id = any(:ids::text[]) AND c.deleted_at IS NULL
         ORDER BY c.occurred_at, c.id`,
        { ids: person.customer_ids }
      ),
      // When they were last seen signed in on the storefront (the retention policy's sign-ins).
      selectRows(
        ctx.sql,
        `SELECT customer_id, last_seen_at FROM privacy_activity
         WHERE customer_id = any(:ids::text[]) AND deleted_at IS NULL ORDER BY last_seen_at`,
        { ids: person.customer_ids }
      ),
    ])
    return { privacy_requests: requests, legal_holds: holds, consents, activity }
  },

  // A pending privacy request blocks a merge: the records it covers must stay as they are. The
  // merged-away record's consent log moves to the survivor, where the newest row per purpose is
  // the person's consent (an undo moves it back).
  planMerge: async (ctx, sides: MergeSides) => {
    const rows = await selectRows(
      ctx.sql,
      `SELECT 1 FROM privacy_request WHERE customer_id = any(:ids::text[]) AND status = 'pending' AND kind <> 'export' AND deleted_at IS NULL LIMIT 1`,
      { ids: [sides.source.id, sides.survivor.id] }
    )
    const consents = await selectRows(
      ctx.sql,
      `SELECT id FROM privacy_consent WHERE customer_id = :id AND deleted_at IS NULL ORDER BY id`,
      { id: sides.source.id }
    )
    return {
      state: { consent_ids: consents.map((c) => c.id as string) },
      blockers: rows.length
        ? [
            {
              code: "privacy_request_pending",
              message: "A privacy request (anonymize or delete) for one of these customers is still running: merge them once it is done.",
            },
          ]
        : [],
    }
  },

  // Only rows still filed under `from` move (merges recorded before consents existed have no state).
  move: async (ctx, state, { from, to }) => {
    if (state?.consent_ids?.length) {
      await selectRows(
        ctx.sql,
        `UPDATE privacy_consent SET customer_id = :to, updated_at = now() WHERE id = any(:ids::text[]) AND customer_id = :from`,
        { ids: state.consent_ids, from, to }
      )
    }
    return state
  },

  // Requests and the erasure log stay (ids only: the proof); a hold's reason may name the person,
  // codes are of no use any more.
  anonymize: async (ctx, person) => {
    await selectRows(
      ctx.sql,
      `UPDATE privacy_legal_hold SET reason = :text, updated_at = now() WHERE customer_id = any(:ids::text[]) AND reason <> :text`,
      { ids: person.customer_ids, text: ANONYMIZED_TEXT }
    )
    await selectRows(ctx.sql, `DELETE FROM privacy_code WHERE customer_id = any(:ids::text[])`, { ids: person.customer_ids })
    // The consent log stays as proof (who consented to which text, when), tied to the anonymized
    // id; the reason staff wrote may name the person.
    await selectRows(
      ctx.sql,
      `UPDATE privacy_consent SET reason = NULL, updated_at = now() WHERE customer_id = any(:ids::text[]) AND reason IS NOT NULL`,
      { ids: person.customer_ids }
    )
    // When they were last seen says something about the person; an anonymized record needs none.
    await selectRows(ctx.sql, `DELETE FROM privacy_activity WHERE customer_id = any(:ids::text[])`, { ids: person.customer_ids })
    return await releaseExportFiles(ctx, person.customer_ids)
  },

  delete: async (ctx, customerIds) => {
    await selectRows(ctx.sql, `DELETE FROM privacy_legal_hold WHERE customer_id = any(:ids::text[])`, { ids: customerIds })
    await selectRows(ctx.sql, `DELETE FROM privacy_code WHERE customer_id = any(:ids::text[])`, { ids: customerIds })
    await selectRows(ctx.sql, `DELETE FROM privacy_consent WHERE customer_id = any(:ids::text[])`, { ids: customerIds })
    await selectRows(ctx.sql, `DELETE FROM privacy_activity WHERE customer_id = any(:ids::text[])`, { ids: customerIds })
    return await releaseExportFiles(ctx, customerIds)
  },
}
