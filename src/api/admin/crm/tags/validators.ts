import { z } from "@medusajs/framework/zod"
import { TAG_COLORS, TAG_VALUE_MODES } from "../../../../modules/customer-tag"
import { tagExpiry, tagKey, tagValue } from "../../customers/[id]/tags/validators"
import { createListParams } from "../../../utils/validators"

const label = z.string().trim().min(1).max(100)
const description = z.string().trim().max(1000).nullish()
const allowedValues = z.array(z.string().trim().min(1).max(255)).max(200)
const customerGroupId = z.string().min(1).nullish()

export type AdminTagDefinitionsParamsType = z.infer<typeof AdminTagDefinitionsParams>
/** Tag definitions order by these fields (`-` first for descending); by key when none is asked. */
export const TAG_DEFINITION_ORDER_FIELDS = ["key", "label", "created_at", "updated_at"] as const
export const AdminTagDefinitionsParams = createListParams({
  orderFields: TAG_DEFINITION_ORDER_FIELDS,
  defaultOrder: "key",
  defaultLimit: 50,
  extra: { q: z.string().trim().max(200).optional() },
})

export type AdminCreateTagDefinitionType = z.infer<typeof AdminCreateTagDefinition>
export const AdminCreateTagDefinition = z
  .object({
    key: tagKey,
    label,
    description,
    color: z.enum(TAG_COLORS).optional(),
    value_mode: z.enum(TAG_VALUE_MODES),
    allowed_values: allowedValues.optional(),
    customer_group_id: customerGroupId,
  })
  .strict()

export type AdminUpdateTagDefinitionType = z.infer<typeof AdminUpdateTagDefinition>
export const AdminUpdateTagDefinition = z
  .object({
    label: label.optional(),
    description,
    color: z.enum(TAG_COLORS).optional(),
    allowed_values: allowedValues.optional(),
    customer_group_id: customerGroupId,
  })
  .strict()

/** At most this many customers per bulk request. */
export const BULK_TAG_MAX = 1000

export type AdminBulkTagCustomersType = z.infer<typeof AdminBulkTagCustomers>
export const AdminBulkTagCustomers = z
  .object({
    add: z.array(z.string().min(1)).max(BULK_TAG_MAX).optional(),
    remove: z.array(z.string().min(1)).max(BULK_TAG_MAX).optional(),
    value: tagValue,
    expires_at: tagExpiry,
  })
  .strict()
  .refine((data) => (data.add?.length ?? 0) + (data.remove?.length ?? 0) > 0, {
    message: "Provide customer ids in add or remove",
  })
