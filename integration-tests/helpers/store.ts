import Medusa from "@medusajs/js-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createPromotionsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import { createCrmClient } from "../../src/client"

export type TestStore = {
  regionId: string
  salesChannelId: string
  publishableKey: string
  variantId: string
}

/**
 * The least a storefront needs: a EUR region paid through Medusa's system payment provider, a
 * sales channel with a publishable key, and one product whose variant costs 100.00 and needs
 * neither inventory nor shipping.
 */
export async function createTestStore(container: MedusaContainer): Promise<TestStore> {
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "Europe",
          currency_code: "eur",
          countries: ["nl"],
          payment_providers: ["pp_system_default"],
        },
      ],
    },
  })
  const { channel, key } = await createStorefrontChannel(container)
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

/** A "Webshop" sales channel with a publishable key that a storefront sends. */
export async function createStorefrontChannel(container: MedusaContainer) {
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
  return { channel, key }
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

/**
 * The plugin's typed store client, as a storefront uses it, over Medusa's JS SDK that sends
 * `headers` (a publishable key and a customer's bearer token) with every request.
 */
export function storeCrmClient(api: { defaults: { baseURL?: string } }, headers: Record<string, string>) {
  const baseUrl = api.defaults.baseURL
  if (!baseUrl) {
    throw new Error("The test app has no base URL yet: call this inside a hook or a test")
  }
  return createCrmClient(new Medusa({ baseUrl, globalHeaders: headers }))
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

type StoreApi = Api & { get: (url: string, config?: unknown) => Promise<any> }

/**
 * Checks out like a storefront: a cart for the logged-in customer, line items, a payment session
 * with the system provider, then complete. Optional `beforeComplete` runs on the open cart (e.g.
 * to apply points). Returns the order.
 */
export async function placeStoreOrder(
  api: StoreApi,
  store: TestStore,
  headers: Record<string, string>,
  options: { quantity?: number; beforeComplete?: (cartId: string) => Promise<void> } = {}
) {
  const cartId = await createStoreCart(api, store, headers, options.quantity ?? 1)
  await options.beforeComplete?.(cartId)
  return await completeStoreCart(api, cartId, headers)
}

/** A cart of the logged-in customer holding `quantity` tickets of 100.00. */
export async function createStoreCart(
  api: StoreApi,
  store: TestStore,
  headers: Record<string, string>,
  quantity = 1
) {
  const {
    data: { cart },
  } = await api.post("/store/carts", { region_id: store.regionId }, { headers })
  await api.post(
    `/store/carts/${cart.id}/line-items`,
    { variant_id: store.variantId, quantity },
    { headers }
  )
  return cart.id as string
}

/** Pays the cart with the system provider and completes it; returns the order. */
export async function completeStoreCart(
  api: StoreApi,
  cartId: string,
  headers: Record<string, string>
) {
  const {
    data: { payment_collection },
  } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
  await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    { headers }
  )
  const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
  if (data.type !== "order") {
    throw new Error(`Cart ${cartId} did not complete: ${JSON.stringify(data.error ?? data)}`)
  }
  return data.order
}

/**
 * A guest checkout with `email`, as a storefront does it without a login: Medusa files the order
 * under a guest customer record. Returns the order's id and that record's id.
 */
export async function placeGuestOrder(
  api: StoreApi,
  store: TestStore,
  container: MedusaContainer,
  email: string
): Promise<{ id: string; customer_id: string }> {
  const headers = { "x-publishable-api-key": store.publishableKey }
  const {
    data: { cart },
  } = await api.post("/store/carts", { region_id: store.regionId, email }, { headers })
  await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: store.variantId, quantity: 1 }, { headers })
  const placed = await completeStoreCart(api, cart.id, headers)
  const {
    data: [order],
  } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: placed.id } })
  return order as { id: string; customer_id: string }
}
