export { CAMPAIGN_BODY_FORMATS, CAMPAIGN_KINDS } from "../../../types/http/messages"

/** How an entry came into the inbox: the campaign's distribution, or a loyalty offer the customer redeemed. */
export const INBOX_ENTRY_ORIGINS = ["distribution", "redemption"] as const
