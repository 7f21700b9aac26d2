import { z } from "@medusajs/framework/zod"
import { booleanString } from "@medusajs/medusa/api/utils/common-validators/common"
import { NOTE_BODY_MAX_LENGTH } from "../../../../../lib/constants"
import {
  CUSTOMER_NOTE_KINDS,
  type CustomerNoteKind,
} from "../../../../../modules/customer-note"
import { createListParams, fieldsParam } from "../../../../utils/validators"
import { defaultAdminCustomerNoteFields } from "./query-config"

const noteBody = z
  .string()
  .trim()
  .min(1)
  .max(NOTE_BODY_MAX_LENGTH)

const pinned = z.boolean()

export type AdminCustomerNoteParamsType = z.infer<typeof AdminCustomerNoteParams>
export const AdminCustomerNoteParams = z
  .object({ fields: fieldsParam(defaultAdminCustomerNoteFields).optional() })
  .strict()

/** Notes order by these fields (`-` first for descending); newest first when none is asked. */
export const CUSTOMER_NOTE_ORDER_FIELDS = ["created_at", "updated_at", "pinned"] as const

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
        z.array(z.string()).refine(
          (kinds) => kinds.every((k) => (CUSTOMER_NOTE_KINDS as readonly string[]).includes(k)),
          { message: `kind must be one of: ${CUSTOMER_NOTE_KINDS.join(", ")}` }
        )
      )
      .transform((kinds) => kinds as CustomerNoteKind[])
      .optional(),
    pinned: booleanString().optional(),
  },
})

export type AdminCreateCustomerNoteType = z.infer<typeof AdminCreateCustomerNote>
export const AdminCreateCustomerNote = z
  .object({
    body: noteBody,
    pinned: pinned.optional(),
  })
  .strict()

export type AdminUpdateCustomerNoteType = z.infer<typeof AdminUpdateCustomerNote>
export const AdminUpdateCustomerNote = z
  .object({
    body: noteBody.optional(),
    pinned: pinned.optional(),
  })
  .strict()
  .refine((data) => data.body !== undefined || data.pinned !== undefined, {
    message: "Provide body or pinned",
  })

export type AdminEmailCustomerNoteType = z.infer<typeof AdminEmailCustomerNote>
export const AdminEmailCustomerNote = z
  .object({
    to: z.string().trim().email({ message: "to must be an e-mail address" }).optional(),
    subject: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
