import type { ICustomerModuleService, IPromotionModuleService, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createCustomerGroupsWorkflow,
  createOrderWorkflow,
  createPromotionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { CUSTOMER_NOTE_MODULE } from "../../modules/customer-note"
import type CustomerNoteModuleService from "../../modules/customer-note/service"
import { CUSTOMER_PROFILE_MODULE } from "../../modules/customer-profile"
import type CustomerProfileModuleService from "../../modules/customer-profile/service"
import type { CustomerGender } from "../../modules/customer-profile"
import { CUSTOMER_TAG_MODULE } from "../../modules/customer-tag"
import type CustomerTagModuleService from "../../modules/customer-tag/service"
import { addCustomerStoresFromOrderWorkflow } from "../../workflows/add-customer-stores-from-order"
import { assignCustomerTagsWorkflow } from "../../workflows/assign-customer-tags"
import { createCustomerNoteWorkflow } from "../../workflows/create-customer-note"
import { createTagDefinitionWorkflow } from "../../workflows/create-tag-definition"
import { updateCustomerProfileWorkflow } from "../../workflows/update-customer-profile"
import type { PlannedCustomer } from "./plan"

type Container = { resolve: <T = unknown>(key: string) => T }

/** What the CRM part needs from the store setup: the Europe region, the channels, a variant. */
export type CrmSeedSetup = {
  region_id: string
  channel_ids: string[]
  variant_id: string
}

/** Orders of staff customers with the STAFF10 code, alternating channels: the benefit's usage. */
const STAFF_ORDERS = 6

export const STAFF_GROUP = "Staff"
export const VIP_GROUP = "VIP members"
export const STAFF_PROMO_CODE = "STAFF10"

const AFFILIATIONS = ["CUSTOMER", "INVESTOR", "EMPLOYEE", "PRESS"]
const GENDERS: CustomerGender[] = ["female", "male", "non_binary", "unspecified"]
const NOTES = [
  "Prefers aisle seats; uses a wheelchair, needs an accessible spot.",
  "Called about a refund for the canceled show; resolved with a voucher.",
  "Season regular, always buys for the opening night.",
  "Asked to receive tickets by post instead of e-mail.",
]

/**
 * The CRM part of the demo store: benefit groups with a staff promotion, tag definitions
 * (staff, VIP, USER_AFFILIATION with values, employer as free text), tags on some customers,
 * profiles and notes. Idempotent: what exists is left as it is.
 */
export async function ensureCrmData(
  container: Container,
  logger: Logger,
  planned: PlannedCustomer[],
  customerIds: Map<string, string>,
  setup: CrmSeedSetup
) {
  const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
  const promotions = container.resolve<IPromotionModuleService>(Modules.PROMOTION)
  const tags = container.resolve<CustomerTagModuleService>(CUSTOMER_TAG_MODULE)
  const profiles = container.resolve<CustomerProfileModuleService>(CUSTOMER_PROFILE_MODULE)
  const notes = container.resolve<CustomerNoteModuleService>(CUSTOMER_NOTE_MODULE)

  const groupId = async (name: string) => {
    const [group] = await customers.listCustomerGroups({ name })
    if (group) return group.id
    const { result } = await createCustomerGroupsWorkflow(container as never).run({
      input: { customersData: [{ name }] },
    })
    return result[0].id
  }
  const staffGroup = await groupId(STAFF_GROUP)
  const vipGroup = await groupId(VIP_GROUP)

  if (!(await promotions.listPromotions({ code: STAFF_PROMO_CODE })).length) {
    await createPromotionsWorkflow(container as never).run({
      input: {
        promotionsData: [
          {
            code: STAFF_PROMO_CODE,
            type: "standard",
            status: "active",
            is_automatic: false,
            application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10 },
            rules: [{ attribute: "customer.groups.id", operator: "in", values: [staffGroup] }],
          },
        ],
      },
    })
  }

  const definitions = [
    { key: "staff", label: "Staff", description: "Employees: 10% off with code STAFF10", color: "red" as const, value_mode: "flag" as const, customer_group_id: staffGroup },
    { key: "VIP", label: "VIP", description: "Front-row guests and patrons", color: "purple" as const, value_mode: "flag" as const, customer_group_id: vipGroup },
    { key: "USER_AFFILIATION", label: "Affiliation", description: "How the customer is related to us", color: "blue" as const, value_mode: "list" as const, allowed_values: AFFILIATIONS },
    { key: "employer", label: "Employer", description: "For company invoices", color: "grey" as const, value_mode: "text" as const },
  ]
  const existingKeys = new Set(
    (await tags.listCustomerTagDefinitions({ key: definitions.map((d) => d.key) })).map((d) => d.key)
  )
  for (const definition of definitions.filter((d) => !existingKeys.has(d.key))) {
    await createTagDefinitionWorkflow(container as never).run({ input: definition })
  }

  const withEmail = planned.filter((c) => c.email && customerIds.has(c.key))
  const id = (c: PlannedCustomer) => customerIds.get(c.key)!
  const assignments = [
    ...withEmail.slice(0, 6).map((c) => ({ customer_id: id(c), key: "staff" })),
    ...withEmail.slice(4, 14).map((c) => ({ customer_id: id(c), key: "VIP" })),
    ...withEmail
      .filter((_, i) => i % 3 === 0)
      .map((c, i) => ({ customer_id: id(c), key: "USER_AFFILIATION", value: AFFILIATIONS[i % AFFILIATIONS.length] })),
    ...withEmail
      .filter((c) => c.company_name)
      .map((c) => ({ customer_id: id(c), key: "employer", value: c.company_name! })),
  ]
  const { result } = await assignCustomerTagsWorkflow(container as never).run({
    input: { assignments, skip_existing: true, source: "demo" },
  })

  const profiled = withEmail.slice(0, Math.min(40, withEmail.length))
  const haveProfile = new Set(
    (await profiles.listCustomerProfiles({ customer_id: profiled.map(id) }, { select: ["customer_id"] })).map(
      (p) => p.customer_id
    )
  )
  let profileCount = 0
  for (const [i, c] of profiled.entries()) {
    if (haveProfile.has(id(c))) continue
    const year = 1955 + ((i * 7) % 50)
    const month = String(1 + (i % 12)).padStart(2, "0")
    const day = String(1 + ((i * 5) % 28)).padStart(2, "0")
    await updateCustomerProfileWorkflow(container as never).run({
      input: {
        customer_id: id(c),
        birth_date: `${year}-${month}-${day}`,
        gender: GENDERS[i % GENDERS.length],
        nationality: c.country_code.toUpperCase(),
        external_id: `BOX-${10000 + i}`,
        gate_code: i % 4 === 0 ? `${1000 + i * 37}#` : null,
      },
    })
    profileCount++
  }

  const noted = withEmail.slice(0, Math.min(8, withEmail.length))
  const haveNotes = new Set(
    (await notes.listCustomerNotes({ customer_id: noted.map(id), kind: "manual" }, { select: ["customer_id"] })).map(
      (n) => n.customer_id
    )
  )
  for (const [i, c] of noted.entries()) {
    if (haveNotes.has(id(c))) continue
    await createCustomerNoteWorkflow(container as never).run({
      input: { customer_id: id(c), body: NOTES[i % NOTES.length], pinned: i % 2 === 0 },
    })
  }

  // Orders made by `createOrderWorkflow` emit no `order.placed`: fill the stores from the orders
  // here, one order per customer and channel (the workflow adds a store only when missing).
  const query = container.resolve<{ graph: (q: unknown) => Promise<{ data: Record<string, any>[] }> }>(
    ContainerRegistrationKeys.QUERY
  )
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", "sales_channel_id"],
    filters: { customer_id: [...customerIds.values()] },
  })
  const firstPerStore = new Map<string, string>()
  for (const order of orders) {
    const key = `${order.customer_id}:${order.sales_channel_id}`
    if (order.customer_id && order.sales_channel_id && !firstPerStore.has(key)) {
      firstPerStore.set(key, order.id)
    }
  }
  for (const orderId of firstPerStore.values()) {
    await addCustomerStoresFromOrderWorkflow(container as never).run({ input: { order_id: orderId } })
  }

  // A few staff orders that used the benefit, so the Tags page shows usage per channel.
  const staff = withEmail.slice(0, 6)
  const { data: staffOrders } = await query.graph({
    entity: "order",
    fields: ["id", "metadata"],
    filters: { customer_id: staff.map(id) },
  })
  const seeded = new Set(
    staffOrders.map((o) => (o.metadata as Record<string, unknown> | null)?.seed_key).filter(Boolean)
  )
  for (let i = 0; i < Math.min(STAFF_ORDERS, staff.length * 2); i++) {
    const seedKey = `demo-staff-order-${i}`
    if (seeded.has(seedKey)) continue
    const c = staff[i % staff.length]
    await createOrderWorkflow(container as never).run({
      input: {
        region_id: setup.region_id,
        sales_channel_id: setup.channel_ids[i % setup.channel_ids.length],
        customer_id: id(c),
        email: c.email!,
        items: [{ variant_id: setup.variant_id, quantity: 1 + (i % 2) }] as never,
        promo_codes: [STAFF_PROMO_CODE],
        metadata: { seed_key: seedKey },
      },
    })
  }

  logger.info(
    `CRM demo data ready: ${definitions.length} tag definitions, ${result.tags.length} new tags, ${profileCount} new profiles`
  )
}
