import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_TAG_MODULE } from "../../modules/customer-tag"
import type CustomerTagModuleService from "../../modules/customer-tag/service"

export type GroupPair = { customer_id: string; customer_group_id: string }

const pairKey = (p: GroupPair) => `${p.customer_id}:${p.customer_group_id}`

/** The pairs whose customer is already in the group. */
async function existingMemberships(
  customers: ICustomerModuleService,
  pairs: GroupPair[]
): Promise<Set<string>> {
  const ids = [...new Set(pairs.map((p) => p.customer_id))]
  const found = new Set<string>()
  for (let i = 0; i < ids.length; i += 500) {
    const page = await customers.listCustomers(
      { id: ids.slice(i, i + 500) },
      { select: ["id"], relations: ["groups"] }
    )
    for (const customer of page) {
      for (const group of customer.groups ?? []) {
        found.add(pairKey({ customer_id: customer.id, customer_group_id: group.id }))
      }
    }
  }
  return found
}

export const joinBenefitGroupsStepId = "join-benefit-groups"

/**
 * Puts customers into the benefit groups of their new tags. Returns the pairs it added: a customer
 * already in the group (by hand or through another tag) is left as is. Compensation takes the
 * added pairs out again.
 */
export const joinBenefitGroupsStep = createStep(
  joinBenefitGroupsStepId,
  async (pairs: GroupPair[], { container }) => {
    const unique = [...new Map(pairs.map((p) => [pairKey(p), p])).values()]
    if (!unique.length) {
      return new StepResponse([] as GroupPair[], [] as GroupPair[])
    }
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const existing = await existingMemberships(customers, unique)
    const toAdd = unique.filter((p) => !existing.has(pairKey(p)))
    if (toAdd.length) {
      await customers.addCustomerToGroup(toAdd)
    }
    return new StepResponse(toAdd, toAdd)
  },
  async (added, { container }) => {
    if (!added?.length) {
      return
    }
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    await customers.removeCustomerFromGroup(added)
  }
)

export type ReleasedTag = {
  id: string
  customer_id: string
  customer_group_id: string | null
  joined_group: boolean
}

export type ReleaseBenefitGroupsStepInput = {
  /** Tags that are going (or whose definition's group is changing). */
  tags: ReleasedTag[]
  /** Ignore the other tags of this definition when looking for one that still needs the group. */
  exclude_definition_id?: string
}

export const releaseBenefitGroupsStepId = "release-benefit-groups"

/**
 * Takes customers out of the benefit groups that tags put them into. When another tag of theirs
 * still gives the same group, the customer stays and that tag becomes the one that joined it, so
 * that removing it later takes them out. Memberships an admin made by hand are never touched.
 * Compensation puts the customers back and restores the flags.
 */
export const releaseBenefitGroupsStep = createStep(
  releaseBenefitGroupsStepId,
  async ({ tags, exclude_definition_id }: ReleaseBenefitGroupsStepInput, { container }) => {
    const joined = tags.filter((t) => t.joined_group && t.customer_group_id)
    const undo = { removed: [] as GroupPair[], flagged: [] as string[] }
    if (!joined.length) {
      return new StepResponse(undo.removed, undo)
    }
    const tagService: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    const goingIds = new Set(tags.map((t) => t.id))
    const pairs = [
      ...new Map(
        joined.map((t) => {
          const p = { customer_id: t.customer_id, customer_group_id: t.customer_group_id! }
          return [pairKey(p), p]
        })
      ).values(),
    ]

    const remaining = await tagService.listCustomerTags(
      { customer_id: [...new Set(pairs.map((p) => p.customer_id))] },
      { relations: ["definition"], select: ["id", "customer_id", "joined_group", "definition.id", "definition.customer_group_id"] }
    )
    const heirs = new Map<string, { id: string; joined_group: boolean }>()
    for (const tag of remaining) {
      if (goingIds.has(tag.id) || tag.definition.id === exclude_definition_id) {
        continue
      }
      const groupId = tag.definition.customer_group_id as string | null
      if (!groupId) {
        continue
      }
      const key = pairKey({ customer_id: tag.customer_id, customer_group_id: groupId })
      if (!heirs.has(key)) {
        heirs.set(key, { id: tag.id, joined_group: tag.joined_group })
      }
    }

    const toRemove = pairs.filter((p) => !heirs.has(pairKey(p)))
    const toFlag = pairs
      .map((p) => heirs.get(pairKey(p)))
      .filter((heir): heir is { id: string; joined_group: boolean } => !!heir && !heir.joined_group)
      .map((heir) => heir.id)
    if (toRemove.length) {
      const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
      await customers.removeCustomerFromGroup(toRemove)
    }
    if (toFlag.length) {
      await tagService.updateCustomerTags({
        selector: { id: toFlag },
        data: { joined_group: true },
      })
    }
    undo.removed = toRemove
    undo.flagged = toFlag
    return new StepResponse(toRemove, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    if (undo.removed.length) {
      const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
      await customers.addCustomerToGroup(undo.removed)
    }
    if (undo.flagged.length) {
      const tagService: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
      await tagService.updateCustomerTags({
        selector: { id: undo.flagged },
        data: { joined_group: false },
      })
    }
  }
)
