import { model } from "@medusajs/framework/utils"

export const ALTERNATE_EMAIL_SOURCES = ["admin", "merge", "claim"] as const
export type AlternateEmailSource = (typeof ALTERNATE_EMAIL_SOURCES)[number]

/**
 * Another address of a customer (work, old, box office). Stored in lower case and unique across
 * customers, so an address points at one person.
 */
export const CustomerAlternateEmail = model
  .define("customer_alternate_email", {
    id: model.id({ prefix: "calt" }).primaryKey(),
    customer_id: model.text(),
    email: model.text().searchable(),
    /** `admin` (added by hand), `merge` (the other record's primary e-mail), `claim` (proven by a code). */
    source: model.enum([...ALTERNATE_EMAIL_SOURCES]).default("admin"),
    added_by: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_customer_alternate_email_email_unique",
      on: ["email"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { on: ["customer_id"] },
  ])
