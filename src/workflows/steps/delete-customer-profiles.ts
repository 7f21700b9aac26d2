import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_PROFILE_MODULE } from "../../modules/customer-profile"
import type CustomerProfileModuleService from "../../modules/customer-profile/service"

export const deleteCustomerProfilesStepId = "delete-customer-profiles"

/**
 * Deletes the profiles and store assignments of customers for good. Returns the photo files to
 * delete. Compensation re-creates the rows.
 */
export const deleteCustomerProfilesStep = createStep(
  deleteCustomerProfilesStepId,
  async (customerIds: string[], { container }) => {
    if (!customerIds.length) {
      return new StepResponse({ photo_file_ids: [] as string[] }, null)
    }
    const service: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const [profiles, stores] = await Promise.all([
      service.listCustomerProfiles({ customer_id: customerIds }),
      service.listCustomerStores({ customer_id: customerIds }),
    ])
    if (profiles.length) {
      await service.deleteCustomerProfiles(profiles.map((p) => p.id))
    }
    if (stores.length) {
      await service.deleteCustomerStores(stores.map((s) => s.id))
    }
    return new StepResponse(
      {
        photo_file_ids: profiles
          .map((p) => p.photo_file_id)
          .filter((id): id is string => !!id),
      },
      { profiles, stores }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    if (undo.profiles.length) {
      await service.createCustomerProfiles(
        undo.profiles.map(({ created_at: _c, updated_at: _u, deleted_at: _d, ...p }) => p)
      )
    }
    if (undo.stores.length) {
      await service.createCustomerStores(
        undo.stores.map(({ created_at: _c, updated_at: _u, deleted_at: _d, ...s }) => s)
      )
    }
  }
)
