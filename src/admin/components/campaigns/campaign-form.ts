import type {
  AdminCreateCampaign,
  AdminUpdateCampaign,
  CampaignAudience,
  CampaignAudienceType,
  CampaignBodyFormat,
  CampaignKind,
  CustomerCampaign,
} from "../../lib/types"

export const TITLE_MAX = 200
export const SHORT_DESCRIPTION_MAX = 500
export const BODY_MAX = 20_000

export type TagMatch = "any" | "all"

export type CampaignFormValues = {
  kind: CampaignKind
  title: string
  short_description: string
  body: string
  body_format: CampaignBodyFormat
  image_url: string | null
  /** null: start now (the server's default). */
  starts_at: Date | null
  /** null: open-ended. */
  ends_at: Date | null
  audience_type: CampaignAudienceType
  segment_id: string
  /** As the API stores them (`key:value`) or as typed (`KEY=VALUE`). */
  tags: string[]
  tags_match: TagMatch
  customer_ids: string[]
  send_email: boolean
  /** A consent purpose's handle; "" for every recipient. */
  email_consent: string
  promotion_id: string
  personal: boolean
  /** Whole numbers, as the inputs hold them. */
  points_cost: string
  reward_valid_days: string
}

/** Whether a campaign has started: then only its end can change (the API answers 409 otherwise). */
export const hasStarted = (campaign: Pick<CustomerCampaign, "status">) =>
  campaign.status !== "scheduled"

export const toFormValues = (campaign: CustomerCampaign | null): CampaignFormValues => {
  const audience = campaign?.audience
  return {
    kind: campaign?.kind ?? "message",
    title: campaign?.title ?? "",
    short_description: campaign?.short_description ?? "",
    body: campaign?.body ?? "",
    body_format: campaign?.body_format ?? "text",
    image_url: campaign?.image_url ?? null,
    starts_at: campaign ? new Date(campaign.starts_at) : null,
    ends_at: campaign?.ends_at ? new Date(campaign.ends_at) : null,
    audience_type: audience?.type ?? "everyone",
    segment_id: audience?.type === "segment" ? audience.segment_id : "",
    tags: audience?.type === "tags" ? audience.tags : [],
    tags_match: audience?.type === "tags" ? audience.match ?? "any" : "any",
    customer_ids: audience?.type === "customers" ? audience.customer_ids : [],
    send_email: campaign?.send_email ?? false,
    email_consent: campaign?.email_consent ?? "",
    promotion_id: campaign?.promotion_id ?? "",
    personal: campaign?.personal ?? false,
    points_cost: campaign?.points_cost ? String(campaign.points_cost) : "",
    reward_valid_days: campaign?.reward_valid_days ? String(campaign.reward_valid_days) : "",
  }
}

/**
 * A tag as typed: `KEY` or `KEY=VALUE` (`KEY:VALUE` too), trimmed around the key and the value;
 * null when there is no key.
 */
export const normalizeTag = (input: string) => {
  const match = /^([^:=]*)(?:[:=](.*))?$/.exec(input.trim())
  const key = match?.[1]?.trim() ?? ""
  if (!key) {
    return null
  }
  const value = match?.[2]?.trim()
  return value ? `${key}:${value}` : key
}

/** The audience the form describes; null while it is incomplete (no segment, tag or customer yet). */
export const toAudience = (
  values: Pick<
    CampaignFormValues,
    "audience_type" | "segment_id" | "tags" | "tags_match" | "customer_ids"
  >
): CampaignAudience | null => {
  switch (values.audience_type) {
    case "everyone":
      return { type: "everyone" }
    case "segment":
      return values.segment_id ? { type: "segment", segment_id: values.segment_id } : null
    case "tags":
      return values.tags.length
        ? { type: "tags", tags: values.tags, match: values.tags_match }
        : null
    case "customers":
      return values.customer_ids.length
        ? { type: "customers", customer_ids: values.customer_ids }
        : null
  }
}

const wholeNumber = (value: string) => (value.trim() ? Number(value) : null)

/** What a new campaign is sent as: only the fields its kind uses. */
export const toCreatePayload = (values: CampaignFormValues): AdminCreateCampaign => {
  const payload: AdminCreateCampaign = {
    kind: values.kind,
    title: values.title.trim(),
    short_description: values.short_description.trim(),
    body: values.body.trim() || null,
    body_format: values.body_format,
    image_url: values.image_url,
    ends_at: values.ends_at ? values.ends_at.toISOString() : null,
    // `toAudience` is complete here: the form's rules ask for a segment, a tag or a customer.
    audience: toAudience(values) ?? { type: "everyone" },
    send_email: values.send_email,
    email_consent: values.send_email ? values.email_consent || null : null,
  }
  if (values.starts_at) {
    payload.starts_at = values.starts_at.toISOString()
  }
  if (values.kind !== "message") {
    payload.promotion_id = values.promotion_id || null
  }
  if (values.kind === "offer") {
    payload.personal = values.personal
  }
  if (values.kind === "loyalty_offer") {
    payload.points_cost = wholeNumber(values.points_cost)
    payload.reward_valid_days = wholeNumber(values.reward_valid_days)
  }
  return payload
}

/**
 * The changes to send: before the start everything the form holds (the kind stays), after it
 * only the end date.
 */
export const toUpdatePayload = (
  values: CampaignFormValues,
  campaign: CustomerCampaign
): AdminUpdateCampaign => {
  const ends_at = values.ends_at ? values.ends_at.toISOString() : null
  if (hasStarted(campaign)) {
    return { ends_at }
  }
  const payload: AdminUpdateCampaign & { kind?: CampaignKind } = toCreatePayload(values)
  delete payload.kind
  // Cleared on a scheduled campaign: it starts now, as a new one would.
  payload.starts_at = values.starts_at ? values.starts_at.toISOString() : new Date().toISOString()
  return payload
}
