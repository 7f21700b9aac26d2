import { z } from "@medusajs/framework/zod"
import {
  type AdminCreateSegment as AdminCreateSegmentPayload,
  type AdminUpdateSegment as AdminUpdateSegmentPayload,
  CUSTOMER_LIST_SORTABLE,
  SEGMENT_MANUAL_MEMBERS,
} from "../../../../types/http/customer-list"
import { CustomerListFilterSchema } from "../../../utils/customer-list-filter"
import { createListParams } from "../../../utils/validators"

export const SEGMENT_NAME_MAX_LENGTH = 120
export const SEGMENT_DESCRIPTION_MAX_LENGTH = 1000
export const SEGMENT_ORDER_FIELDS = ["name", "created_at", "updated_at"] as const

const name = z.string().trim().min(1).max(SEGMENT_NAME_MAX_LENGTH)
const description = z.string().trim().max(SEGMENT_DESCRIPTION_MAX_LENGTH).nullish()
const groupId = z.string().trim().min(1).max(100).nullish()
const oneGroup = {
  check: (b: { group_id?: string | null; create_group?: boolean }) => !(b.create_group && b.group_id),
  message: { message: "create_group: give either group_id (an existing group) or create_group, not both", path: ["create_group"] },
}

/** `POST /admin/crm/segments`. */
export const AdminCreateSegment = z
  .object({
    name,
    description,
    filter: CustomerListFilterSchema,
    group_id: groupId,
    create_group: z.boolean().optional(),
    manual_members: z.enum(SEGMENT_MANUAL_MEMBERS).optional(),
  })
  .strict()
  .refine(oneGroup.check, oneGroup.message) satisfies z.ZodType<AdminCreateSegmentPayload>
export type AdminCreateSegmentType = z.infer<typeof AdminCreateSegment>

/** `POST /admin/crm/segments/:id`: any of the fields; `group_id: null` stops syncing. */
export const AdminUpdateSegment = z
  .object({
    name: name.optional(),
    description,
    filter: CustomerListFilterSchema.optional(),
    group_id: groupId,
    create_group: z.boolean().optional(),
    manual_members: z.enum(SEGMENT_MANUAL_MEMBERS).optional(),
  })
  .strict()
  .refine(oneGroup.check, oneGroup.message)
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: "Give at least one of name, description, filter, group_id, create_group, manual_members",
  }) satisfies z.ZodType<AdminUpdateSegmentPayload>
export type AdminUpdateSegmentType = z.infer<typeof AdminUpdateSegment>

/** `GET /admin/crm/segments`: `q` searches the name. */
export const AdminSegmentsParams = createListParams({
  orderFields: SEGMENT_ORDER_FIELDS,
  defaultOrder: "name",
  defaultLimit: 20,
  extra: { q: z.string().trim().max(200).optional() },
})
export type AdminSegmentsParamsType = z.infer<typeof AdminSegmentsParams>

/** `GET /admin/crm/segments/:id/syncs`: newest first. */
export const AdminSegmentSyncsParams = createListParams({ defaultLimit: 20 })
export type AdminSegmentSyncsParamsType = z.infer<typeof AdminSegmentSyncsParams>

/** `GET /admin/crm/segments/:id/customers`: the members as the CRM list shows them. */
export const AdminSegmentCustomersParams = createListParams({
  orderFields: CUSTOMER_LIST_SORTABLE,
  defaultLimit: 20,
  maxLimit: 200,
})
export type AdminSegmentCustomersParamsType = z.infer<typeof AdminSegmentCustomersParams>
