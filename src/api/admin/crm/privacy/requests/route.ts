import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatPrivacyRequest } from "../../../../../lib/privacy"
import { listPrivacyRequestLog } from "../../../../../lib/queries/privacy-requests"
import type { PrivacyRequestsResponse } from "../../../../../types/http/privacy"
import type { AdminListPrivacyRequestsType } from "./validators"

/**
 * The store-wide requests log: every export, anonymization and deletion, by staff, the customer
 * themselves, the retention policy or an API client, newest first, with whose it is (null once the
 * customer was deleted) and `overdue_count`, the pending requests past their one-month due date
 * (GDPR Art. 12(3)) store-wide. Filters: `status`, `kind`, `source`, `overdue`, `customer_id`.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListPrivacyRequestsType>,
  res: MedusaResponse<PrivacyRequestsResponse>
) => {
  const { limit, offset, ...filters } = req.validatedQuery
  const { rows, count, overdue_count } = await listPrivacyRequestLog(req.scope, { ...filters, limit, offset })
  res.json({
    requests: rows.map((row) => ({ ...formatPrivacyRequest(row), customer: row.customer })),
    count,
    offset,
    limit,
    overdue_count,
  })
}
