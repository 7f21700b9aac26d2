import { formatNumber } from "../../lib/format"
import type { TranslateFn } from "../../lib/i18n"
import type { CustomerSummary, MergeCounts } from "../../lib/types"
import { pointsText } from "../customer-loyalty/format"
import { customerDisplayName } from "../tag-definitions/format"

/** What a merge moves, in the order it is listed: the customer's business first. */
const MERGE_COUNT_KEYS = [
  "orders",
  "addresses",
  "notes",
  "tags",
  "memberships",
  "shares",
  "loyalty_points",
  "loyalty_entries",
  "alternate_emails",
  "groups",
  "stores",
  "profile",
] as const satisfies readonly (keyof MergeCounts)[]

type MergeCountKey = (typeof MERGE_COUNT_KEYS)[number]

export type MergeCountLine = {
  key: MergeCountKey
  text: string
}

/** "3 orders", "1 address", "1,200 points", "The profile". */
const countText = (
  key: MergeCountKey,
  count: number,
  t: TranslateFn,
  locale: string
) => {
  if (key === "profile") {
    return t("identity.counts.profile")
  }
  if (key === "loyalty_points") {
    return pointsText(count, t, locale)
  }
  const vars = { count: formatNumber(count, locale) }
  return count === 1
    ? t(`identity.counts.${key}One`, vars)
    : t(`identity.counts.${key}Many`, vars)
}

/** One line per kind of data a merge moves (or moved); kinds with nothing are left out. */
export const mergeCountLines = (
  counts: MergeCounts,
  t: TranslateFn,
  locale: string
): MergeCountLine[] =>
  MERGE_COUNT_KEYS.filter((key) => counts[key] !== 0).map((key) => ({
    key,
    text: countText(key, counts[key], t, locale),
  }))

/** The record to keep unless the admin picks the other: the one with an online account, else the older. */
export const defaultSurvivor = (a: CustomerSummary, b: CustomerSummary) => {
  if (a.has_account !== b.has_account) {
    return a.has_account ? a : b
  }
  return new Date(b.created_at).getTime() < new Date(a.created_at).getTime()
    ? b
    : a
}

/** A customer's name, else company, else e-mail, else id: never empty. */
export const customerLabel = (customer: CustomerSummary) =>
  customerDisplayName(customer) || customer.id
