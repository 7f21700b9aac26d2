import { z } from "@medusajs/framework/zod"
import {
  BULK_TAG_MAX,
  type BulkTagCustomersPayload,
  type CreateTagDefinitionPayload,
  TAG_ALLOWED_VALUES_MAX,
  TAG_COLORS,
  TAG_DEFINITION_ORDER_FIELDS,
  TAG_DESCRIPTION_MAX_LENGTH,
  TAG_LABEL_MAX_LENGTH,
  TAG_VALUE_MAX_LENGTH,
  TAG_VALUE_MODES,
  type TagDefinitionListParams,
  type UpdateTagDefinitionPayload,
} from "../../../../types/http/tags"
import { tagExpiry, tagKey, tagValue } from "../../customers/[id]/tags/validators"
import { createListParams, type ListParams } from "../../../utils/validators"

export { BULK_TAG_MAX, TAG_DEFINITION_ORDER_FIELDS }

const label = z.string().trim().min(1).max(TAG_LABEL_MAX_LENGTH)
const description = z.string().trim().max(TAG_DESCRIPTION_MAX_LENGTH).nullish()
const allowedValues = z.array(z.string().trim().min(1).max(TAG_VALUE_MAX_LENGTH)).max(TAG_ALLOWED_VALUES_MAX)
const customerGroupId = z.string().min(1).nullish()

export type AdminTagDefinitionsParamsType = z.infer<typeof AdminTagDefinitionsParams>
export const AdminTagDefinitionsParams = createListParams({
  orderFields: TAG_DEFINITION_ORDER_FIELDS,
  defaultOrder: "key",
  defaultLimit: 50,
  extra: { q: z.string().trim().max(200).optional() },
}) satisfies z.ZodType<ListParams<TagDefinitionListParams>>

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
  .strict() satisfies z.ZodType<CreateTagDefinitionPayload>

export type AdminUpdateTagDefinitionType = z.infer<typeof AdminUpdateTagDefinition>
export const AdminUpdateTagDefinition = z
  .object({
    label: label.optional(),
    description,
    color: z.enum(TAG_COLORS).optional(),
    allowed_values: allowedValues.optional(),
    customer_group_id: customerGroupId,
  })
  .strict() satisfies z.ZodType<UpdateTagDefinitionPayload>

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
  }) satisfies z.ZodType<BulkTagCustomersPayload>
