import { z } from "@medusajs/framework/zod"
import { customerProfileFieldsSchema } from "../../../../../lib/profile"
import {
  PHOTO_MAX_BYTES,
  PHOTO_MIME_TYPES,
  type UploadCustomerPhotoPayload,
} from "../../../../../types/http/profile"

export type AdminUpdateCustomerProfileType = z.infer<typeof AdminUpdateCustomerProfile>
export const AdminUpdateCustomerProfile = customerProfileFieldsSchema

// base64 grows 4/3: the decoded limit is checked again by the workflow, on the bytes.
const MAX_BASE64_LENGTH = Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 4

export type AdminUploadCustomerPhotoType = z.infer<typeof AdminUploadCustomerPhoto>
export const AdminUploadCustomerPhoto = z
  .object({
    /** The uploaded file's name, for clients that send it: the stored name is generated. */
    filename: z.string().trim().min(1).max(255).optional(),
    mime_type: z.enum(PHOTO_MIME_TYPES),
    content: z
      .string()
      .min(1)
      .refine((value) => value.length <= MAX_BASE64_LENGTH, {
        message: `The photo is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB`,
      })
      .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value), {
        message: "content must be the image encoded as base64, without a data: prefix",
      }),
  })
  .strict() satisfies z.ZodType<UploadCustomerPhotoPayload>
