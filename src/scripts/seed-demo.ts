/**
 * Seeds the deterministic demo store of medusa-crm: store settings, regions, taxes, shipping,
 * two sales channels, ~20 products, an admin user, customers (registered, guests, guest records
 * that share an e-mail with an account, phone-only) and backdated orders that were paid, fulfilled,
 * shipped and delivered, returned and refunded as `seed-demo/plan.ts` (`orderLifecycle`) says,
 * all through Medusa's workflows.
 *
 * Run after `medusa db:migrate`:
 *   CRM_SEED_SIZE=full|small CRM_ADMIN_EMAIL=... CRM_ADMIN_PASSWORD=... \
 *     npx medusa exec ./src/scripts/seed-demo.ts
 *
 * Idempotent and resumable: every step looks up what exists (by name, handle, SKU, e-mail or
 * `metadata.seed_key`) and creates only what is missing. The last step stores
 * `store.metadata.medusa_crm_demo_seed`, which `scripts/lib/demo-db.mjs` checks.
 * Logs counts only, never names or e-mail addresses.
 */
import { spawn } from "node:child_process"
import type {
  CreateCustomerAddressDTO,
  CreateCustomerDTO,
  CreateProductWorkflowInputDTO,
  ExecArgs,
  IAuthModuleService,
  ICustomerModuleService,
  ITaxModuleService,
  IUserModuleService,
  Logger,
  MedusaContainer,
} from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  FeatureFlag,
  MedusaError,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  cancelOrderWorkflow,
  createApiKeysWorkflow,
  createCustomerAccountWorkflow,
  createCustomersWorkflow,
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createOrderWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUserAccountWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
  type CreateOrderWorkflowInput,
} from "@medusajs/medusa/core-flows"
import { ensureCustomerPageLayout } from "./customer-page-layout"
import { ensureCrmData } from "./seed-demo/crm"
import { ensureMessagesData } from "./seed-demo/messages"
import { ensureLoyaltyData } from "./seed-demo/loyalty"
import { ensureMembershipData } from "./seed-demo/memberships"
import { rebuildCustomerInsights } from "../lib/insights-rebuild"
import {
  BOX_OFFICE,
  CATEGORIES,
  EUROPE,
  EUROPE_TAX,
  FULFILLMENT_SET_NAME,
  MANUAL_FULFILLMENT_PROVIDER,
  PRODUCTS,
  PUBLISHABLE_KEYS,
  REGIONS,
  SALES_CHANNELS,
  SEED_MARKER_KEY,
  SEED_VERSION,
  SHIPPING_PROFILE_NAME,
  SHIPPING_ZONES,
  STOCK_LOCATION_NAME,
  STORE_NAME,
  UNITED_STATES,
  US_COUNTRIES,
  WEBSHOP,
} from "./seed-demo/catalog"
import {
  planDemo,
  type PlannedAddress,
  type PlannedCustomer,
  type PlannedOrder,
  type SalesChannelKey,
  type SeedSize,
} from "./seed-demo/plan"
import { Progress, runPool } from "./seed-demo/progress"
import {
  ensureOrderStates,
  ensureReturnsAndRefunds,
  type FulfillmentSetup,
} from "./seed-demo/lifecycle"

type Container = ExecArgs["container"]

/** Parallel workflow runs: enough to overlap the database round trips on two cores. */
const CONCURRENCY = 8
const CUSTOMER_BATCH = 25
const CUSTOMER_PASSWORD = "supersecret"

type RegionInfo = {
  id: string
  currency_code: string
  is_tax_inclusive: boolean
}
type ShippingInfo = { option_id: string; name: string; amount: number }

type StoreSetup = {
  channels: Record<SalesChannelKey, string>
  regions: { europe: RegionInfo; us: RegionInfo }
  shipping: { europe: ShippingInfo; us: ShippingInfo }
  variantIds: Map<string, string>
  stockLocationId: string
}

function seedSize(): SeedSize {
  const value = (process.env.CRM_SEED_SIZE || "full").toLowerCase()
  if (value !== "full" && value !== "small") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `CRM_SEED_SIZE must be "full" or "small", got "${value}"`
    )
  }
  return value
}

const seconds = (since: number) =>
  `${((Date.now() - since) / 1000).toFixed(1)} s`

export default async function seedDemo({ container }: ExecArgs) {
  const started = Date.now()
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const size = seedSize()
  const plan = await planDemo(size)
  const asHelper = helperShard()
  logger.info(
    asHelper
      ? `Seed helper (part ${asHelper.index + 1}/${asHelper.count}) started`
      : `Seeding the ${size} demo store: ${plan.customers.length} customers, ${plan.orders.length} orders`
  )

  const channels = await ensureSalesChannels(container)
  await ensurePublishableKeys(container, channels)
  const regions = await ensureRegions(container)
  await ensureTaxRegions(container)
  const { shipping, stockLocationId, shippingProfileId } =
    await ensureFulfillment(container, channels, regions)
  const store = await ensureStore(container, {
    default_sales_channel_id: channels.webshop,
    default_region_id: regions.europe.id,
    default_location_id: stockLocationId,
  })
  const variantIds = await ensureProducts(
    container,
    channels,
    shippingProfileId
  )
  logger.info(
    `Store settings and catalog ready (${PRODUCTS.length} products), ${seconds(started)}`
  )

  if (!asHelper) {
    await ensureAdminUser(container, logger)
  }
  const customerIds = await ensureCustomers(container, logger, plan.customers)
  const setup: StoreSetup = {
    channels,
    regions,
    shipping,
    variantIds,
    stockLocationId,
  }
  await ensureOrders(
    container,
    logger,
    plan.orders,
    plan.customers,
    customerIds,
    setup,
    asHelper
  )
  if (asHelper) {
    logger.info(
      `Seed helper (part ${asHelper.index + 1}/${asHelper.count}) done in ${seconds(started)}`
    )
    return
  }

  await ensureCrmData(container, logger, plan.customers, customerIds, {
    region_id: regions.europe.id,
    channel_ids: [channels.webshop, channels.box_office],
    variant_id: [...variantIds.values()][0],
  })
  const orderIds = await seededOrderIds(container)
  // The CRM part's staff orders were paid and handed over at once, as at the box office.
  await ensureOrderStates(
    container as MedusaContainer,
    logger,
    "paid and fulfilled staff orders",
    [...orderIds.keys()]
      .filter((key) => key.startsWith("demo-staff-order-"))
      .map((key) => ({
        key,
        customer_key: "",
        offset_ms: 0,
        channel: "box_office" as const,
        items: [],
        ships: false,
        cancel: false,
      })),
    orderIds,
    fulfillmentSetup(setup),
    CONCURRENCY
  )
  await ensureLoyaltyData(container, logger, [...customerIds.values()])
  await ensureMembershipData(container, logger, [...customerIds.values()])
  // Returns and refunds come after loyalty and memberships have seen the orders, so that the
  // refunds take back points and memberships as they would in the store.
  await ensureReturnsAndRefunds(
    container as MedusaContainer,
    logger,
    plan.orders,
    orderIds,
    fulfillmentSetup(setup)
  )
  await ensureMessagesData(container as MedusaContainer, logger)
  await ensureCustomerPageLayout(container as MedusaContainer, logger)
  // Orders made by the seed emit no order.placed: compute every customer's metrics once.
  const insights = await rebuildCustomerInsights(container as MedusaContainer)
  logger.info(`Customer metrics computed for ${insights.processed} customers`)
  await markSeeded(container, store.id, size)
  logger.info(`Demo seed (${size}) complete in ${seconds(started)}`)
}

/**
 * Adds the marker that `scripts/lib/demo-db.mjs` checks, keeping the other metadata keys.
 * A marker of the same version and size stays as it is.
 */
async function markSeeded(
  container: Container,
  storeId: string,
  size: SeedSize
): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [store],
  } = await query.graph({
    entity: "store",
    fields: ["id", "metadata"],
    filters: { id: storeId },
  })
  const metadata = (store?.metadata as Record<string, unknown> | null) ?? {}
  const marker = metadata[SEED_MARKER_KEY] as
    { version?: number; size?: string } | undefined
  if (marker?.version === SEED_VERSION && marker.size === size) {
    return
  }
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: storeId },
      update: {
        metadata: {
          ...metadata,
          [SEED_MARKER_KEY]: {
            version: SEED_VERSION,
            size,
            seeded_at: new Date().toISOString(),
          },
        },
      },
    },
  })
}

async function ensureSalesChannels(
  container: Container
): Promise<Record<SalesChannelKey, string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const names = SALES_CHANNELS.map((c) => c.name)
  const find = async () =>
    (
      await query.graph({
        entity: "sales_channel",
        fields: ["id", "name"],
        filters: { name: names },
      })
    ).data
  let existing = await find()
  const missing = SALES_CHANNELS.filter(
    (c) => !existing.some((e) => e.name === c.name)
  )
  if (missing.length) {
    await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: missing },
    })
    existing = await find()
  }
  const idOf = (name: string) => existing.find((e) => e.name === name)!.id
  return { webshop: idOf(WEBSHOP), box_office: idOf(BOX_OFFICE) }
}

/**
 * One publishable key per sales channel, each linked to its channel only: the Webshop's
 * storefront creates carts with its key alone (`sdk.store.cart.create({ region_id })` lands in the
 * Webshop), and the box office's point of sale does the same with the box office key. A key linked
 * to several channels would make every cart name its `sales_channel_id`.
 */
async function ensurePublishableKeys(
  container: Container,
  channels: Record<SalesChannelKey, string>
): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  for (const { title, channel } of PUBLISHABLE_KEYS) {
    const {
      data: [existing],
    } = await query.graph({
      entity: "api_key",
      fields: ["id", "sales_channels.id"],
      filters: { title, type: "publishable" },
    })
    let keyId = existing?.id
    if (!keyId) {
      const { result } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title, type: "publishable", created_by: "" }] },
      })
      keyId = result[0].id
    }
    const linked = (existing?.sales_channels ?? []).map((c) => c?.id)
    const add = linked.includes(channels[channel]) ? [] : [channels[channel]]
    // Demo stores seeded before linked the storefront key to both channels.
    const remove = linked.filter(
      (id): id is string => !!id && id !== channels[channel]
    )
    if (add.length || remove.length) {
      await linkSalesChannelsToApiKeyWorkflow(container).run({
        input: { id: keyId, add, remove },
      })
    }
  }
}

async function ensureRegions(
  container: Container
): Promise<StoreSetup["regions"]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const names = REGIONS.map((r) => r.name)
  const find = async () =>
    (
      await query.graph({
        entity: "region",
        fields: ["id", "name", "currency_code"],
        filters: { name: names },
      })
    ).data
  let existing = await find()
  const missing = REGIONS.filter(
    (r) => !existing.some((e) => e.name === r.name)
  )
  if (missing.length) {
    await createRegionsWorkflow(container).run({
      input: {
        regions: missing.map((r) => ({
          ...r,
          payment_providers: ["pp_system_default"],
        })),
      },
    })
    existing = await find()
  }
  const info = (name: string): RegionInfo => {
    const region = existing.find((e) => e.name === name)!
    return {
      id: region.id,
      currency_code: region.currency_code,
      is_tax_inclusive: REGIONS.find((r) => r.name === name)!.is_tax_inclusive,
    }
  }
  return { europe: info(EUROPE), us: info(UNITED_STATES) }
}

async function ensureTaxRegions(container: Container): Promise<void> {
  const taxModule = container.resolve<ITaxModuleService>(Modules.TAX)
  const countries = [...Object.keys(EUROPE_TAX), ...US_COUNTRIES]
  const existing = await taxModule.listTaxRegions({ country_code: countries })
  const have = new Set(
    existing.filter((r) => !r.province_code).map((r) => r.country_code)
  )
  const missing = countries.filter((c) => !have.has(c))
  if (!missing.length) {
    return
  }
  await createTaxRegionsWorkflow(container).run({
    input: missing.map((country_code) => {
      const tax = EUROPE_TAX[country_code]
      return {
        country_code,
        provider_id: "tp_system",
        // US sales tax depends on the state: no country-wide default rate.
        ...(tax && {
          default_tax_rate: {
            rate: tax.rate,
            code: `${country_code.toUpperCase()}-${tax.rate}`,
            name: tax.name,
          },
        }),
      }
    }),
  })
}

async function ensureFulfillment(
  container: Container,
  channels: Record<SalesChannelKey, string>,
  regions: StoreSetup["regions"]
): Promise<{
  shipping: StoreSetup["shipping"]
  stockLocationId: string
  shippingProfileId: string
}> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const { data: profiles } = await query.graph({
    entity: "shipping_profile",
    fields: ["id", "type"],
    filters: { type: "default" },
  })
  let shippingProfileId = profiles[0]?.id
  if (!shippingProfileId) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: SHIPPING_PROFILE_NAME, type: "default" }] },
    })
    shippingProfileId = result[0].id
  }

  const findLocation = async () =>
    (
      await query.graph({
        entity: "stock_location",
        fields: [
          "id",
          "sales_channels.id",
          "fulfillment_providers.id",
          "fulfillment_sets.id",
          "fulfillment_sets.name",
          "fulfillment_sets.service_zones.id",
          "fulfillment_sets.service_zones.name",
        ],
        filters: { name: STOCK_LOCATION_NAME },
      })
    ).data[0]
  let location = await findLocation()
  if (!location) {
    await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: STOCK_LOCATION_NAME,
            address: {
              address_1: "Museumplein 1",
              city: "Amsterdam",
              postal_code: "1071 DJ",
              country_code: "NL",
            },
          },
        ],
      },
    })
    location = await findLocation()
  }
  const locationId = location.id

  if (
    !(location.fulfillment_providers ?? []).some(
      (p) => p?.id === MANUAL_FULFILLMENT_PROVIDER
    )
  ) {
    await createLinksWorkflow(container).run({
      input: [
        {
          [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
          [Modules.FULFILLMENT]: {
            fulfillment_provider_id: MANUAL_FULFILLMENT_PROVIDER,
          },
        },
      ],
    })
  }
  const linkedChannels = new Set(
    (location.sales_channels ?? []).map((c) => c?.id)
  )
  const addChannels = Object.values(channels).filter(
    (id) => !linkedChannels.has(id)
  )
  if (addChannels.length) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: locationId, add: addChannels },
    })
  }

  if (
    !(location.fulfillment_sets ?? []).some(
      (s) => s?.name === FULFILLMENT_SET_NAME
    )
  ) {
    await createLocationFulfillmentSetWorkflow(container).run({
      input: {
        location_id: locationId,
        fulfillment_set_data: { name: FULFILLMENT_SET_NAME, type: "shipping" },
      },
    })
    location = await findLocation()
  }
  const fulfillmentSet = (location.fulfillment_sets ?? []).find(
    (s) => s?.name === FULFILLMENT_SET_NAME
  )!
  const zoneNames = new Set(
    (fulfillmentSet.service_zones ?? []).map((z) => z?.name)
  )
  const missingZones = SHIPPING_ZONES.filter((z) => !zoneNames.has(z.zone))
  if (missingZones.length) {
    await createServiceZonesWorkflow(container).run({
      input: {
        data: missingZones.map((z) => ({
          fulfillment_set_id: fulfillmentSet.id,
          name: z.zone,
          geo_zones: z.countries.map((country_code) => ({
            type: "country" as const,
            country_code,
          })),
        })),
      },
    })
    location = await findLocation()
  }
  const zones = (location.fulfillment_sets ?? []).find(
    (s) => s?.id === fulfillmentSet.id
  )!.service_zones

  const findOptions = async () =>
    (
      await query.graph({
        entity: "shipping_option",
        fields: ["id", "name"],
        filters: { name: SHIPPING_ZONES.map((z) => z.option) },
      })
    ).data
  let options = await findOptions()
  const missingOptions = SHIPPING_ZONES.filter(
    (z) => !options.some((o) => o.name === z.option)
  )
  if (missingOptions.length) {
    await createShippingOptionsWorkflow(container).run({
      input: missingOptions.map((z) => {
        const region = z.zone === EUROPE ? regions.europe : regions.us
        return {
          name: z.option,
          price_type: "flat" as const,
          provider_id: MANUAL_FULFILLMENT_PROVIDER,
          service_zone_id: zones.find((zone) => zone?.name === z.zone)!.id,
          shipping_profile_id: shippingProfileId,
          type: {
            label: "Standard",
            description: "Delivered in 2-5 days.",
            code: "standard",
          },
          prices: [
            { currency_code: z.currency_code, amount: z.amount },
            { region_id: region.id, amount: z.amount },
          ],
          rules: [
            {
              attribute: "enabled_in_store",
              value: "true",
              operator: "eq" as const,
            },
            { attribute: "is_return", value: "false", operator: "eq" as const },
          ],
        }
      }),
    })
    options = await findOptions()
  }
  const info = (zone: string): ShippingInfo => {
    const spec = SHIPPING_ZONES.find((z) => z.zone === zone)!
    return {
      option_id: options.find((o) => o.name === spec.option)!.id,
      name: spec.option,
      amount: spec.amount,
    }
  }
  return {
    shipping: { europe: info(EUROPE), us: info(UNITED_STATES) },
    stockLocationId: locationId,
    shippingProfileId,
  }
}

async function ensureStore(
  container: Container,
  defaults: {
    default_sales_channel_id: string
    default_region_id: string
    default_location_id: string
  }
): Promise<{ id: string }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [store],
  } = await query.graph({
    entity: "store",
    fields: [
      "id",
      "name",
      "default_sales_channel_id",
      "default_region_id",
      "default_location_id",
      "supported_currencies.currency_code",
      "supported_currencies.is_default",
    ],
  })
  if (!store) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "No store found: run `medusa db:migrate` first"
    )
  }
  const currencies = store.supported_currencies ?? []
  const currenciesOk =
    currencies.length === 2 &&
    currencies.some((c) => c?.currency_code === "eur" && c.is_default) &&
    currencies.some((c) => c?.currency_code === "usd")
  const defaultsOk =
    store.default_sales_channel_id === defaults.default_sales_channel_id &&
    store.default_region_id === defaults.default_region_id &&
    store.default_location_id === defaults.default_location_id
  if (store.name !== STORE_NAME || !currenciesOk || !defaultsOk) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          name: STORE_NAME,
          supported_currencies: [
            { currency_code: "eur", is_default: true, is_tax_inclusive: true },
            { currency_code: "usd", is_tax_inclusive: false },
          ],
          ...defaults,
        },
      },
    })
  }
  return { id: store.id }
}

async function ensureProducts(
  container: Container,
  channels: Record<SalesChannelKey, string>,
  shippingProfileId: string
): Promise<Map<string, string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const findCategories = async () =>
    (
      await query.graph({
        entity: "product_category",
        fields: ["id", "handle"],
        filters: { handle: CATEGORIES.map((c) => c.handle) },
      })
    ).data
  let categories = await findCategories()
  const missingCategories = CATEGORIES.filter(
    (c) => !categories.some((e) => e.handle === c.handle)
  )
  if (missingCategories.length) {
    await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: missingCategories.map((c) => ({
          name: c.name,
          handle: c.handle,
          is_active: true,
        })),
      },
    })
    categories = await findCategories()
  }
  const categoryOf = (kind: string) =>
    categories.find(
      (c) => c.handle === CATEGORIES.find((k) => k.kind === kind)!.handle
    )!.id

  const findProducts = async () =>
    (
      await query.graph({
        entity: "product",
        fields: ["id", "handle", "variants.id", "variants.sku"],
        filters: { handle: PRODUCTS.map((p) => p.handle) },
      })
    ).data
  let products = await findProducts()
  const missing = PRODUCTS.filter(
    (p) => !products.some((e) => e.handle === p.handle)
  )
  if (missing.length) {
    const input: CreateProductWorkflowInputDTO[] = missing.map((p) => ({
      title: p.title,
      subtitle: p.subtitle,
      description: p.description,
      handle: p.handle,
      status: ProductStatus.PUBLISHED,
      category_ids: [categoryOf(p.kind)],
      // Only merchandise is shipped; tickets, passes and vouchers are delivered by e-mail.
      shipping_profile_id: p.kind === "merch" ? shippingProfileId : undefined,
      options: p.options,
      variants: p.variants.map((v) => ({
        title: v.title,
        sku: v.sku,
        options: v.options,
        manage_inventory: false,
        prices: [
          { currency_code: "eur", amount: v.eur },
          { currency_code: "usd", amount: v.usd },
        ],
      })),
      sales_channels: Object.values(channels).map((id) => ({ id })),
    }))
    await createProductsWorkflow(container).run({ input: { products: input } })
    products = await findProducts()
  }

  const variantIds = new Map<string, string>()
  for (const product of products) {
    for (const variant of product.variants ?? []) {
      if (variant?.sku) {
        variantIds.set(variant.sku, variant.id)
      }
    }
  }
  return variantIds
}

async function ensureAdminUser(
  container: Container,
  logger: Logger
): Promise<void> {
  const email = process.env.CRM_ADMIN_EMAIL || "admin@medusa-crm.test"
  const password = process.env.CRM_ADMIN_PASSWORD || "supersecret"
  const userModule = container.resolve<IUserModuleService>(Modules.USER)
  const [existing] = await userModule.listUsers({ email })
  if (existing) {
    logger.info("Admin user exists, skipped")
    return
  }

  // As `medusa user` does: the super admin role when RBAC is on, an emailpass identity, the user.
  let roles: string[] = []
  if (FeatureFlag.isFeatureEnabled("rbac")) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "rbac_role",
      fields: ["id"],
      filters: { id: "role_super_admin" },
    })
    roles = data.map((r: { id: string }) => r.id)
  }
  const authIdentityId = await registerEmailpass(container, email, password)
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId, userData: { email, roles } },
  })
  logger.info("Admin user created")
}

/**
 * Registers an emailpass identity. When an earlier, interrupted run already registered it
 * (and did not attach an actor yet), the provider returns that identity again.
 */
async function registerEmailpass(
  container: Container,
  email: string,
  password: string
): Promise<string> {
  const authModule = container.resolve<IAuthModuleService>(Modules.AUTH)
  const { success, authIdentity, error } = await authModule.register(
    "emailpass",
    {
      body: { email, password },
    }
  )
  if (!success || !authIdentity) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Could not register an emailpass identity for a seeded account: ${error}`
    )
  }
  return authIdentity.id
}

/**
 * Returns e-mail → auth identity id, with an emailpass identity (password "supersecret") for
 * every address. Hashing a password (scrypt) costs about 0.1 s of CPU and all demo customers
 * share one password, so the first is registered through the provider and the others get a
 * copy of its stored hash: the provider verifies each login against it as usual.
 */
async function ensureCustomerIdentities(
  container: Container,
  emails: string[]
): Promise<Map<string, string>> {
  const authModule = container.resolve<IAuthModuleService>(Modules.AUTH)
  const find = async (entityIds: string[]) =>
    authModule.listProviderIdentities(
      {
        provider: "emailpass",
        $or: entityIds.map((entity_id) => ({ entity_id })),
      },
      { select: ["entity_id", "auth_identity_id", "provider_metadata"] }
    )
  const ids = new Map<string, string>()
  const collect = (found: Awaited<ReturnType<typeof find>>) =>
    found.forEach(
      (p) => p.auth_identity_id && ids.set(p.entity_id, p.auth_identity_id)
    )
  if (!emails.length) {
    return ids
  }
  collect(await find(emails))
  const missing = emails.filter((e) => !ids.has(e))
  if (!missing.length) {
    return ids
  }
  const [first, ...rest] = missing
  ids.set(first, await registerEmailpass(container, first, CUSTOMER_PASSWORD))
  if (rest.length) {
    const [template] = await find([first])
    await authModule.createAuthIdentities(
      rest.map((email) => ({
        provider_identities: [
          {
            provider: "emailpass",
            entity_id: email,
            provider_metadata: template.provider_metadata,
          },
        ],
      }))
    )
    collect(await find(rest))
  }
  return ids
}

function toCustomerAddresses(
  c: PlannedCustomer
): Omit<CreateCustomerAddressDTO, "customer_id">[] {
  if (!c.save_addresses || !c.address) {
    return []
  }
  const separateBilling = !!c.billing_address && c.billing_address !== c.address
  const addresses: Omit<CreateCustomerAddressDTO, "customer_id">[] = [
    {
      ...c.address,
      address_name: "Home",
      is_default_shipping: true,
      is_default_billing: !separateBilling,
    },
  ]
  if (separateBilling) {
    addresses.push({
      ...c.billing_address!,
      address_name: "Invoice address",
      is_default_shipping: false,
      is_default_billing: true,
    })
  }
  return addresses
}

/**
 * Customer data for the workflows. `created_at` is not part of `CreateCustomerDTO`, but the
 * customer module stores it when given, which backdates the record to its planned sign-up date.
 */
function toCustomerData(c: PlannedCustomer, now: number): CreateCustomerDTO {
  const data: CreateCustomerDTO & { created_at: Date } = {
    first_name: c.first_name,
    last_name: c.last_name,
    email: c.email ?? undefined,
    phone: c.phone,
    company_name: c.company_name,
    has_account: c.kind === "registered",
    addresses: toCustomerAddresses(c),
    metadata: { seed_key: c.key },
    created_at: new Date(now - c.created_offset_ms),
  }
  return data
}

/** Returns seed key → customer id for every planned customer. */
async function ensureCustomers(
  container: Container,
  logger: Logger,
  planned: PlannedCustomer[]
): Promise<Map<string, string>> {
  const customerModule = container.resolve<ICustomerModuleService>(
    Modules.CUSTOMER
  )
  const existing = await customerModule.listCustomers(
    {},
    { select: ["id", "email", "has_account", "metadata"] }
  )
  const ids = new Map<string, string>()
  for (const c of existing) {
    const key = c.metadata?.seed_key
    if (typeof key === "string") {
      ids.set(key, c.id)
    }
  }
  // Same e-mail and account type as a planned record (e.g. a seed without metadata): reuse it.
  for (const c of planned) {
    const match = existing.find(
      (e) =>
        c.email &&
        e.email === c.email &&
        e.has_account === (c.kind === "registered")
    )
    if (!ids.has(c.key) && match) {
      ids.set(c.key, match.id)
    }
  }

  const missing = planned.filter((c) => !ids.has(c.key))
  const progress = new Progress(logger, "customers", missing.length)
  const now = Date.now()

  const guests = missing.filter((c) => c.kind !== "registered")
  const batches: PlannedCustomer[][] = []
  for (let i = 0; i < guests.length; i += CUSTOMER_BATCH) {
    batches.push(guests.slice(i, i + CUSTOMER_BATCH))
  }
  await runPool(batches, 2, async (batch) => {
    const { result } = await createCustomersWorkflow(container).run({
      input: { customersData: batch.map((c) => toCustomerData(c, now)) },
    })
    for (const customer of result) {
      ids.set(customer.metadata?.seed_key as string, customer.id)
    }
    progress.tick(batch.length)
  })

  const accounts = missing.filter((c) => c.kind === "registered")
  const identities = await ensureCustomerIdentities(
    container,
    accounts.map((c) => c.email!)
  )
  await runPool(accounts, CONCURRENCY, async (c) => {
    const { result } = await createCustomerAccountWorkflow(container).run({
      input: {
        authIdentityId: identities.get(c.email!)!,
        customerData: toCustomerData(c, now),
      },
    })
    ids.set(c.key, result.id)
    progress.tick()
  })
  if (!missing.length) {
    logger.info(`customers: all ${planned.length} exist, skipped`)
  }
  return ids
}

/**
 * The order's address. Walk-in customers without an address get their name, phone and country,
 * which is what the tax calculation needs.
 */
function orderAddress(
  customer: PlannedCustomer,
  address: PlannedAddress | null
) {
  if (address) {
    return { ...address }
  }
  return {
    first_name: customer.first_name,
    last_name: customer.last_name,
    phone: customer.phone ?? undefined,
    country_code: customer.country_code,
  }
}

type Shard = { index: number; count: number }

/**
 * The orders are split over two processes when there are many to create: a workflow run costs
 * about 0.1 s of CPU in Node and 0.03 s in Postgres, so one Node process leaves a core of a
 * two-core machine half idle. The helper is this script again (`medusa exec`, same arguments)
 * with `CRM_SEED_SHARD=1/2`: it creates every second planned order and exits; the main process
 * does the others, waits for it and only then writes the seed marker.
 * `CRM_SEED_WORKERS=1` keeps everything in one process.
 */
function helperShard(): Shard | null {
  const match = /^(\d+)\/(\d+)$/.exec(process.env.CRM_SEED_SHARD ?? "")
  return match ? { index: Number(match[1]), count: Number(match[2]) } : null
}

function startHelper(logger: Logger, shard: Shard): Promise<void> | null {
  const execAt = process.argv.indexOf("exec")
  if (execAt < 2 || process.env.CRM_SEED_WORKERS === "1") {
    return null
  }
  const child = spawn(
    process.execPath,
    [...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: "inherit",
      env: { ...process.env, CRM_SEED_SHARD: `${shard.index}/${shard.count}` },
    }
  )
  // Never leave the helper behind when this process ends first.
  const stopHelper = () => child.exitCode === null && child.kill()
  process.once("exit", stopHelper)
  logger.info(
    `orders: started a helper process for part ${shard.index + 1}/${shard.count}`
  )
  return new Promise((resolve, reject) => {
    child.once("error", reject)
    child.once("exit", (code, signal) => {
      process.off("exit", stopHelper)
      if (code === 0) {
        resolve()
        return
      }
      reject(
        new MedusaError(
          MedusaError.Types.UNEXPECTED_STATE,
          `The seed helper process failed (${signal ?? `exit code ${code}`}); run the seed again to resume`
        )
      )
    })
  })
}

const HELPER_THRESHOLD = 400

/** Where the demo fulfils from, and with which option when an order has no shipping method. */
function fulfillmentSetup(setup: StoreSetup): FulfillmentSetup {
  return {
    stock_location_id: setup.stockLocationId,
    shipping_option_id: (regionId) =>
      regionId === setup.regions.us.id
        ? setup.shipping.us.option_id
        : setup.shipping.europe.option_id,
  }
}

/** Seed key → order id of every seeded order. */
async function seededOrderIds(container: Container): Promise<Map<string, string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "metadata"],
  })
  const ids = new Map<string, string>()
  for (const o of data) {
    const key = (o.metadata as Record<string, unknown> | null)?.seed_key
    if (typeof key === "string") {
      ids.set(key, o.id)
    }
  }
  return ids
}

async function ensureOrders(
  container: Container,
  logger: Logger,
  planned: PlannedOrder[],
  customers: PlannedCustomer[],
  customerIds: Map<string, string>,
  setup: StoreSetup,
  asHelper: Shard | null
): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: existingOrders } = await query.graph({
    entity: "order",
    fields: ["id", "status", "metadata"],
  })
  const existing = new Map<string, { id: string; status: string }>()
  for (const o of existingOrders) {
    const key = (o.metadata as Record<string, unknown> | null)?.seed_key
    if (typeof key === "string") {
      existing.set(key, { id: o.id, status: o.status as string })
    }
  }
  const missingCount = planned.filter((o) => !existing.has(o.key)).length

  let shard: Shard = asHelper ?? { index: 0, count: 1 }
  let helper: Promise<void> | null = null
  if (!asHelper && missingCount >= HELPER_THRESHOLD) {
    helper = startHelper(logger, { index: 1, count: 2 })
    if (helper) {
      shard = { index: 0, count: 2 }
    }
  }
  const mine = planned.filter((_, i) => i % shard.count === shard.index)
  const label =
    shard.count > 1
      ? `orders (part ${shard.index + 1}/${shard.count})`
      : "orders"

  const customersByKey = new Map(customers.map((c) => [c.key, c]))
  const missing = mine.filter((o) => !existing.has(o.key))
  const progress = new Progress(logger, label, missing.length)
  const now = Date.now()

  const created = runPool(missing, CONCURRENCY, async (o) => {
    const customer = customersByKey.get(o.customer_key)!
    const us =
      (customer.address?.country_code ?? customer.country_code) === "us"
    const region = us ? setup.regions.us : setup.regions.europe
    const shipping = us ? setup.shipping.us : setup.shipping.europe
    const input: CreateOrderWorkflowInput & { created_at: Date } = {
      region_id: region.id,
      currency_code: region.currency_code,
      sales_channel_id: setup.channels[o.channel],
      customer_id: customerIds.get(o.customer_key)!,
      email: customer.email ?? undefined,
      shipping_address: orderAddress(customer, customer.address),
      billing_address: orderAddress(customer, customer.billing_address),
      // Prices come from the variants' price sets (the region's currency), as in a draft order;
      // `title` and `unit_price` are filled in by the workflow.
      items: o.items.map((item) => ({
        variant_id: setup.variantIds.get(item.sku)!,
        quantity: item.quantity,
      })) as CreateOrderWorkflowInput["items"],
      shipping_methods: o.ships
        ? [
            {
              name: shipping.name,
              amount: shipping.amount,
              shipping_option_id: shipping.option_id,
              is_tax_inclusive: region.is_tax_inclusive,
            },
          ]
        : undefined,
      metadata: { seed_key: o.key },
      // Not part of the DTO type, but the order module stores it: this backdates the order.
      created_at: new Date(now - o.offset_ms),
    }
    const { result } = await createOrderWorkflow(container).run({ input })
    existing.set(o.key, { id: result.id, status: result.status })
    progress.tick()
  })
  const own = created.then(async () => {
    const toCancel = mine.filter(
      (o) => o.cancel && existing.get(o.key)?.status !== "canceled"
    )
    if (toCancel.length) {
      const cancelProgress = new Progress(
        logger,
        `canceled ${label}`,
        toCancel.length
      )
      await runPool(toCancel, CONCURRENCY, async (o) => {
        await cancelOrderWorkflow(container).run({
          input: { order_id: existing.get(o.key)!.id },
        })
        cancelProgress.tick()
      })
    }
    if (!missing.length && !toCancel.length) {
      logger.info(`${label}: all ${mine.length} exist, skipped`)
    }
    await ensureOrderStates(
      container as MedusaContainer,
      logger,
      `paid and fulfilled ${label}`,
      mine,
      new Map([...existing].map(([key, o]) => [key, o.id])),
      fulfillmentSetup(setup),
      CONCURRENCY
    )
  })
  // Wait for both before failing, so that no process is left running on its own.
  const [ownResult, helperResult] = await Promise.allSettled([own, helper])
  for (const result of [ownResult, helperResult]) {
    if (result.status === "rejected") {
      throw result.reason
    }
  }
}
