import { z } from "@medusajs/framework/zod"
import { PRIVACY_CODE_LENGTH } from "../../../../../types/http/privacy"

/** The longest password the route passes on to the auth module. */
const PASSWORD_MAX_LENGTH = 1024

/** `POST …/privacy/anonymize/code` takes no body (an empty object at most). */
export const StoreRequestAnonymizeCode = z.object({}).strict()
export type StoreRequestAnonymizeCodeType = z.infer<typeof StoreRequestAnonymizeCode>

/** `POST …/privacy/anonymize`: the password or the code, exactly one. */
export const StoreAnonymizeCustomer = z
  .object({
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional(),
    code: z
      .string()
      .trim()
      .regex(new RegExp(`^\\d{${PRIVACY_CODE_LENGTH}}$`), { message: "code must be the six digits from the e-mail" })
      .optional(),
  })
  .strict()
  .refine((body) => (body.password === undefined) !== (body.code === undefined), {
    message: "Send either password or code, not both and not neither",
  })
export type StoreAnonymizeCustomerType = z.infer<typeof StoreAnonymizeCustomer>
