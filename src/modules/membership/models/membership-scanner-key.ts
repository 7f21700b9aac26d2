import { model } from "@medusajs/framework/utils"

/**
 * A key for a door scanner: it opens the card check (`GET /admin/crm/memberships/verify`) and
 * nothing else. Only a SHA-256 hash of the key is kept; the key itself is shown once, when it is
 * created. A revoked key keeps its row (for the list) and no longer authenticates.
 */
export const MembershipScannerKey = model
  .define("membership_scanner_key", {
    id: model.id({ prefix: "mscan" }).primaryKey(),
    name: model.text().searchable(),
    token_hash: model.text(),
    /** The key's start and end (`msk_Ab…xY12`), so staff can tell keys apart. */
    redacted: model.text(),
    created_by: model.text().nullable(),
    last_used_at: model.dateTime().nullable(),
    revoked_at: model.dateTime().nullable(),
    revoked_by: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_membership_scanner_key_token_hash_unique", on: ["token_hash"], unique: true, where: "deleted_at IS NULL" },
  ])
