import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { TAG_COLORS, TAG_VALUE_MODES } from "../../../../modules/customer-tag"
import { tagExpiry, tagKey, tagValue } from "../../customers/[id]/tags/validators"

const label = z.string().trim().min(1).max(100)
const description = z.string().trim().max(1000).nullish()
const allowedValues = z.array(z.string().trim().min(1).max(255)).max(200)
const customerGroupId = z.string().min(1).nullish()

export type AdminTagDefinitionsParamsType = z.infer<typeof AdminTagDefinitionsParams>
export const AdminTagDefinitionsParams = createFindParams({
  offset: 0,
  limit: 50,
  order: "key",
}).merge(z.object({ q: z.string().optional() }).strict())

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
