import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { crmError } from "./errors"

/** 404 (`customer_not_found`) unless the customer exists. Routes and workflow steps share it. */
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
