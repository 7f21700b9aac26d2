import type { IFileModuleService, INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sharedConnection } from "../../lib/customer-data"
import { crmError } from "../../lib/errors"
import { assertPrivacyActionAllowed } from "../../lib/privacy"
import {
  buildCustomerExport,
  exportExpiresAt,
  exportFileName,
  openStoreExportRequest,
  PRIVACY_EXPORT_READY_TEMPLATE,
  serializeExport,
} from "../../lib/privacy-export"
import { selectRows } from "../../lib/queries/sql"
import { tooManyRequests } from "../../lib/too-many-requests"
import { PRIVACY_MODULE } from "../../modules/privacy"
import type PrivacyModuleService from "../../modules/privacy/service"
import { type PrivacyAction, PrivacyErrorCodes } from "../../types/http/privacy"

export const assertPrivacyActionAllowedStepId = "assert-privacy-action-allowed"

/**
 * Refuses (403 `privacy_action_disabled`, with the reason) while the privacy settings turn the
 * action off. Returns whether exports include internal notes. Writes nothing.
 */
export const assertPrivacyActionAllowedStep = createStep(
  assertPrivacyActionAllowedStepId,
  async (action: PrivacyAction, { container }) => {
    const settings = await assertPrivacyActionAllowed(container, action)
    return new StepResponse({ export_include_notes: settings.export_include_notes })
  }
)

export const buildExportDocumentStepId = "build-export-document"

/**
 * Builds the person's export document and its JSON text (see `buildCustomerExport`). Reads only.
 * The document is personal data: the workflows that run this step stay unstored (no async steps,
 * no retention time), so it lives in memory only.
 */
export const buildExportDocumentStep = createStep(
  buildExportDocumentStepId,
  async (input: { customer_id: string; include_notes: boolean }, { container }) => {
    const document = await buildCustomerExport(container, input.customer_id, { include_notes: input.include_notes })
    const body = serializeExport(document)
    return new StepResponse({
      body,
      file_name: exportFileName(input.customer_id, document.generated_at),
      size_bytes: Buffer.byteLength(body, "utf8"),
      record_count: document.records.length,
    })
  }
)

type ExportCompletion = {
  request_id: string
  record_count: number
  size_bytes: number
  include_notes: boolean
  file_id?: string | null
  expires_at?: Date | string | null
  /** The admin downloads it as it is built. */
  downloaded?: boolean
}

export const completeExportRequestStepId = "complete-export-request"

/**
 * Completes a pending export request with the document's size, whether it holds internal notes,
 * and (storefront) its file and the download's expiry. One conditional statement: a request no
 * longer pending stays as it is (`completed: false`). The compensation puts it back to pending
 * without a file, so the request's own compensation can mark it failed.
 */
export const completeExportRequestStep = createStep(
  completeExportRequestStepId,
  async (input: ExportCompletion, { container }) => {
    const [row] = await selectRows(
      sharedConnection(container),
      `UPDATE privacy_request
          SET status = 'completed', completed_at = now(), updated_at = now(), record_count = :record_count,
              size_bytes = :size_bytes, include_notes = :include_notes, file_id = :file_id, expires_at = :expires_at,
              downloaded_at = CASE WHEN :downloaded::boolean THEN now() ELSE downloaded_at END
        WHERE id = :id AND kind = 'export' AND status = 'pending'
        RETURNING id`,
      {
        id: input.request_id,
        record_count: input.record_count,
        size_bytes: input.size_bytes,
        include_notes: input.include_notes,
        file_id: input.file_id ?? null,
        expires_at: input.expires_at ?? null,
        downloaded: !!input.downloaded,
      }
    )
    return new StepResponse({ completed: !!row }, row ? input.request_id : null)
  },
  async (requestId, { container }) => {
    if (!requestId) {
      return
    }
    await selectRows(
      sharedConnection(container),
      `UPDATE privacy_request SET status = 'pending', completed_at = NULL, file_id = NULL, expires_at = NULL,
              size_bytes = NULL, downloaded_at = NULL, updated_at = now()
        WHERE id = :id AND status = 'completed'`,
      { id: requestId }
    )
  }
)

export const openStoreExportRequestStepId = "open-store-export-request"

/**
 * Opens the storefront customer's pending export request (source `store`), race-free within
 * `EXPORT_REQUESTS_PER_DAY` a day (429 `too_many_exports` past it, with `retry_after`). The
 * compensation marks it failed (kept, ids only; failed requests do not count toward the limit).
 */
export const openStoreExportRequestStep = createStep(
  openStoreExportRequestStepId,
  async (input: { customer_id: string; include_notes: boolean }, { container }) => {
    const opened = await openStoreExportRequest(container, input)
    if (opened.refused) {
      throw Object.assign(
        tooManyRequests("Too many exports were requested today: try again later", opened.refused.retry_after),
        { refusal_code: PrivacyErrorCodes.TOO_MANY_EXPORTS }
      )
    }
    return new StepResponse({ id: opened.request.id }, opened.request.id)
  },
  async (requestId, { container }) => {
    if (!requestId) {
      return
    }
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    await privacy.failPrivacyRequest(requestId)
  }
)

/** A pending export request the worker builds. */
export type PendingExport = { request_id: string; customer_id: string; include_notes: boolean }

export const loadPendingExportStepId = "load-pending-export"

/** The export request while it is pending; null (nothing to do) once it is built, failed or gone. */
export const loadPendingExportStep = createStep(
  loadPendingExportStepId,
  async (requestId: string, { container }) => {
    const [row] = await selectRows(
      sharedConnection(container),
      `SELECT id, customer_id, include_notes FROM privacy_request
        WHERE id = :id AND kind = 'export' AND status = 'pending' AND deleted_at IS NULL`,
      { id: requestId }
    )
    const pending: PendingExport | null = row
      ? { request_id: row.id as string, customer_id: row.customer_id as string, include_notes: !!row.include_notes }
      : null
    return new StepResponse(pending)
  }
)

export const storeExportFileStepId = "store-export-file"

/**
 * Builds the document and stores it in Medusa's file module with private access, under a name
 * with the request's id and no personal data. Returns the file's id, size, the records it covers
 * and when its download expires (`EXPORT_DOWNLOAD_HOURS` from now); the compensation removes the file.
 */
export const storeExportFileStep = createStep(
  storeExportFileStepId,
  async (input: PendingExport, { container }) => {
    const document = await buildCustomerExport(container, input.customer_id, { include_notes: input.include_notes })
    const body = serializeExport(document)
    const files: IFileModuleService = container.resolve(Modules.FILE)
    const file = await files.createFiles({
      // No folder in the name: Medusa's local provider finds a private file again only by a key
      // that starts with `private-`, which a folder would put behind it.
      filename: `privacy-export-${input.request_id.toLowerCase()}.json`,
      mimeType: "application/json",
      content: Buffer.from(body, "utf8").toString("base64"),
      access: "private",
    })
    return new StepResponse(
      {
        file_id: file.id,
        size_bytes: Buffer.byteLength(body, "utf8"),
        record_count: document.records.length,
        expires_at: exportExpiresAt().toISOString(),
      },
      file.id
    )
  },
  async (fileId, { container }) => {
    if (!fileId) {
      return
    }
    const files: IFileModuleService = container.resolve(Modules.FILE)
    await files.deleteFiles([fileId])
  }
)

export const notifyExportReadyStepId = "notify-export-ready"

/**
 * Tells the customer by e-mail (Medusa's notification module, channel `email`, template
 * `privacy-export-ready`) that their export can be downloaded until `expires_at`. The stored
 * `data` holds the request's id and the expiry only. Without a provider for e-mail (or without an
 * address) the export stays ready: a warning naming the request's id is logged. Last step: a sent
 * e-mail cannot be called back.
 */
export const notifyExportReadyStep = createStep(
  notifyExportReadyStepId,
  async (input: { request_id: string; customer_id: string; expires_at: Date | string }, { container }) => {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const [customer] = await selectRows(sharedConnection(container), `SELECT email FROM customer WHERE id = :id`, {
      id: input.customer_id,
    })
    const email = (customer?.email as string | null) ?? null
    const notifications = resolveNotifications(container)
    if (!email || !notifications) {
      logger.warn(`medusa-crm: export ${input.request_id} is ready; no e-mail was sent (no address or no notification module)`)
      return new StepResponse({ sent: false })
    }
    const expires = new Date(input.expires_at).toISOString()
    const until = `${expires.slice(0, 10)} ${expires.slice(11, 16)} UTC`
    try {
      await notifications.createNotifications({
        to: email,
        channel: "email",
        template: PRIVACY_EXPORT_READY_TEMPLATE,
        resource_type: "privacy_request",
        resource_id: input.request_id,
        idempotency_key: `privacy-export-ready:${input.request_id}`,
        content: {
          subject: "Your data export is ready",
          text: `The export of your personal data you asked for is ready. Sign in to your account to download it; the download works until ${until}. If you did not ask for it, change your password.`,
          html: `<p>The export of your personal data you asked for is ready. Sign in to your account to download it; the download works until ${until}.</p><p>If you did not ask for it, change your password.</p>`,
        },
        // Stored by Medusa and shown in the admin: ids and the expiry only.
        data: { privacy_request_id: input.request_id, expires_at: expires },
      })
    } catch (e) {
      if (!/notification provider/i.test((e as Error).message)) {
        throw e
      }
      logger.warn(`medusa-crm: export ${input.request_id} is ready; no notification provider sends e-mail, so the customer was not told`)
      return new StepResponse({ sent: false })
    }
    return new StepResponse({ sent: true })
  }
)

function resolveNotifications(container: MedusaContainer): INotificationModuleService | null {
  try {
    return container.resolve(Modules.NOTIFICATION)
  } catch {
    return null
  }
}

export const markExportDownloadedStepId = "mark-export-downloaded"

/** Records the first download of an export; the compensation puts the previous value back. */
export const markExportDownloadedStep = createStep(
  markExportDownloadedStepId,
  async (requestId: string, { container }) => {
    const [before] = await selectRows(
      sharedConnection(container),
      `SELECT downloaded_at FROM privacy_request WHERE id = :id`,
      { id: requestId }
    )
    await selectRows(
      sharedConnection(container),
      `UPDATE privacy_request SET downloaded_at = now(), updated_at = now() WHERE id = :id AND downloaded_at IS NULL`,
      { id: requestId }
    )
    return new StepResponse(requestId, { id: requestId, downloaded_at: (before?.downloaded_at as Date | null) ?? null })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await selectRows(sharedConnection(container), `UPDATE privacy_request SET downloaded_at = :at WHERE id = :id`, {
      id: undo.id,
      at: undo.downloaded_at,
    })
  }
)

export const releaseExportFilesStepId = "release-export-files"

/**
 * Detaches expired export files from their requests (the request rows stay: the requests log).
 * Only a request still holding that file is changed. The compensation attaches them again.
 */
export const releaseExportFilesStep = createStep(
  releaseExportFilesStepId,
  async (exports: { id: string; file_id: string }[], { container }) => {
    const released: { id: string; file_id: string }[] = []
    for (const e of exports) {
      const [row] = await selectRows(
        sharedConnection(container),
        `UPDATE privacy_request SET file_id = NULL, updated_at = now()
          WHERE id = :id AND file_id = :file_id AND expires_at <= now() RETURNING id`,
        e
      )
      if (row) {
        released.push(e)
      }
    }
    return new StepResponse(released, released)
  },
  async (released, { container }) => {
    for (const e of released ?? []) {
      await selectRows(sharedConnection(container), `UPDATE privacy_request SET file_id = :file_id WHERE id = :id AND file_id IS NULL`, e)
    }
  }
)

export const deleteExportFilesStepId = "delete-export-files"

/** Removes files from the file module (missing ones are skipped). Last step: nothing to undo. */
export const deleteExportFilesStep = createStep(deleteExportFilesStepId, async (fileIds: string[], { container }) => {
  if (fileIds.length) {
    const files: IFileModuleService = container.resolve(Modules.FILE)
    await files.deleteFiles(fileIds)
  }
  return new StepResponse(fileIds.length)
})

/** 404 `export_not_found` (the message says why). */
export const exportNotFound = (message = "No export with that id for this customer") =>
  crmError(MedusaError.Types.NOT_FOUND, PrivacyErrorCodes.EXPORT_NOT_FOUND, message)
