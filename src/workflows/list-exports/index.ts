import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import type { CustomerExportFormat, CustomerListColumn } from "../../types/http/customer-list"
import {
  claimListExportStep,
  createListExportRecordStep,
  deleteListExportFilesStep,
  expireListExportsStep,
  failListExportStep,
  finishListExportStep,
  type ListExportSourceInput,
  releaseStalledListExportsStep,
  resolveListExportSourceStep,
  writeListExportFileStep,
} from "./steps"

export * from "./steps"

export type CreateListExportWorkflowInput = ListExportSourceInput & {
  columns: CustomerListColumn[]
  format: CustomerExportFormat
  /** The admin user who exports. */
  created_by: string | null
}

/**
 * An admin exports the CRM list (a filter, a selection of ids, or a segment: 404
 * `segment_not_found`) with columns and a format. Records the export, pending, with the filter as
 * it is now (a segment's at this moment), and asks the worker to write the file
 * (`crm.customer_export.requested`). Returns the export's id.
 *
 * @example
 * const { result } = await createListExportWorkflow(container).run({
 *   input: { filter: { tags: ["vip"] }, columns: ["id", "email"], format: "csv", created_by: "user_1" },
 * })
 */
export const createListExportWorkflow = createWorkflow(
  "create-list-export",
  (input: WorkflowData<CreateListExportWorkflowInput>) => {
    const resolved = resolveListExportSourceStep(
      transform({ input }, ({ input }) => ({ filter: input.filter, ids: input.ids, segment_id: input.segment_id }))
    )
    const created = createListExportRecordStep(
      transform({ input, resolved }, ({ input, resolved }) => ({
        ...resolved,
        columns: input.columns,
        format: input.format,
        created_by: input.created_by,
      }))
    )
    emitEventStep({
      eventName: CrmEvents.LIST_EXPORT_REQUESTED,
      data: transform({ created }, ({ created }) => ({ id: created.id })),
    })
    return new WorkflowResponse(created)
  }
)

/**
 * The worker writes a requested export: claims it (pending → running; an export that is not
 * pending is left alone, so a repeated event does nothing), streams the file into the file module
 * with progress, marks it done with its expiry and announces it (`crm.customer_export.completed`).
 * Returns null when there was nothing to do.
 *
 * @example
 * await runListExportWorkflow(container).run({ input: { id: "cexp_123" } })
 */
export const runListExportWorkflow = createWorkflow(
  "run-list-export",
  (input: WorkflowData<{ id: string }>) => {
    const claimed = claimListExportStep(transform({ input }, ({ input }) => input.id))
    const result = when("list-export-claimed", { claimed }, ({ claimed }) => !!claimed).then(() => {
      const written = writeListExportFileStep(transform({ claimed }, ({ claimed }) => claimed!))
      finishListExportStep(
        transform({ claimed, written }, ({ claimed, written }) => ({
          id: claimed!.id,
          file_id: written.file_id,
          rows: written.rows,
          size_bytes: written.size_bytes,
          expires_at: written.expires_at,
        }))
      )
      emitEventStep({
        eventName: CrmEvents.LIST_EXPORT_COMPLETED,
        data: transform({ claimed, written }, ({ claimed, written }) => ({
          id: claimed!.id,
          status: "done",
          rows: written.rows,
        })),
      })
      return transform({ claimed, written }, ({ claimed, written }) => ({ id: claimed!.id, rows: written.rows }))
    })
    return new WorkflowResponse(transform({ result }, ({ result }) => result ?? null))
  }
)

/**
 * Marks an export failed (its worker could not write it) with a message free of personal data, and
 * announces it (`crm.customer_export.completed`, status `failed`). An export already finished is
 * left alone.
 *
 * @example
 * await failListExportWorkflow(container).run({ input: { id: "cexp_123", error: "database error 57014" } })
 */
export const failListExportWorkflow = createWorkflow(
  "fail-list-export",
  (input: WorkflowData<{ id: string; error: string }>) => {
    const outcome = failListExportStep(input)
    when("list-export-failed", { outcome }, ({ outcome }) => outcome.failed).then(() => {
      emitEventStep({
        eventName: CrmEvents.LIST_EXPORT_COMPLETED,
        data: transform({ input }, ({ input }) => ({ id: input.id, status: "failed", rows: 0 })),
      })
    })
    return new WorkflowResponse(outcome)
  }
)

/**
 * Expires exports whose download time is over: status `expired` (the row stays: the record of who
 * exported what), then their files leave the file module. Returns how many it expired.
 *
 * @example
 * await removeExpiredListExportsWorkflow(container).run({ input: { ids: ["cexp_123"] } })
 */
export const removeExpiredListExportsWorkflow = createWorkflow(
  "remove-expired-list-exports",
  (input: WorkflowData<{ ids: string[] }>) => {
    const expired = expireListExportsStep(transform({ input }, ({ input }) => input.ids))
    const removed = deleteListExportFilesStep(transform({ expired }, ({ expired }) => expired.map((e) => e.file_id)))
    return new WorkflowResponse(transform({ expired, removed }, ({ expired }) => expired.length))
  }
)

/**
 * Resumes exports a stopped worker left running: back to pending and requested again
 * (`crm.customer_export.requested`), so the worker writes them from the start. Returns their ids.
 *
 * @example
 * const { result: ids } = await resumeStalledListExportsWorkflow(container).run()
 */
export const resumeStalledListExportsWorkflow = createWorkflow("resume-stalled-list-exports", () => {
  const ids = releaseStalledListExportsStep()
  emitEventStep({
    eventName: CrmEvents.LIST_EXPORT_REQUESTED,
    data: transform({ ids }, ({ ids }) => ids.map((id) => ({ id }))),
  })
  return new WorkflowResponse(ids)
})
