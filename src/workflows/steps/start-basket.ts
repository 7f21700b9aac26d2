import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { crmError } from "../../lib/errors"
import { InsightErrorCodes } from "../../types/http/insights"

type Address = Record<string, unknown> & { country_code?: string | null }

const ADDRESS_FIELDS = ["first_name", "last_name", "company", "address_1", "address_2", "city", "province", "postal_code", "country_code", "phone"]

const copyAddress = (address?: Address | null) =>
  address ? Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, address[f] ?? null]).filter(([, v]) => v !== null)) : undefined

export const prepareBasketStepId = "prepare-customer-basket"

/**
 * What a new basket for the customer needs: their e-mail and default shipping and billing
 * addresses, a region (the one given; else the one whose countries include the shipping address'
 * country; else the store's default) with its currency, and a sales channel (given, else the
 * store's default). 404 unknown customer, 400 unknown region or channel. Writes nothing.
 */
export const prepareBasketStep = createStep(
  prepareBasketStepId,
  async (input: { customer_id: string; region_id?: string; sales_channel_id?: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "email", "addresses.*"],
      filters: { id: input.customer_id },
    })
    const customer = customers[0] as any
    if (!customer) {
      throw crmError(MedusaError.Types.NOT_FOUND, InsightErrorCodes.CUSTOMER_NOT_FOUND, `Customer with id: ${input.customer_id} was not found`)
    }
    const addresses: (Address & { is_default_shipping?: boolean; is_default_billing?: boolean })[] = customer.addresses ?? []
    const shipping = addresses.find((a) => a.is_default_shipping) ?? addresses[0]
    const billing = addresses.find((a) => a.is_default_billing) ?? shipping

    const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["default_region_id", "default_sales_channel_id"] })
    const { data: regions } = await query.graph({ entity: "region", fields: ["id", "currency_code", "countries.iso_2"] })
    const region = input.region_id
      ? regions.find((r: any) => r.id === input.region_id)
      : regions.find((r: any) => shipping?.country_code && r.countries?.some((c: any) => c.iso_2 === shipping.country_code?.toLowerCase())) ??
        regions.find((r: any) => r.id === store?.default_region_id) ??
        regions[0]
    if (!region) {
      throw crmError(MedusaError.Types.INVALID_DATA, InsightErrorCodes.REGION_NOT_FOUND, input.region_id ? `Region with id: ${input.region_id} was not found` : "The store has no region")
    }
    const salesChannelId = input.sales_channel_id ?? store?.default_sales_channel_id
    if (input.sales_channel_id) {
      const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { id: input.sales_channel_id } })
      if (!channels.length) {
        throw crmError(MedusaError.Types.INVALID_DATA, InsightErrorCodes.SALES_CHANNEL_NOT_FOUND, `Sales channel with id: ${input.sales_channel_id} was not found`)
      }
    }
    // The address only goes on the basket when the region ships there.
    const regionHas = (a?: Address) => !!a?.country_code && (region as any).countries?.some((c: any) => c.iso_2 === a.country_code?.toLowerCase())
    return new StepResponse({
      customer_id: customer.id,
      email: customer.email ?? undefined,
      region_id: (region as any).id,
      currency_code: (region as any).currency_code,
      sales_channel_id: salesChannelId ?? undefined,
      shipping_address: regionHas(shipping) ? copyAddress(shipping) : undefined,
      billing_address: billing ? copyAddress(billing) : undefined,
    })
  }
)
