import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listDuplicateGroups } from "../../../../lib/queries/customer-search"
import { customerSummaries } from "../../../utils/identity"
import type { AdminListDuplicatesType } from "./middlewares"

/** Groups of customers with one e-mail (primary or alternate) or one phone number, largest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminListDuplicatesType
  const { groups, count } = await listDuplicateGroups(req.scope, limit, offset)
  const people = await customerSummaries(req.scope, [...new Set(groups.flatMap((g) => g.customer_ids))])
  res.json({
    groups: groups.map((g) => ({
      match: g.match,
      key: g.key,
      customers: g.customer_ids.map((id) => people.get(id)).filter(Boolean),
    })),
    count,
    offset,
    limit,
  })
}
