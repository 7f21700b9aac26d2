
export type TagColor = "grey" | "red" | "green" | "blue" | "orange" | "purple"
export type TagValueMode = "flag" | "text" | "list"

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
  q?: string
  offset?: number
  limit?: number
  order?: string
}

export type TagDefinitionListResponse = {
  tags: TagDefinition[]
  count: number
  offset: number
  limit: number
}

export type TagDefinitionResponse = { tag: TagDefinition & { usage: TagUsage } }

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
  tag: TagDefinition
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
