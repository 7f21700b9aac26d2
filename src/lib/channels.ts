/** Names that mark a sales channel as a physical point of sale. */
const IN_STORE = /box office|in[- ]?store|\bpos\b|point of sale|desk|counter|till|kiosk|retail|shop floor/i

export type ChannelKind = "online" | "in_store"

/**
 * Whether a sales channel sells online or in person: its `metadata.crm_channel_kind` when set
 * (`online` or `in_store`), else guessed from its name ("Box office", "POS", "Store desk" are in
 * store; anything else, like "Webshop", is online).
 */
export function channelKind(channel?: { name?: string | null; metadata?: Record<string, unknown> | null } | null): ChannelKind {
  const set = channel?.metadata?.crm_channel_kind
  if (set === "online" || set === "in_store") {
    return set
  }
  return channel?.name && IN_STORE.test(channel.name) ? "in_store" : "online"
}
