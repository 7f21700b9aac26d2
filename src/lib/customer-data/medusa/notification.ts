import type { CustomerDataContext, CustomerDataHandler } from "../types"
import { countOf, customersAsPerson, personValues, placeholderEmailSql, run, type PersonValues } from "./shared"

/** Notifications to the person: addressed to one of their e-mails or phones, or filed under one of their records. */
const PERSON_NOTIFICATIONS = `lower("to") = any(:emails) OR "to" = any(:phones) OR receiver_id = any(:customer_ids)`

/**
 * The recipient becomes a placeholder unique per notification (the column is required), the
 * template data and the provider's answer go; the channel, template, status, dates and the
 * resource it was about stay. The receiver id stays as on orders: it names a record that is
 * anonymized itself.
 */
async function scrubNotifications(ctx: CustomerDataContext, values: PersonValues) {
  await run(
    ctx,
    `UPDATE notification SET "to" = ${placeholderEmailSql("id")}, data = NULL, provider_data = NULL
      WHERE (${PERSON_NOTIFICATIONS})
        AND ("to" IS DISTINCT FROM ${placeholderEmailSql("id")} OR data IS NOT NULL OR provider_data IS NOT NULL)`,
    values
  )
}

/** Medusa's notification module: who a notification went to and the data its template got. */
export const medusaNotificationHandler: CustomerDataHandler = {
  name: "medusa-notification",
  owner: "medusa",
  claims: [
    {
      table: "notification",
      columns: ["to", "data", "receiver_id", "provider_data"],
      holds: "messages sent to the customer: the address, the template's data and the provider's answer",
    },
  ],

  async count(ctx, customerIds) {
    return countOf(
      await run(ctx, `SELECT count(*) AS n FROM notification WHERE ${PERSON_NOTIFICATIONS}`, await customersAsPerson(ctx, customerIds))
    )
  },

  async list(ctx, customerIds) {
    const rows = await run(
      ctx,
      `SELECT id, receiver_id FROM notification WHERE ${PERSON_NOTIFICATIONS} ORDER BY created_at`,
      await customersAsPerson(ctx, customerIds)
    )
    return rows.map((r) => ({ kind: "notification", id: String(r.id), customer_id: String(r.receiver_id ?? customerIds[0]) }))
  },

  async export(ctx, person) {
    const notifications = await run(
      ctx,
      `SELECT id, "to", channel, template, status, resource_type, resource_id, created_at
         FROM notification WHERE ${PERSON_NOTIFICATIONS} ORDER BY created_at`,
      personValues(person)
    )
    return { notifications }
  },

  async anonymize(ctx, person) {
    await scrubNotifications(ctx, personValues(person))
  },

  /** Notifications are a log of what was sent: scrubbed as in `anonymize`, not removed. */
  async delete(ctx, customerIds) {
    await scrubNotifications(ctx, await customersAsPerson(ctx, customerIds))
  },
}
