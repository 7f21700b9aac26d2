import { model } from "@medusajs/framework/utils"

export const PRIVACY_ERASURE_KINDS = ["anonymized", "deleted"] as const
export type PrivacyErasureKind = (typeof PRIVACY_ERASURE_KINDS)[number]

/**
 * The erasure log: the id of every customer record that was anonymized or deleted (ids only), so
 * a database restored from a backup taken before can have every erasure applied again, and so
 * anonymized records are hidden from the CRM's lists, search and duplicates.
 */
export const PrivacyErasure = model
  .define("privacy_erasure", {
    id: model.id({ prefix: "perase" }).primaryKey(),
    customer_id: model.text(),
    kind: model.enum([...PRIVACY_ERASURE_KINDS]),
    /** The privacy request it carried out. */
    request_id: model.text().nullable(),
    erased_at: model.dateTime(),
  })
  .indexes([
    { name: "IDX_privacy_erasure_customer_unique", on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
  ])
