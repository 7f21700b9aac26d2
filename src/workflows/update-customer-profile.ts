import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import { PROFILE_COLUMNS, PROFILE_FIELD_LABELS } from "../lib/profile"
import type { CustomerGender } from "../modules/customer-profile"
import {
  assertCustomerExistsStep,
  type CustomerProfileData,
  recordSystemNotesStep,
  setCustomerStoresStep,
  upsertCustomerProfileStep,
  validateCustomerProfileStep,
} from "./steps"
import { noteEvent } from "../lib/system-notes"

/** The fields to change; leave a field out to keep it, null clears it. */
export type UpdateCustomerProfileWorkflowInput = {
  customer_id: string
  birth_date?: string | null
  gender?: CustomerGender | null
  /** ISO 3166-1 alpha-2 */
  nationality?: string | null
  anniversary?: string | null
  external_id?: string | null
  gate_code?: string | null
  /** Replaces the stores (sales channels) the customer is assigned to. */
  sales_channel_ids?: string[]
  /** The admin user who made the change, for the timeline. */
  actor_id?: string | null
}

export const updateCustomerProfileWorkflowId = "update-customer-profile"

/**
 * Saves a customer's extended profile (creating it on first use) and writes a system note naming
 * the fields that changed. 404 for an unknown customer, 400 for invalid fields, 409 for a customer
 * number that another customer has.
 *
 * @example
 * await updateCustomerProfileWorkflow(container).run({
 *   input: { customer_id: "cus_123", birth_date: "1990-05-17", nationality: "NL" },
 * })
 */
export const updateCustomerProfileWorkflow = createWorkflow(
  updateCustomerProfileWorkflowId,
  (input: WorkflowData<UpdateCustomerProfileWorkflowInput>) => {
    assertCustomerExistsStep(input.customer_id)

    const fields = transform({ input }, ({ input }) => {
      const { customer_id: _c, actor_id: _a, ...rest } = input
      return rest as Record<string, unknown>
    })
    const valid = validateCustomerProfileStep({ customer_id: input.customer_id, fields })

    const columns = transform(
      { valid },
      ({ valid }): CustomerProfileData =>
        Object.fromEntries(
          PROFILE_COLUMNS.filter((c) => valid[c] !== undefined).map((c) => [c, valid[c]])
        )
    )
    const profile = upsertCustomerProfileStep({ customer_id: input.customer_id, data: columns })

    const stores = when({ valid }, ({ valid }) => valid.sales_channel_ids !== undefined).then(
      () =>
        setCustomerStoresStep(
          transform({ valid, input }, ({ valid, input }) => ({
            customer_id: input.customer_id,
            sales_channel_ids: valid.sales_channel_ids ?? [],
            mode: "replace" as const,
            source: "manual" as const,
          }))
        )
    )

    const changed = transform({ profile, stores }, ({ profile, stores }) => [
      ...profile.changed,
      ...(stores && (stores.added.length || stores.removed.length) ? ["stores"] : []),
    ])

    recordSystemNotesStep(
      transform({ changed, input }, ({ changed, input }) =>
        changed.length
          ? [
              {
                customer_id: input.customer_id,
                body: `Profile updated: ${changed.map((f) => PROFILE_FIELD_LABELS[f] ?? f).join(", ")}`,
                event: noteEvent("profile_updated", { fields: changed }),
                author_id: input.actor_id ?? null,
              },
            ]
          : []
      )
    )

    when({ changed }, ({ changed }) => changed.length > 0).then(() => {
      emitEventStep({
        eventName: CrmEvents.CUSTOMER_PROFILE_UPDATED,
        data: transform({ input, changed }, ({ input, changed }) => ({
          customer_id: input.customer_id,
          fields: changed,
        })),
      })
    })

    return new WorkflowResponse({ id: profile.id, changed })
  }
)
