import Medusa from "@medusajs/js-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { createCrmClient } from "../../src/client"
import { createStorefrontChannel } from "./store"

export type CheckoutRegion = {
  regionId: string
  shippingOptionId: string
  countryCode: "nl" | "us"
  currencyCode: "eur" | "usd"
}

export type CheckoutStore = {
  publishableKey: string
  salesChannelId: string
  /** Prices include 21% VAT (nl). */
  eur: CheckoutRegion
  /** Prices exclude tax; 10% sales tax (us) is added on top. */
  usd: CheckoutRegion
  variantId: string
}

/** What one unit of the store's product costs in both currencies (odd on purpose: rounding shows). */
export const VARIANT_PRICE = 19.95
/** Flat shipping in both regions. */
export const SHIPPING_PRICE = 4.95

const MANUAL_FULFILLMENT_PROVIDER = "manual_manual"

/**
 * A store a storefront can check out in, end to end: "Europe" (EUR, nl, prices include 21% VAT)
 * and "United States" (USD, us, prices exclude a 10% sales tax), both paid through Medusa's system
 * payment provider; a sales channel with a publishable key; a warehouse in that channel shipping
 * to both countries with a flat 4.95 option per region; one shippable product at 19.95 EUR / USD
 * that needs no inventory.
 *
 * Tax inclusion follows Medusa's price preferences: the region's preference only counts for prices
 * with a `region_id` rule, so the currencies get one too (as the store settings do), and shipping
 * options carry a region price.
 */
export async function createCheckoutStore(container: MedusaContainer): Promise<CheckoutStore> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "Europe",
          currency_code: "eur",
          countries: ["nl"],
          payment_providers: ["pp_system_default"],
          is_tax_inclusive: true,
        },
        {
          name: "United States",
          currency_code: "usd",
          countries: ["us"],
          payment_providers: ["pp_system_default"],
          is_tax_inclusive: false,
        },
      ],
    },
  })
  const europe = regions.find((r) => r.currency_code === "eur")!
  const us = regions.find((r) => r.currency_code === "usd")!

  const {
    data: [store],
  } = await query.graph({ entity: "store", fields: ["id"] })
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        supported_currencies: [
          { currency_code: "eur", is_default: true, is_tax_inclusive: true },
          { currency_code: "usd", is_tax_inclusive: false },
        ],
      },
    },
  })

  // Country-wide default rates: they apply to items and shipping, whatever the province.
  await createTaxRegionsWorkflow(container).run({
    input: [
      {
        country_code: "nl",
        provider_id: "tp_system",
        default_tax_rate: { rate: 21, code: "NL-21", name: "BTW" },
      },
      {
        country_code: "us",
        provider_id: "tp_system",
        default_tax_rate: { rate: 10, code: "US-10", name: "Sales tax" },
      },
    ],
  })

  const { channel, key } = await createStorefrontChannel(container)

  const {
    result: [profile],
  } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Checkout test profile", type: "default" }] },
  })
  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [
        {
          name: "Checkout warehouse",
          address: { address_1: "Museumplein 1", city: "Amsterdam", country_code: "NL" },
        },
      ],
    },
  })
  await createLinksWorkflow(container).run({
    input: [
      {
        [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: MANUAL_FULFILLMENT_PROVIDER },
      },
    ],
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [channel.id] },
  })
  await createLocationFulfillmentSetWorkflow(container).run({
    input: {
      location_id: location.id,
      fulfillment_set_data: { name: "Checkout warehouse shipping", type: "shipping" },
    },
  })
  const {
    data: [withSet],
  } = await query.graph({
    entity: "stock_location",
    fields: ["fulfillment_sets.id"],
    filters: { id: location.id },
  })
  const fulfillmentSetId = withSet.fulfillment_sets![0]!.id
  const { result: zones } = await createServiceZonesWorkflow(container).run({
    input: {
      data: (["nl", "us"] as const).map((country_code) => ({
        fulfillment_set_id: fulfillmentSetId,
        name: country_code,
        geo_zones: [{ type: "country" as const, country_code }],
      })),
    },
  })

  const { result: options } = await createShippingOptionsWorkflow(container).run({
    input: [
      { region: europe, zone: "nl", currency_code: "eur" },
      { region: us, zone: "us", currency_code: "usd" },
    ].map(({ region, zone, currency_code }) => ({
      name: `Standard shipping (${zone})`,
      price_type: "flat" as const,
      provider_id: MANUAL_FULFILLMENT_PROVIDER,
      service_zone_id: zones.find((z) => z.name === zone)!.id,
      shipping_profile_id: profile.id,
      type: { label: "Standard", description: "Delivered in 2-5 days.", code: "standard" },
      prices: [
        { currency_code, amount: SHIPPING_PRICE },
        { region_id: region.id, amount: SHIPPING_PRICE },
      ],
      rules: [
        { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
        { attribute: "is_return", value: "false", operator: "eq" as const },
      ],
    })),
  })

  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Tote bag",
          status: "published",
          shipping_profile_id: profile.id,
          options: [{ title: "Colour", values: ["Black"] }],
          variants: [
            {
              title: "Black",
              options: { Colour: "Black" },
              manage_inventory: false,
              prices: [
                { amount: VARIANT_PRICE, currency_code: "eur" },
                { amount: VARIANT_PRICE, currency_code: "usd" },
              ],
            },
          ],
          sales_channels: [{ id: channel.id }],
        },
      ],
    },
  })

  const optionOf = (zone: string) => options.find((o) => o.name === `Standard shipping (${zone})`)!.id
  return {
    publishableKey: key.token,
    salesChannelId: channel.id,
    eur: { regionId: europe.id, shippingOptionId: optionOf("nl"), countryCode: "nl", currencyCode: "eur" },
    usd: { regionId: us.id, shippingOptionId: optionOf("us"), countryCode: "us", currencyCode: "usd" },
    variantId: product.variants[0].id,
  }
}

/** The base URL of the app the integration runner started, from its axios instance (`api`). */
export function baseUrlOf(api: { defaults: { baseURL?: string } }): string {
  const url = api.defaults.baseURL
  if (!url) {
    throw new Error("The test app has no base URL yet: call this inside a hook or a test")
  }
  return url
}

const ADDRESSES = {
  nl: {
    first_name: "Store",
    last_name: "Customer",
    address_1: "Damrak 1",
    city: "Amsterdam",
    postal_code: "1012 LG",
    country_code: "nl",
  },
  us: {
    first_name: "Store",
    last_name: "Customer",
    address_1: "1 Market Street",
    city: "San Francisco",
    province: "us-ca",
    postal_code: "94105",
    country_code: "us",
  },
}

type FetchInit = {
  method?: "GET" | "POST" | "DELETE"
  body?: unknown
  query?: Record<string, unknown>
  headers?: Record<string, string>
}

/**
 * A storefront over Medusa's JS SDK, one per shopper: the SDK sends the publishable key with every
 * request and keeps the customer's JWT in memory after `register` (or `login`). The functions are
 * the calls a storefront makes at checkout, in order.
 */
export function storefront(baseUrl: string, publishableKey: string) {
  const sdk = new Medusa({
    baseUrl,
    publishableKey,
    auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
  })
  const password = "supersecret"
  let email: string | undefined

  return {
    sdk,
    /** The plugin's store routes, through its typed client over the same SDK (headers, token). */
    crm: createCrmClient(sdk),

    /** Registers a customer account and logs in; the SDK then sends the customer's token. */
    async register(address: string) {
      await sdk.auth.register("customer", "emailpass", { email: address, password })
      const { customer } = await sdk.store.customer.create({
        email: address,
        first_name: "Store",
        last_name: "Customer",
      })
      await sdk.auth.login("customer", "emailpass", { email: address, password })
      email = address
      return customer
    },

    async login(address: string) {
      await sdk.auth.login("customer", "emailpass", { email: address, password })
      email = address
    },

    async createCart(region: CheckoutRegion) {
      const { cart } = await sdk.store.cart.create({ region_id: region.regionId })
      return cart
    },

    async addItem(cartId: string, variantId: string, quantity = 1) {
      const { cart } = await sdk.store.cart.createLineItem(cartId, { variant_id: variantId, quantity })
      return cart
    },

    /** The shopper's e-mail and a shipping and billing address in the region's country. */
    async setAddress(cartId: string, region: CheckoutRegion) {
      const address = ADDRESSES[region.countryCode]
      const { cart } = await sdk.store.cart.update(cartId, {
        ...(email && { email }),
        shipping_address: address,
        billing_address: address,
      })
      return cart
    },

    async addShipping(cartId: string, optionId: string) {
      const { cart } = await sdk.store.cart.addShippingMethod(cartId, { option_id: optionId })
      return cart
    },

    /** Creates the cart's payment collection (if it has none) and a session with the system provider. */
    async startPayment(cartId: string) {
      const { cart } = await sdk.store.cart.retrieve(cartId, { fields: "id,*payment_collection" })
      const { payment_collection } = await sdk.store.payment.initiatePaymentSession(cart, {
        provider_id: "pp_system_default",
      })
      return payment_collection
    },

    /** Completes the cart and returns the order; throws with Medusa's error if no order was placed. */
    async complete(cartId: string) {
      const result = await sdk.store.cart.complete(cartId)
      if (result.type !== "order") {
        throw new Error(`Cart ${cartId} did not complete: ${JSON.stringify(result.error)}`)
      }
      return result.order
    },

    async retrieveCart(cartId: string, fields?: string) {
      const { cart } = await sdk.store.cart.retrieve(cartId, fields ? { fields } : undefined)
      return cart
    },

    /**
     * Any route the SDK has no method for, with the same headers (the plugin's own: `crm`).
     * Throws the SDK's `FetchError` (`status`, `message`) on 3xx-5xx.
     */
    fetch<T = any>(path: string, init: FetchInit = {}): Promise<T> {
      return sdk.client.fetch<T>(path, init as any)
    },

    /**
     * Like `fetch` (same headers and token), but never throws on an error status: answers
     * `{ status, body }` with the whole error body (`type`, `code`, `message`), which the SDK's
     * `FetchError` does not keep. Sent with Node's fetch for that reason.
     */
    async settle<T = any>(
      path: string,
      init: FetchInit = {}
    ): Promise<{ status: number; body: T; headers: Record<string, string> }> {
      const url = new URL(path.replace(/^\//, ""), baseUrl.replace(/\/?$/, "/"))
      for (const [k, v] of Object.entries(init.query ?? {})) {
        url.searchParams.set(k, String(v))
      }
      const token = await sdk.client.getToken()
      const res = await globalThis.fetch(url, {
        method: init.method ?? "GET",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          "x-publishable-api-key": publishableKey,
          ...(token && { authorization: `Bearer ${token}` }),
          ...init.headers,
        },
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      })
      return {
        status: res.status,
        body: (await res.json().catch(() => ({}))) as T,
        headers: Object.fromEntries(res.headers.entries()),
      }
    },
  }
}

export type Storefront = ReturnType<typeof storefront>

/**
 * The payment collection of an order (or of a cart, by `cartId`), as Medusa's payment module keeps
 * it: the amount asked for, the amount authorized (the collection's `authorized_amount` and the sum
 * of its payments), and the currency.
 */
export async function paymentOf(
  container: MedusaContainer,
  ids: { orderId: string } | { cartId: string }
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fields = [
    "id",
    "amount",
    "authorized_amount",
    "captured_amount",
    "currency_code",
    "status",
    "payments.amount",
    "payment_sessions.amount",
    "payment_sessions.status",
  ]
  let collections: any[]
  if ("orderId" in ids) {
    const { data } = await query.graph({
      entity: "order",
      fields: fields.map((f) => `payment_collections.${f}`),
      filters: { id: ids.orderId },
    })
    collections = (data[0]?.payment_collections ?? []).filter(Boolean)
  } else {
    const { data } = await query.graph({
      entity: "cart",
      fields: fields.map((f) => `payment_collection.${f}`),
      filters: { id: ids.cartId },
    })
    collections = data[0]?.payment_collection ? [data[0].payment_collection] : []
  }
  if (collections.length !== 1) {
    throw new Error(`Expected one payment collection, found ${collections.length}`)
  }
  const [collection] = collections
  const payments = (collection.payments ?? []).filter(Boolean)
  return {
    id: collection.id as string,
    currency_code: collection.currency_code as string,
    status: collection.status as string,
    amount: Number(collection.amount),
    authorized_amount: collection.authorized_amount == null ? null : Number(collection.authorized_amount),
    captured_amount: collection.captured_amount == null ? null : Number(collection.captured_amount),
    payments: payments.map((p: any) => Number(p.amount)),
    paid: payments.reduce((sum: number, p: any) => sum + Number(p.amount), 0),
    sessions: (collection.payment_sessions ?? [])
      .filter(Boolean)
      .map((s: any) => ({ amount: Number(s.amount), status: s.status as string })),
  }
}
