import { z } from "@medusajs/framework/zod"
import {
  type AdminBulkCustomerTags,
  CUSTOMER_LIST_MAX_IDS,
} from "../../../../../types/http/customer-list"
import { tagKey, tagValue } from "../../../customers/[id]/tags/validators"

export type AdminBulkCustomerTagsType = z.infer<typeof AdminBulkCustomerTagsBody>

/**
 * `POST /admin/crm/customers/tags`: the selection (1 to 1000 distinct ids) and the tag to add
 * (`key`, a `value` when the tag takes one) and/or the tag key to remove; not the same key twice.
 */
export const AdminBulkCustomerTagsBody = z
  .object({
    customer_ids: z
      .array(z.string().trim().min(1).max(100))
      .min(1)
      .max(CUSTOMER_LIST_MAX_IDS)
      .transform((ids) => [...new Set(ids)]),
    add: z.object({ key: tagKey, value: tagValue }).strict().optional(),
    remove: z.object({ key: tagKey }).strict().optional(),
  })
  .strict()
  .refine((body) => !!body.add || !!body.remove, {
    message: "Provide add (a tag to add) or remove (a tag to remove)",
    path: ["add"],
  })
  .refine((body) => !body.add || !body.remove || body.add.key !== body.remove.key, {
    message: "add and remove name the same tag",
    path: ["remove", "key"],
  }) satisfies z.ZodType<AdminBulkCustomerTags>
