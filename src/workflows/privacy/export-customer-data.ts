import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../../lib/events"
import { assertCustomerExistsStep } from "../steps/assert-customer-exists"
import {
  assertPrivacyActionAllowedStep,
  buildExportDocumentStep,
  completeExportRequestStep,
  deleteExportFilesStep,
  loadPendingExportStep,
  markExportDownloadedStep,
  notifyExportReadyStep,
  openStoreExportRequestStep,
  releaseExportFilesStep,
  storeExportFileStep,
} from "./export-steps"
import { createPrivacyRequestStep } from "./steps"

export type ExportCustomerDataWorkflowInput = {
  customer_id: string
  /** The admin user who downloads it (recorded on the request). */
  actor_id?: string | null
}

/**
 * Staff export a customer's data (GDPR Art. 15 and 20) from the admin: 403
 * `privacy_action_disabled` while the setting `staff_export` is off, 404 for an unknown customer.
 * Records a privacy request (kind `export`, source `admin`, the admin as actor), builds the
 * document of the person from every customer-data handler (internal notes per the setting
 * `export_include_notes`) and completes the request with the document's size. Returns the JSON
 * text and its file name for the download. A failure marks the request failed.
 *
 * The document passes between steps in memory only: the workflow is not stored (no async steps,
 * no retention time).
 *
 * @example
 * const { result } = await exportCustomerDataWorkflow(container).run({ input: { customer_id: "cus_123", actor_id: "user_1" } })
 * res.attachment(result.file_name).send(result.body)
 */
export const exportCustomerDataWorkflow = createWorkflow(
  "export-customer-data",
  (input: WorkflowData<ExportCustomerDataWorkflowInput>) => {
    const settings = assertPrivacyActionAllowedStep("staff_export")
    assertCustomerExistsStep(transform({ input }, ({ input }) => input.customer_id))
    const request = createPrivacyRequestStep(
      transform({ input }, ({ input }) => ({
        customer_id: input.customer_id,
        kind: "export" as const,
        source: "admin" as const,
        actor_id: input.actor_id ?? null,
      }))
    )
    const built = buildExportDocumentStep(
      transform({ input, settings }, ({ input, settings }) => ({
        customer_id: input.customer_id,
        include_notes: settings.export_include_notes,
      }))
    )
    completeExportRequestStep(
      transform({ request, built, settings }, ({ request, built, settings }) => ({
        request_id: request.id,
        record_count: built.record_count,
        size_bytes: built.size_bytes,
        include_notes: settings.export_include_notes,
        downloaded: true,
      }))
    )
    return new WorkflowResponse(
      transform({ request, built }, ({ request, built }) => ({
        request_id: request.id,
        body: built.body,
        file_name: built.file_name,
      }))
    )
  }
)

/**
 * A storefront customer asks for their data export: 403 `privacy_action_disabled` while the
 * setting `customer_self_export` is off; 429 `too_many_exports` past `EXPORT_REQUESTS_PER_DAY` in
 * 24 hours (race-free). Opens a pending request (source `store`; internal notes per the setting
 * at this moment) and emits `crm.privacy_export.requested` `{ id, customer_id }`: the worker
 * builds it (`buildCustomerExportWorkflow`).
 *
 * @example
 * const { result } = await requestCustomerExportWorkflow(container).run({ input: { customer_id: "cus_123" } })
 */
export const requestCustomerExportWorkflow = createWorkflow(
  "request-customer-export",
  (input: WorkflowData<{ customer_id: string }>) => {
    const settings = assertPrivacyActionAllowedStep("customer_self_export")
    assertCustomerExistsStep(transform({ input }, ({ input }) => input.customer_id))
    const request = openStoreExportRequestStep(
      transform({ input, settings }, ({ input, settings }) => ({
        customer_id: input.customer_id,
        include_notes: settings.export_include_notes,
      }))
    )
    emitEventStep({
      eventName: CrmEvents.PRIVACY_EXPORT_REQUESTED,
      data: transform({ input, request }, ({ input, request }) => ({ id: request.id, customer_id: input.customer_id })),
    })
    return new WorkflowResponse(transform({ request }, ({ request }) => ({ request_id: request.id })))
  }
)

/**
 * Builds a storefront export on the worker: under the request's lock, a request that is no longer
 * pending is skipped (the event delivered twice builds once). The document goes into Medusa's file
 * module (private access), the request is completed with the file, its size and the expiry
 * (`EXPORT_DOWNLOAD_HOURS`), `crm.privacy_export.ready` `{ id, customer_id, expires_at }` is
 * emitted and the customer is told by e-mail (template `privacy-export-ready`; without an e-mail
 * provider the export is ready all the same). A failure removes the stored file.
 *
 * @example
 * await buildCustomerExportWorkflow(container).run({ input: { request_id: "preq_123" } })
 */
export const buildCustomerExportWorkflow = createWorkflow(
  "build-customer-export",
  (input: WorkflowData<{ request_id: string }>) => {
    const key = transform({ input }, ({ input }) => [`crm-privacy-export:${input.request_id}`])
    acquireLockStep({ key, timeout: 30, ttl: 600 })
    const pending = loadPendingExportStep(transform({ input }, ({ input }) => input.request_id))
    const built = when("build-customer-export-when-pending", { pending }, ({ pending }) => !!pending).then(() => {
      const stored = storeExportFileStep(transform({ pending }, ({ pending }) => pending!))
      completeExportRequestStep(
        transform({ pending, stored }, ({ pending, stored }) => ({
          request_id: pending!.request_id,
          record_count: stored.record_count,
          size_bytes: stored.size_bytes,
          include_notes: pending!.include_notes,
          file_id: stored.file_id,
          expires_at: stored.expires_at,
        }))
      )
      emitEventStep({
        eventName: CrmEvents.PRIVACY_EXPORT_READY,
        data: transform({ pending, stored }, ({ pending, stored }) => ({
          id: pending!.request_id,
          customer_id: pending!.customer_id,
          expires_at: stored.expires_at,
        })),
      })
      notifyExportReadyStep(
        transform({ pending, stored }, ({ pending, stored }) => ({
          request_id: pending!.request_id,
          customer_id: pending!.customer_id,
          expires_at: stored.expires_at,
        }))
      )
      return stored
    })
    releaseLockStep({ key })
    return new WorkflowResponse(transform({ built }, ({ built }) => ({ built: !!built })))
  }
)

/**
 * Records that the customer downloaded their export (the first download's time).
 *
 * @example
 * await markExportDownloadedWorkflow(container).run({ input: { request_id: "preq_123" } })
 */
export const markExportDownloadedWorkflow = createWorkflow(
  "mark-export-downloaded",
  (input: WorkflowData<{ request_id: string }>) => {
    markExportDownloadedStep(transform({ input }, ({ input }) => input.request_id))
    return new WorkflowResponse(input.request_id)
  }
)

/**
 * Removes expired export files: detaches each from its request (the row stays, for the requests
 * log) and then deletes the files from the file module, last, since a deleted file cannot be
 * brought back.
 *
 * @example
 * await removeExportFilesWorkflow(container).run({ input: { exports: [{ id: "preq_1", file_id: "private-…json" }] } })
 */
export const removeExportFilesWorkflow = createWorkflow(
  "remove-export-files",
  (input: WorkflowData<{ exports: { id: string; file_id: string }[] }>) => {
    const released = releaseExportFilesStep(transform({ input }, ({ input }) => input.exports))
    const removed = deleteExportFilesStep(transform({ released }, ({ released }) => released.map((e) => e.file_id)))
    return new WorkflowResponse(removed)
  }
)
