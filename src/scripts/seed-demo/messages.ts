import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { selectRows } from "../../lib/queries/sql"
import { CUSTOMER_MESSAGE_MODULE, type CustomerMessageModuleService } from "../../modules/customer-message"
import type { AdminCreateCampaign } from "../../types/http/messages"
import { createCampaignWorkflow } from "../../workflows/campaigns/create-campaign"
import { distributeCampaignWorkflow } from "../../workflows/campaigns/distribute-campaign"
import { endCampaignWorkflow } from "../../workflows/campaigns/end-campaign"

const DAY = 86_400_000
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString()

/** The promotions offers wrap: drafts, so that only the inbox's personal codes work. */
const TEMPLATES = [
  { code: "MEMBER10", type: "percentage" as const, value: 10 },
  { code: "BOOKLET", type: "fixed" as const, value: 5 },
]

/**
 * Messages and offers of the demo, as the seed's inbox shows them: a message for
 * `USER_AFFILIATION = CUSTOMER` (some of it read), a message whose campaign has ended (Expired), a
 * personal 10% offer for VIP guests, and a loyalty offer anyone can buy for 100 points. Each is made
 * through the same workflows as the admin and distributed at once. Idempotent: campaigns found by
 * title are left as they are.
 */
export async function ensureMessagesData(container: MedusaContainer, logger: Logger) {
  const messages: CustomerMessageModuleService = container.resolve(CUSTOMER_MESSAGE_MODULE)
  const promotions = container.resolve(Modules.PROMOTION)

  const existing = await promotions.listPromotions({ code: TEMPLATES.map((t) => t.code) }, { select: ["id", "code"] })
  const byCode = new Map(existing.map((p) => [p.code!, p.id]))
  const missing = TEMPLATES.filter((t) => !byCode.has(t.code))
  if (missing.length) {
    const { result } = await createPromotionsWorkflow(container).run({
      input: {
        promotionsData: missing.map((t) => ({
          code: t.code,
          type: "standard" as const,
          status: "draft" as const,
          is_automatic: false,
          application_method: {
            type: t.type,
            target_type: "order" as const,
            allocation: "across" as const,
            value: t.value,
            ...(t.type === "fixed" ? { currency_code: "eur" } : {}),
          },
        })),
      },
    })
    for (const p of result) {
      byCode.set(p.code!, p.id)
    }
  }

  const campaigns: (AdminCreateCampaign & { end_now?: boolean })[] = [
    {
      kind: "message",
      title: "Members' evening on the main stage",
      short_description: "Doors open at seven: meet the cast after the show, and bring a guest for free.",
      body: "**Members' evening**\n\nAfter the show the cast joins us on the main stage.\n\n- Doors at 19:00\n- Bring a guest for free",
      body_format: "markdown",
      starts_at: at(-3),
      ends_at: at(30),
      audience: { type: "tags", tags: ["USER_AFFILIATION:CUSTOMER"] },
    },
    {
      kind: "message",
      title: "Summer season tickets",
      short_description: "The summer programme is out: season tickets are on sale until the end of May.",
      starts_at: at(-60),
      ends_at: at(30),
      audience: { type: "everyone" },
      end_now: true,
    },
    {
      kind: "offer",
      title: "10% off your next visit",
      short_description: "A thank-you for our VIP guests: your own code, for one order.",
      starts_at: at(-1),
      ends_at: at(45),
      audience: { type: "tags", tags: ["VIP"] },
      promotion_id: byCode.get("MEMBER10")!,
      personal: true,
    },
    {
      kind: "loyalty_offer",
      title: "Programme booklet",
      short_description: "Swap 100 points for 5.00 off: enough for this season's programme booklet.",
      starts_at: at(-7),
      audience: { type: "everyone" },
      promotion_id: byCode.get("BOOKLET")!,
      points_cost: 100,
      reward_valid_days: 30,
    },
  ]

  const titles = campaigns.map((c) => c.title)
  const seeded = new Set((await messages.listCustomerCampaigns({ title: titles }, { select: ["title"] })).map((c) => c.title))
  let created = 0
  for (const { end_now, ...input } of campaigns.filter((c) => !seeded.has(c.title))) {
    const { result: campaign } = await createCampaignWorkflow(container).run({ input })
    await distributeCampaignWorkflow(container).run({ input: { id: campaign.id } })
    if (end_now) {
      await endCampaignWorkflow(container).run({ input: { id: campaign.id } })
    }
    created++
  }
  if (created) {
    // Some customers opened the members' evening message in the storefront.
    await selectRows(
      container,
      `UPDATE customer_inbox_entry e SET read_at = e.distributed_at + interval '1 day'
         FROM customer_campaign k
        WHERE k.id = e.campaign_id AND k.title = :title AND e.read_at IS NULL
          AND right(e.customer_id, 1) < 'M'`,
      { title: campaigns[0].title }
    )
  }
  logger.info(`Messages and offers: ${created} campaigns created, ${seeded.size} already there`)
}
