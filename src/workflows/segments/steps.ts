import type { ICustomerModuleService } from "@medusajs/framework/types"
import { generateEntityId, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { crmError } from "../../lib/errors"
import { selectRows } from "../../lib/queries/sql"
import { batches, groupMemberCount, segmentDiff, type SegmentDiff, type SyncableSegment } from "../../lib/segments"
import { CUSTOMER_SEGMENT_MODULE, type CustomerSegmentModuleService } from "../../modules/customer-segment"
import {
  CustomerListErrorCodes,
  type CustomerListFilter,
  type SegmentManualMembers,
  type SegmentSyncTrigger,
} from "../../types/http/customer-list"

/** A segment as stored. */
export type SegmentRecord = {
  id: string
  name: string
  description: string | null
  filter: CustomerListFilter
  group_id: string | null
  manual_members: SegmentManualMembers
  created_by: string | null
  dirty_at: Date | string | null
}

/** The fields a create or update writes. */
export type SegmentData = {
  name?: string
  description?: string | null
  filter?: CustomerListFilter
  group_id?: string | null
  manual_members?: SegmentManualMembers
  created_by?: string | null
}

const segments = (container: { resolve: <T>(key: string) => T }) =>
  container.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)

const SEGMENT_FIELDS = ["id", "name", "description", "filter", "group_id", "manual_members", "created_by", "dirty_at"]

/** A segment, or a 404 `segment_not_found`. */
export async function loadSegment(container: { resolve: <T>(key: string) => T }, id: string): Promise<SegmentRecord> {
  const [segment] = await segments(container).listCustomerSegments({ id }, { select: SEGMENT_FIELDS })
  if (!segment) {
    throw crmError(MedusaError.Types.NOT_FOUND, CustomerListErrorCodes.SEGMENT_NOT_FOUND, `Segment ${id} was not found`)
  }
  return segment as unknown as SegmentRecord
}

export type ValidateSegmentStepInput = {
  /** Set when updating. */
  id?: string
  name?: string
  group_id?: string | null
  create_group?: boolean
}

export type ValidatedSegment = {
  previous: SegmentRecord | null
  /** A free name for the group to create (`create_group`): the segment's, or with a suffix when a group has it. */
  group_name: string | null
}

export const validateSegmentStepId = "validate-customer-segment"

/**
 * Checks a segment before it is written: it exists when updating (404 `segment_not_found`), its
 * name is free (409 `segment_name_taken`), the group exists (400 `group_not_found`) and no other
 * segment syncs into it (409 `group_already_synced`). Reads only.
 */
export const validateSegmentStep = createStep(
  validateSegmentStepId,
  async (input: ValidateSegmentStepInput, { container }) => {
    const service = segments(container)
    const previous = input.id ? await loadSegment(container, input.id) : null
    if (input.name !== undefined) {
      const [taken] = await service.listCustomerSegments({ name: input.name }, { select: ["id"] })
      if (taken && taken.id !== input.id) {
        throw crmError(
          MedusaError.Types.CONFLICT,
          CustomerListErrorCodes.SEGMENT_NAME_TAKEN,
          `A segment named ${input.name} already exists`
        )
      }
    }
    if (input.group_id) {
      const groups = await selectRows(
        container,
        `SELECT id FROM customer_group WHERE id = :id AND deleted_at IS NULL`,
        { id: input.group_id }
      )
      if (!groups.length) {
        throw crmError(
          MedusaError.Types.INVALID_DATA,
          CustomerListErrorCodes.GROUP_NOT_FOUND,
          `group_id: customer group ${input.group_id} does not exist`
        )
      }
      const [other] = await service.listCustomerSegments({ group_id: input.group_id }, { select: ["id"] })
      if (other && other.id !== input.id) {
        throw crmError(
          MedusaError.Types.CONFLICT,
          CustomerListErrorCodes.GROUP_ALREADY_SYNCED,
          `group_id: segment ${other.id} already syncs into customer group ${input.group_id}`
        )
      }
    }
    let groupName: string | null = null
    if (input.create_group) {
      const base = (input.name ?? previous?.name) as string
      const candidates = [base, ...Array.from({ length: 20 }, (_, i) => `${base} (segment${i ? ` ${i + 1}` : ""})`)]
      const used = new Set(
        (
          await selectRows(
            container,
            `SELECT name FROM customer_group WHERE name = ANY(:names) AND deleted_at IS NULL`,
            { names: candidates }
          )
        ).map((r) => r.name as string)
      )
      groupName = candidates.find((c) => !used.has(c)) ?? `${base} (${Date.now()})`
    }
    return new StepResponse<ValidatedSegment>({ previous, group_name: groupName })
  }
)

export const createSegmentStepId = "create-customer-segment"

/** Creates the segment. Compensation deletes it. */
export const createSegmentStep = createStep(
  createSegmentStepId,
  async (data: SegmentData & { name: string; filter: CustomerListFilter }, { container }) => {
    const created = await segments(container).createCustomerSegments({
      name: data.name,
      description: data.description ?? null,
      filter: data.filter as Record<string, unknown>,
      group_id: data.group_id ?? null,
      manual_members: data.manual_members ?? "keep",
      created_by: data.created_by ?? null,
    })
    return new StepResponse(created as unknown as SegmentRecord, created.id)
  },
  async (id, { container }) => {
    if (id) {
      await segments(container).deleteCustomerSegments([id])
    }
  }
)

export const updateSegmentStepId = "update-customer-segment"

/** Writes a segment's changed fields. Compensation writes the previous values back. */
export const updateSegmentStep = createStep(
  updateSegmentStepId,
  async (input: { id: string; data: SegmentData; previous: SegmentRecord }, { container }) => {
    const data = Object.fromEntries(Object.entries(input.data).filter(([, v]) => v !== undefined))
    const before = Object.fromEntries(
      Object.keys(data).map((key) => [key, input.previous[key as keyof SegmentRecord] ?? null])
    )
    const updated = Object.keys(data).length
      ? await segments(container).updateCustomerSegments({ id: input.id, ...data } as any)
      : input.previous
    return new StepResponse(updated as unknown as SegmentRecord, { id: input.id, before })
  },
  async (undo, { container }) => {
    if (undo && Object.keys(undo.before).length) {
      await segments(container).updateCustomerSegments({ id: undo.id, ...undo.before } as any)
    }
  }
)

type MemberRow = { id: string; segment_id: string; customer_id: string; created_at: string }

export const clearSegmentMembersStepId = "clear-customer-segment-members"

/**
 * Forgets which customers the segment's sync put into its group (the group changed or the
 * segment no longer syncs): they stay in the old group as ordinary members. Compensation puts
 * the records back.
 */
export const clearSegmentMembersStep = createStep(
  clearSegmentMembersStepId,
  async (input: { segment_id: string }, { container }) => {
    const rows = (await selectRows(
      container,
      `DELETE FROM customer_segment_member WHERE segment_id = :id AND deleted_at IS NULL
       RETURNING id, segment_id, customer_id, created_at`,
      { id: input.segment_id }
    )) as MemberRow[]
    return new StepResponse(rows.length, rows)
  },
  async (rows, { container }) => {
    await reinsertMembers(container, rows ?? [])
  }
)

async function reinsertMembers(container: { resolve: <T>(key: string) => T }, rows: MemberRow[]) {
  for (const batch of batches(rows)) {
    await selectRows(
      container as any,
      `INSERT INTO customer_segment_member (id, segment_id, customer_id, created_at, updated_at)
       SELECT * , now() FROM unnest(:ids::text[], :segment_ids::text[], :customer_ids::text[], :created::timestamptz[])
       ON CONFLICT DO NOTHING`,
      {
        ids: batch.map((r) => r.id),
        segment_ids: batch.map((r) => r.segment_id),
        customer_ids: batch.map((r) => r.customer_id),
        created: batch.map((r) => new Date(r.created_at).toISOString()),
      }
    )
  }
}

export const deleteSegmentStepId = "delete-customer-segment"

/**
 * Deletes a segment softly, with its member records and sync history. The group and its members
 * stay: Medusa's promotions and price lists may still target it. Compensation restores all three.
 */
export const deleteSegmentStep = createStep(
  deleteSegmentStepId,
  async (input: { id: string }, { container }) => {
    await segments(container).softDeleteCustomerSegments([input.id])
    const members = await selectRows(
      container,
      `UPDATE customer_segment_member SET deleted_at = now() WHERE segment_id = :id AND deleted_at IS NULL RETURNING id`,
      { id: input.id }
    )
    const syncs = await selectRows(
      container,
      `UPDATE customer_segment_sync SET deleted_at = now() WHERE segment_id = :id AND deleted_at IS NULL RETURNING id`,
      { id: input.id }
    )
    return new StepResponse(input.id, {
      id: input.id,
      member_ids: members.map((r) => r.id as string),
      sync_ids: syncs.map((r) => r.id as string),
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await segments(container).restoreCustomerSegments([undo.id])
    await selectRows(container, `UPDATE customer_segment_member SET deleted_at = NULL WHERE id = ANY(:ids)`, {
      ids: undo.member_ids,
    })
    await selectRows(container, `UPDATE customer_segment_sync SET deleted_at = NULL WHERE id = ANY(:ids)`, {
      ids: undo.sync_ids,
    })
  }
)

// ---------------------------------------------------------------------------------------------
// Sync

export type SyncTarget = { segment: SyncableSegment | null }

export const loadSegmentForSyncStepId = "load-customer-segment-for-sync"

/** The segment to sync, or null when it was deleted or no longer syncs (an event that came late). */
export const loadSegmentForSyncStep = createStep(
  loadSegmentForSyncStepId,
  async (input: { segment_id: string }, { container }) => {
    const [segment] = await segments(container).listCustomerSegments(
      { id: input.segment_id },
      { select: ["id", "filter", "group_id", "manual_members"] }
    )
    const target: SyncTarget = {
      segment: segment?.group_id ? (segment as unknown as SyncableSegment) : null,
    }
    return new StepResponse(target)
  }
)

export const startSegmentSyncStepId = "start-customer-segment-sync"

/** Records a sync as running (the segment page shows it). Compensation deletes the record. */
export const startSegmentSyncStep = createStep(
  startSegmentSyncStepId,
  async (input: { segment_id: string; trigger: SegmentSyncTrigger }, { container }) => {
    const sync = await segments(container).createCustomerSegmentSyncs({
      segment_id: input.segment_id,
      trigger: input.trigger,
      status: "running",
      started_at: new Date(),
    })
    return new StepResponse({ id: sync.id, started_at: sync.started_at as Date }, sync.id)
  },
  async (id, { container }) => {
    if (id) {
      await segments(container).deleteCustomerSegmentSyncs([id])
    }
  }
)

export const computeSegmentDiffStepId = "compute-customer-segment-diff"

/** Who joins and leaves the group (set-based SQL, see `segmentDiff`). Reads only. */
export const computeSegmentDiffStep = createStep(
  computeSegmentDiffStepId,
  async (input: { segment: SyncableSegment | null; customer_ids?: string[] | null }, { container }) => {
    if (!input.segment) {
      return new StepResponse<SegmentDiff>({ add: [], remove: [], forget: [] })
    }
    return new StepResponse(await segmentDiff(container, input.segment, input.customer_ids ?? null))
  }
)

export const applySegmentGroupChangesStepId = "apply-customer-segment-group-changes"

/**
 * Puts customers into the group and takes others out, through Medusa's customer module
 * (`addCustomerToGroup`, `removeCustomerFromGroup`) in batches, so Medusa's own data stays as its
 * module writes it. Compensation undoes exactly what was done, batches included.
 */
export const applySegmentGroupChangesStep = createStep(
  applySegmentGroupChangesStepId,
  async (input: { group_id: string | null; add: string[]; remove: string[] }, { container }) => {
    const done = { group_id: input.group_id, added: [] as string[], removed: [] as string[] }
    if (!input.group_id) {
      return new StepResponse(done, done)
    }
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const group = input.group_id
    try {
      for (const batch of batches(input.add)) {
        await customers.addCustomerToGroup(batch.map((customer_id) => ({ customer_id, customer_group_id: group })))
        done.added.push(...batch)
      }
      for (const batch of batches(input.remove)) {
        await customers.removeCustomerFromGroup(batch.map((customer_id) => ({ customer_id, customer_group_id: group })))
        done.removed.push(...batch)
      }
    } catch (e) {
      // Undo the batches that went through before passing the failure on.
      await undoGroupChanges(customers, done)
      throw e
    }
    return new StepResponse(done, done)
  },
  async (done, { container }) => {
    if (done) {
      await undoGroupChanges(container.resolve(Modules.CUSTOMER), done)
    }
  }
)

async function undoGroupChanges(
  customers: ICustomerModuleService,
  done: { group_id: string | null; added: string[]; removed: string[] }
) {
  const group = done.group_id
  if (!group) {
    return
  }
  for (const batch of batches(done.added)) {
    await customers.removeCustomerFromGroup(batch.map((customer_id) => ({ customer_id, customer_group_id: group })))
  }
  for (const batch of batches(done.removed)) {
    await customers.addCustomerToGroup(batch.map((customer_id) => ({ customer_id, customer_group_id: group })))
  }
  done.added = []
  done.removed = []
}

export const recordSegmentMembersStepId = "record-customer-segment-members"

/**
 * Records the customers the sync put into the group as the segment's own, and forgets those that
 * no longer match. Compensation reverses both.
 */
export const recordSegmentMembersStep = createStep(
  recordSegmentMembersStepId,
  async (input: { segment_id: string | null; add: string[]; forget: string[] }, { container }) => {
    const undo = { inserted: [] as string[], forgotten: [] as MemberRow[] }
    if (!input.segment_id) {
      return new StepResponse(undo, undo)
    }
    for (const batch of batches(input.add)) {
      const rows = await selectRows(
        container,
        `INSERT INTO customer_segment_member (id, segment_id, customer_id, created_at, updated_at)
         SELECT m.id, :segment_id, m.customer_id, now(), now()
           FROM unnest(:ids::text[], :customer_ids::text[]) AS m(id, customer_id)
         ON CONFLICT (segment_id, customer_id) WHERE deleted_at IS NULL DO NOTHING
         RETURNING id`,
        {
          segment_id: input.segment_id,
          // Ids as the module writes them (`csegm_` and a ULID).
          ids: batch.map(() => generateEntityId(undefined, "csegm")),
          customer_ids: batch,
        }
      )
      undo.inserted.push(...rows.map((r) => r.id as string))
    }
    for (const batch of batches(input.forget)) {
      const rows = (await selectRows(
        container,
        `DELETE FROM customer_segment_member WHERE segment_id = :segment_id AND customer_id = ANY(:customer_ids) AND deleted_at IS NULL
         RETURNING id, segment_id, customer_id, created_at`,
        { segment_id: input.segment_id, customer_ids: batch }
      )) as MemberRow[]
      undo.forgotten.push(...rows)
    }
    return new StepResponse(undo, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    for (const batch of batches(undo.inserted)) {
      await selectRows(container, `DELETE FROM customer_segment_member WHERE id = ANY(:ids)`, { ids: batch })
    }
    await reinsertMembers(container, undo.forgotten)
  }
)

export type FinishSegmentSyncStepInput = {
  segment_id: string | null
  /** The running record (full and manual syncs); null for an event's sync of a few customers. */
  sync: { id: string; started_at: Date } | null
  trigger: SegmentSyncTrigger
  group_id: string | null
  added: number
  removed: number
  /** A sync of every customer: it clears the segment's dirty mark (if set before it started). */
  full: boolean
}

export type FinishedSegmentSync = { sync_id: string | null; added: number; removed: number; members: number }

export const finishSegmentSyncStepId = "finish-customer-segment-sync"

/**
 * Records the sync as succeeded with its counts. An event's sync is recorded only when it changed
 * something (the same event twice leaves one record). A full sync clears the segment's dirty mark.
 * Compensation puts the record and the mark back.
 */
export const finishSegmentSyncStep = createStep(
  finishSegmentSyncStepId,
  async (input: FinishSegmentSyncStepInput, { container }) => {
    const service = segments(container)
    const none: FinishedSegmentSync = { sync_id: null, added: 0, removed: 0, members: 0 }
    if (!input.segment_id || !input.group_id) {
      return new StepResponse(none, { created: null as string | null, updated: null as string | null, dirty: null as null | { id: string; at: Date } })
    }
    const members = await groupMemberCount(container, input.group_id)
    const result = { ...input, members }
    let created: string | null = null
    let updated: string | null = null
    let syncId: string | null = input.sync?.id ?? null
    if (input.sync) {
      await service.updateCustomerSegmentSyncs({
        id: input.sync.id,
        status: "succeeded",
        added: input.added,
        removed: input.removed,
        members,
        finished_at: new Date(),
      })
      updated = input.sync.id
    } else if (input.added + input.removed > 0) {
      const now = new Date()
      const sync = await service.createCustomerSegmentSyncs({
        segment_id: input.segment_id,
        trigger: input.trigger,
        status: "succeeded",
        added: input.added,
        removed: input.removed,
        members,
        started_at: now,
        finished_at: now,
      })
      created = sync.id
      syncId = sync.id
    }
    let dirty: { id: string; at: Date } | null = null
    if (input.full && input.sync) {
      const rows = await selectRows(
        container,
        `UPDATE customer_segment s SET dirty_at = NULL FROM (SELECT id, dirty_at FROM customer_segment WHERE id = :id FOR UPDATE) old
          WHERE s.id = old.id AND old.dirty_at IS NOT NULL AND old.dirty_at <= :started
          RETURNING old.dirty_at`,
        { id: input.segment_id, started: new Date(input.sync.started_at).toISOString() }
      )
      dirty = rows.length ? { id: input.segment_id, at: rows[0].dirty_at as Date } : null
    }
    return new StepResponse<FinishedSegmentSync, { created: string | null; updated: string | null; dirty: { id: string; at: Date } | null }>(
      { sync_id: syncId, added: result.added, removed: result.removed, members },
      { created, updated, dirty }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = segments(container)
    if (undo.created) {
      await service.deleteCustomerSegmentSyncs([undo.created])
    }
    if (undo.updated) {
      await service.updateCustomerSegmentSyncs({ id: undo.updated, status: "running", finished_at: null })
    }
    if (undo.dirty) {
      await selectRows(container, `UPDATE customer_segment SET dirty_at = :at WHERE id = :id AND dirty_at IS NULL`, {
        id: undo.dirty.id,
        at: new Date(undo.dirty.at).toISOString(),
      })
    }
  }
)

export const recordSegmentSyncFailureStepId = "record-customer-segment-sync-failure"

/**
 * Records a failed sync (the error's message, no personal data: messages come from this plugin and
 * the database) and marks the segment dirty, so the next scheduled pass takes it. Compensation
 * deletes the record and restores the mark.
 */
export const recordSegmentSyncFailureStep = createStep(
  recordSegmentSyncFailureStepId,
  async (input: { segment_id: string; trigger: SegmentSyncTrigger; error: string }, { container }) => {
    const service = segments(container)
    const [segment] = await service.listCustomerSegments({ id: input.segment_id }, { select: ["id", "dirty_at"] })
    if (!segment) {
      return new StepResponse(null as null | { id: string }, null)
    }
    const now = new Date()
    const sync = await service.createCustomerSegmentSyncs({
      segment_id: input.segment_id,
      trigger: input.trigger,
      status: "failed",
      error: input.error.slice(0, 1000),
      started_at: now,
      finished_at: now,
    })
    if (!segment.dirty_at) {
      await service.updateCustomerSegments({ id: input.segment_id, dirty_at: now })
    }
    return new StepResponse({ id: sync.id }, { sync_id: sync.id, segment_id: input.segment_id, was_dirty: !!segment.dirty_at })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = segments(container)
    await service.deleteCustomerSegmentSyncs([undo.sync_id])
    if (!undo.was_dirty) {
      await service.updateCustomerSegments({ id: undo.segment_id, dirty_at: null })
    }
  }
)

export const markSegmentsDirtyStepId = "mark-customer-segments-dirty"

/** Marks segments dirty (the next scheduled pass syncs them fully). Compensation clears what it set. */
export const markSegmentsDirtyStep = createStep(
  markSegmentsDirtyStepId,
  async (input: { segment_ids: string[] }, { container }) => {
    const rows = await selectRows(
      container,
      `UPDATE customer_segment SET dirty_at = now() WHERE id = ANY(:ids) AND dirty_at IS NULL AND deleted_at IS NULL RETURNING id`,
      { ids: input.segment_ids }
    )
    const ids = rows.map((r) => r.id as string)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await selectRows(container, `UPDATE customer_segment SET dirty_at = NULL WHERE id = ANY(:ids)`, { ids })
    }
  }
)

export const assertSegmentSyncsStepId = "assert-customer-segment-syncs"

/** A sync needs a group: a segment without one is a 400 naming `group_id`. */
export const assertSegmentSyncsStep = createStep(
  assertSegmentSyncsStepId,
  async (input: { segment: SegmentRecord | null }) => {
    if (!input.segment?.group_id) {
      throw crmError(
        MedusaError.Types.INVALID_DATA,
        CustomerListErrorCodes.INVALID_DATA,
        `group_id: segment ${input.segment?.id ?? ""} syncs into no customer group; set group_id or create_group first`
      )
    }
    return new StepResponse(input.segment)
  }
)
