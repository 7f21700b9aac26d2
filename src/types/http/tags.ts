
/** The badge colours a tag can have, in the order the admin offers them. */
export const TAG_COLORS = ["grey", "red", "green", "blue", "orange", "purple"] as const
export type TagColor = (typeof TAG_COLORS)[number]

/** `flag`: no value; `text`: any value; `list`: one of the definition's `allowed_values`. */
export const TAG_VALUE_MODES = ["flag", "text", "list"] as const
export type TagValueMode = (typeof TAG_VALUE_MODES)[number]

/** A tag's key: 1 to 64 letters, digits, `_`, `-` or `.`. */
export const TAG_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/
export const TAG_KEY_MAX_LENGTH = 64
export const TAG_LABEL_MAX_LENGTH = 100
export const TAG_DESCRIPTION_MAX_LENGTH = 1_000
/** Longest tag value (and allowed value of a `list` tag), in characters. */
export const TAG_VALUE_MAX_LENGTH = 255
/** Most allowed values a `list` tag can have. */
export const TAG_ALLOWED_VALUES_MAX = 200
/** Most customers in `add` or in `remove` of one bulk request. */
export const BULK_TAG_MAX = 1000
/** Tag definitions order by these fields (`-` first for descending); by key when none is asked. */
export const TAG_DEFINITION_ORDER_FIELDS = ["key", "label", "created_at", "updated_at"] as const

/** The stable `code` of every refusal of the tag routes (`/admin/crm/tags`, `/admin/customers/:id/tags`). */
export const TagErrorCodes = {
  /** The body or query failed validation (400). */
  INVALID_DATA: "invalid_data",
  /** No customer with that id (404); in a bulk request, customer ids that do not exist (400). */
  CUSTOMER_NOT_FOUND: "customer_not_found",
  /** No tag definition with that id (404), or no definition with that key to assign (400). */
  TAG_DEFINITION_NOT_FOUND: "tag_definition_not_found",
  /** Another tag definition has this key (409). */
  TAG_KEY_TAKEN: "tag_key_taken",
  /** A `list` tag needs `allowed_values`; other tags take none (400). */
  TAG_ALLOWED_VALUES_INVALID: "tag_allowed_values_invalid",
  /** An allowed value being removed is still carried by customers (400). */
  TAG_ALLOWED_VALUE_IN_USE: "tag_allowed_value_in_use",
  /** The benefit's `customer_group_id` is not a customer group (400). */
  CUSTOMER_GROUP_NOT_FOUND: "customer_group_not_found",
  /** The value does not fit the tag's `value_mode` (a flag with a value, a missing value, one not allowed) (400). */
  TAG_VALUE_INVALID: "tag_value_invalid",
  /** `expires_at` is not a date or not in the future (400). */
  TAG_EXPIRY_INVALID: "tag_expiry_invalid",
  /** The customer already carries this tag: change its value instead (409). */
  TAG_ALREADY_ASSIGNED: "tag_already_assigned",
  /** No tag with that id on that customer (404). */
  CUSTOMER_TAG_NOT_FOUND: "customer_tag_not_found",
} as const
export type TagErrorCode = (typeof TagErrorCodes)[keyof typeof TagErrorCodes]

export type TagDefinition = {
  id: string
  key: string
  label: string
  description: string | null
  color: TagColor
  value_mode: TagValueMode
  /** The allowed values when value_mode is `list`. */
  allowed_values: string[] | null
  /** The benefit: a native customer group tagged customers are put into. */
  customer_group_id: string | null
  customer_group: { id: string; name: string } | null
  customer_count: number
  /** Orders of tagged customers that used a promotion of the benefit group. */
  benefit_order_count: number
  created_at: string
  updated_at: string
}

export type TagUsage = {
  customer_count: number
  benefit_order_count: number
  by_sales_channel: { sales_channel_id: string | null; name: string | null; order_count: number }[]
}

export type TagDefinitionListParams = {
  /** Searches key and label. */
  q?: string
  offset?: number
  limit?: number
  /** One of `TAG_DEFINITION_ORDER_FIELDS`, `-` first for descending; default `key`. */
  order?: string
}

export type TagDefinitionListResponse = {
  tags: TagDefinition[]
  count: number
  offset: number
  limit: number
}

/** A definition with its usage split by sales channel, as the single-definition routes answer it. */
export type TagDefinitionWithUsage = TagDefinition & { usage: TagUsage }

export type TagDefinitionResponse = { tag: TagDefinitionWithUsage }

export type TagDefinitionDeleteResponse = {
  id: string
  object: "customer_tag_definition"
  deleted: true
}

export type CreateTagDefinitionPayload = {
  key: string
  label: string
  description?: string | null
  color?: TagColor
  value_mode: TagValueMode
  allowed_values?: string[]
  customer_group_id?: string | null
}

export type UpdateTagDefinitionPayload = {
  label?: string
  description?: string | null
  color?: TagColor
  allowed_values?: string[]
  customer_group_id?: string | null
}

export type BulkTagCustomersPayload = {
  add?: string[]
  remove?: string[]
  value?: string | null
  expires_at?: string | null
}

export type BulkTagCustomersResponse = {
  tag: TagDefinitionWithUsage
  added: number
  removed: number
  /** Customers in `add` that already carried the tag. */
  skipped: number
}

export type CustomerTag = {
  id: string
  customer_id: string
  key: string
  value: string | null
  expires_at: string | null
  source: string
  assigned_by: string | null
  created_at: string
  definition: Pick<
    TagDefinition,
    "id" | "key" | "label" | "color" | "value_mode" | "allowed_values" | "customer_group_id"
  >
}

export type CustomerTagListResponse = { tags: CustomerTag[]; count: number }
export type CustomerTagResponse = { tag: CustomerTag }

export type CustomerTagDeleteResponse = {
  id: string
  object: "customer_tag"
  deleted: true
}

export type AssignCustomerTagPayload = {
  key: string
  value?: string | null
  /** ISO date-time; the tag is removed by a job when it passes. */
  expires_at?: string | null
}

export type UpdateCustomerTagPayload = {
  value?: string | null
  expires_at?: string | null
}
