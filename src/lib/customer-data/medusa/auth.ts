import type { CustomerDataContext, CustomerDataHandler } from "../types"
import { countOf, customersAsPerson, personValues, run, type PersonValues } from "./shared"

/**
 * The person's logins: auth identities whose `app_metadata.customer_id` is one of their records,
 * and identities registered with one of their e-mails that were never tied to any actor (a
 * registration whose customer was never created). `only_customer` is false for an identity that
 * also logs in a staff user (`user_id`) or another actor: that login stays, without the customer.
 */
const PERSON_IDENTITIES = `
  SELECT ai.id, (coalesce(ai.app_metadata, '{}'::jsonb) - 'customer_id') = '{}'::jsonb AS only_customer
    FROM auth_identity ai
   WHERE ai.app_metadata->>'customer_id' = any(:customer_ids)
      OR ((coalesce(ai.app_metadata, '{}'::jsonb) - 'customer_id') = '{}'::jsonb
          AND EXISTS (SELECT 1 FROM provider_identity pi
                       WHERE pi.auth_identity_id = ai.id AND lower(pi.entity_id) = any(:emails)))`

/**
 * Removes the logins, so logging in with the e-mail and password stops working, with every
 * provider identity (the e-mail as `entity_id`, the password hash in `provider_metadata`, a social
 * login's profile in `user_metadata`) and what Medusa keeps per identity: hashed password-reset
 * tokens (`auth_password_reset_token`, with the e-mail), e-mail verifications (`auth_verification`),
 * MFA factors and recovery codes. Medusa 2.21 also cascades these from `auth_identity`; they are
 * deleted by name here so nothing depends on that. The tokens a customer holds are JWTs, signed
 * and stored nowhere; they expire by themselves.
 *
 * Medusa's `removeCustomerAccountWorkflow` deletes the login too, but deletes the customer record
 * with it and runs outside the person's transaction: anonymize keeps the (scrubbed) record, so it
 * is plain SQL inside the one transaction instead.
 */
async function removeLogins(ctx: CustomerDataContext, values: PersonValues) {
  const identities = await run(ctx, PERSON_IDENTITIES, values)
  const doomed = identities.filter((r) => r.only_customer).map((r) => String(r.id))
  const shared = identities.filter((r) => !r.only_customer).map((r) => String(r.id))
  if (doomed.length) {
    const ids = { ids: doomed }
    for (const table of ["auth_password_reset_token", "auth_verification", "auth_mfa_recovery_code", "auth_mfa_factor", "provider_identity"]) {
      await run(ctx, `DELETE FROM ${table} WHERE auth_identity_id = any(:ids)`, ids)
    }
    await run(ctx, `DELETE FROM auth_identity WHERE id = any(:ids)`, ids)
  }
  if (shared.length) {
    await run(ctx, `UPDATE auth_identity SET app_metadata = app_metadata - 'customer_id' WHERE id = any(:ids)`, { ids: shared })
  }
}

/** Medusa's auth module: the customer's login, its provider identities and tokens. */
export const medusaAuthHandler: CustomerDataHandler = {
  name: "medusa-auth",
  owner: "medusa",
  claims: [
    { table: "auth_identity", columns: ["app_metadata"], holds: "the customer's login, tied to the record by app_metadata.customer_id" },
    {
      table: "provider_identity",
      columns: ["entity_id", "provider_metadata", "user_metadata"],
      holds: "the login's e-mail, password hash, and a social login's profile",
    },
    { table: "auth_password_reset_token", columns: ["entity_id", "token_hash"], holds: "password-reset requests: the e-mail and a token hash" },
    { table: "auth_verification", columns: ["entity_id", "provider_metadata", "metadata"], holds: "e-mail verifications of the login" },
    { table: "auth_mfa_factor", columns: ["provider_metadata", "metadata"], holds: "the login's second factors (secrets)" },
    { table: "auth_mfa_recovery_code", columns: ["code_hash"], holds: "the login's MFA recovery codes (hashes)" },
  ],

  async count(ctx, customerIds) {
    return countOf(
      await run(ctx, `SELECT count(*) AS n FROM (${PERSON_IDENTITIES}) x`, await customersAsPerson(ctx, customerIds))
    )
  },

  async list(ctx, customerIds) {
    const rows = await run(
      ctx,
      `SELECT ai.id, ai.app_metadata->>'customer_id' AS customer_id FROM auth_identity ai WHERE ai.id IN (SELECT id FROM (${PERSON_IDENTITIES}) x)`,
      await customersAsPerson(ctx, customerIds)
    )
    return rows.map((r) => ({ kind: "login", id: String(r.id), customer_id: String(r.customer_id ?? customerIds[0]) }))
  },

  /** How the person logs in: the provider and the e-mail (never the password hash). */
  async export(ctx, person) {
    const logins = await run(
      ctx,
      `SELECT pi.provider, pi.entity_id, pi.created_at
         FROM provider_identity pi WHERE pi.auth_identity_id IN (SELECT id FROM (${PERSON_IDENTITIES}) x)
        ORDER BY pi.created_at`,
      personValues(person)
    )
    return { logins }
  },

  async anonymize(ctx, person) {
    await removeLogins(ctx, personValues(person))
  },

  async delete(ctx, customerIds) {
    await removeLogins(ctx, await customersAsPerson(ctx, customerIds))
  },
}
