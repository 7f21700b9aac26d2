import { z } from "@medusajs/framework/zod"
import { INBOX_ENTRY_STATUSES, type InboxEntryStatus } from "../../../../../types/http/messages"
import { createListParams } from "../../../../utils/validators"

const isStatus = (value: string): value is InboxEntryStatus =>
  (INBOX_ENTRY_STATUSES as readonly string[]).includes(value)

/**
 * One page of a customer's messages or offers, newest first, every status unless `status` narrows
 * it (`?status=new,read` or `?status[]=new`).
 */
export const AdminCustomerInboxParams = createListParams({
  defaultLimit: 20,
  maxLimit: 100,
  extra: {
    status: z
      .preprocess(
        (value) => (typeof value === "string" ? value.split(",") : value),
        z.array(z.string()).min(1).refine((values) => values.every(isStatus), {
          message: `status must be one of: ${INBOX_ENTRY_STATUSES.join(", ")}`,
        })
      )
      .transform((values) => values.filter(isStatus))
      .optional(),
  },
})
export type AdminCustomerInboxParamsType = z.infer<typeof AdminCustomerInboxParams>

/** Removing an offer takes no input. */
export const AdminRemoveCustomerOfferBody = z.object({}).strict()
export type AdminRemoveCustomerOfferBodyType = z.infer<typeof AdminRemoveCustomerOfferBody>
