/**
 * The identity claim routes' contract: a logged-in customer claims an e-mail address they used as
 * a guest (`/store/customers/me/identity/claims/**`), and confirms it with the code sent to it.
 */
import type { CrmFindParams } from "./common"

/** The longest e-mail address a claim takes. */
export const IDENTITY_CLAIM_EMAIL_MAX_LENGTH = 254

/**
 * The stable `code` of every refusal of the claim routes, beside the message. Listed in the
 * README; never renamed.
 */
export const IdentityClaimErrorCodes = {
  /** The body or query is not what the route takes (400). */
  INVALID_DATA: "invalid_data",
  /** The address is the customer's own primary address: nothing to claim (400). */
  OWN_ADDRESS: "own_address",
  /** The address belongs to another online account: sign in with it instead (400). */
  ADDRESS_HAS_ACCOUNT: "address_has_account",
  /** The customer already claimed the address (400). */
  ALREADY_CLAIMED: "already_claimed",
  /** The claim does not exist or is not the customer's (404). */
  CLAIM_NOT_FOUND: "claim_not_found",
  /** The code is not right; the claim counts the try (400). */
  WRONG_CODE: "wrong_code",
  /** The claim was confirmed already, or replaced by a newer one (409). */
  CLAIM_USED: "claim_used",
  /** The claim's code has expired (409). */
  CLAIM_EXPIRED: "claim_expired",
  /** The claim had too many wrong codes (409). */
  TOO_MANY_WRONG_CODES: "too_many_wrong_codes",
  /** A claim limit was reached: codes per customer or address, wrong codes per address (429, `Retry-After`). */
  TOO_MANY_REQUESTS: "too_many_requests",
} as const

export type IdentityClaimErrorCode = (typeof IdentityClaimErrorCodes)[keyof typeof IdentityClaimErrorCodes]

export type IdentityClaimStatus = "pending" | "confirmed" | "failed"

/** `POST /store/customers/me/identity/claims`: a one-time code goes to the address. */
export type StoreCreateIdentityClaimPayload = {
  /** An e-mail address, at most `IDENTITY_CLAIM_EMAIL_MAX_LENGTH` characters. */
  email: string
}

/** The new claim (201), whether or not anything is filed under the address. */
export type StoreCreateIdentityClaimResponse = {
  claim: { id: string; email: string; status: IdentityClaimStatus; expires_at: string }
}

/** A claim as its customer reads it again (after a reload). */
export type StoreIdentityClaim = {
  id: string
  email: string
  status: IdentityClaimStatus
  expires_at: string
  /** Wrong codes the claim still takes before it fails. */
  attempts_left: number
  created_at: string
}

/** The fields of a claim a storefront may select with `fields`. */
export const STORE_IDENTITY_CLAIM_FIELDS = [
  "id",
  "email",
  "status",
  "expires_at",
  "attempts_left",
  "created_at",
] as const
export type StoreIdentityClaimField = (typeof STORE_IDENTITY_CLAIM_FIELDS)[number]

/**
 * `GET /store/customers/me/identity/claims/:claim_id`: `fields`, a comma list of
 * `STORE_IDENTITY_CLAIM_FIELDS` (each may be prefixed with `+` or `-`; `id` is always returned).
 */
export type StoreIdentityClaimParams = Pick<CrmFindParams, "fields">

export type StoreIdentityClaimResponse = {
  claim: Pick<StoreIdentityClaim, "id"> & Partial<StoreIdentityClaim>
}

/** `POST /store/customers/me/identity/claims/:claim_id/confirm`. */
export type StoreConfirmIdentityClaimPayload = {
  /** The six digits from the e-mail. */
  code: string
}

/** The confirmed claim: the guest records under the address, with their orders, are now the customer's. */
export type StoreConfirmIdentityClaimResponse = {
  claim: {
    id: string
    email: string
    status: "confirmed"
    /** How many guest records were linked to the customer. */
    records_linked: number
  }
}
