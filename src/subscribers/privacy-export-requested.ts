import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CrmEvents } from "../lib/events"
import { PRIVACY_MODULE } from "../modules/privacy"
import type PrivacyModuleService from "../modules/privacy/service"
import { buildCustomerExportWorkflow } from "../workflows/privacy/export-customer-data"

/**
 * Builds a storefront customer's data export on the worker, when they asked for it
 * (`crm.privacy_export.requested`): into the file module, then the e-mail. Idempotent: a request
 * that is no longer pending (built already, failed) is skipped. When building fails the request is
 * marked failed (it then does not count toward the daily limit, so the customer can ask again),
 * the request's id is logged and the error passed on.
 */
export default async function privacyExportRequestedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string; customer_id: string }>) {
  try {
    await buildCustomerExportWorkflow(container).run({ input: { request_id: data.id } })
  } catch (e) {
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    await privacy.failPrivacyRequest(data.id)
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`medusa-crm: building export ${data.id} failed`)
    throw e
  }
}

export const config: SubscriberConfig = {
  event: CrmEvents.PRIVACY_EXPORT_REQUESTED,
  context: { subscriberId: "medusa-crm-privacy-export-requested" },
}
