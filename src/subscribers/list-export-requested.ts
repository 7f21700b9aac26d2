import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CrmEvents } from "../lib/events"
import { failListExportWorkflow, runListExportWorkflow } from "../workflows/list-exports"

/** Why an export failed, without personal data: the error's kind and code, never its message (it may quote values). */
export function exportFailureMessage(e: unknown): string {
  const error = e as { code?: unknown; name?: unknown } | null
  const code = typeof error?.code === "string" && /^[A-Za-z0-9_]{1,40}$/.test(error.code) ? error.code : null
  const name = typeof error?.name === "string" && /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : "Error"
  return code ? `The file could not be written (${name} ${code})` : `The file could not be written (${name})`
}

/**
 * Writes a requested CRM list export on the worker (`crm.customer_export.requested`): the file
 * streams from a database cursor into the file module, with progress on the export. Idempotent:
 * only a pending export is claimed, so the same event twice exports once. When writing fails the
 * export is marked failed (with a message free of personal data), its id logged and the error
 * passed on.
 */
export default async function listExportRequestedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  try {
    await runListExportWorkflow(container).run({ input: { id: data.id } })
  } catch (e) {
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`medusa-crm: list export ${data.id} failed: ${exportFailureMessage(e)}`)
    await failListExportWorkflow(container).run({ input: { id: data.id, error: exportFailureMessage(e) } })
    throw e
  }
}

export const config: SubscriberConfig = {
  event: CrmEvents.LIST_EXPORT_REQUESTED,
  context: { subscriberId: "medusa-crm-list-export-requested" },
}
