import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_PROFILE_MODULE } from "../../modules/customer-profile"
import type CustomerProfileModuleService from "../../modules/customer-profile/service"
import type { CustomerStoreSource } from "../../modules/customer-profile"

export type SetCustomerStoresStepInput = {
  customer_id: string
  sales_channel_ids: string[]
  /**
   * `replace`: the customer's stores become exactly these (an admin's edit);
   * `add`: these are added when missing (from orders).
   */
  mode: "replace" | "add"
  source: CustomerStoreSource
}

type StoreSnapshot = {
  id: string
  customer_id: string
  sales_channel_id: string
  source: CustomerStoreSource
}

export const setCustomerStoresStepId = "set-customer-stores"

/**
 * Sets the stores (sales channels) a customer is assigned to. A store already there keeps its
 * source. Compensation removes what was added and restores what was removed.
 */
export const setCustomerStoresStep = createStep(
  setCustomerStoresStepId,
  async (input: SetCustomerStoresStepInput, { container }) => {
    const service: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const current = await service.listCustomerStores({ customer_id: input.customer_id })
    const wanted = new Set(input.sales_channel_ids)
    const have = new Set(current.map((s) => s.sales_channel_id))

    const toAdd = [...wanted].filter((id) => !have.has(id))
    const toRemove =
      input.mode === "replace" ? current.filter((s) => !wanted.has(s.sales_channel_id)) : []

    const added = toAdd.length
      ? await service.createCustomerStores(
          toAdd.map((sales_channel_id) => ({
            customer_id: input.customer_id,
            sales_channel_id,
            source: input.source,
          }))
        )
      : []
    if (toRemove.length) {
      await service.deleteCustomerStores(toRemove.map((s) => s.id))
    }
    return new StepResponse(
      {
        added: added.map((s) => s.sales_channel_id),
        removed: toRemove.map((s) => s.sales_channel_id),
      },
      {
        added: added.map((s) => s.id),
        removed: toRemove.map(
          (s): StoreSnapshot => ({
            id: s.id,
            customer_id: s.customer_id,
            sales_channel_id: s.sales_channel_id,
            source: s.source,
          })
        ),
      }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    if (undo.added.length) {
      await service.deleteCustomerStores(undo.added)
    }
    if (undo.removed.length) {
      await service.createCustomerStores(undo.removed)
    }
  }
)
