import type { IFileModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sharedConnection } from "../../lib/customer-data"
import { writeCustomerListFile } from "../../lib/customer-list-export"
import { crmError } from "../../lib/errors"
import { CRM_REPORT_MODULE, type CrmReportModuleService } from "../../modules/crm-report"
import {
  claimExport,
  expireExports,
  exportTtlHours,
  failExport,
  finishExport,
  recordExportProgress,
  releaseStalledExports,
  unclaimExport,
  unexpireExports,
} from "../../modules/crm-report/exports"
import { CUSTOMER_SEGMENT_MODULE, type CustomerSegmentModuleService } from "../../modules/customer-segment"
import {
  CustomerListErrorCodes,
  type CustomerExportFormat,
  type CustomerExportSource,
  type CustomerListColumn,
  type CustomerListFilter,
} from "../../types/http/customer-list"

/** What to export, as the admin asked for it: exactly one of a filter, a selection, a segment. */
export type ListExportSourceInput = {
  filter?: CustomerListFilter
  ids?: string[]
  segment_id?: string
}

export type ResolvedListExportSource = {
  source: CustomerExportSource
  segment_id: string | null
  filter: CustomerListFilter
}

export const resolveListExportSourceStepId = "resolve-list-export-source"

/**
 * The filter an export runs with, as it is now: the filter given; a selection as `{ id: [...] }`;
 * a segment's saved filter at this moment (404 `segment_not_found`). Reads only.
 */
export const resolveListExportSourceStep = createStep(
  resolveListExportSourceStepId,
  async (input: ListExportSourceInput, { container }) => {
    if (input.segment_id) {
      const segments: CustomerSegmentModuleService = container.resolve(CUSTOMER_SEGMENT_MODULE)
      const [segment] = await segments.listCustomerSegments({ id: input.segment_id }, { select: ["id", "filter"], take: 1 })
      if (!segment) {
        throw crmError(
          MedusaError.Types.NOT_FOUND,
          CustomerListErrorCodes.SEGMENT_NOT_FOUND,
          `Segment ${input.segment_id} was not found`
        )
      }
      const resolved: ResolvedListExportSource = {
        source: "segment",
        segment_id: segment.id,
        filter: (segment.filter ?? {}) as CustomerListFilter,
      }
      return new StepResponse(resolved)
    }
    if (input.ids) {
      const resolved: ResolvedListExportSource = { source: "selection", segment_id: null, filter: { id: [...new Set(input.ids)] } }
      return new StepResponse(resolved)
    }
    const resolved: ResolvedListExportSource = { source: "filter", segment_id: null, filter: input.filter ?? {} }
    return new StepResponse(resolved)
  }
)

export type CreateListExportRecordInput = ResolvedListExportSource & {
  columns: CustomerListColumn[]
  format: CustomerExportFormat
  created_by: string | null
}

export const createListExportRecordStepId = "create-list-export-record"

/** Records the export (pending): who exported what. The compensation deletes the record. */
export const createListExportRecordStep = createStep(
  createListExportRecordStepId,
  async (input: CreateListExportRecordInput, { container }) => {
    const service: CrmReportModuleService = container.resolve(CRM_REPORT_MODULE)
    const created = await service.createCrmExports({
      source: input.source,
      segment_id: input.segment_id,
      filter: input.filter as Record<string, unknown>,
      columns: input.columns as unknown as Record<string, unknown>,
      format: input.format,
      status: "pending",
      created_by: input.created_by,
    })
    return new StepResponse({ id: created.id }, created.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: CrmReportModuleService = container.resolve(CRM_REPORT_MODULE)
    await service.deleteCrmExports(id)
  }
)

export type ClaimedListExport = {
  id: string
  filter: CustomerListFilter
  columns: CustomerListColumn[]
  format: CustomerExportFormat
}

export const claimListExportStepId = "claim-list-export"

/**
 * Claims a pending export for this worker (pending → running, one conditional statement): null when
 * it is not pending, so the same request delivered twice exports once. The compensation puts it
 * back to pending.
 */
export const claimListExportStep = createStep(
  claimListExportStepId,
  async (id: string, { container }) => {
    const row = await claimExport(sharedConnection(container), id)
    const claimed: ClaimedListExport | null = row
      ? {
          id: row.id as string,
          filter: (row.filter ?? {}) as CustomerListFilter,
          columns: row.columns as CustomerListColumn[],
          format: row.format as CustomerExportFormat,
        }
      : null
    return new StepResponse(claimed, claimed?.id ?? null)
  },
  async (id, { container }) => {
    if (id) {
      await unclaimExport(sharedConnection(container), id)
    }
  }
)

export const writeListExportFileStepId = "write-list-export-file"

/**
 * Streams the export into the file module (private, `customers-<export id>.<format>`), recording
 * `processed`/`total` after every batch. The compensation deletes the file.
 */
export const writeListExportFileStep = createStep(
  writeListExportFileStepId,
  async (input: ClaimedListExport, { container }) => {
    const connection = sharedConnection(container)
    const written = await writeCustomerListFile(
      container,
      {
        filter: input.filter,
        columns: input.columns,
        format: input.format,
        filename: `customers-${input.id.toLowerCase()}.${input.format}`,
      },
      (processed, total) => recordExportProgress(connection, input.id, processed, total)
    )
    const expires_at = new Date(Date.now() + exportTtlHours() * 3600_000)
    return new StepResponse({ ...written, expires_at: expires_at.toISOString() }, written.file_id)
  },
  async (fileId, { container }) => {
    if (!fileId) {
      return
    }
    const files: IFileModuleService = container.resolve(Modules.FILE)
    await files.deleteFiles([fileId])
  }
)

export const finishListExportStepId = "finish-list-export"

/** Marks the running export done with its file, size and expiry. The compensation puts it back to running. */
export const finishListExportStep = createStep(
  finishListExportStepId,
  async (input: { id: string; file_id: string; rows: number; size_bytes: number; expires_at: string }, { container }) => {
    const done = await finishExport(sharedConnection(container), input.id, {
      file_id: input.file_id,
      rows: input.rows,
      size_bytes: input.size_bytes,
      expires_at: new Date(input.expires_at),
    })
    return new StepResponse({ done }, done ? input.id : null)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await sharedConnection(container).raw(
      `UPDATE crm_export SET status = 'running', file_id = NULL, size_bytes = NULL, expires_at = NULL, finished_at = NULL
        WHERE id = ? AND status = 'done'`,
      [id]
    )
  }
)

export const failListExportStepId = "fail-list-export"

/** Marks a pending or running export failed with a message free of personal data. No compensation: it is final. */
export const failListExportStep = createStep(
  failListExportStepId,
  async (input: { id: string; error: string }, { container }) => {
    const failed = await failExport(sharedConnection(container), input.id, input.error)
    return new StepResponse({ failed })
  }
)

export const expireListExportsStepId = "expire-list-exports"

/** Marks done exports past their expiry expired (the rows stay); the compensation makes them done again. */
export const expireListExportsStep = createStep(
  expireListExportsStepId,
  async (ids: string[], { container }) => {
    const expired = await expireExports(sharedConnection(container), ids)
    return new StepResponse(expired, expired.map((e) => e.id))
  },
  async (ids, { container }) => {
    await unexpireExports(sharedConnection(container), ids ?? [])
  }
)

export const deleteListExportFilesStepId = "delete-list-export-files"

/** Deletes expired exports' files from the file module. Last step: a deleted file cannot come back. */
export const deleteListExportFilesStep = createStep(
  deleteListExportFilesStepId,
  async (fileIds: string[], { container }) => {
    const ids = fileIds.filter(Boolean)
    if (ids.length) {
      const files: IFileModuleService = container.resolve(Modules.FILE)
      await files.deleteFiles(ids)
    }
    return new StepResponse(ids.length)
  }
)

export const releaseStalledListExportsStepId = "release-stalled-list-exports"

/**
 * Puts exports a stopped worker left running (no progress for `EXPORT_STALLED_MINUTES`) back to
 * pending and returns their ids. No compensation: a pending export is requested again.
 */
export const releaseStalledListExportsStep = createStep(releaseStalledListExportsStepId, async (_: void, { container }) => {
  return new StepResponse(await releaseStalledExports(sharedConnection(container)))
})
