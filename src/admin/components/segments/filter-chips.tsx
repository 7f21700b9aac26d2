import { Badge } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useMembershipPlans } from "../../hooks/api/memberships"
import { formatCalendarDate, formatDate, formatNumber } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import {
  customerGroupsQueryKeys,
  salesChannelsQueryKeys,
} from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type { CrmRange, CustomerListFilter } from "../../lib/types"

/** One readable condition of a filter: its text and the filter key it comes from. */
export type FilterChip = { key: keyof CustomerListFilter; text: string }

/** Names of the records a filter names by id (groups, stores, plans); the id where unknown. */
export type FilterNames = {
  groups?: Record<string, string>
  salesChannels?: Record<string, string>
  plans?: Record<string, string>
}

const NUMBER_RANGES = [
  "lifetime_value",
  "average_order_value",
  "order_count",
  "loyalty_balance",
  "days_since_last_order",
] as const
const MONEY_RANGES = new Set<string>(["lifetime_value", "average_order_value"])
const DATE_RANGES = ["first_order_at", "last_order_at", "created_at"] as const

const OPERATOR_SIGNS = { gte: "≥", gt: ">", lte: "≤", lt: "<" } as const
const DATE_WORDS = {
  lt: "before",
  lte: "onOrBefore",
  gt: "after",
  gte: "onOrAfter",
} as const
const OPERATORS = ["gte", "gt", "lte", "lt"] as const

const list = (values: string[]) => values.join(", ")

/** A date bound as the admin writes dates: a plain day as such, a date-time by its day. */
const formatBound = (value: string, locale: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? formatCalendarDate(value, locale)
    : formatDate(value, locale)

/**
 * A filter as readable conditions, one per bound or list: "Tag vip", "Lifetime value ≥ 500 EUR",
 * "Last order before Jan 1, 2026". An empty filter gives no chips (every active customer).
 */
export const filterChips = (
  filter: CustomerListFilter | null | undefined,
  t: TranslateFn,
  locale: string,
  names: FilterNames = {}
): FilterChip[] => {
  if (!filter) {
    return []
  }
  const chips: FilterChip[] = []
  const add = (key: keyof CustomerListFilter, text: string) =>
    chips.push({ key, text })
  const named = (ids: string[], table?: Record<string, string>) =>
    list(ids.map((id) => table?.[id] ?? id))

  if (filter.q) {
    const field = filter.field && filter.field !== "any" ? filter.field : null
    add(
      "q",
      field
        ? t("segmentsPage.chips.searchIn", {
            field: t(`segmentsPage.chips.searchFields.${field}`),
            q: filter.q,
          })
        : t("segmentsPage.chips.search", { q: filter.q })
    )
  }
  if (filter.status === "archived") {
    add("status", t("segmentsPage.chips.archived"))
  }
  if (filter.account === "online") {
    add("account", t("segmentsPage.chips.accountOnline"))
  } else if (filter.account === "guest") {
    add("account", t("segmentsPage.chips.accountGuest"))
  }
  if (filter.id?.length) {
    add("id", t("segmentsPage.chips.selection", { count: filter.id.length }))
  }
  if (filter.tags?.length) {
    const match = filter.tags_match ?? "any"
    const tags = list(filter.tags)
    if (filter.tags.length === 1) {
      add(
        "tags",
        match === "none"
          ? t("segmentsPage.chips.tagNone", { tag: tags })
          : t("segmentsPage.chips.tag", { tag: tags })
      )
    } else {
      add("tags", t(`segmentsPage.chips.tags.${match}`, { tags }))
    }
  }
  if (filter.membership_plan_id?.length) {
    add(
      "membership_plan_id",
      t("segmentsPage.chips.membershipPlan", {
        plans: named(filter.membership_plan_id, names.plans),
      })
    )
  }
  if (filter.membership_status?.length) {
    add(
      "membership_status",
      t("segmentsPage.chips.membershipStatus", {
        statuses: list(
          filter.membership_status.map((status) =>
            t(`segmentsPage.chips.membershipStatuses.${status}`)
          )
        ),
      })
    )
  }
  const currency = filter.currency_code?.toUpperCase()
  for (const key of NUMBER_RANGES) {
    const range = filter[key] as CrmRange<number> | undefined
    for (const op of OPERATORS) {
      const value = range?.[op]
      if (value === undefined || value === null) {
        continue
      }
      const amount = formatNumber(Number(value), locale)
      add(
        key,
        t("segmentsPage.chips.range", {
          label: t(`segmentsPage.chips.fields.${key}`),
          op: OPERATOR_SIGNS[op],
          value:
            MONEY_RANGES.has(key) && currency ? `${amount} ${currency}` : amount,
        })
      )
    }
  }
  for (const key of DATE_RANGES) {
    const range = filter[key] as CrmRange<string> | undefined
    for (const op of OPERATORS) {
      const value = range?.[op]
      if (!value) {
        continue
      }
      add(
        key,
        t(`segmentsPage.chips.dates.${DATE_WORDS[op]}`, {
          label: t(`segmentsPage.chips.fields.${key}`),
          date: formatBound(value, locale),
        })
      )
    }
  }
  if (filter.consents?.length) {
    add("consents", t("segmentsPage.chips.consents", { purposes: list(filter.consents) }))
  }
  if (filter.sales_channel_id?.length) {
    add(
      "sales_channel_id",
      t("segmentsPage.chips.stores", {
        names: named(filter.sales_channel_id, names.salesChannels),
      })
    )
  }
  if (filter.group_id?.length) {
    add(
      "group_id",
      t("segmentsPage.chips.groups", { names: named(filter.group_id, names.groups) })
    )
  }
  if (currency && !chips.some((chip) => MONEY_RANGES.has(chip.key))) {
    add("currency_code", t("segmentsPage.chips.currency", { code: currency }))
  }
  return chips
}

const byId = (rows: { id: string; name?: string | null }[] | undefined) =>
  Object.fromEntries((rows ?? []).map((row) => [row.id, row.name ?? row.id]))

/** The names of the groups, stores and plans a filter names by id (asked only when it names some). */
export const useFilterNames = (
  filter: CustomerListFilter | null | undefined
): FilterNames => {
  const groupIds = filter?.group_id ?? []
  const channelIds = filter?.sales_channel_id ?? []
  const groupQuery = { id: groupIds, limit: groupIds.length, fields: "id,name" }
  const channelQuery = { id: channelIds, limit: channelIds.length, fields: "id,name" }
  const groups = useQuery({
    queryKey: customerGroupsQueryKeys.list(groupQuery),
    queryFn: () => sdk.admin.customerGroup.list(groupQuery),
    enabled: groupIds.length > 0,
  })
  const channels = useQuery({
    queryKey: salesChannelsQueryKeys.list(channelQuery),
    queryFn: () => sdk.admin.salesChannel.list(channelQuery),
    enabled: channelIds.length > 0,
  })
  const { plans } = useMembershipPlans(
    { limit: 100 },
    { enabled: !!filter?.membership_plan_id?.length }
  )
  return {
    groups: byId(groups.data?.customer_groups),
    salesChannels: byId(channels.data?.sales_channels),
    plans: byId(plans),
  }
}

type FilterChipsProps = {
  filter: CustomerListFilter | null | undefined
  /** At most this many chips, then "+n more" (a table cell); all by default. */
  max?: number
  /** Look up the names of groups, stores and plans (a detail page); ids otherwise. */
  resolveNames?: boolean
  "data-testid"?: string
}

const ResolvedChips = (props: Omit<FilterChipsProps, "resolveNames">) => {
  const names = useFilterNames(props.filter)
  return <ChipList {...props} names={names} />
}

const ChipList = ({
  filter,
  max,
  names,
  "data-testid": testId = "crm-segment-filter",
}: Omit<FilterChipsProps, "resolveNames"> & { names?: FilterNames }) => {
  const { t, locale } = useTranslate()
  const chips = filterChips(filter, t, locale, names)
  const shown = max === undefined ? chips : chips.slice(0, max)
  const hidden = chips.length - shown.length

  return (
    <div className="flex min-w-0 flex-wrap gap-1" data-testid={testId}>
      {chips.length === 0 && (
        <Badge size="2xsmall" color="grey" data-testid={`${testId}-chip`} data-key="">
          {t("segmentsPage.chips.everyone")}
        </Badge>
      )}
      {shown.map((chip, index) => (
        <Badge
          key={`${chip.key}-${index}`}
          size="2xsmall"
          data-testid={`${testId}-chip`}
          data-key={chip.key}
        >
          {chip.text}
        </Badge>
      ))}
      {hidden > 0 && (
        <Badge size="2xsmall" color="grey" data-testid={`${testId}-more`}>
          {t("segmentsPage.chips.more", { count: hidden })}
        </Badge>
      )}
    </div>
  )
}

/** A segment's (or report's) filter as chips: one badge per condition. */
export const FilterChips = ({ resolveNames, ...props }: FilterChipsProps) =>
  resolveNames ? <ResolvedChips {...props} /> : <ChipList {...props} />
