import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreatePlanInput, UpdatePlanInput } from "../../modules/membership/utils"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../../modules/membership"
import { crmError } from "../../lib/errors"
import { MembershipErrorCodes as Codes } from "../../types/http/memberships"

const service = (container: { resolve: <T>(key: string) => T }) =>
  container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)

export const validateMembershipPlanStepId = "validate-membership-plan"

/**
 * Checks a plan's references before it is saved: the plan exists (404 on update/delete), its
 * benefit group and variant exist, no other plan sells the same variant, the duration is whole,
 * and a plan with active memberships is not deleted (400). Writes nothing.
 */
export const validateMembershipPlanStep = createStep(
  validateMembershipPlanStepId,
  async (
    input: { id?: string; data?: CreatePlanInput | UpdatePlanInput; deleting?: boolean },
    { container }
  ) => {
    const m = service(container)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const existing = input.id ? (await m.listMembershipPlans({ id: input.id }))[0] : null
    if (input.id && !existing) {
      throw crmError(MedusaError.Types.NOT_FOUND, Codes.PLAN_NOT_FOUND, `Membership plan with id: ${input.id} was not found`)
    }
    if (input.deleting) {
      const active = await m.listMemberships({ plan_id: input.id!, status: "active" }, { select: ["id"], take: 1 })
      if (active.length) {
        throw crmError(
          MedusaError.Types.NOT_ALLOWED,
          Codes.PLAN_HAS_ACTIVE_MEMBERSHIPS,
          "The plan has active memberships: cancel them or let them expire before deleting it"
        )
      }
      return new StepResponse(existing)
    }
    const data = input.data ?? {}
    const unit = data.duration_unit ?? existing?.duration_unit
    if (unit && unit !== "lifetime" && data.duration_unit && !data.duration_value && !existing?.duration_value) {
      throw crmError(MedusaError.Types.INVALID_DATA, Codes.DURATION_REQUIRED, "duration_value is required unless the plan is lifetime")
    }
    if (data.customer_group_id) {
      const { data: groups } = await query.graph({ entity: "customer_group", fields: ["id"], filters: { id: data.customer_group_id } })
      if (!groups.length) {
        throw crmError(MedusaError.Types.INVALID_DATA, Codes.CUSTOMER_GROUP_NOT_FOUND, `Customer group with id: ${data.customer_group_id} was not found`)
      }
    }
    if (data.variant_id) {
      const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { id: data.variant_id } })
      if (!variants.length) {
        throw crmError(MedusaError.Types.INVALID_DATA, Codes.VARIANT_NOT_FOUND, `Product variant with id: ${data.variant_id} was not found`)
      }
      const [other] = await m.listMembershipPlans({ variant_id: data.variant_id }, { select: ["id", "name"] })
      if (other && other.id !== input.id) {
        throw crmError(MedusaError.Types.INVALID_DATA, Codes.VARIANT_TAKEN, `The variant already sells the plan "${other.name}"`)
      }
    }
    return new StepResponse(existing)
  }
)

export const upsertMembershipPlanStepId = "upsert-membership-plan"

/** Creates or updates a plan. Compensation deletes the new plan or restores the old values. */
export const upsertMembershipPlanStep = createStep(
  upsertMembershipPlanStepId,
  async (input: { id?: string; data: CreatePlanInput | UpdatePlanInput }, { container }) => {
    const m = service(container)
    if (!input.id) {
      const plan = await m.createMembershipPlans(input.data as CreatePlanInput)
      return new StepResponse(plan, { created: plan.id as string | null, before: null as unknown })
    }
    const [before] = await m.listMembershipPlans({ id: input.id })
    const data = { ...input.data } as UpdatePlanInput
    if (data.duration_unit === "lifetime") {
      data.duration_value = null
    }
    const plan = await m.updateMembershipPlans({ id: input.id, ...data } as any)
    return new StepResponse(plan, { created: null as string | null, before: before as unknown })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const m = service(container)
    if (undo.created) {
      await m.deleteMembershipPlans(undo.created)
    }
    if (undo.before) {
      const { created_at: _c, updated_at: _u, deleted_at: _d, memberships: _m, ...before } = undo.before as any
      await m.updateMembershipPlans(before)
    }
  }
)

export const deleteMembershipPlanStepId = "delete-membership-plan"

/** Soft-deletes a plan (its past memberships keep their history). Compensation restores it. */
export const deleteMembershipPlanStep = createStep(
  deleteMembershipPlanStepId,
  async (id: string, { container }) => {
    await service(container).softDeleteMembershipPlans([id])
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (id) {
      await service(container).restoreMembershipPlans([id])
    }
  }
)

export const collectPlanMembersStepId = "collect-plan-members"

/**
 * Everyone an active membership of the plan puts in its benefit group (holders and co-members),
 * as benefit sources of the plan's current group: what a change of group has to move. Writes
 * nothing.
 */
export const collectPlanMembersStep = createStep(
  collectPlanMembersStepId,
  async (input: { plan_id: string; group_id: string | null }, { container }) => {
    const memberships = await service(container).listMemberships(
      { plan_id: input.plan_id, status: "active" },
      { relations: ["shares"], select: ["id", "customer_id", "joined_group", "shares.id", "shares.customer_id", "shares.joined_group"] }
    )
    const sources = memberships.flatMap((m) => [
      { kind: "membership" as const, id: m.id, customer_id: m.customer_id, customer_group_id: input.group_id, joined_group: m.joined_group },
      ...m.shares.map((s) => ({
        kind: "share" as const,
        id: s.id,
        customer_id: s.customer_id,
        customer_group_id: input.group_id,
        joined_group: s.joined_group,
      })),
    ])
    return new StepResponse(sources)
  }
)
