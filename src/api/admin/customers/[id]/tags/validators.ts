import { z } from "@medusajs/framework/zod"
import {
  type AssignCustomerTagPayload,
  TAG_KEY_PATTERN,
  TAG_VALUE_MAX_LENGTH,
  type UpdateCustomerTagPayload,
} from "../../../../../types/http/tags"

export const tagKey = z
  .string()
  .trim()
  .regex(TAG_KEY_PATTERN, {
    message: "key must be 1 to 64 letters, digits, '_', '-' or '.'",
  })

export const tagValue = z.string().trim().max(TAG_VALUE_MAX_LENGTH).nullish()

export const tagExpiry = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: "expires_at must be a date (YYYY-MM-DD) or an ISO 8601 date-time",
  })
  .nullish()

export type AdminAssignCustomerTagType = z.infer<typeof AdminAssignCustomerTag>
export const AdminAssignCustomerTag = z
  .object({
    key: tagKey,
    value: tagValue,
    expires_at: tagExpiry,
  })
  .strict() satisfies z.ZodType<AssignCustomerTagPayload>

export type AdminUpdateCustomerTagType = z.infer<typeof AdminUpdateCustomerTag>
export const AdminUpdateCustomerTag = z
  .object({
    value: tagValue,
    expires_at: tagExpiry,
  })
  .strict()
  .refine((data) => data.value !== undefined || data.expires_at !== undefined, {
    message: "Provide value or expires_at",
  }) satisfies z.ZodType<UpdateCustomerTagPayload>
