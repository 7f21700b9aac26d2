
export type CustomerGender = "female" | "male" | "non_binary" | "unspecified"

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
  filename?: string
  mime_type: "image/jpeg" | "image/png" | "image/webp"
  content: string
}
