import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MembershipStatus } from "../../../../../modules/membership"
import { assignMembershipWorkflow } from "../../../../../workflows/membership-actions"
import { listCustomerMemberships, type MembershipStatusParamsType } from "../../../../utils/memberships"
import { assertCustomerExists } from "../../../../utils/customers"
import { adminActor, runMembershipAction } from "./helpers"
import type { AdminAssignMembershipType } from "./validators"

/** The customer's memberships, held and shared with them; `status` filters. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertCustomerExists(req.scope, req.params.id)
  const { status } = req.validatedQuery as MembershipStatusParamsType
  const memberships = await listCustomerMemberships(req.scope, req.params.id, status?.split(",") as MembershipStatus[] | undefined)
  res.json({ memberships, count: memberships.length })
}

/** Assigns a membership of a plan to the customer. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminAssignMembershipType>,
  res: MedusaResponse
) => {
  await runMembershipAction(
    req,
    res,
    assignMembershipWorkflow,
    { ...req.validatedBody, customer_id: req.params.id, actor: adminActor(req) },
    req.params.id,
    201
  )
}
