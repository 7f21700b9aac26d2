import type { MedusaContainer } from "@medusajs/framework/types"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createPromotionsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"

export type TestStore = {
  regionId: string
  salesChannelId: string
  publishableKey: string
  variantId: string
}

/**
 * The least a storefront needs: a EUR region, a sales channel with a publishable key, and one
 * product whose variant costs 100.00 and needs no inventory.
 */
export async function createTestStore(container: MedusaContainer): Promise<TestStore> {
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "Europe", currency_code: "eur", countries: ["nl"] }] },
  })
  const {
    result: [channel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Webshop" }] },
  })
  const {
    result: [key],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "test" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: key.id, add: [channel.id] },
  })
  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Concert ticket",
          status: "published",
          options: [{ title: "Seat", values: ["Standard"] }],
          variants: [
            {
              title: "Standard",
              options: { Seat: "Standard" },
              manage_inventory: false,
              prices: [{ amount: 100, currency_code: "eur" }],
            },
          ],
          sales_channels: [{ id: channel.id }],
        },
      ],
    },
  })
  return {
    regionId: region.id,
    salesChannelId: channel.id,
    publishableKey: key.token,
    variantId: product.variants[0].id,
  }
}

/** A 10% promotion code that only customers of the group get. */
export async function createGroupPromotion(
  container: MedusaContainer,
  code: string,
  customerGroupId: string
) {
  const {
    result: [promotion],
  } = await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: [
        {
          code,
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: {
            type: "percentage",
            target_type: "order",
            allocation: "across",
            value: 10,
            currency_code: "eur",
          },
          rules: [
            { attribute: "customer.groups.id", operator: "in", values: [customerGroupId] },
          ],
        },
      ],
    },
  })
  return promotion
}

type Api = {
  post: (url: string, body?: unknown, config?: unknown) => Promise<any>
}

/** Registers a storefront customer the way a storefront does and returns their bearer headers. */
export async function registerStoreCustomer(
  api: Api,
  publishableKey: string,
  email: string
): Promise<{ customerId: string; headers: Record<string, string> }> {
  const pk = { "x-publishable-api-key": publishableKey }
  const password = "supersecret"
  const {
    data: { token: registrationToken },
  } = await api.post("/auth/customer/emailpass/register", { email, password })
  const {
    data: { customer },
  } = await api.post(
    "/store/customers",
    { email, first_name: "Store", last_name: "Customer" },
    { headers: { ...pk, authorization: `Bearer ${registrationToken}` } }
  )
  const {
    data: { token },
  } = await api.post("/auth/customer/emailpass", { email, password })
  return { customerId: customer.id, headers: { ...pk, authorization: `Bearer ${token}` } }
}
