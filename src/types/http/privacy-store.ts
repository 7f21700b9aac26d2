/**
 * The storefront self-anonymization routes' contract (`/store/customers/me/privacy/**`): a
 * logged-in customer erases their own data, confirmed with their password or a one-time code sent
 * by e-mail. Off unless the store's privacy setting `customer_self_anonymize` is on.
 */

/** The one-time code's digits. */
export const PRIVACY_CODE_LENGTH = 6

/**
 * The stable `code` of every refusal of the store privacy routes, beside the message. Listed in
 * the README; never renamed.
 */
export const PrivacyStoreErrorCodes = {
  /** The body is not what the route takes: neither or both of `password` and `code`, or a malformed one (400). */
  INVALID_DATA: "invalid_data",
  /** The store does not let customers anonymize themselves (403). */
  PRIVACY_ACTION_DISABLED: "privacy_action_disabled",
  /** The password is not the account's (401). Nothing changed. */
  PASSWORD_INVALID: "password_invalid",
  /** The code is not right, was used, or was replaced by a newer one (403). The try is counted. */
  CODE_INVALID: "code_invalid",
  /** The code has expired, or none was asked for: ask for a new one (403). */
  CODE_EXPIRED: "code_expired",
  /** The code had its tries: ask for a new one (403). */
  TOO_MANY_ATTEMPTS: "too_many_attempts",
  /** Too many codes were asked for in an hour (429, `Retry-After`). */
  TOO_MANY_CODES: "too_many_codes",
  /** Open orders or a legal hold keep the data for now (409); the message names the reason. */
  ANONYMIZE_REFUSED: "anonymize_refused",
} as const

export type PrivacyStoreErrorCode = (typeof PrivacyStoreErrorCodes)[keyof typeof PrivacyStoreErrorCodes]

/** `POST /store/customers/me/privacy/anonymize/code`: a one-time code goes to the account's e-mail (201). */
export type StoreRequestAnonymizeCodeResponse = {
  /** When the code stops working (ISO 8601). */
  expires_at: string
}

/** `POST /store/customers/me/privacy/anonymize`: the password or the code from the e-mail, not both. */
export type StoreAnonymizeCustomerPayload = { password: string; code?: never } | { code: string; password?: never }

/** The customer's data is anonymized; the token or session used is refused from now on. */
export type StoreAnonymizeCustomerResponse = { anonymized: true }
