import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CustomerProfile } from "../../../../../types/http/profile"
import { assertCustomerExists } from "../../../../utils/customers"

/**
 * The customer's profile as the admin reads it: every field (null when unset), the stores with
 * their names, and the anniversary falling back to the first order's date. 404 for an unknown
 * customer.
 */
export async function getCustomerProfile(scope: MedusaContainer, customerId: string): Promise<CustomerProfile> {
  await assertCustomerExists(scope, customerId)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: profiles }, { data: stores }] = await Promise.all([
    query.graph({
      entity: "customer_profile",
      fields: [
        "id",
        "birth_date",
        "gender",
        "nationality",
        "anniversary",
        "external_id",
        "gate_code",
        "photo_url",
        "updated_at",
      ],
      filters: { customer_id: customerId },
    }),
    query.graph({
      entity: "customer_store",
      fields: ["sales_channel_id", "source", "created_at", "sales_channel.name"],
      filters: { customer_id: customerId },
      pagination: { order: { created_at: "ASC" } },
    }),
  ])
  const profile = profiles[0]

  let anniversary = profile?.anniversary ?? null
  let anniversarySource: "set" | "first_order" | null = anniversary ? "set" : null
  if (!anniversary) {
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["created_at"],
      filters: { customer_id: customerId, is_draft_order: false },
      pagination: { order: { created_at: "ASC" }, take: 1, skip: 0 },
    })
    if (orders[0]) {
      anniversary = new Date(orders[0].created_at as string | Date).toISOString().slice(0, 10)
      anniversarySource = "first_order"
    }
  }

  return {
    id: profile?.id ?? null,
    customer_id: customerId,
    birth_date: profile?.birth_date ?? null,
    gender: profile?.gender ?? null,
    nationality: profile?.nationality ?? null,
    anniversary,
    anniversary_source: anniversarySource,
    external_id: profile?.external_id ?? null,
    gate_code: profile?.gate_code ?? null,
    photo_url: profile?.photo_url ?? null,
    stores: stores.map((s) => ({
      sales_channel_id: s.sales_channel_id,
      name: (s as { sales_channel?: { name?: string } | null }).sales_channel?.name ?? null,
      source: s.source,
    })),
    updated_at: profile?.updated_at ? new Date(profile.updated_at).toISOString() : null,
  }
}


