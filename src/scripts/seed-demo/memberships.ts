import type { ICustomerModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createCustomerGroupsWorkflow } from "@medusajs/medusa/core-flows"
import { expireMemberships } from "../../jobs/expire-memberships"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../../modules/membership"
import {
  assignMembershipWorkflow,
  cancelMembershipWorkflow,
  giftMembershipWorkflow,
  purchaseMembershipsWorkflow,
  shareMembershipWorkflow,
} from "../../workflows/membership-actions"
import { createMembershipPlanWorkflow } from "../../workflows/membership-plans"
import { VIP_GROUP } from "./crm"
import { Progress } from "./progress"

const DAY = 86_400_000
const ANNUAL_PASS_SKU = "PASS-YEAR-ADULT"
const system = { type: "system" as const }

/**
 * The membership part of the demo: three plans (a Museum Annual Pass sold by the catalog's adult
 * annual pass variant, "Friends of the Hall" that can be shared with one person, and a lifetime
 * "Patron" giving the VIP group the VIP tag also gives), memberships bought with the seeded orders
 * (through the same workflow as `order.placed`), a few dozen assigned ones over the last two years
 * (some shared, one gifted, one cancelled), then the expiry job, so some have expired.
 * Idempotent: plans are found by name, purchases are once per order line, assignments happen once.
 */
export async function ensureMembershipData(container: MedusaContainer, logger: Logger, customerIds: string[]) {
  const service: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
  const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const groupId = async (name: string) => {
    const [group] = await customers.listCustomerGroups({ name })
    if (group) return group.id
    const { result } = await createCustomerGroupsWorkflow(container).run({ input: { customersData: [{ name }] } })
    return result[0].id
  }
  const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku: ANNUAL_PASS_SKU } })
  const plans = [
    { name: "Museum Annual Pass", description: "A year of free entry; bought in the shop or at the desk.", level: 1, duration_unit: "year" as const, duration_value: 1, customer_group_id: await groupId("Museum pass holders"), variant_id: variants[0]?.id ?? null, max_shares: 0, reminder_days: 14 },
    { name: "Friends of the Hall", description: "Priority booking and member prices; bring a partner.", level: 2, duration_unit: "year" as const, duration_value: 1, customer_group_id: await groupId("Friends"), variant_id: null, max_shares: 1, reminder_days: 30 },
    { name: "Patron", description: "Lifetime patrons: front-row seats and the VIP lounge.", level: 3, duration_unit: "lifetime" as const, duration_value: null, customer_group_id: await groupId(VIP_GROUP), variant_id: null, max_shares: 2, reminder_days: 0 },
  ]
  const planIds: Record<string, string> = {}
  for (const plan of plans) {
    const [existing] = await service.listMembershipPlans({ name: plan.name }, { select: ["id"] })
    planIds[plan.name] = existing?.id ?? (await createMembershipPlanWorkflow(container).run({ input: plan })).result.id
  }

  // Purchases: every seeded order with the annual pass, oldest first, so repeat buyers renew.
  if (variants[0]) {
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "created_at", "items.variant_id"],
      filters: { customer_id: customerIds, status: { $ne: "canceled" } },
    })
    const buying = (orders as any[])
      .filter((o) => o.items?.some((i: any) => i?.variant_id === variants[0].id))
      .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
    const progress = new Progress(logger, "memberships bought with orders", buying.length)
    for (const order of buying) {
      await purchaseMembershipsWorkflow(container).run({ input: { order_id: order.id } })
      progress.tick()
    }
  }

  // Assigned memberships, once: starts spread over the last two years.
  const friends = planIds["Friends of the Hall"]
  const assigned = await service.listMemberships({ plan_id: [friends, planIds["Patron"]] }, { select: ["id"], take: 1 })
  if (!assigned.length && customerIds.length > 10) {
    const pool = customerIds.slice(10, 10 + Math.min(30, customerIds.length - 10))
    const made: { id: string; customer_id: string }[] = []
    for (const [i, customerId] of pool.entries()) {
      const startsAt = new Date(Date.now() - ((i * 97) % 730) * DAY)
      const { result } = await assignMembershipWorkflow(container).run({
        input: { customer_id: customerId, plan_id: friends, starts_at: startsAt.toISOString(), actor: system },
      })
      made.push({ id: result.membership_ids[0], customer_id: customerId })
    }
    for (const customerId of customerIds.slice(0, 3)) {
      await assignMembershipWorkflow(container).run({
        input: { customer_id: customerId, plan_id: planIds["Patron"], actor: system },
      })
    }
    const active = await service.listMemberships({ id: made.map((m) => m.id), status: "active" }, { select: ["id", "customer_id"] })
    // Partners share a few, one was given away, one was cancelled.
    for (const [i, m] of active.slice(0, 4).entries()) {
      await shareMembershipWorkflow(container).run({
        input: { membership_id: m.id, share_customer_id: customerIds[40 + i] ?? customerIds[i + 3], actor: system },
        throwOnError: false,
      })
    }
    if (active[5]) {
      await giftMembershipWorkflow(container).run({
        input: { membership_id: active[5].id, to_customer_id: customerIds[5], actor: system },
        throwOnError: false,
      })
    }
    if (active[6]) {
      await cancelMembershipWorkflow(container).run({
        input: { membership_id: active[6].id, at: "now", actor: system },
      })
    }
  }

  const { expired } = await expireMemberships(container)
  const [all, count] = await service.listAndCountMemberships({}, { select: ["status"], take: 10_000 })
  const byStatus = all.reduce<Record<string, number>>((acc, m) => ({ ...acc, [m.status]: (acc[m.status] ?? 0) + 1 }), {})
  logger.info(
    `Membership demo data ready: ${plans.length} plans, ${count} memberships (${Object.entries(byStatus).map(([s, n]) => `${n} ${s}`).join(", ")}), ${expired} ended now`
  )
}
