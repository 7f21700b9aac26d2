import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { CustomerTag } from "../../../../../types/http/tags"
import { crmError } from "../../../../../lib/errors"
import { TagErrorCodes } from "../../../../../types/http/tags"
import { asHttp } from "../../../../utils/query-rows"

export const CUSTOMER_TAG_FIELDS = [
  "id",
  "customer_id",
  "value",
  "expires_at",
  "source",
  "assigned_by",
  "created_at",
  "definition.id",
  "definition.key",
  "definition.label",
  "definition.color",
  "definition.value_mode",
  "definition.allowed_values",
  "definition.customer_group_id",
]

/** A customer's tag as the API returns it: the definition's key repeated at the top. */
export const formatCustomerTag = (tag: Omit<CustomerTag, "key">): CustomerTag => ({ ...tag, key: tag.definition.key })

/** The customer's tags, oldest first (the order they were given). */
export async function listCustomerTags(scope: MedusaContainer, customerId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer_tag",
    fields: CUSTOMER_TAG_FIELDS,
    filters: { customer_id: customerId },
    pagination: { order: { created_at: "ASC" } },
  })
  return data.map((tag) => formatCustomerTag(asHttp<Omit<CustomerTag, "key">>(tag)))
}

/** One tag of the customer, or a 404 when it is not theirs. */
export async function refetchCustomerTag(scope: MedusaContainer, customerId: string, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [tag],
  } = await query.graph({
    entity: "customer_tag",
    fields: CUSTOMER_TAG_FIELDS,
    filters: { id, customer_id: customerId },
  })
  if (!tag) {
    throw crmError(
      MedusaError.Types.NOT_FOUND, TagErrorCodes.CUSTOMER_TAG_NOT_FOUND,
      `Tag with id: ${id} was not found on customer ${customerId}`
    )
  }
  return formatCustomerTag(asHttp<Omit<CustomerTag, "key">>(tag))
}
