import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { crmError } from "../../../../lib/errors"
import { encryptSecret } from "../../../../lib/reports/secrets"
import { type ReportRecord, scheduleOf, splitDestination, storeTimeZone } from "../../../../lib/reports/reports"
import type { ReportValues } from "../../../../workflows/reports/steps"
import {
  type AdminCreateReport,
  type AdminUpdateReport,
  CUSTOMER_LIST_DEFAULT_EXPORT_COLUMNS,
  CustomerListErrorCodes,
} from "../../../../types/http/customer-list"

/**
 * A report's values as the workflows take them: an update merged into the saved report, the
 * destination's new secret encrypted here, before any workflow sees it (the workflow engine may
 * keep its inputs), and without a new one the stored secret kept. An SFTP password or key without
 * a configured key is refused (400 `report_secret_missing`).
 */
export async function reportValues(
  container: MedusaContainer,
  body: AdminCreateReport | AdminUpdateReport,
  saved: ReportRecord | null
): Promise<ReportValues> {
  const format = body.format ?? saved?.format ?? "csv"
  const schedule = body.schedule ?? (saved ? scheduleOf(saved) : undefined)!
  const timezone = schedule.timezone ?? saved?.timezone ?? (await storeTimeZone(container))
  // A segment, else a filter: a new filter given, or (switching away from a segment) the saved one.
  const source = body.segment_id
    ? { segment_id: body.segment_id, filter: null }
    : body.filter !== undefined && body.filter !== null
      ? { segment_id: null, filter: body.filter }
      : body.segment_id === null || !saved?.segment_id
        ? { segment_id: null, filter: saved?.filter ?? {} }
        : { segment_id: saved.segment_id, filter: null }
  let destination: ReturnType<typeof splitDestination>
  if (body.destination) {
    destination = splitDestination(body.destination, format, saved?.destination ?? null)
    if (destination.stored.type === "sftp" && destination.keep_secret && !(destination.stored.has_password || destination.stored.has_private_key)) {
      // An update that turns a file or e-mail report into SFTP without a password or key.
      throw crmError(
        MedusaError.Types.INVALID_DATA,
        CustomerListErrorCodes.INVALID_DATA,
        "Invalid request: destination.password: an SFTP destination needs a password or a private_key"
      )
    }
  } else {
    destination = { stored: saved!.destination, secret: null, keep_secret: true }
  }
  return {
    name: body.name ?? saved!.name,
    ...source,
    columns: body.columns ?? saved?.columns ?? CUSTOMER_LIST_DEFAULT_EXPORT_COLUMNS,
    format,
    schedule: {
      frequency: schedule.frequency,
      time: schedule.time,
      weekday: schedule.weekday ?? null,
      day_of_month: schedule.day_of_month ?? null,
      timezone,
    },
    destination: destination.stored,
    secret: destination.secret ? await encryptSecret(container, destination.secret) : null,
    keep_secret: destination.keep_secret,
    enabled: body.enabled ?? saved?.enabled ?? true,
  }
}
