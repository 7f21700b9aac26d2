import { defaultCountries } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import {
  CUSTOMER_GENDERS,
  CUSTOMER_STORES_MAX,
  EXTERNAL_ID_MAX_LENGTH,
  GATE_CODE_MAX_LENGTH,
  PHOTO_MAX_BYTES,
  PHOTO_MIME_TYPES,
  type PhotoMimeType,
  type UpdateCustomerProfilePayload,
} from "../types/http/profile"

export { PHOTO_MAX_BYTES, PHOTO_MIME_TYPES, type PhotoMimeType }

/** The extension a stored photo gets, per accepted type (`PHOTO_MIME_TYPES`). */
export const PHOTO_TYPES: Record<PhotoMimeType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
}

const COUNTRY_CODES = new Set(defaultCountries.map((c) => c.alpha2.toUpperCase()))

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/** A real calendar date written as YYYY-MM-DD (2024-02-30 is not one). */
export const isCalendarDate = (value: string) => {
  if (!DATE_PATTERN.test(value)) {
    return false
  }
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** Today as YYYY-MM-DD, in the latest time zone on earth, so no one's today is "the future". */
const latestToday = () => new Date(Date.now() + 14 * 3600 * 1000).toISOString().slice(0, 10)

const calendarDate = (field: string) =>
  z.string().refine(isCalendarDate, {
    message: `${field} must be a date written as YYYY-MM-DD`,
  })

/**
 * The profile fields as the admin route, `additional_data` on the native customer routes and the
 * workflow accept them. Every field is optional; null clears it.
 */
export const customerProfileFieldsSchema = z
  .object({
    birth_date: calendarDate("birth_date")
      .refine((value) => value <= latestToday(), {
        message: "birth_date cannot be in the future",
      })
      .refine((value) => value >= "1900-01-01", {
        message: "birth_date cannot be before 1900-01-01",
      })
      .nullish(),
    gender: z.enum(CUSTOMER_GENDERS).nullish(),
    nationality: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase())
      .refine((value) => COUNTRY_CODES.has(value), {
        message: "nationality must be an ISO 3166-1 alpha-2 country code, such as NL or US",
      })
      .nullish(),
    anniversary: calendarDate("anniversary")
      .refine((value) => value <= latestToday(), {
        message: "anniversary cannot be in the future",
      })
      .nullish(),
    external_id: z.string().trim().min(1).max(EXTERNAL_ID_MAX_LENGTH).nullish(),
    gate_code: z.string().trim().min(1).max(GATE_CODE_MAX_LENGTH).nullish(),
    sales_channel_ids: z.array(z.string().min(1)).max(CUSTOMER_STORES_MAX).optional(),
  })
  .strict() satisfies z.ZodType<UpdateCustomerProfilePayload>

export type CustomerProfileFields = z.infer<typeof customerProfileFieldsSchema>

/** The profile fields that are stored on the profile row (the stores are rows of their own). */
export const PROFILE_COLUMNS = [
  "birth_date",
  "gender",
  "nationality",
  "anniversary",
  "external_id",
  "gate_code",
] as const

/** Names of profile fields as a person reads them, for system notes. */
export const PROFILE_FIELD_LABELS: Record<string, string> = {
  birth_date: "birth date",
  gender: "gender",
  nationality: "nationality",
  anniversary: "anniversary",
  external_id: "customer number",
  gate_code: "gate code",
  stores: "stores",
  photo: "photo",
}
