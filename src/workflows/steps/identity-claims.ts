import type { ICustomerModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findCustomersByEmails } from "../../lib/queries/person-records"
import { tooManyRequests } from "../../lib/too-many-requests"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService, normalizeEmail } from "../../modules/customer-identity"
import {
  type ClaimLimit,
  type ClaimRefusal,
  hashClaimCode,
  newClaimCode,
} from "../../modules/customer-identity/claim-codes"
import { mergeCustomersWorkflow, undoCustomerMergeWorkflow } from "../merge-customers"
import { crmError } from "../../lib/errors"
import { IdentityClaimErrorCodes as Codes } from "../../types/http/claims"

export { MAX_CLAIM_ATTEMPTS } from "../../modules/customer-identity/claim-codes"

/** What a storefront reads when a claim limit refuses it. */
const CLAIM_LIMIT_MESSAGES: Record<ClaimLimit, string> = {
  claim_codes_per_customer_per_hour: "Too many codes were requested: try again in an hour",
  claim_codes_per_address_per_hour: "Too many codes were sent to this address: try again in an hour",
  claim_codes_per_address_per_day: "Too many codes were sent to this address today: try again tomorrow",
  claim_wrong_codes_per_address_per_day: "Too many wrong codes were entered for this address today: try again tomorrow",
}

const claimLimitReached = (refusal: ClaimRefusal) => tooManyRequests(CLAIM_LIMIT_MESSAGES[refusal.limit], refusal.retry_after)

export const validateClaimableAddressStepId = "validate-claimable-address"

/**
 * Refuses (400) a claim that has nothing to claim, before any code is sent:
 * - the customer's own primary address: guest orders placed with it already count as theirs
 *   (roll-up), and their later checkouts are filed under the account itself;
 * - the address (primary or alternate) of another online account: its orders are that account's;
 * - an address the customer has already proven with a confirmed claim: its guest records were
 *   linked then.
 * The answer never says whether guest orders exist.
 */
export const validateClaimableAddressStep = createStep(
  validateClaimableAddressStepId,
  async (input: { customer_id: string; email: string }, { container }) => {
    const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const email = normalizeEmail(input.email)
    const [me] = await customers.listCustomers({ id: input.customer_id }, { select: ["id", "email"] })
    if (me?.email && normalizeEmail(me.email) === email) {
      throw crmError(
        MedusaError.Types.INVALID_DATA,
        Codes.OWN_ADDRESS,
        "This is your account's own address: there is nothing to claim"
      )
    }
    const holderIds = (await findCustomersByEmails(container, [email])).filter((id) => id !== input.customer_id)
    const accounts = holderIds.length
      ? await customers.listCustomers({ id: holderIds, has_account: true }, { select: ["id"] })
      : []
    if (accounts.length) {
      throw crmError(
        MedusaError.Types.INVALID_DATA,
        Codes.ADDRESS_HAS_ACCOUNT,
        "This address belongs to an online account: there is nothing to claim. Sign in with it to see its orders"
      )
    }
    const proven = await identity.listCustomerIdentityClaims(
      { customer_id: input.customer_id, email, status: "confirmed" },
      { select: ["id"], take: 1 }
    )
    if (proven.length) {
      throw crmError(
        MedusaError.Types.INVALID_DATA,
        Codes.ALREADY_CLAIMED,
        "You have already claimed this address: there is nothing more to claim"
      )
    }
    return new StepResponse(undefined)
  }
)

export const createIdentityClaimStepId = "create-identity-claim"

/**
 * Starts a claim: a random six-digit code, of which only a salted hash is stored, valid for the
 * module's `claim_code_minutes`. Earlier open claims of the customer for the same address are
 * spent. 429 when a claim limit is reached (codes per customer an hour, per address an hour and a
 * day, wrong codes per address a day), counted race-free by the module. Returns the claim and the
 * code, for the e-mail's content only. Compensation deletes the claim and reopens the ones it replaced.
 */
export const createIdentityClaimStep = createStep(
  createIdentityClaimStepId,
  async (input: { customer_id: string; email: string }, { container }) => {
    const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    const code = newClaimCode()
    const opened = await identity.openIdentityClaim({
      customer_id: input.customer_id,
      email: normalizeEmail(input.email),
      code_hash: hashClaimCode(code),
      expires_at: new Date(Date.now() + (await identity.getClaimCodeMinutes()) * 60 * 1000),
    })
    if (opened.refused) {
      throw claimLimitReached(opened.refused)
    }
    const { claim } = opened
    return new StepResponse(
      { claim: { id: claim.id, email: claim.email, status: claim.status, expires_at: claim.expires_at }, code },
      { claim_id: claim.id, reopened: opened.replaced }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    await identity.deleteCustomerIdentityClaims([undo.claim_id])
    if (undo.reopened.length) {
      await identity.updateCustomerIdentityClaims(undo.reopened.map((id) => ({ id, status: "pending" as const })))
    }
  }
)

export const verifyIdentityClaimStepId = "verify-identity-claim"

/**
 * Checks a claim's code and spends the claim, race-free (see the module's `checkIdentityClaimCode`):
 * however many confirms arrive at once, at most `MAX_CLAIM_ATTEMPTS` wrong codes are evaluated and
 * one right code confirms. 404 for another customer's claim; 409 when it was used or replaced, is
 * expired, or had too many wrong codes; 429 when its address had too many wrong codes today; 400
 * for a wrong code (counted, and kept even though the workflow fails). Compensation opens the
 * confirmed claim again.
 */
export const verifyIdentityClaimStep = createStep(
  verifyIdentityClaimStepId,
  async (input: { claim_id: string; customer_id: string; code: string }, { container }) => {
    const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    const check = await identity.checkIdentityClaimCode({
      claim_id: input.claim_id,
      customer_id: input.customer_id,
      code: input.code.trim(),
    })
    switch (check.outcome) {
      case "confirmed":
        return new StepResponse(check.claim, check.claim.id)
      case "not_found":
        throw crmError(MedusaError.Types.NOT_FOUND, Codes.CLAIM_NOT_FOUND, `Claim with id: ${input.claim_id} was not found`)
      case "used":
        throw crmError(MedusaError.Types.CONFLICT, Codes.CLAIM_USED, "This code was already used or replaced: ask for a new one")
      case "too_many_wrong":
        throw crmError(MedusaError.Types.CONFLICT, Codes.TOO_MANY_WRONG_CODES, "Too many wrong codes: ask for a new one")
      case "expired":
        throw crmError(MedusaError.Types.CONFLICT, Codes.CLAIM_EXPIRED, "This code has expired: ask for a new one")
      case "refused":
        throw claimLimitReached(check.refusal)
      case "wrong":
        throw crmError(
          MedusaError.Types.INVALID_DATA,
          Codes.WRONG_CODE,
          check.attempts_left > 0
            ? "The code is not right"
            : "The code is not right, and that was the last try: ask for a new code"
        )
    }
  },
  async (claimId, { container }) => {
    if (!claimId) {
      return
    }
    const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    await identity.reopenIdentityClaim(claimId)
  }
)

export const mergeClaimedRecordsStepId = "merge-claimed-records"

/**
 * Links every guest record (no online account) whose primary e-mail is the proven address into the
 * customer, one merge each (kind `claim`), with their orders. When there is none, the address is
 * still recorded as the customer's alternate e-mail (unless it is their own or another's).
 * Compensation undoes the merges, or removes the address.
 */
export const mergeClaimedRecordsStep = createStep(
  mergeClaimedRecordsStepId,
  async (input: { customer_id: string; email: string }, { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    const [me] = await customers.listCustomers({ id: input.customer_id }, { select: ["id", "email"] })
    const guests = (
      await customers.listCustomers(
        { has_account: false, email: { $ilike: input.email } } as any,
        { select: ["id", "email"], take: null } as any
      )
    ).filter((c) => c.email && normalizeEmail(c.email) === input.email && c.id !== input.customer_id)
    const mergeIds: string[] = []
    try {
      for (const guest of guests) {
        const { result } = await mergeCustomersWorkflow(container).run({
          input: { source_id: guest.id, survivor_id: input.customer_id, kind: "claim", actor_id: null },
        })
        mergeIds.push(result.id)
      }
    } catch (e) {
      await undoMerges(container, mergeIds, input.customer_id)
      throw e
    }
    let alternateId: string | null = null
    const own = me?.email ? normalizeEmail(me.email) === input.email : false
    if (!guests.length && !own) {
      // An address another customer has (as an alternate, or as an online account's login) stays theirs.
      const [taken] = await findCustomersByEmails(container, [input.email])
      if (!taken) {
        const [created] = await identity.createCustomerAlternateEmails([
          { customer_id: input.customer_id, email: input.email, source: "claim" },
        ])
        alternateId = created.id
      }
    }
    return new StepResponse(
      { merge_ids: mergeIds, records: guests.length },
      { merge_ids: mergeIds, alternate_id: alternateId, customer_id: input.customer_id }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await undoMerges(container, undo.merge_ids, undo.customer_id)
    if (undo.alternate_id) {
      const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
      await identity.deleteCustomerAlternateEmails([undo.alternate_id])
    }
  }
)

async function undoMerges(container: any, mergeIds: string[], survivorId: string) {
  for (const mergeId of [...mergeIds].reverse()) {
    await undoCustomerMergeWorkflow(container).run({ input: { merge_id: mergeId, survivor_id: survivorId } })
  }
}
