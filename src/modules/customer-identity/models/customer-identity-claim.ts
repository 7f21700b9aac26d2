import { model } from "@medusajs/framework/utils"

export const IDENTITY_CLAIM_STATUSES = ["pending", "confirmed", "failed"] as const
export type IdentityClaimStatus = (typeof IDENTITY_CLAIM_STATUSES)[number]

/**
 * A storefront customer's claim to an e-mail address, and so to the guest records (and their
 * orders) filed under it. A one-time code goes to the address; only the code's hash is kept.
 * Confirming in time, with the code, once, links the guest records to the customer.
 */
export const CustomerIdentityClaim = model
  .define("customer_identity_claim", {
    id: model.id({ prefix: "cclaim" }).primaryKey(),
    customer_id: model.text(),
    email: model.text(),
    code_hash: model.text(),
    status: model.enum([...IDENTITY_CLAIM_STATUSES]).default("pending"),
    attempts: model.number().default(0),
    expires_at: model.dateTime(),
    confirmed_at: model.dateTime().nullable(),
  })
  // Claim limits count a customer's and an address's recent claims.
  .indexes([{ on: ["customer_id", "created_at"] }, { on: ["email", "created_at"] }])
