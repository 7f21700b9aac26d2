import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_TAG_MODULE } from "../../modules/customer-tag"
import type CustomerTagModuleService from "../../modules/customer-tag/service"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../../modules/membership"

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
 * Puts customers into the benefit groups of their new tags or memberships. Returns the pairs it
 * added: a customer already in the group (by hand or through another source) is left as is. Compensation takes the
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

/** What can put a customer into a benefit group: a tag, a membership (its holder) or a share of one. */
export type BenefitSourceKind = "tag" | "membership" | "share"

export type BenefitSource = ReleasedTag & { kind: BenefitSourceKind }

export type ReleaseBenefitGroupsStepInput = {
  /** Tags that are going (or whose definition's group is changing). */
  tags?: ReleasedTag[]
  /** Memberships and shares that are ending (or moving to another customer). */
  sources?: BenefitSource[]
  /** Ignore the other tags of this definition when looking for one that still needs the group. */
  exclude_definition_id?: string
  /** Ignore the memberships of this plan when looking for one that still needs the group. */
  exclude_plan_id?: string
}

type Heir = { kind: BenefitSourceKind; id: string; joined_group: boolean }

/**
 * For each customer and group, another source that still gives them the group: their other tags,
 * active memberships they hold, and active memberships shared with them.
 */
async function findHeirs(
  container: { resolve: <T>(key: string) => T },
  customerIds: string[],
  going: Set<string>,
  exclude: { definition_id?: string; plan_id?: string }
) {
  const tagService = container.resolve<CustomerTagModuleService>(CUSTOMER_TAG_MODULE)
  const memberships = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  const [tags, held, shares] = await Promise.all([
    tagService.listCustomerTags(
      { customer_id: customerIds },
      { relations: ["definition"], select: ["id", "customer_id", "joined_group", "definition.id", "definition.customer_group_id"] }
    ),
    memberships.listMemberships(
      { customer_id: customerIds, status: "active" },
      { relations: ["plan"], select: ["id", "customer_id", "joined_group", "plan.id", "plan.customer_group_id"] }
    ),
    memberships.listMembershipShares(
      { customer_id: customerIds, membership: { status: "active" } },
      {
        relations: ["membership", "membership.plan"],
        select: ["id", "customer_id", "joined_group", "membership.plan.id", "membership.plan.customer_group_id"],
      }
    ),
  ])
  const candidates: (Heir & { customer_id: string; group: string | null })[] = [
    ...tags
      .filter((t) => t.definition.id !== exclude.definition_id)
      .map((t) => ({ kind: "tag" as const, id: t.id, joined_group: t.joined_group, customer_id: t.customer_id, group: t.definition.customer_group_id as string | null })),
    ...held
      .filter((m) => m.plan.id !== exclude.plan_id)
      .map((m) => ({ kind: "membership" as const, id: m.id, joined_group: m.joined_group, customer_id: m.customer_id, group: m.plan.customer_group_id as string | null })),
    ...shares
      .filter((s) => s.membership.plan.id !== exclude.plan_id)
      .map((s) => ({ kind: "share" as const, id: s.id, joined_group: s.joined_group, customer_id: s.customer_id, group: s.membership.plan.customer_group_id as string | null })),
  ]
  const heirs = new Map<string, Heir>()
  for (const c of candidates) {
    if (going.has(`${c.kind}:${c.id}`) || !c.group) {
      continue
    }
    const key = pairKey({ customer_id: c.customer_id, customer_group_id: c.group })
    const current = heirs.get(key)
    // Prefer a source that already holds the flag: then nothing needs to change.
    if (!current || (!current.joined_group && c.joined_group)) {
      heirs.set(key, { kind: c.kind, id: c.id, joined_group: c.joined_group })
    }
  }
  return heirs
}

async function setJoinedFlags(
  container: { resolve: <T>(key: string) => T },
  heirs: Heir[],
  joined: boolean
) {
  const ids = (kind: BenefitSourceKind) => heirs.filter((h) => h.kind === kind).map((h) => h.id)
  const tagIds = ids("tag")
  const membershipIds = ids("membership")
  const shareIds = ids("share")
  if (tagIds.length) {
    await container
      .resolve<CustomerTagModuleService>(CUSTOMER_TAG_MODULE)
      .updateCustomerTags({ selector: { id: tagIds }, data: { joined_group: joined } })
  }
  const memberships = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  if (membershipIds.length) {
    await memberships.updateMemberships({ selector: { id: membershipIds }, data: { joined_group: joined } })
  }
  if (shareIds.length) {
    await memberships.updateMembershipShares({ selector: { id: shareIds }, data: { joined_group: joined } })
  }
}

export const releaseBenefitGroupsStepId = "release-benefit-groups"

/**
 * Takes customers out of the benefit groups that tags or memberships put them into. When another
 * source of theirs (a tag, a membership they hold or share) still gives the same group, the
 * customer stays and that source becomes the one that joined it, so that ending it later takes
 * them out. Memberships of groups an admin made by hand are never touched. Compensation puts the
 * customers back and restores the flags.
 */
export const releaseBenefitGroupsStep = createStep(
  releaseBenefitGroupsStepId,
  async (input: ReleaseBenefitGroupsStepInput, { container }) => {
    const sources: BenefitSource[] = [
      ...(input.tags ?? []).map((t) => ({ ...t, kind: "tag" as const })),
      ...(input.sources ?? []),
    ]
    const joined = sources.filter((s) => s.joined_group && s.customer_group_id)
    const undo = { removed: [] as GroupPair[], flagged: [] as Heir[] }
    if (!joined.length) {
      return new StepResponse(undo.removed, undo)
    }
    const pairs = [
      ...new Map(
        joined.map((s) => {
          const p = { customer_id: s.customer_id, customer_group_id: s.customer_group_id! }
          return [pairKey(p), p]
        })
      ).values(),
    ]
    const heirs = await findHeirs(
      container,
      [...new Set(pairs.map((p) => p.customer_id))],
      new Set(sources.map((s) => `${s.kind}:${s.id}`)),
      { definition_id: input.exclude_definition_id, plan_id: input.exclude_plan_id }
    )

    const toRemove = pairs.filter((p) => !heirs.has(pairKey(p)))
    const toFlag = pairs
      .map((p) => heirs.get(pairKey(p)))
      .filter((heir): heir is Heir => !!heir && !heir.joined_group)
    if (toRemove.length) {
      const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
      await customers.removeCustomerFromGroup(toRemove)
    }
    await setJoinedFlags(container, toFlag, true)
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
    await setJoinedFlags(container, undo.flagged, false)
  }
)
