import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type {
  CustomerMembershipListResponse,
  CustomerMembershipResponse,
} from "../../../../../types/http/memberships"
import { assignMembershipWorkflow } from "../../../../../workflows/membership-actions"
import { assertCustomerExists } from "../../../../utils/customers"
import { getCustomerMembership, listCustomerMemberships } from "../../../../utils/memberships"
import { adminActor, runMembershipAction } from "./helpers"
import type { AdminAssignMembershipType, AdminGetCustomerMembershipsParamsType } from "./validators"

/** The customer's memberships, held and shared with them; `status` filters. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerMembershipsParamsType>,
  res: MedusaResponse<CustomerMembershipListResponse>
) => {
  await assertCustomerExists(req.scope, req.params.id)
  const { status, limit, offset } = req.validatedQuery
  const memberships = await listCustomerMemberships(req.scope, req.params.id, status)
  res.json({ memberships: memberships.slice(offset, offset + limit), count: memberships.length, offset, limit })
}

/** Assigns a membership of a plan to the customer. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminAssignMembershipType>,
  res: MedusaResponse<CustomerMembershipResponse>
) => {
  const id = await runMembershipAction(req.scope, assignMembershipWorkflow, {
    ...req.validatedBody,
    customer_id: req.params.id,
    actor: adminActor(req),
  })
  res.status(201).json({ membership: await getCustomerMembership(req.scope, req.params.id, id) })
}
