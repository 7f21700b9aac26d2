import type { CrmPaginatedResponse } from "./common"

/**
 * Messages and offers: campaigns (`/admin/crm/campaigns`) put entries into customers' inboxes;
 * customers read them and use or redeem offers in the storefront (`/store/customers/me/messages`,
 * `/store/customers/me/offers`); staff see and remove them on the customer's page
 * (`/admin/customers/:id/messages`, `/admin/customers/:id/offers`).
 */

export const MessageErrorCodes = {
  /** Bad input: the message names the field (400). */
  INVALID_DATA: "invalid_data",
  CUSTOMER_NOT_FOUND: "customer_not_found",
  CAMPAIGN_NOT_FOUND: "campaign_not_found",
  /** The campaign has started: only its end (and ending it early) can change now (409). */
  CAMPAIGN_STARTED: "campaign_started",
  /** The campaign has already ended (409). */
  CAMPAIGN_ENDED: "campaign_ended",
  /** The audience's segment does not exist (400). */
  AUDIENCE_SEGMENT_NOT_FOUND: "audience_segment_not_found",
  /** The offer's promotion does not exist (400). */
  PROMOTION_NOT_FOUND: "promotion_not_found",
  /** The promotion cannot back an offer: it is automatic, or has no code (400). */
  PROMOTION_NOT_USABLE: "promotion_not_usable",
  /** The customer's inbox has no such message (404; another customer's entries are 404 too). */
  MESSAGE_NOT_FOUND: "message_not_found",
  /** The customer's inbox has no such offer (404). */
  OFFER_NOT_FOUND: "offer_not_found",
  /** The offer cannot be redeemed: not a loyalty offer, removed, not started or ended (400). */
  OFFER_NOT_REDEEMABLE: "offer_not_redeemable",
  /** Not enough points for the loyalty offer (400); the same code as the loyalty routes. */
  INSUFFICIENT_POINTS: "insufficient_points",
  /** The offer was already removed from the inbox (409). */
  OFFER_ALREADY_REMOVED: "offer_already_removed",
} as const
export type MessageErrorCode = (typeof MessageErrorCodes)[keyof typeof MessageErrorCodes]

export const CAMPAIGN_KINDS = ["message", "offer", "loyalty_offer"] as const
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number]
export const CAMPAIGN_BODY_FORMATS = ["text", "markdown"] as const
export type CampaignBodyFormat = (typeof CAMPAIGN_BODY_FORMATS)[number]

/** `scheduled` before `starts_at`, `active` while distributing, `ended` after `ends_at` or when ended early. */
export const CAMPAIGN_STATUSES = ["scheduled", "active", "ended"] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

/** The most customers a list audience takes. */
export const CAMPAIGN_MAX_CUSTOMERS = 1000
/** The most tags an audience takes. */
export const CAMPAIGN_MAX_TAGS = 50

/**
 * Who receives a campaign. Only customers with an online account who are neither archived nor
 * anonymized receive anything.
 * - `everyone`: every such customer;
 * - `segment`: the segment's members (its filter, read at each distribution pass);
 * - `tags`: `KEY` (any value) or `KEY=VALUE` (`USER_AFFILIATION=CUSTOMER`; `KEY:VALUE` is read the
 *   same), `match` any (default) or all; stored as the CRM list writes tags (`key:value`);
 * - `customers`: a list of customer ids (1–1000).
 */
export type CampaignAudience =
  | { type: "everyone" }
  | { type: "segment"; segment_id: string }
  | { type: "tags"; tags: string[]; match?: "any" | "all" }
  | { type: "customers"; customer_ids: string[] }
export const CAMPAIGN_AUDIENCE_TYPES = ["everyone", "segment", "tags", "customers"] as const
export type CampaignAudienceType = (typeof CAMPAIGN_AUDIENCE_TYPES)[number]

/** How a campaign's entries stand (distributed entries; `redeemed` of a loyalty offer counts redemptions). */
export type CampaignCounts = {
  distributed: number
  read: number
  redeemed: number
  removed: number
  emailed: number
}

export type CustomerCampaign = {
  id: string
  kind: CampaignKind
  title: string
  short_description: string
  body: string | null
  body_format: CampaignBodyFormat
  image_url: string | null
  starts_at: string
  ends_at: string | null
  /** Staff ended it early. */
  ended_at: string | null
  status: CampaignStatus
  audience: CampaignAudience
  send_email: boolean
  /** Only recipients granting this consent purpose (handle) get the e-mail; null: every recipient. */
  email_consent: string | null
  /** Offers and loyalty offers: the native promotion (the template of each reward for loyalty offers). */
  promotion_id: string | null
  promotion: { id: string; code: string; status: string } | null
  personal: boolean
  points_cost: number | null
  reward_valid_days: number | null
  distributed_at: string | null
  last_distributed_at: string | null
  counts: CampaignCounts
  created_by: string | null
  created_at: string
  updated_at: string
}

export type AdminCreateCampaign = {
  kind: CampaignKind
  title: string
  short_description: string
  body?: string | null
  body_format?: CampaignBodyFormat
  image_url?: string | null
  /** Default: now. */
  starts_at?: string
  ends_at?: string | null
  audience: CampaignAudience
  send_email?: boolean
  email_consent?: string | null
  /** Required for offers and loyalty offers. */
  promotion_id?: string | null
  personal?: boolean
  /** Required for loyalty offers (a whole number ≥ 1). */
  points_cost?: number | null
  reward_valid_days?: number | null
}
/** Before the start everything can change; after it only `ends_at` (409 `campaign_started` otherwise). */
export type AdminUpdateCampaign = Partial<Omit<AdminCreateCampaign, "kind">>

export type AdminCampaignResponse = { campaign: CustomerCampaign }
export type AdminCampaignListResponse = CrmPaginatedResponse & { campaigns: CustomerCampaign[] }
/** `POST /admin/crm/campaigns/audience` `{ audience }`: how many customers it reaches now. */
export type AdminCampaignAudienceResponse = { count: number }

/** `GET /admin/crm/campaigns/:id/entries`: one recipient's entry (or a reward bought with points) and who holds it. */
export type AdminCampaignEntry = {
  id: string
  customer_id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  origin: "distribution" | "redemption"
  status: InboxEntryStatus
  distributed_at: string
  read_at: string | null
  redeemed_at: string | null
  removed_at: string | null
  emailed_at: string | null
  expires_at: string | null
  points_spent: number | null
}
export type AdminCampaignEntryListResponse = CrmPaginatedResponse & { entries: AdminCampaignEntry[] }

/**
 * Status of an inbox entry. Messages: new, read, expired. Offers: new, read, redeemed, removed,
 * expired (the storefront lists only new and read offers; expired ones leave the inbox).
 */
export const INBOX_ENTRY_STATUSES = ["new", "read", "redeemed", "removed", "expired"] as const
export type InboxEntryStatus = (typeof INBOX_ENTRY_STATUSES)[number]

/** One entry of a customer's inbox, as the storefront and the admin read it. */
export type InboxEntry = {
  id: string
  campaign_id: string
  kind: CampaignKind
  /** `redemption`: a reward the customer bought with points (kind `offer`). */
  origin: "distribution" | "redemption"
  title: string
  short_description: string
  /** Full body on a single entry (`GET …/:id`); null in lists. */
  body: string | null
  body_format: CampaignBodyFormat
  image_url: string | null
  status: InboxEntryStatus
  distributed_at: string
  read_at: string | null
  redeemed_at: string | null
  redeemed_order_id: string | null
  removed_at: string | null
  /** When it leaves the inbox (offers) or shows as expired (messages); null: open-ended. */
  expires_at: string | null
  /** Offers: the code to apply to a cart (Medusa's `POST /store/carts/:id/promotions`); null for messages. */
  code: string | null
  /** Loyalty offers: the points one redemption costs. */
  points_cost: number | null
  /** Rewards: the points they cost. */
  points_spent: number | null
}

export type StoreInboxListResponse = CrmPaginatedResponse & { unread: number }
export type StoreMessageListResponse = StoreInboxListResponse & { messages: InboxEntry[] }
export type StoreMessageResponse = { message: InboxEntry }
export type StoreOfferListResponse = CrmPaginatedResponse & { offers: InboxEntry[] }
export type StoreOfferResponse = { offer: InboxEntry }
/** `POST /store/customers/me/offers/:id/redeem`: the reward (a personal offer) and the balance left. */
export type StoreRedeemOfferResponse = { offer: InboxEntry; reward: InboxEntry; balance: number }

export type AdminCustomerMessageListResponse = CrmPaginatedResponse & { messages: InboxEntry[] }
export type AdminCustomerOfferListResponse = CrmPaginatedResponse & { offers: InboxEntry[] }
export type AdminCustomerOfferResponse = { offer: InboxEntry }
