import { countCustomerRows, listCustomerRows } from "../../lib/customer-data/records"
import { ANONYMIZED_EMAIL_DOMAIN, ANONYMIZED_TEXT } from "../../lib/customer-data/placeholders"
import type { CustomerDataContext, CustomerDataHandler } from "../../lib/customer-data/types"
import { selectRows } from "../../lib/queries/sql"
import { CUSTOMER_NOTE_MODULE } from "."
import type CustomerNoteModuleService from "./service"

/** A merge's notes: those that move to the survivor, and the source's pinned description that stays hidden. */
export type NoteMergeState = {
  note_ids: string[]
  /** The source's pinned description when the survivor has one of its own (one pinned note per customer). */
  hidden_note_ids: string[]
}

const notes = (ctx: CustomerDataContext): CustomerNoteModuleService => ctx.container.resolve(CUSTOMER_NOTE_MODULE)

/** The tables filed by `customer_id` that `count` and `list` read. */
const TABLES = [{ kind: "note", table: "customer_note" }]

/**
 * What the note module holds about customers: notes (written by staff, or system notes whose text
 * and `event` values quote names and e-mails) and the e-mails sent from them (the address).
 */
export const customerDataHandler: CustomerDataHandler<NoteMergeState> = {
  name: "customer_note",
  owner: "plugin",
  claims: [
    { table: "customer_note", columns: ["customer_id", "body", "event"], holds: "notes about the customer; system notes quote names and e-mails" },
    { table: "customer_note_email", columns: ["to"], holds: "the address a note was e-mailed to" },
  ],

  count: countCustomerRows(TABLES),
  list: listCustomerRows(TABLES),

  // System notes always go in: the plugin wrote them when something happened to the person's data
  // (a tag, points, a membership, a merge), as a log of that processing, and they hold nothing the
  // other sections do not. Manual notes (the pinned description among them) are written by staff
  // for staff: only with `include_notes` (the privacy setting `export_include_notes`).
  async export(ctx, person, options) {
    const rows = await selectRows(
      ctx.sql,
      `SELECT n.id, n.customer_id, n.kind, n.body, n.pinned, n.event, n.created_at, n.updated_at,
              coalesce((SELECT json_agg(json_build_object('to', e."to", 'sent_at', e.created_at) ORDER BY e.created_at)
                        FROM customer_note_email e WHERE e.note_id = n.id), '[]') AS emails
         FROM customer_note n
        WHERE n.customer_id = any(:ids::text[]) AND n.deleted_at IS NULL
          AND (n.kind = 'system' OR :include_notes::boolean)
        ORDER BY n.created_at, n.id`,
      { ids: person.customer_ids, include_notes: !!options?.include_notes }
    )
    return { notes: rows }
  },

  async planMerge(ctx, { source, survivor }) {
    const rows = await notes(ctx).listCustomerNotes(
      { customer_id: [source.id, survivor.id] },
      { select: ["id", "customer_id", "pinned"], take: null }
    )
    const survivorHasPinned = rows.some((n) => n.customer_id === survivor.id && n.pinned)
    const sourceNotes = rows.filter((n) => n.customer_id === source.id)
    const stays = (n: { pinned: boolean }) => n.pinned && survivorHasPinned
    const state: NoteMergeState = {
      note_ids: sourceNotes.filter((n) => !stays(n)).map((n) => n.id),
      hidden_note_ids: sourceNotes.filter(stays).map((n) => n.id),
    }
    return {
      state,
      counts: { notes: state.note_ids.length },
      stays: { description: sourceNotes.some((n) => n.pinned) && survivorHasPinned },
    }
  },

  async move(ctx, state, { from, to }) {
    // Only notes still filed under `from` move: one deleted or re-filed since stays where it is.
    if (state.note_ids.length) {
      await notes(ctx).updateCustomerNotes({ selector: { id: state.note_ids, customer_id: from }, data: { customer_id: to } })
    }
    return state
  },

  async hide(ctx, state) {
    if (state.hidden_note_ids.length) {
      await notes(ctx).softDeleteCustomerNotes(state.hidden_note_ids)
    }
  },

  async restore(ctx, state) {
    if (state.hidden_note_ids.length) {
      await notes(ctx).restoreCustomerNotes(state.hidden_note_ids)
    }
  },

  async anonymize(ctx, person) {
    // The text goes; what kind of note it was (the event's key) stays, its values (names, e-mails) go.
    await selectRows(
      ctx.sql,
      `UPDATE customer_note
          SET body = :text,
              event = CASE WHEN event IS NULL THEN NULL ELSE jsonb_build_object('key', event->'key') END,
              updated_at = now()
        WHERE customer_id = any(:ids::text[])
          AND (body IS DISTINCT FROM :text OR (event IS NOT NULL AND event <> jsonb_build_object('key', event->'key')))`,
      { ids: person.customer_ids, text: ANONYMIZED_TEXT }
    )
    // Notes on other customers that quote the person by e-mail (a merge undone since, on the record
    // that stayed): a system note is about them, so its text and values go; in a staff note only
    // the address itself goes.
    for (const email of person.emails) {
      const pattern = email.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      await selectRows(
        ctx.sql,
        `UPDATE customer_note
            SET body = CASE WHEN kind = 'system' THEN :text ELSE regexp_replace(body, :pattern, :text, 'gi') END,
                event = CASE WHEN event IS NULL THEN NULL ELSE jsonb_build_object('key', event->'key') END,
                updated_at = now()
          WHERE NOT (customer_id = any(:ids::text[]))
            AND (strpos(lower(body), :email) > 0 OR strpos(lower(event::text), :email) > 0)`,
        { ids: person.customer_ids, text: ANONYMIZED_TEXT, pattern, email }
      )
    }
    // The address a note went to: a placeholder unique per row (the column needs a value).
    await selectRows(
      ctx.sql,
      `UPDATE customer_note_email
          SET "to" = lower(id) || '@' || :domain, updated_at = now()
        WHERE note_id IN (SELECT id FROM customer_note WHERE customer_id = any(:ids::text[]))
          AND "to" <> lower(id) || '@' || :domain`,
      { ids: person.customer_ids, domain: ANONYMIZED_EMAIL_DOMAIN }
    )
  },

  async delete(ctx, customerIds) {
    await selectRows(
      ctx.sql,
      `DELETE FROM customer_note_email WHERE note_id IN (SELECT id FROM customer_note WHERE customer_id = any(:ids::text[]))`,
      { ids: customerIds }
    )
    await selectRows(ctx.sql, `DELETE FROM customer_note WHERE customer_id = any(:ids::text[])`, { ids: customerIds })
  },
}
