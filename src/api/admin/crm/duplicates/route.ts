import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listDuplicateGroups } from "../../../../lib/queries/customer-search"
import type {
  CustomerSummary,
  DuplicateGroupListParams,
  DuplicateGroupListResponse,
} from "../../../../types/http/identity"
import { customerSummaries } from "../../../utils/identity"

/** Groups of customers with one e-mail (primary or alternate) or one phone number, largest first. */
export const GET = async (
  // `limit` and `offset` always have a value once validated (defaults 20 and 0).
  req: AuthenticatedMedusaRequest<unknown, Required<DuplicateGroupListParams>>,
  res: MedusaResponse<DuplicateGroupListResponse>
) => {
  const { limit, offset } = req.validatedQuery
  const { groups, count } = await listDuplicateGroups(req.scope, limit, offset)
  const people = await customerSummaries(req.scope, [...new Set(groups.flatMap((g) => g.customer_ids))])
  res.json({
    groups: groups.map((g) => ({
      match: g.match,
      key: g.key,
      customers: g.customer_ids.map((id) => people.get(id)).filter((c): c is CustomerSummary => !!c),
    })),
    count,
    offset,
    limit,
  })
}
