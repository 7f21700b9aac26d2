import { model } from "@medusajs/framework/utils"
import { CAMPAIGN_BODY_FORMATS, CAMPAIGN_KINDS } from "./constants"
import { CustomerInboxEntry } from "./customer-inbox-entry"

/**
 * A message or offer sent to an audience's inboxes between `starts_at` and `ends_at`.
 * - `audience` (JSON, see `CampaignAudience` in the HTTP types): everyone, a segment, tags (any/all)
 *   or a list of customers. Distribution adds one inbox entry per matching customer when the campaign
 *   starts and adds those who come to match while it runs.
 * - An offer wraps a native promotion (`promotion_id`): the discount stays Medusa's. A personal offer
 *   gives each recipient their own code, usable by them only. A loyalty offer costs `points_cost`
 *   points; each redemption makes a personal promotion from `promotion_id` (the template).
 * - `ended_at`: staff ended it before `ends_at`. After the end, messages show as expired and offers
 *   leave the inbox.
 */
export const CustomerCampaign = model
  .define("customer_campaign", {
    id: model.id({ prefix: "ccmp" }).primaryKey(),
    kind: model.enum([...CAMPAIGN_KINDS]),
    title: model.text(),
    /** The preview an inbox shows under the title. */
    short_description: model.text(),
    body: model.text().nullable(),
    body_format: model.enum([...CAMPAIGN_BODY_FORMATS]).default("text"),
    /** An image uploaded through the file module (Medusa's `POST /admin/uploads`). */
    image_url: model.text().nullable(),
    starts_at: model.dateTime(),
    ends_at: model.dateTime().nullable(),
    ended_at: model.dateTime().nullable(),
    audience: model.json(),
    /** Also send each recipient an e-mail through the notification module. */
    send_email: model.boolean().default(false),
    /** Only e-mail recipients who currently grant this consent purpose (handle). */
    email_consent: model.text().nullable(),
    /** Offers: the native promotion. Loyalty offers: the promotion each reward is copied from. */
    promotion_id: model.text().nullable(),
    /** Offers: each recipient gets their own code that nobody else can use. */
    personal: model.boolean().default(false),
    /** Loyalty offers: the points one redemption costs. */
    points_cost: model.number().nullable(),
    /** Loyalty offers: days a reward stays usable after it is redeemed (null: until the campaign ends). */
    reward_valid_days: model.number().nullable(),
    /** When distribution first ran (the campaign had started), and when it last ran. */
    distributed_at: model.dateTime().nullable(),
    last_distributed_at: model.dateTime().nullable(),
    created_by: model.text().nullable(),
    /**
     * Counts of its entries, kept by the database (a trigger on `customer_inbox_entry`, in the
     * transaction of every entry change) so that lists never count entries per request: distributed
     * entries, those read, redeemed (offers: entries an order used; loyalty offers: rewards bought),
     * removed and e-mailed. Deleted entries do not count. The application never writes them.
     */
    distributed_count: model.number().default(0),
    read_count: model.number().default(0),
    redeemed_count: model.number().default(0),
    removed_count: model.number().default(0),
    emailed_count: model.number().default(0),
    metadata: model.json().nullable(),
    entries: model.hasMany(() => CustomerInboxEntry, { mappedBy: "campaign" }),
  })
  .indexes([{ on: ["starts_at"] }, { on: ["promotion_id"], where: "promotion_id IS NOT NULL" }])
