export const CUSTOMER_GENDERS = ["female", "male", "non_binary", "unspecified"] as const
export type CustomerGender = (typeof CUSTOMER_GENDERS)[number]

/** Largest photo accepted, in bytes (decoded). */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024
/**
 * The photo types accepted. Raster images only: a browser never runs script from them (an SVG or
 * HTML file served from the store's domain could).
 */
export const PHOTO_MIME_TYPES = ["image/jpeg", "image/png", "image/webp"] as const
export type PhotoMimeType = (typeof PHOTO_MIME_TYPES)[number]

/** Longest customer number (`external_id`) and gate code, in characters. */
export const EXTERNAL_ID_MAX_LENGTH = 100
export const GATE_CODE_MAX_LENGTH = 50
/** Most stores (`sales_channel_ids`) one customer can be linked to. */
export const CUSTOMER_STORES_MAX = 100

/** The stable `code` of every refusal of the profile routes. */
export const ProfileErrorCodes = {
  /** The body or query failed validation (400). */
  INVALID_DATA: "invalid_data",
  /** No customer with that id (404). */
  CUSTOMER_NOT_FOUND: "customer_not_found",
  /** One of `sales_channel_ids` is not a sales channel (400). */
  SALES_CHANNEL_NOT_FOUND: "sales_channel_not_found",
  /** Another customer has this customer number (`external_id`) (409). */
  CUSTOMER_NUMBER_TAKEN: "customer_number_taken",
  /** The photo is not a JPEG, PNG or WebP image, or not of the type it claims (400). */
  PHOTO_TYPE_INVALID: "photo_type_invalid",
  /** The photo has no bytes (400). */
  PHOTO_EMPTY: "photo_empty",
  /** The photo is larger than `PHOTO_MAX_BYTES` (400). */
  PHOTO_TOO_LARGE: "photo_too_large",
} as const
export type ProfileErrorCode = (typeof ProfileErrorCodes)[keyof typeof ProfileErrorCodes]

export type CustomerStore = {
  sales_channel_id: string
  name: string | null
  /** `manual`: set by an admin; `order`: filled from the channel of one of their orders. */
  source: "manual" | "order"
}

export type CustomerProfile = {
  /** null until something was saved for this customer. */
  id: string | null
  customer_id: string
  /** `YYYY-MM-DD` */
  birth_date: string | null
  gender: CustomerGender | null
  /** ISO 3166-1 alpha-2, upper case */
  nationality: string | null
  /** `YYYY-MM-DD`: set by hand, or the first order's date when unknown (see anniversary_source). */
  anniversary: string | null
  anniversary_source: "set" | "first_order" | null
  external_id: string | null
  gate_code: string | null
  photo_url: string | null
  stores: CustomerStore[]
  updated_at: string | null
}

export type CustomerProfileResponse = { profile: CustomerProfile }

/** Every field optional; null clears it. `sales_channel_ids` replaces the set of stores. */
export type UpdateCustomerProfilePayload = {
  birth_date?: string | null
  gender?: CustomerGender | null
  nationality?: string | null
  anniversary?: string | null
  external_id?: string | null
  gate_code?: string | null
  sales_channel_ids?: string[]
}

/** A photo as base64 (no data: prefix). JPEG, PNG or WebP, at most 2 MB; stored under a generated name. */
export type UploadCustomerPhotoPayload = {
  /** The uploaded file's name, for clients that send it: the stored name is generated. */
  filename?: string
  mime_type: PhotoMimeType
  content: string
}
