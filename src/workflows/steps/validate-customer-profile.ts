import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { customerProfileFieldsSchema, type CustomerProfileFields } from "../../lib/profile"
import { CUSTOMER_PROFILE_MODULE } from "../../modules/customer-profile"
import type CustomerProfileModuleService from "../../modules/customer-profile/service"
import { crmError } from "../../lib/errors"
import { ProfileErrorCodes } from "../../types/http/profile"

export type ValidateCustomerProfileStepInput = {
  customer_id: string
  fields: Record<string, unknown>
}

export const validateCustomerProfileStepId = "validate-customer-profile"

/**
 * Checks profile fields the way the admin route does (a workflow can be run without it) and what
 * a schema cannot see: the stores exist (400) and no other customer has the customer number (409).
 * Returns the normalised fields.
 */
export const validateCustomerProfileStep = createStep(
  validateCustomerProfileStepId,
  async ({ customer_id, fields }: ValidateCustomerProfileStepInput, { container }) => {
    const parsed = customerProfileFieldsSchema.safeParse(fields)
    if (!parsed.success) {
      throw crmError(
        MedusaError.Types.INVALID_DATA, ProfileErrorCodes.INVALID_DATA,
        parsed.error.issues
          .map((issue) => `${issue.path.join(".") || "profile"}: ${issue.message}`)
          .join("; ")
      )
    }
    const data: CustomerProfileFields = parsed.data

    if (data.sales_channel_ids?.length) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: channels } = await query.graph({
        entity: "sales_channel",
        fields: ["id"],
        filters: { id: data.sales_channel_ids },
      })
      const known = new Set(channels.map((c) => c.id))
      const unknown = data.sales_channel_ids.filter((id) => !known.has(id))
      if (unknown.length) {
        throw crmError(
          MedusaError.Types.INVALID_DATA, ProfileErrorCodes.SALES_CHANNEL_NOT_FOUND,
          `Sales channels do not exist: ${unknown.join(", ")}`
        )
      }
    }

    if (data.external_id) {
      const service: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
      const [other] = await service.listCustomerProfiles(
        { external_id: data.external_id },
        { select: ["id", "customer_id"] }
      )
      if (other && other.customer_id !== customer_id) {
        throw crmError(
          MedusaError.Types.CONFLICT, ProfileErrorCodes.CUSTOMER_NUMBER_TAKEN,
          `Customer number ${data.external_id} already belongs to another customer`
        )
      }
    }
    return new StepResponse(data)
  }
)
