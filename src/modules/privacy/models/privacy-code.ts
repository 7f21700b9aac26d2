import { model } from "@medusajs/framework/utils"

/**
 * A one-time code a storefront customer asked for to confirm the anonymization of their own data
 * (instead of their password). Only a salted hash is kept; wrong attempts are counted in one
 * conditional statement, so parallel guesses cannot exceed the limit.
 */
export const PrivacyCode = model
  .define("privacy_code", {
    id: model.id({ prefix: "pcode" }).primaryKey(),
    customer_id: model.text(),
    code_hash: model.text(),
    attempts: model.number().default(0),
    expires_at: model.dateTime(),
    used_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["customer_id", "created_at"] }])
