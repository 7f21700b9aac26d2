import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../../modules/membership"
import type { GroupPair } from "./benefit-groups"
import type { BenefitJoin, MembershipChange, NewMembershipEvent } from "./membership-change"

const service = (container: { resolve: <T>(key: string) => T }) =>
  container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)

const strip = ({ created_at: _c, updated_at: _u, deleted_at: _d, plan: _p, shares: _s, events: _e, membership: _m, ...rest }: any) => rest

export const createMembershipsStepId = "create-memberships"

/** Creates memberships (ids and numbers chosen beforehand). Compensation deletes them. */
export const createMembershipsStep = createStep(
  createMembershipsStepId,
  async (rows: MembershipChange["create"], { container }) => {
    if (!rows.length) {
      return new StepResponse([] as string[], [] as string[])
    }
    const created = await service(container).createMemberships(rows)
    const ids = created.map((m) => m.id)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await service(container).deleteMemberships(ids)
    }
  }
)

export const updateMembershipsStepId = "update-memberships"

/** Updates memberships. Compensation puts the previous values back. */
export const updateMembershipsStep = createStep(
  updateMembershipsStepId,
  async (updates: MembershipChange["update"], { container }) => {
    if (!updates.length) {
      return new StepResponse([] as string[], [] as any[])
    }
    const before = await service(container).listMemberships({ id: updates.map((u) => u.id) })
    await service(container).updateMemberships(updates)
    return new StepResponse(updates.map((u) => u.id), before.map(strip))
  },
  async (before, { container }) => {
    if (before?.length) {
      await service(container).updateMemberships(before)
    }
  }
)

export const changeMembershipSharesStepId = "change-membership-shares"

/**
 * Adds and removes co-members and sets new card versions. Compensation removes the added, restores
 * the removed and puts the earlier card versions back.
 */
export const changeMembershipSharesStep = createStep(
  changeMembershipSharesStepId,
  async (input: Pick<MembershipChange, "create_shares" | "delete_shares" | "update_shares">, { container }) => {
    const m = service(container)
    const versions = input.update_shares ?? []
    const before = versions.length
      ? (await m.listMembershipShares({ id: versions.map((v) => v.id) }, { select: ["id", "card_version"] })).map((s) => ({
          id: s.id,
          card_version: s.card_version,
        }))
      : []
    if (input.create_shares.length) {
      await m.createMembershipShares(input.create_shares)
    }
    if (versions.length) {
      await m.updateMembershipShares(versions)
    }
    if (input.delete_shares.length) {
      await m.softDeleteMembershipShares(input.delete_shares)
    }
    return new StepResponse(true, {
      created: input.create_shares.map((s) => s.id),
      deleted: input.delete_shares,
      versions: before,
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    if (undo.created.length) {
      await service(container).deleteMembershipShares(undo.created)
    }
    if (undo.deleted.length) {
      await service(container).restoreMembershipShares(undo.deleted)
    }
    if (undo.versions?.length) {
      await service(container).updateMembershipShares(undo.versions)
    }
  }
)

export const setMembershipJoinedFlagsStepId = "set-membership-joined-flags"

/**
 * Records on each membership or share that became active whether it put its customer into the
 * benefit group (the pairs `joinBenefitGroupsStep` added) or found them there already. Compensation
 * restores the previous flags.
 */
export const setMembershipJoinedFlagsStep = createStep(
  setMembershipJoinedFlagsStepId,
  async (input: { joins: BenefitJoin[]; added: GroupPair[] }, { container }) => {
    if (!input.joins.length) {
      return new StepResponse(true, null)
    }
    const added = new Set(input.added.map((p) => `${p.customer_id}:${p.customer_group_id}`))
    const flags = input.joins.map((j) => ({ ...j, joined_group: added.has(`${j.customer_id}:${j.customer_group_id}`) }))
    const memberships = flags.filter((f) => f.kind === "membership")
    const shares = flags.filter((f) => f.kind === "share")
    const m = service(container)
    const before = {
      memberships: memberships.length
        ? (await m.listMemberships({ id: memberships.map((f) => f.id) }, { select: ["id", "joined_group"] })).map((r) => ({ id: r.id, joined_group: r.joined_group }))
        : [],
      shares: shares.length
        ? (await m.listMembershipShares({ id: shares.map((f) => f.id) }, { select: ["id", "joined_group"] })).map((r) => ({ id: r.id, joined_group: r.joined_group }))
        : [],
    }
    if (memberships.length) {
      await m.updateMemberships(memberships.map((f) => ({ id: f.id, joined_group: f.joined_group })))
    }
    if (shares.length) {
      await m.updateMembershipShares(shares.map((f) => ({ id: f.id, joined_group: f.joined_group })))
    }
    return new StepResponse(true, before)
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    if (before.memberships.length) {
      await service(container).updateMemberships(before.memberships)
    }
    if (before.shares.length) {
      await service(container).updateMembershipShares(before.shares)
    }
  }
)

export const recordMembershipEventsStepId = "record-membership-events"

/** Appends to the memberships' histories. Compensation deletes the entries. */
export const recordMembershipEventsStep = createStep(
  recordMembershipEventsStepId,
  async (events: NewMembershipEvent[], { container }) => {
    if (!events.length) {
      return new StepResponse([] as string[], [] as string[])
    }
    const created = await service(container).createMembershipEvents(events)
    const ids = created.map((e) => e.id)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await service(container).deleteMembershipEvents(ids)
    }
  }
)
