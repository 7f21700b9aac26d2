import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_PROFILE_MODULE } from "../../modules/customer-profile"
import type CustomerProfileModuleService from "../../modules/customer-profile/service"
import type { CustomerGender } from "../../modules/customer-profile"

export type CustomerProfileData = {
  birth_date?: string | null
  gender?: CustomerGender | null
  nationality?: string | null
  anniversary?: string | null
  external_id?: string | null
  gate_code?: string | null
  photo_file_id?: string | null
  photo_url?: string | null
}

export type UpsertCustomerProfileStepInput = {
  customer_id: string
  data: CustomerProfileData
}

export type UpsertCustomerProfileStepOutput = {
  id: string
  /** The fields whose value changed. */
  changed: string[]
  /** The photo file the profile pointed at before, if the photo changed. */
  previous_photo_file_id: string | null
}

export const upsertCustomerProfileStepId = "upsert-customer-profile"

/**
 * Creates the customer's profile or updates the given fields of it. Compensation deletes a profile
 * it created, or puts the old values back.
 */
export const upsertCustomerProfileStep = createStep(
  upsertCustomerProfileStepId,
  async ({ customer_id, data }: UpsertCustomerProfileStepInput, { container }) => {
    const service: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const [existing] = await service.listCustomerProfiles({ customer_id })
    const fields = Object.keys(data).filter(
      (key) => data[key as keyof CustomerProfileData] !== undefined
    ) as (keyof CustomerProfileData)[]

    if (!existing) {
      const values = Object.fromEntries(fields.map((f) => [f, data[f] ?? null]))
      const created = await service.createCustomerProfiles({ customer_id, ...values })
      return new StepResponse<UpsertCustomerProfileStepOutput, { created?: string; previous?: Record<string, unknown> }>(
        {
          id: created.id,
          changed: fields.filter((f) => values[f] !== null),
          previous_photo_file_id: null,
        },
        { created: created.id }
      )
    }

    const changed = fields.filter(
      (f) => (existing[f] ?? null) !== (data[f] ?? null)
    )
    if (!changed.length) {
      return new StepResponse<UpsertCustomerProfileStepOutput, { created?: string; previous?: Record<string, unknown> }>(
        { id: existing.id, changed: [], previous_photo_file_id: null },
        {}
      )
    }
    const previous = Object.fromEntries(changed.map((f) => [f, existing[f] ?? null]))
    await service.updateCustomerProfiles({
      id: existing.id,
      ...Object.fromEntries(changed.map((f) => [f, data[f] ?? null])),
    })
    return new StepResponse<UpsertCustomerProfileStepOutput, { created?: string; previous?: Record<string, unknown> }>(
      {
        id: existing.id,
        changed,
        previous_photo_file_id: changed.includes("photo_file_id")
          ? existing.photo_file_id ?? null
          : null,
      },
      { previous: { id: existing.id, ...previous } }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    if (undo.created) {
      await service.deleteCustomerProfiles(undo.created)
    }
    if (undo.previous) {
      await service.updateCustomerProfiles(undo.previous as { id: string })
    }
  }
)
