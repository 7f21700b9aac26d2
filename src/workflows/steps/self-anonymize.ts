import type { IAuthModuleService, ICustomerModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { crmError } from "../../lib/errors"
import { checkPrivacyCode, deletePrivacyCode, openPrivacyCode, reopenPrivacyCode } from "../../lib/privacy-codes"
import { tooManyRequests } from "../../lib/too-many-requests"
import { PRIVACY_MODULE, type PrivacyModuleService } from "../../modules/privacy"
import { hashClaimCode, newClaimCode } from "../../modules/customer-identity/claim-codes"
import { PrivacyErrorCodes as Codes } from "../../types/http/privacy"

export const validateSelfAnonymizeAllowedStepId = "validate-self-anonymize-allowed"

/**
 * Refuses (403 `privacy_action_disabled`) while the store does not let customers anonymize
 * themselves; 404 for a customer that no longer exists. Returns the customer's e-mail, where a
 * code goes.
 */
export const validateSelfAnonymizeAllowedStep = createStep(
  validateSelfAnonymizeAllowedStepId,
  async (input: { customer_id: string }, { container }) => {
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    if (!(await privacy.getPrivacySettings()).customer_self_anonymize) {
      throw crmError(
        MedusaError.Types.FORBIDDEN,
        Codes.PRIVACY_ACTION_DISABLED,
        "This store does not let customers anonymize their own data: contact the store"
      )
    }
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const [customer] = await customers.listCustomers({ id: input.customer_id }, { select: ["id", "email"] })
    if (!customer) {
      throw crmError(MedusaError.Types.NOT_FOUND, "customer_not_found", `Customer with id: ${input.customer_id} was not found`)
    }
    return new StepResponse({ email: customer.email as string | null })
  }
)

export const createPrivacyCodeStepId = "create-privacy-code"

/**
 * A six-digit code for the customer, of which only a salted hash is stored, valid for
 * `PRIVACY_CODE_MINUTES`. 429 (`too_many_codes`) past `PRIVACY_CODES_PER_HOUR`, counted race-free.
 * Returns the code for the e-mail's content only. Compensation deletes it.
 */
export const createPrivacyCodeStep = createStep(
  createPrivacyCodeStepId,
  async (input: { customer_id: string }, { container }) => {
    const code = newClaimCode()
    const opened = await openPrivacyCode(container, { customer_id: input.customer_id, code_hash: hashClaimCode(code) })
    if (opened.refused) {
      throw Object.assign(
        tooManyRequests("Too many codes were requested: try again in an hour", opened.refused.retry_after),
        { refusal_code: Codes.TOO_MANY_CODES }
      )
    }
    return new StepResponse({ id: opened.code.id, expires_at: opened.code.expires_at, code }, opened.code.id)
  },
  async (codeId, { container }) => {
    if (codeId) {
      await deletePrivacyCode(container, codeId)
    }
  }
)

type Confirmed = { confirmed_with: "password" | "code" }

export const confirmSelfAnonymizeStepId = "confirm-self-anonymize"

/**
 * Checks that the logged-in customer confirmed: their password (through the auth module's
 * `emailpass` provider, for the login the token was issued to) or their newest one-time code
 * (counted and spent race-free, see `checkPrivacyCode`). 401 `password_invalid`; 403
 * `code_invalid`, `code_expired`, `too_many_attempts`. Compensation makes a spent code usable
 * again, so a refused anonymization (open orders) does not cost the customer their code.
 */
export const confirmSelfAnonymizeStep = createStep(
  confirmSelfAnonymizeStepId,
  async (
    input: { customer_id: string; auth_identity_id: string; password?: string; code?: string },
    { container }
  ) => {
    if (typeof input.password === "string") {
      await checkPassword(container, input.customer_id, input.auth_identity_id, input.password)
      return new StepResponse<Confirmed, string | null>({ confirmed_with: "password" }, null)
    }
    const check = await checkPrivacyCode(container, { customer_id: input.customer_id, code: (input.code ?? "").trim() })
    switch (check.outcome) {
      case "confirmed":
        return new StepResponse<Confirmed, string | null>({ confirmed_with: "code" }, check.code_id)
      case "wrong":
        throw crmError(
          MedusaError.Types.FORBIDDEN,
          Codes.CODE_INVALID,
          check.attempts_left > 0
            ? "The code is not right"
            : "The code is not right, and that was the last try: ask for a new code"
        )
      case "used":
        throw crmError(MedusaError.Types.FORBIDDEN, Codes.CODE_INVALID, "This code was already used: ask for a new one")
      case "expired":
        throw crmError(MedusaError.Types.FORBIDDEN, Codes.CODE_EXPIRED, "This code has expired, or none was asked for: ask for a new one")
      case "too_many_attempts":
        throw crmError(MedusaError.Types.FORBIDDEN, Codes.TOO_MANY_ATTEMPTS, "Too many tries for this code: ask for a new one")
    }
  },
  async (codeId, { container }) => {
    if (codeId) {
      await reopenPrivacyCode(container, codeId)
    }
  }
)

/**
 * The password of the login the customer's token was issued to, checked by the `emailpass`
 * provider as Medusa's `/auth/customer/emailpass` does. A login without a password (a social
 * login) cannot confirm this way: it asks for a code.
 */
async function checkPassword(container: any, customerId: string, authIdentityId: string, password: string) {
  const auth: IAuthModuleService = container.resolve(Modules.AUTH)
  const refused = () =>
    crmError(MedusaError.Types.UNAUTHORIZED, Codes.PASSWORD_INVALID, "The password is not right")
  const identities = authIdentityId
    ? await auth.listAuthIdentities({ id: [authIdentityId] }, { relations: ["provider_identities"] })
    : []
  const login = identities[0]?.provider_identities?.find((p) => p.provider === "emailpass")
  if (!login) {
    throw refused()
  }
  const result = await auth.authenticate("emailpass", {
    body: { email: login.entity_id, password },
    actor_type: "customer",
  } as any)
  const identity = result.authIdentity as { id?: string; app_metadata?: Record<string, unknown> } | undefined
  if (!result.success || identity?.id !== authIdentityId || identity?.app_metadata?.customer_id !== customerId) {
    throw refused()
  }
}
