import { z } from "@medusajs/framework/zod"
import { normalizeAudienceTag } from "../../../../lib/messages/audience"
import {
  CAMPAIGN_BODY_FORMATS,
  CAMPAIGN_KINDS,
  CAMPAIGN_MAX_CUSTOMERS,
  CAMPAIGN_MAX_TAGS,
  CAMPAIGN_STATUSES,
  INBOX_ENTRY_STATUSES,
} from "../../../../types/http/messages"
import { createListParams } from "../../../utils/validators"

export const CAMPAIGN_TITLE_MAX_LENGTH = 200
export const CAMPAIGN_SHORT_DESCRIPTION_MAX_LENGTH = 500
export const CAMPAIGN_BODY_MAX_LENGTH = 20_000
export const CAMPAIGN_ORDER_FIELDS = ["created_at", "updated_at", "starts_at", "ends_at", "title"] as const

const id = z.string().trim().min(1).max(100)
const unique = <T>(items: T[]) => [...new Set(items)]

/** An ISO date (`2026-01-31`: its midnight UTC) or date-time. */
const dateTime = (field: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v)), {
      message: `${field} must be an ISO date (2026-01-31) or date-time`,
    })
    .transform((v) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v).toISOString())

/** `KEY`, `KEY=VALUE` or `KEY:VALUE`, kept as the list stores tags (`KEY:VALUE`). */
const audienceTag = z
  .string()
  .max(400)
  .transform((tag, ctx) => {
    const normalized = normalizeAudienceTag(tag)
    if (!normalized) {
      ctx.addIssue({
        code: "custom",
        message: "must be a tag key (VIP) or KEY=VALUE (USER_AFFILIATION=CUSTOMER); keys hold letters, digits, _ . -",
      })
      return z.NEVER
    }
    return normalized
  })

/** Who receives a campaign (see `CampaignAudience`). */
export const CampaignAudienceSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("everyone") }).strict(),
  z.object({ type: z.literal("segment"), segment_id: id }).strict(),
  z
    .object({
      type: z.literal("tags"),
      tags: z.array(audienceTag).min(1).max(CAMPAIGN_MAX_TAGS).transform(unique),
      match: z.enum(["any", "all"]).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal("customers"),
      customer_ids: z.array(id).min(1).max(CAMPAIGN_MAX_CUSTOMERS).transform(unique),
    })
    .strict(),
])

const fields = {
  title: z.string().trim().min(1).max(CAMPAIGN_TITLE_MAX_LENGTH),
  short_description: z.string().trim().min(1).max(CAMPAIGN_SHORT_DESCRIPTION_MAX_LENGTH),
  body: z.string().max(CAMPAIGN_BODY_MAX_LENGTH).nullish(),
  body_format: z.enum(CAMPAIGN_BODY_FORMATS).optional(),
  image_url: z
    .string()
    .trim()
    .max(2000)
    .refine((v) => /^(https?:\/\/|\/)\S+$/.test(v), { message: "image_url must be an http(s) URL or a path" })
    .nullish(),
  starts_at: dateTime("starts_at").optional(),
  ends_at: dateTime("ends_at").nullish(),
  audience: CampaignAudienceSchema,
  send_email: z.boolean().optional(),
  email_consent: z.string().trim().min(1).max(100).nullish(),
  promotion_id: id.nullish(),
  personal: z.boolean().optional(),
  points_cost: z.number().int().min(1).max(1_000_000_000).nullish(),
  reward_valid_days: z.number().int().min(1).max(3650).nullish(),
}

type DatesAndKind = { kind?: string; starts_at?: string; ends_at?: string | null; promotion_id?: string | null; points_cost?: number | null }

/** Cross-field rules a body alone can tell (the workflow checks them again on the stored campaign). */
const crossChecks = (b: DatesAndKind, ctx: z.RefinementCtx, creating: boolean) => {
  const starts = b.starts_at ? Date.parse(b.starts_at) : creating ? Date.now() : undefined
  if (b.ends_at && starts !== undefined && Date.parse(b.ends_at) <= starts) {
    ctx.addIssue({ code: "custom", path: ["ends_at"], message: "must be after starts_at" })
  }
  if (!creating) {
    return
  }
  if (b.kind !== "message" && !b.promotion_id) {
    ctx.addIssue({ code: "custom", path: ["promotion_id"], message: `is required for ${b.kind === "offer" ? "offers" : "loyalty offers"}` })
  }
  if (b.kind === "loyalty_offer" && (b.points_cost === null || b.points_cost === undefined)) {
    ctx.addIssue({ code: "custom", path: ["points_cost"], message: "is required for loyalty offers (a whole number, at least 1)" })
  }
}

/** `POST /admin/crm/campaigns`. */
export const AdminCreateCampaign = z
  .object({ kind: z.enum(CAMPAIGN_KINDS), ...fields })
  .strict()
  .superRefine((b, ctx) => crossChecks(b, ctx, true))
export type AdminCreateCampaignType = z.infer<typeof AdminCreateCampaign>

/** `POST /admin/crm/campaigns/:id`: any of the fields (after the start, only `ends_at`). */
export const AdminUpdateCampaign = z
  .object({
    title: fields.title.optional(),
    short_description: fields.short_description.optional(),
    body: fields.body,
    body_format: fields.body_format,
    image_url: fields.image_url,
    starts_at: fields.starts_at,
    ends_at: fields.ends_at,
    audience: CampaignAudienceSchema.optional(),
    send_email: fields.send_email,
    email_consent: fields.email_consent,
    promotion_id: fields.promotion_id,
    personal: fields.personal,
    points_cost: fields.points_cost,
    reward_valid_days: fields.reward_valid_days,
  })
  .strict()
  .superRefine((b, ctx) => {
    if (!Object.values(b).some((v) => v !== undefined)) {
      ctx.addIssue({ code: "custom", message: "Give at least one field to change" })
    }
    crossChecks(b, ctx, false)
  })
export type AdminUpdateCampaignType = z.infer<typeof AdminUpdateCampaign>

/** `POST /admin/crm/campaigns/audience`: how many customers an audience reaches now. */
export const AdminCampaignAudienceBody = z.object({ audience: CampaignAudienceSchema }).strict()
export type AdminCampaignAudienceBodyType = z.infer<typeof AdminCampaignAudienceBody>

/** `GET /admin/crm/campaigns`: `q` searches the title. */
export const AdminCampaignsParams = createListParams({
  orderFields: CAMPAIGN_ORDER_FIELDS,
  defaultOrder: "-created_at",
  defaultLimit: 20,
  extra: {
    q: z.string().trim().max(200).optional(),
    kind: z.enum(CAMPAIGN_KINDS).optional(),
    status: z.enum(CAMPAIGN_STATUSES).optional(),
  },
})
export type AdminCampaignsParamsType = z.infer<typeof AdminCampaignsParams>

/** `GET /admin/crm/campaigns/:id/entries`: newest first, optionally of one status. */
export const AdminCampaignEntriesParams = createListParams({
  defaultLimit: 20,
  maxLimit: 200,
  extra: { status: z.enum(INBOX_ENTRY_STATUSES).optional() },
})
export type AdminCampaignEntriesParamsType = z.infer<typeof AdminCampaignEntriesParams>
