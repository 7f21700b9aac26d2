import {
  Button,
  createDataTableFilterHelper,
  type DataTableFilter,
  type DataTableFilteringState,
  Hint,
  Input,
  Label,
} from "@medusajs/ui"
import { useState } from "react"
import { useConsentPurposes } from "../../hooks/api/consents"
import { useListCustomerGroups } from "../../hooks/api/customer-list"
import { useCrmSalesChannels } from "../../hooks/api/customer-profile"
import { useMembershipPlans } from "../../hooks/api/memberships"
import { useTagDefinitions } from "../../hooks/api/tag-definitions"
import { toIsoDate } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import {
  CUSTOMER_LIST_MEMBERSHIP_STATUSES,
  CUSTOMER_LIST_TAG_MATCHES,
  type CrmRange,
  type CustomerListFilter,
} from "../../lib/types"
import {
  DATE_RANGE_KEYS,
  type DateRangeKey,
  MONEY_KEYS,
  NUMBER_RANGE_KEYS,
  type NumberRangeKey,
} from "./list-params"

/** The filters the filter bar offers, in the menu's order. */
export const TABLE_FILTER_KEYS = [
  "tags",
  "tags_match",
  "membership_plan_id",
  "membership_status",
  "loyalty_balance",
  "lifetime_value",
  "order_count",
  "average_order_value",
  "first_order_at",
  "last_order_at",
  "days_since_last_order",
  "account",
  "consents",
  "sales_channel_id",
  "group_id",
  "created_at",
  "status",
] as const
export type TableFilterKey = (typeof TABLE_FILTER_KEYS)[number]

const MULTI: readonly TableFilterKey[] = [
  "tags",
  "membership_plan_id",
  "membership_status",
  "consents",
  "sales_channel_id",
  "group_id",
]
const SINGLE: readonly TableFilterKey[] = ["tags_match", "account", "status"]

const isNumberRange = (key: string): key is NumberRangeKey => (NUMBER_RANGE_KEYS as readonly string[]).includes(key)
const isDateRange = (key: string): key is DateRangeKey => (DATE_RANGE_KEYS as readonly string[]).includes(key)

type Range = CrmRange<string | number>
const SYMBOLS = { gte: "≥", gt: ">", lte: "≤", lt: "<" } as const
const OPS = Object.keys(SYMBOLS) as (keyof typeof SYMBOLS)[]

/** A number range as the filter bar shows it (and keeps it): "≥ 500, ≤ 1000". */
export const rangeText = (range: Range) =>
  OPS.filter((op) => range[op] !== undefined && range[op] !== "")
    .map((op) => `${SYMBOLS[op]} ${range[op]}`)
    .join(", ")

/** The range back from its text. */
export const parseRangeText = (text: string): CrmRange<string> => {
  const range: CrmRange<string> = {}
  for (const part of text.split(",")) {
    const match = /^\s*(≥|>|≤|<)\s*(\S+)\s*$/.exec(part)
    if (match) {
      const op = OPS.find((o) => SYMBOLS[o] === match[1])!
      range[op] = match[2]
    }
  }
  return range
}

/** The DataTable's filter state for the list's filter. */
export const tableFiltering = (filter: CustomerListFilter): DataTableFilteringState => {
  const state: DataTableFilteringState = {}
  const source = filter as Record<string, unknown>
  for (const key of TABLE_FILTER_KEYS) {
    const value = source[key]
    if (value === undefined) continue
    if (isNumberRange(key)) {
      state[key] = rangeText(value as Range)
    } else if (isDateRange(key)) {
      state[key] = Object.fromEntries(Object.entries(value as Range).map(([op, v]) => [`$${op}`, v]))
    } else {
      state[key] = value
    }
  }
  return state
}

/** The list's filter keys from the DataTable's filter state (the keys it does not hold: removed). */
export const filterPatch = (state: DataTableFilteringState) => {
  const patch: Partial<Record<TableFilterKey, unknown>> = {}
  for (const key of TABLE_FILTER_KEYS) {
    const value = state[key]
    let next: unknown = undefined
    if (isNumberRange(key) && typeof value === "string") {
      const range = parseRangeText(value)
      next = Object.keys(range).length ? range : undefined
    } else if (isDateRange(key) && value && typeof value === "object") {
      const range = Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => typeof v === "string" && v)
          .map(([op, v]) => [op.replace(/^\$/, ""), v])
      )
      next = Object.keys(range).length ? range : undefined
    } else if (MULTI.includes(key)) {
      next = Array.isArray(value) && value.length ? value : undefined
    } else if (SINGLE.includes(key)) {
      next = typeof value === "string" && value ? value : undefined
    }
    patch[key] = next
  }
  return patch
}

type RangeFilterProps = {
  id: NumberRangeKey
  value: unknown
  onChange: (value: string) => void
  onRemove: () => void
  currency: string
  t: TranslateFn
}

/** A number range's popover: at least / at most, applied on Enter or Apply. */
const RangeFilterContent = ({ id, value, onChange, onRemove, currency, t }: RangeFilterProps) => {
  const initial = parseRangeText(typeof value === "string" ? value : "")
  const [min, setMin] = useState(initial.gte ?? initial.gt ?? "")
  const [max, setMax] = useState(initial.lte ?? initial.lt ?? "")
  const [error, setError] = useState<string | null>(null)
  const integer = !MONEY_KEYS.includes(id)

  const apply = () => {
    const lo = min.trim()
    const hi = max.trim()
    const pattern = integer ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/
    if ((lo && !pattern.test(lo)) || (hi && !pattern.test(hi))) {
      setError(t(integer ? "customerList.range.wholeNumber" : "customerList.range.number"))
      return
    }
    if (lo && hi && Number(lo) > Number(hi)) {
      setError(t("customerList.range.minAboveMax"))
      return
    }
    setError(null)
    if (!lo && !hi) {
      onRemove()
      return
    }
    onChange(rangeText({ ...(lo ? { gte: lo } : {}), ...(hi ? { lte: hi } : {}) }))
  }

  return (
    <form
      className="flex w-[260px] flex-col gap-y-3 p-3"
      data-testid={`crm-list-range-${id}`}
      onSubmit={(event) => {
        event.preventDefault()
        apply()
      }}
    >
      <div className="grid grid-cols-2 gap-2">
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor={`${id}-min`}>
            {t("customerList.range.min")}
          </Label>
          <Input
            id={`${id}-min`}
            size="small"
            inputMode="decimal"
            value={min}
            onChange={(e) => setMin(e.target.value)}
            autoFocus
            data-testid="crm-list-range-min"
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor={`${id}-max`}>
            {t("customerList.range.max")}
          </Label>
          <Input
            id={`${id}-max`}
            size="small"
            inputMode="decimal"
            value={max}
            onChange={(e) => setMax(e.target.value)}
            data-testid="crm-list-range-max"
          />
        </div>
      </div>
      {MONEY_KEYS.includes(id) && (
        <Hint>{t("customerList.range.inCurrency", { currency: currency.toUpperCase() })}</Hint>
      )}
      {error && (
        <Hint variant="error" data-testid="crm-list-range-error">
          {error}
        </Hint>
      )}
      <Button type="submit" size="small" variant="secondary" data-testid="crm-list-range-apply">
        {t("customerList.range.apply")}
      </Button>
    </form>
  )
}

const filterHelper = createDataTableFilterHelper<Record<string, unknown>>()

const daysAgo = (days: number) => toIsoDate(new Date(Date.now() - days * 86_400_000))

/**
 * The filter bar's filters, with their choices (tags, plans, purposes, stores, groups) loaded from
 * the store. Values already in the URL stay choosable even if not among the loaded ones.
 */
export const useListFilters = (filter: CustomerListFilter, currency: string): DataTableFilter[] => {
  const { t } = useTranslate()
  const { tags } = useTagDefinitions({ limit: 100 })
  const { plans } = useMembershipPlans({ limit: 100 })
  const { purposes } = useConsentPurposes()
  const { sales_channels } = useCrmSalesChannels()
  const { groups } = useListCustomerGroups()

  /** The loaded choices plus any value of the URL not among them. */
  const withCurrent = (options: { label: string; value: string }[], current: string[] | undefined) => [
    ...options,
    ...(current ?? [])
      .filter((value) => !options.some((o) => o.value === value))
      .map((value) => ({ label: value, value })),
  ]

  const tagOptions = (tags ?? []).flatMap((tag) => [
    { label: tag.label || tag.key, value: tag.key },
    ...(tag.value_mode === "list" ? tag.allowed_values ?? [] : []).map((value) => ({
      label: `${tag.label || tag.key}: ${value}`,
      value: `${tag.key}:${value}`,
    })),
  ])

  const range = (id: NumberRangeKey) =>
    filterHelper.custom({
      id,
      type: "custom",
      label: t(`customerList.filters.${id}`),
      render: ({ value, onChange, onRemove }) => (
        <RangeFilterContent
          id={id}
          value={value}
          onChange={onChange}
          onRemove={onRemove}
          currency={currency}
          t={t}
        />
      ),
    })

  const dates = (id: DateRangeKey, past: boolean) =>
    filterHelper.accessor(id, {
      type: "date",
      label: t(`customerList.filters.${id}`),
      format: "date",
      rangeOptionLabel: t("customerList.dates.custom"),
      rangeOptionStartLabel: t("customerList.dates.from"),
      rangeOptionEndLabel: t("customerList.dates.until"),
      options: past
        ? [
            { label: t("customerList.dates.last30"), value: { $gte: daysAgo(30) } },
            { label: t("customerList.dates.last90"), value: { $gte: daysAgo(90) } },
            { label: t("customerList.dates.lastYear"), value: { $gte: daysAgo(365) } },
            { label: t("customerList.dates.beforeYear"), value: { $lt: daysAgo(365) } },
          ]
        : [],
    })

  return [
    filterHelper.accessor("tags", {
      type: "multiselect",
      label: t("customerList.filters.tags"),
      searchable: true,
      options: withCurrent(tagOptions, filter.tags),
    }),
    filterHelper.accessor("tags_match", {
      type: "radio",
      label: t("customerList.filters.tags_match"),
      options: CUSTOMER_LIST_TAG_MATCHES.map((value) => ({ label: t(`customerList.tagsMatch.${value}`), value })),
    }),
    filterHelper.accessor("membership_plan_id", {
      type: "multiselect",
      label: t("customerList.filters.membership_plan_id"),
      searchable: true,
      options: withCurrent((plans ?? []).map((p) => ({ label: p.name, value: p.id })), filter.membership_plan_id),
    }),
    filterHelper.accessor("membership_status", {
      type: "multiselect",
      label: t("customerList.filters.membership_status"),
      options: CUSTOMER_LIST_MEMBERSHIP_STATUSES.map((value) => ({
        label: t(`customerList.membershipStatus.${value}`),
        value,
      })),
    }),
    range("loyalty_balance"),
    range("lifetime_value"),
    range("order_count"),
    range("average_order_value"),
    dates("first_order_at", true),
    dates("last_order_at", true),
    range("days_since_last_order"),
    filterHelper.accessor("account", {
      type: "radio",
      label: t("customerList.filters.account"),
      options: [
        { label: t("customerList.account.online"), value: "online" },
        { label: t("customerList.account.guest"), value: "guest" },
      ],
    }),
    filterHelper.accessor("consents", {
      type: "multiselect",
      label: t("customerList.filters.consents"),
      options: withCurrent((purposes ?? []).map((p) => ({ label: p.name, value: p.handle })), filter.consents),
    }),
    filterHelper.accessor("sales_channel_id", {
      type: "multiselect",
      label: t("customerList.filters.sales_channel_id"),
      options: withCurrent(
        (sales_channels ?? []).map((s) => ({ label: s.name ?? s.id, value: s.id })),
        filter.sales_channel_id
      ),
    }),
    filterHelper.accessor("group_id", {
      type: "multiselect",
      label: t("customerList.filters.group_id"),
      searchable: true,
      options: withCurrent((groups ?? []).map((g) => ({ label: g.name ?? g.id, value: g.id })), filter.group_id),
    }),
    dates("created_at", true),
    filterHelper.accessor("status", {
      type: "radio",
      label: t("customerList.filters.status"),
      options: [
        { label: t("customersPage.status.active"), value: "active" },
        { label: t("customersPage.status.archived"), value: "archived" },
      ],
    }),
  ] as DataTableFilter[]
}
