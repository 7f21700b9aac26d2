import { model } from "@medusajs/framework/utils"

export const CUSTOMER_MERGE_KINDS = ["merge", "link", "claim"] as const
export type CustomerMergeKind = (typeof CUSTOMER_MERGE_KINDS)[number]

export const CUSTOMER_MERGE_STATUSES = ["merged", "undone"] as const
export type CustomerMergeStatus = (typeof CUSTOMER_MERGE_STATUSES)[number]

/**
 * Two records of one person made one: the source's orders, addresses, notes, tags, memberships,
 * loyalty ledger and e-mails moved to the survivor, and the source was deleted (softly). `moved`
 * lists every id that moved, which is what an undo within `undo_until` puts back.
 * `kind`: `merge` (by hand), `link` (a guest record linked to an online account), `claim` (a
 * storefront customer proved they own the guest record's e-mail).
 */
export const CustomerMerge = model
  .define("customer_merge", {
    id: model.id({ prefix: "cmrg" }).primaryKey(),
    kind: model.enum([...CUSTOMER_MERGE_KINDS]).default("merge"),
    status: model.enum([...CUSTOMER_MERGE_STATUSES]).default("merged"),
    survivor_id: model.text(),
    source_id: model.text(),
    /** The source as it was (name, e-mail, phone, account): its record is deleted afterwards. */
    source_snapshot: model.json(),
    /** The ids that moved, per kind of record. */
    moved: model.json(),
    /** How many of each moved, for lists. */
    counts: model.json(),
    merged_by: model.text().nullable(),
    undo_until: model.dateTime(),
    undone_at: model.dateTime().nullable(),
    undone_by: model.text().nullable(),
  })
  .indexes([{ on: ["survivor_id"] }, { on: ["source_id"] }])
