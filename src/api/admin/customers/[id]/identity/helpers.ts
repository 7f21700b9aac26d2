import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService } from "../../../../../modules/customer-identity"
import type { MergeCustomerFacts, MergePlan } from "../../../../../lib/customer-merge"
import { findDuplicatesOf } from "../../../../../lib/queries/customer-search"
import { customerSummaries } from "../../../../utils/identity"
import { assertCustomerExists } from "../../../../utils/customers"
import { crmError } from "../../../../../lib/errors"
import { PRIVACY_MODULE, type PrivacyModuleService } from "../../../../../modules/privacy"
import {
  type CustomerIdentity,
  type CustomerMerge,
  IdentityErrorCodes,
  type MergePreview,
  type PossibleDuplicate,
} from "../../../../../types/http/identity"

const iso = (date: Date | string) => new Date(date).toISOString()

/**
 * Who this person is across records: whether they are archived or anonymized, their alternate
 * e-mails, and the other customers that share an address or a phone number with them (possible
 * duplicates, with what matched). 404 for an unknown customer.
 */
export async function readIdentity(scope: MedusaContainer, customerId: string): Promise<CustomerIdentity> {
  await assertCustomerExists(scope, customerId)
  const service: CustomerIdentityModuleService = scope.resolve(CUSTOMER_IDENTITY_MODULE)
  const privacy: PrivacyModuleService = scope.resolve(PRIVACY_MODULE)
  const [archive, alternateEmails, duplicates, merges, self, erasures] = await Promise.all([
    service.listCustomerArchives({ customer_id: customerId }, { select: ["archived_at", "archived_by", "reason"] }),
    service.listCustomerAlternateEmails(
      { customer_id: customerId },
      { select: ["id", "email", "source", "added_by", "created_at"], order: { created_at: "ASC" } }
    ),
    findDuplicatesOf(scope, customerId),
    service.listCustomerMerges({ survivor_id: customerId }, { order: { created_at: "DESC" }, take: 50 }),
    customerSummaries(scope, [customerId]),
    privacy.listPrivacyErasures({ customer_id: customerId, kind: "anonymized" }, { select: ["erased_at"] }),
  ])
  const me = self.get(customerId)
  const people = await customerSummaries(scope, duplicates.map((d) => d.customer_id))
  const possibleDuplicates: PossibleDuplicate[] = []
  for (const duplicate of duplicates) {
    const customer = people.get(duplicate.customer_id)
    if (customer) {
      possibleDuplicates.push({ customer, matches: duplicate.matches })
    }
  }
  return {
    customer_id: customerId,
    archived: archive[0] ? { ...archive[0], archived_at: iso(archive[0].archived_at) } : null,
    alternate_emails: alternateEmails.map((e) => ({ ...e, created_at: iso(e.created_at) })),
    duplicates: possibleDuplicates,
    merges: merges.map(formatMerge),
    account: me?.has_account ? { email: me.email } : null,
    anonymized_at: erasures[0] ? iso(erasures[0].erased_at) : null,
  }
}

/** A merge as the admin shows it, with whether it can still be undone. */
export function formatMerge(merge: Record<string, any>): CustomerMerge {
  return {
    id: merge.id,
    kind: merge.kind,
    status: merge.status,
    survivor_id: merge.survivor_id,
    source_id: merge.source_id,
    source: merge.source_snapshot,
    merged_at: merge.created_at,
    merged_by: merge.merged_by,
    undo_until: merge.undo_until,
    undone_at: merge.undone_at,
    can_undo: merge.status === "merged" && new Date(merge.undo_until).getTime() > Date.now(),
    counts: merge.counts,
  }
}

/**
 * A merge plan as the preview shows it: who stays and who goes (with their orders and lifetime
 * value, to tell them apart), what moves and stays, what blocks.
 */
export function formatMergePreview(
  plan: MergePlan,
  facts: Map<string, MergeCustomerFacts>,
  undoDays: number
): MergePreview {
  const withFacts = (customer: MergePlan["survivor"]) => ({
    ...customer,
    created_at: new Date(customer.created_at).toISOString(),
    order_count: facts.get(customer.id)?.order_count ?? 0,
    lifetime_value: facts.get(customer.id)?.lifetime_value ?? [],
  })
  return {
    survivor: withFacts(plan.survivor),
    source: withFacts(plan.source),
    moves: plan.counts,
    primary_email_to_alternate: plan.moved.new_alternate_email,
    stays: plan.stays,
    blockers: plan.blockers,
    undo_days: undoDays,
  }
}

/** The record that goes: whichever of the two is not the survivor. 400 when the survivor is neither. */
export function sourceOf(id: string, otherId: string, survivorId: string) {
  if (survivorId !== id && survivorId !== otherId) {
    throw crmError(MedusaError.Types.INVALID_DATA, IdentityErrorCodes.MERGE_INVALID, "survivor_id must be one of the two customers being merged")
  }
  return survivorId === id ? otherId : id
}
