import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ALL_STATUSES, formatInboxRows, listInboxRows, type InboxSection } from "../../../../../lib/messages/inbox"
import { assertCustomerExists } from "../../../../utils/customers"
import type { AdminCustomerInboxParamsType } from "./validators"

/** A page of the customer's messages or offers with every status (or those asked); 404 `customer_not_found`. */
export async function listCustomerInbox(
  req: AuthenticatedMedusaRequest<unknown, AdminCustomerInboxParamsType>,
  section: InboxSection
) {
  const customerId = req.params.id
  await assertCustomerExists(req.scope, customerId)
  const { limit, offset, status } = req.validatedQuery
  const { rows, count } = await listInboxRows(
    req.scope,
    { customer_id: customerId, section, statuses: status?.length ? status : ALL_STATUSES },
    { limit, offset }
  )
  return { entries: await formatInboxRows(req.scope, rows), count, offset, limit }
}
