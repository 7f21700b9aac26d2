import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService, normalizeEmail } from "../../modules/customer-identity"
import { mergeCustomersWorkflow, undoCustomerMergeWorkflow } from "../merge-customers"

/** Wrong codes a claim tolerates before it is spent. */
export const MAX_CLAIM_ATTEMPTS = 5
/** Codes a customer may ask for in an hour. */
export const MAX_CLAIMS_PER_HOUR = 5

const digest = (salt: string, code: string) => createHash("sha256").update(`${salt}:${code}`).digest("hex")

/** `<salt>.<sha256(salt:code)>`: what is stored instead of the code. */
const hashCode = (code: string) => {
  const salt = randomBytes(16).toString("hex")
  return `${salt}.${digest(salt, code)}`
}

/** Whether `code` is the one behind `stored`, compared in constant time. */
const codeMatches = (stored: string, code: string) => {
  const [salt, hash] = stored.split(".")
  const expected = Buffer.from(hash ?? "", "hex")
  const given = Buffer.from(digest(salt ?? "", code), "hex")
  return expected.length === given.length && timingSafeEqual(expected, given)
}

export const createIdentityClaimStepId = "create-identity-claim"

/**
 * Starts a claim: a random six-digit code, of which only a hash is stored, valid for the module's
 * `claim_code_minutes`. Earlier open claims of the customer for the same address are spent. 429
 * after `MAX_CLAIMS_PER_HOUR` codes in an hour. Returns the claim and the code (for the e-mail only).
 * Compensation deletes the claim.
 */
export const createIdentityClaimStep = createStep(
  createIdentityClaimStepId,
  async (input: { customer_id: string; email: string }, { container }) => {
    const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    const email = normalizeEmail(input.email)
    const recent = await identity.listCustomerIdentityClaims(
      { customer_id: input.customer_id, created_at: { $gte: new Date(Date.now() - 60 * 60 * 1000) } },
      { select: ["id"] }
    )
    if (recent.length >= MAX_CLAIMS_PER_HOUR) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Too many codes were requested: try again in an hour")
    }
    const open = await identity.listCustomerIdentityClaims(
      { customer_id: input.customer_id, email, status: "pending" },
      { select: ["id"] }
    )
    if (open.length) {
      await identity.updateCustomerIdentityClaims(open.map((c) => ({ id: c.id, status: "failed" as const })))
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0")
    const [claim] = await identity.createCustomerIdentityClaims([
      {
        customer_id: input.customer_id,
        email,
        code_hash: hashCode(code),
        expires_at: new Date(Date.now() + (await identity.getClaimCodeMinutes()) * 60 * 1000),
      },
    ])
    return new StepResponse(
      { claim: { id: claim.id, email, status: claim.status, expires_at: claim.expires_at }, code },
      { claim_id: claim.id, reopened: open.map((c) => c.id) }
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
 * Checks a claim's code and spends the claim. 404 for another customer's claim; 409 when it was
 * used, is expired, or had too many wrong codes; 400 for a wrong code (counted, and kept even
 * though the workflow fails). Compensation opens the claim again.
 */
export const verifyIdentityClaimStep = createStep(
  verifyIdentityClaimStepId,
  async (input: { claim_id: string; customer_id: string; code: string }, { container }) => {
    const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    const [claim] = await identity.listCustomerIdentityClaims({ id: input.claim_id, customer_id: input.customer_id })
    if (!claim) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Claim with id: ${input.claim_id} was not found`)
    }
    if (claim.status !== "pending") {
      throw new MedusaError(MedusaError.Types.CONFLICT, "This code was already used or replaced: ask for a new one")
    }
    if (new Date(claim.expires_at).getTime() < Date.now()) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "This code has expired: ask for a new one")
    }
    if (!codeMatches(claim.code_hash, input.code.trim())) {
      const attempts = claim.attempts + 1
      await identity.updateCustomerIdentityClaims([
        { id: claim.id, attempts, ...(attempts >= MAX_CLAIM_ATTEMPTS ? { status: "failed" as const } : {}) },
      ])
      if (attempts >= MAX_CLAIM_ATTEMPTS) {
        throw new MedusaError(MedusaError.Types.CONFLICT, "Too many wrong codes: ask for a new one")
      }
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The code is not right")
    }
    await identity.updateCustomerIdentityClaims([{ id: claim.id, status: "confirmed", confirmed_at: new Date() }])
    return new StepResponse({ id: claim.id, email: claim.email }, claim.id)
  },
  async (claimId, { container }) => {
    if (!claimId) {
      return
    }
    const identity: CustomerIdentityModuleService = container.resolve(CUSTOMER_IDENTITY_MODULE)
    await identity.updateCustomerIdentityClaims([{ id: claimId, status: "pending", confirmed_at: null }])
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
      const [taken] = await identity.findCustomersByEmails([input.email])
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
