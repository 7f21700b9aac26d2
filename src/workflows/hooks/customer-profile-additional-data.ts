import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomersWorkflow, updateCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { customerProfileFieldsSchema } from "../../lib/profile"
import { CUSTOMER_PROFILE_MODULE } from "../../modules/customer-profile"
import type CustomerProfileModuleService from "../../modules/customer-profile/service"
import { updateCustomerProfileWorkflow } from "../update-customer-profile"
import { recordRegistrationConsents, undoRegistrationConsents } from "../../lib/registration-consents"

const PROFILE_KEYS = Object.keys(customerProfileFieldsSchema.shape)

/** The profile fields in `additional_data`, or null when it carries none. */
function profileFields(additionalData: Record<string, unknown> | undefined) {
  if (!additionalData) {
    return null
  }
  const fields = Object.fromEntries(
    Object.entries(additionalData).filter(([key]) => PROFILE_KEYS.includes(key))
  )
  return Object.keys(fields).length ? fields : null
}

async function saveProfiles(
  container: MedusaContainer,
  customerIds: string[],
  fields: Record<string, unknown>
) {
  for (const customer_id of customerIds) {
    await updateCustomerProfileWorkflow(container).run({
      input: { ...fields, customer_id },
    })
  }
}

// POST /admin/customers with `additional_data: { birth_date, nationality, ... }` saves the profile
// in the same call. Compensation removes the profiles of customers whose creation is rolled back.
// A storefront registration (POST /store/customers) with `additional_data.consents` records the
// consents, checked before the customer was created (see `registrationConsentsContext`); the
// compensation removes them too. (Medusa allows one handler per hook: both live here.)
createCustomersWorkflow.hooks.customersCreated(
  async ({ customers, additional_data }, { container, eventGroupId }) => {
    const consents = await recordRegistrationConsents(container, customers, eventGroupId)
    const fields = profileFields(additional_data)
    if (!fields) {
      return new StepResponse(void 0, { customer_ids: [] as string[], consents })
    }
    const ids = customers.map((c) => c.id)
    await saveProfiles(container, ids, fields)
    return new StepResponse(void 0, { customer_ids: ids, consents })
  },
  async (undo, { container }) => {
    await undoRegistrationConsents(container, undo?.consents)
    const customerIds = undo?.customer_ids
    if (!customerIds?.length) {
      return
    }
    const service: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const [profiles, stores] = await Promise.all([
      service.listCustomerProfiles({ customer_id: customerIds }, { select: ["id"] }),
      service.listCustomerStores({ customer_id: customerIds }, { select: ["id"] }),
    ])
    await Promise.all([
      profiles.length ? service.deleteCustomerProfiles(profiles.map((p) => p.id)) : null,
      stores.length ? service.deleteCustomerStores(stores.map((s) => s.id)) : null,
    ])
  }
)

// POST /admin/customers/:id with profile fields in `additional_data` updates the profile too.
updateCustomersWorkflow.hooks.customersUpdated(async ({ customers, additional_data }, { container }) => {
  const fields = profileFields(additional_data)
  if (fields) {
    await saveProfiles(
      container,
      customers.map((c) => c.id),
      fields
    )
  }
})
