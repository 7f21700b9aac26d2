import { z } from "@medusajs/framework/zod"
import { booleanString } from "@medusajs/medusa/api/utils/common-validators/common"
import {
  CUSTOMER_NOTE_KINDS,
  CUSTOMER_NOTE_ORDER_FIELDS,
  type CreateCustomerNotePayload,
  type CustomerNoteEmailPayload,
  type CustomerNoteKind,
  type CustomerNoteListParams,
  type CustomerNoteParams,
  NOTE_BODY_MAX_LENGTH,
  NOTE_EMAIL_SUBJECT_MAX_LENGTH,
  type UpdateCustomerNotePayload,
} from "../../../../../types/http/notes"
import { createListParams, fieldsParam, type ListParams } from "../../../../utils/validators"
import { defaultAdminCustomerNoteFields } from "./query-config"

export { CUSTOMER_NOTE_ORDER_FIELDS }

const noteBody = z.string().trim().min(1).max(NOTE_BODY_MAX_LENGTH)

const pinned = z.boolean()

const isNoteKind = (kind: string): kind is CustomerNoteKind =>
  (CUSTOMER_NOTE_KINDS as readonly string[]).includes(kind)

export type AdminCustomerNoteParamsType = z.infer<typeof AdminCustomerNoteParams>
export const AdminCustomerNoteParams = z
  .object({ fields: fieldsParam(defaultAdminCustomerNoteFields).optional() })
  .strict() satisfies z.ZodType<CustomerNoteParams>

export type AdminCustomerNotesParamsType = z.infer<typeof AdminCustomerNotesParams>
export const AdminCustomerNotesParams = createListParams({
  orderFields: CUSTOMER_NOTE_ORDER_FIELDS,
  defaultOrder: "-created_at",
  defaultLimit: 20,
  selectFields: defaultAdminCustomerNoteFields,
  extra: {
    q: z.string().optional(),
    // `?kind=system`, `?kind=manual,system` or `?kind[]=manual&kind[]=system`
    kind: z
      .preprocess(
        (value) => (typeof value === "string" ? value.split(",") : value),
        z.array(z.string()).refine((kinds) => kinds.every(isNoteKind), {
          message: `kind must be one of: ${CUSTOMER_NOTE_KINDS.join(", ")}`,
        })
      )
      // Every kind passed the check above: this only narrows the type.
      .transform((kinds) => kinds.filter(isNoteKind))
      .optional(),
    pinned: booleanString().optional(),
  },
}) satisfies z.ZodType<ListParams<CustomerNoteListParams>>

export type AdminCreateCustomerNoteType = z.infer<typeof AdminCreateCustomerNote>
export const AdminCreateCustomerNote = z
  .object({
    body: noteBody,
    pinned: pinned.optional(),
  })
  .strict() satisfies z.ZodType<CreateCustomerNotePayload>

export type AdminUpdateCustomerNoteType = z.infer<typeof AdminUpdateCustomerNote>
export const AdminUpdateCustomerNote = z
  .object({
    body: noteBody.optional(),
    pinned: pinned.optional(),
  })
  .strict()
  .refine((data) => data.body !== undefined || data.pinned !== undefined, {
    message: "Provide body or pinned",
  }) satisfies z.ZodType<UpdateCustomerNotePayload>

export type AdminEmailCustomerNoteType = z.infer<typeof AdminEmailCustomerNote>
export const AdminEmailCustomerNote = z
  .object({
    to: z.string().trim().email({ message: "to must be an e-mail address" }).optional(),
    subject: z.string().trim().min(1).max(NOTE_EMAIL_SUBJECT_MAX_LENGTH).optional(),
  })
  .strict() satisfies z.ZodType<CustomerNoteEmailPayload>
