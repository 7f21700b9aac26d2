import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { streamCustomerList, writeCustomerListFile } from "../customer-list-export"
import { sharedConnection } from "../customer-data"
import { selectRows } from "../queries/sql"
import type { CustomerListFilter } from "../../types/http/customer-list"
import type { ReportRecord } from "./reports"
import { dueStamp } from "./schedule"
import { decryptSecret } from "./secrets"
import { uploadSftp } from "./sftp"
import { escapeHtml } from "../html"

/** The e-mail a report run sends to its staff addresses (notification module, channel `email`). */
export const REPORT_READY_TEMPLATE = "crm-report-ready"

/** What a delivered run records. */
export type Delivery = { rows: number; size_bytes: number; file_id: string | null; remote_path: string | null }

/** A run being delivered: its id, due time and the file a previous attempt already stored. */
export type RunToDeliver = { id: string; due_at: Date | string; file_id: string | null }

/** The SFTP file name: the pattern with `{date}` (YYYY-MM-DD) and `{time}` (HHmm) of the due time in the report's zone. */
export function reportFileName(pattern: string, dueAt: Date, timeZone: string): string {
  const stamp = dueStamp(dueAt, timeZone)
  return pattern.replaceAll("{date}", stamp.date).replaceAll("{time}", stamp.time)
}

/** The admin route that downloads a run's file (the e-mail's link). */
export function runDownloadUrl(container: MedusaContainer, reportId: string, runId: string): string {
  const config = container.resolve<any>(ContainerRegistrationKeys.CONFIG_MODULE)
  const configured = [process.env.MEDUSA_BACKEND_URL, config?.admin?.backendUrl].find(
    (u): u is string => typeof u === "string" && /^https?:\/\//.test(u)
  )
  const base = (configured ?? `http://localhost:${process.env.PORT || 9000}`).replace(/\/+$/, "")
  return `${base}/admin/crm/reports/${reportId}/runs/${runId}/download`
}

/**
 * Writes the report's rows into the file module (private) unless an earlier attempt of this run
 * already did; the file's id is recorded on the run at once, so a retry (of the e-mail) does not
 * write it again. The file name holds the run's id only, no personal data.
 */
async function storeFile(container: MedusaContainer, report: ReportRecord, run: RunToDeliver, filter: CustomerListFilter) {
  if (run.file_id) {
    const [kept] = await selectRows(sharedConnection(container), `SELECT rows, size_bytes FROM crm_report_run WHERE id = :id`, { id: run.id })
    if (kept?.rows !== null && kept?.rows !== undefined) {
      return { file_id: run.file_id, rows: Number(kept.rows), size_bytes: Number(kept.size_bytes ?? 0) }
    }
  }
  const written = await writeCustomerListFile(container, {
    filter,
    columns: report.columns,
    format: report.format,
    filename: `report-${run.id.toLowerCase()}.${report.format}`,
  })
  await selectRows(
    sharedConnection(container),
    `UPDATE crm_report_run SET file_id = :file_id, rows = :rows, size_bytes = :size_bytes, updated_at = now() WHERE id = :id`,
    { id: run.id, ...written }
  )
  return written
}

/** Sends the "report ready" e-mail to each address: ids only in `data`, the link in the content. */
async function sendReadyEmail(container: MedusaContainer, report: ReportRecord, run: RunToDeliver, to: string[], rows: number) {
  const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
  const link = runDownloadUrl(container, report.id, run.id)
  const due = new Date(run.due_at).toISOString()
  for (const address of to) {
    await notifications.createNotifications({
      to: address,
      channel: "email",
      template: REPORT_READY_TEMPLATE,
      resource_type: "crm_report_run",
      resource_id: run.id,
      idempotency_key: `crm-report-ready:${run.id}:${address}`,
      content: {
        subject: `Report ready: ${report.name}`,
        text: `The report "${report.name}" (${rows} customers, due ${due}) is ready. Download it (sign in to the admin first): ${link}`,
        html: `<p>The report <strong>${escapeHtml(report.name)}</strong> (${rows} customers, due ${due}) is ready.</p><p><a href="${escapeHtml(link)}">Download it</a> (sign in to the admin first).</p>`,
      },
      // Stored by Medusa and listed in the admin: ids only.
      data: { report_id: report.id, run_id: run.id },
    })
  }
}


/**
 * Delivers one run of a report to its destination: the file module (kept for download in the
 * admin), an e-mail with a link to that file, or an SFTP upload streamed straight from the
 * database cursor. Throws on failure (the caller retries).
 */
export async function deliverReport(
  container: MedusaContainer,
  report: ReportRecord,
  run: RunToDeliver,
  filter: CustomerListFilter
): Promise<Delivery> {
  const destination = report.destination
  if (destination.type === "file") {
    const written = await storeFile(container, report, run, filter)
    return { ...written, remote_path: null }
  }
  if (destination.type === "email") {
    const written = await storeFile(container, report, run, filter)
    await sendReadyEmail(container, report, run, destination.to, written.rows)
    return { ...written, remote_path: null }
  }
  const secret = await decryptSecret(container, report.secret)
  const fileName = reportFileName(destination.file_name, new Date(run.due_at), report.timezone)
  const { remote_path, result } = await uploadSftp(
    {
      host: destination.host,
      port: destination.port,
      username: destination.username,
      password: secret.password,
      private_key: secret.private_key,
      remote_dir: destination.remote_dir,
    },
    fileName,
    (out) => streamCustomerList(container, { filter, columns: report.columns, format: report.format }, out)
  )
  return { rows: result.rows, size_bytes: result.size_bytes, file_id: null, remote_path }
}
