import { model } from "@medusajs/framework/utils"
import { CUSTOMER_GENDERS, type CustomerGender } from "../../../types/http/profile"

export { CUSTOMER_GENDERS, type CustomerGender }

/**
 * What Medusa's customer lacks: one row per customer, created the first time something is saved.
 * Dates without a time (birth date, anniversary) are kept as `YYYY-MM-DD` text so that no time
 * zone can move them by a day.
 */
export const CustomerProfile = model
  .define("customer_profile", {
    id: model.id({ prefix: "cprof" }).primaryKey(),
    customer_id: model.text(),
    birth_date: model.text().nullable(),
    gender: model.enum([...CUSTOMER_GENDERS]).nullable(),
    /** ISO 3166-1 alpha-2, upper case. */
    nationality: model.text().nullable(),
    /** First visit; when unknown, reads fall back to the first order's date. */
    anniversary: model.text().nullable(),
    /** The merchant's own customer number (from a POS or box office). */
    external_id: model.text().searchable().nullable(),
    /** Access code for deliveries. */
    gate_code: model.text().nullable(),
    /** The photo in Medusa's file module. */
    photo_file_id: model.text().nullable(),
    photo_url: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_customer_profile_customer_id_unique",
      on: ["customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_customer_profile_external_id_unique",
      on: ["external_id"],
      unique: true,
      where: "deleted_at IS NULL AND external_id IS NOT NULL",
    },
  ])
