import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { crmError } from "../../lib/errors"

/** 404 unless the customer exists. */
export async function assertCustomerExists(scope: MedusaContainer, customerId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id"],
    filters: { id: customerId },
  })
  if (!data.length) {
    throw crmError(
      MedusaError.Types.NOT_FOUND,
      "customer_not_found",
      `Customer with id: ${customerId} was not found`
    )
  }
}

/** Only admin users are recorded as the person who made a change, not API keys. */
export const actorUserId = (auth: { actor_type: string; actor_id: string }) =>
  auth.actor_type === "user" ? auth.actor_id : null
