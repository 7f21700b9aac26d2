import type { InboxEntry, InboxEntryStatus } from "../../lib/types"

export const STATUS_COLORS: Record<
  InboxEntryStatus,
  "blue" | "green" | "purple" | "red" | "grey"
> = {
  new: "blue",
  read: "green",
  redeemed: "purple",
  removed: "red",
  expired: "grey",
}

/** A short description longer than this shows its first characters and the rest on hover. */
export const PREVIEW_MAX_CHARS = 80

/** The short description's first line, cut at a word near `PREVIEW_MAX_CHARS`, with "…". */
export const previewText = (text: string, max = PREVIEW_MAX_CHARS) => {
  const flat = text.replace(/\s+/g, " ").trim()
  if (flat.length <= max) {
    return flat
  }
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(" ")
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/** What the entry is, for its label: a reward bought with points, else the campaign's kind. */
export type InboxEntryKind = InboxEntry["kind"] | "reward"

export const entryKind = (entry: InboxEntry): InboxEntryKind =>
  entry.origin === "redemption" ? "reward" : entry.kind

/** Only what is still in the customer's inbox can be removed from it. */
export const canRemoveOffer = (entry: InboxEntry) =>
  entry.status === "new" || entry.status === "read"

/**
 * The date that goes with the status, if any: when it was read or removed, when it expired, or
 * until when a new entry stays.
 */
export const statusDate = (
  entry: InboxEntry
): { kind: "on" | "until"; date: string } | null => {
  switch (entry.status) {
    case "read":
      return entry.read_at ? { kind: "on", date: entry.read_at } : null
    case "removed":
      return entry.removed_at ? { kind: "on", date: entry.removed_at } : null
    case "expired":
      return entry.expires_at ? { kind: "on", date: entry.expires_at } : null
    case "new":
      return entry.expires_at ? { kind: "until", date: entry.expires_at } : null
    default:
      return null
  }
}

/** The campaign's page under Customers › Messages & offers. */
export const campaignPath = (campaignId: string) =>
  `/crm-messages/${encodeURIComponent(campaignId)}`
