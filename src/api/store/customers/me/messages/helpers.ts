import type { MedusaContainer } from "@medusajs/framework/types"
import { ALL_STATUSES, inboxEntryNotFound, readInboxEntry, type InboxSection } from "../../../../../lib/messages/inbox"
import { entriesAwaitingCodes } from "../../../../../lib/messages/personal-promotions"
import type { InboxEntry } from "../../../../../types/http/messages"
import { issuePersonalPromotionWorkflow } from "../../../../../workflows/inbox/issue-personal-promotion"
import { markInboxEntryReadWorkflow } from "../../../../../workflows/inbox/mark-inbox-entry-read"

/**
 * Issues the codes of the customer's personal offers that have none yet (all of them, or the one
 * entry), one workflow run per entry under the entry's lock: the first list or open issues them,
 * later ones find nothing to do.
 */
export async function issuePendingCodes(scope: MedusaContainer, customerId: string, entryId: string | null = null) {
  const pending = await entriesAwaitingCodes(scope, customerId, entryId)
  for (const entry_id of pending) {
    await issuePersonalPromotionWorkflow(scope).run({ input: { entry_id } })
  }
}

/** The customer's entry (not removed) with its body, or a 404 with the section's code. */
export async function readOwnEntry(scope: MedusaContainer, customerId: string, section: InboxSection, id: string) {
  const entry = await readInboxEntry(scope, { customer_id: customerId, section, statuses: ALL_STATUSES }, id)
  if (!entry || entry.status === "removed" || entry.removed_at) {
    throw inboxEntryNotFound(section, id)
  }
  return entry
}

/**
 * Opens an entry in the storefront: 404 unless it is the customer's; marks it read the first time
 * (once, emitting `crm.customer_inbox_entry.read`); a personal offer gets its code. Answers it as it
 * is now.
 */
export async function openOwnEntry(
  scope: MedusaContainer,
  customerId: string,
  section: InboxSection,
  id: string
): Promise<InboxEntry> {
  const entry = await readOwnEntry(scope, customerId, section, id)
  let changed = false
  if (!entry.read_at) {
    await markInboxEntryReadWorkflow(scope).run({ input: { customer_id: customerId, entry_id: id, section } })
    changed = true
  }
  if (entry.kind === "offer" && entry.code === null && (entry.status === "new" || entry.status === "read")) {
    await issuePendingCodes(scope, customerId, id)
    changed = true
  }
  return changed ? readOwnEntry(scope, customerId, section, id) : entry
}
