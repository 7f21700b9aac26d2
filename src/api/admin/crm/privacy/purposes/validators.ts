import { z } from "@medusajs/framework/zod"
import type { CreateConsentPurposePayload, UpdateConsentPurposePayload } from "../../../../../types/http/privacy"
import { createListParams, NoQueryParams } from "../../../../utils/validators"

/** The longest handle, name, description and text of a purpose. */
export const PURPOSE_HANDLE_MAX = 64
export const PURPOSE_NAME_MAX = 200
export const PURPOSE_DESCRIPTION_MAX = 2000
export const PURPOSE_TEXT_MAX = 20000
export const PURPOSE_RANK_MAX = 100000

export const PURPOSE_ORDER_FIELDS = ["rank", "name", "handle", "created_at", "updated_at"] as const

const name = z
  .string({ error: "name is required: what the purpose is called, e.g. E-mail marketing" })
  .trim()
  .min(1, { message: "name must not be empty" })
  .max(PURPOSE_NAME_MAX, { message: `name must be at most ${PURPOSE_NAME_MAX} characters` })
const description = z
  .string()
  .trim()
  .max(PURPOSE_DESCRIPTION_MAX, { message: `description must be at most ${PURPOSE_DESCRIPTION_MAX} characters` })
  .nullish()
  .transform((value) => (value ? value : value === undefined ? undefined : null))
const text = z
  .string({ error: "text is required: the text the customer agrees to" })
  .trim()
  .min(1, { message: "text must not be empty" })
  .max(PURPOSE_TEXT_MAX, { message: `text must be at most ${PURPOSE_TEXT_MAX} characters` })
const rank = z
  .number()
  .int({ message: "rank must be a whole number" })
  .min(0, { message: "rank must be 0 or more" })
  .max(PURPOSE_RANK_MAX, { message: `rank must be at most ${PURPOSE_RANK_MAX}` })

export const AdminConsentPurposesParams = createListParams({
  orderFields: PURPOSE_ORDER_FIELDS,
  defaultOrder: "rank",
  extra: {
    /** `true`: archived only; `false`: live only; left out: both. */
    archived: z.enum(["true", "false"], { error: "archived must be true or false" }).optional(),
    q: z.string().trim().max(200, { message: "q must be at most 200 characters" }).optional(),
  },
})
export type AdminConsentPurposesParamsType = z.infer<typeof AdminConsentPurposesParams>

export const AdminConsentPurposeParams = NoQueryParams

export const AdminCreateConsentPurpose = z
  .object({
    handle: z
      .string({ error: "handle is required: a stable name for storefronts, e.g. email_marketing" })
      .trim()
      .min(1, { message: "handle must not be empty" })
      .max(PURPOSE_HANDLE_MAX, { message: `handle must be at most ${PURPOSE_HANDLE_MAX} characters` })
      .regex(/^[a-z0-9][a-z0-9_-]*$/, {
        message: "handle may hold lower-case letters, digits, _ and - only, and must start with a letter or digit",
      }),
    name,
    description,
    text,
    rank: rank.optional(),
  })
  .strict() satisfies z.ZodType<CreateConsentPurposePayload>
export type AdminCreateConsentPurposeType = z.infer<typeof AdminCreateConsentPurpose>

export const AdminUpdateConsentPurpose = z
  .object({
    name: name.optional(),
    description,
    text: text.optional(),
    rank: rank.optional(),
    archived: z.boolean({ error: "archived must be true or false" }).optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((value) => value !== undefined), {
    message: "Provide at least one of name, description, text, rank or archived",
  }) satisfies z.ZodType<UpdateConsentPurposePayload>
export type AdminUpdateConsentPurposeType = z.infer<typeof AdminUpdateConsentPurpose>
