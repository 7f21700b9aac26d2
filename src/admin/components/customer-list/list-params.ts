import { useSearchParams } from "react-router-dom"
import {
  CRM_RANGE_OPERATORS,
  CUSTOMER_LIST_SORTABLE,
  type CrmRange,
  type CustomerListFilter,
  type CustomerListSortField,
} from "../../lib/types"

/** Rows on one page of the CRM list. */
export const LIST_PAGE_SIZE = 20

/** Number ranges (`lifetime_value[gte]=500`): money in the list's currency, counts, points, days. */
export const NUMBER_RANGE_KEYS = [
  "lifetime_value",
  "order_count",
  "average_order_value",
  "loyalty_balance",
  "days_since_last_order",
] as const
export type NumberRangeKey = (typeof NUMBER_RANGE_KEYS)[number]
/** Date ranges (`last_order_at[lt]=2026-01-01`). */
export const DATE_RANGE_KEYS = ["first_order_at", "last_order_at", "created_at"] as const
export type DateRangeKey = (typeof DATE_RANGE_KEYS)[number]
/** Repeatable values (`tags=vip&tags=level:gold`). */
export const LIST_KEYS = [
  "tags",
  "membership_plan_id",
  "membership_status",
  "consents",
  "sales_channel_id",
  "group_id",
  "id",
] as const
export type ListKey = (typeof LIST_KEYS)[number]
/** One value each. */
export const SINGLE_KEYS = ["q", "field", "status", "account", "tags_match", "currency_code"] as const
export type SingleKey = (typeof SINGLE_KEYS)[number]

/** Keys that money ranges hold: shown in the list's currency. */
export const MONEY_KEYS: readonly NumberRangeKey[] = ["lifetime_value", "average_order_value"]

const RANGE_PARAM = /^([a-z_]+)\[(gt|gte|lt|lte)\]$/

type Range = CrmRange<string>

/** The filter in the URL, in the list route's own vocabulary: everything a list, segment or export takes. */
export const filterFromSearch = (params: URLSearchParams): CustomerListFilter => {
  const filter: Record<string, unknown> = {}
  for (const key of SINGLE_KEYS) {
    const value = params.get(key)
    if (value) filter[key] = value
  }
  for (const key of LIST_KEYS) {
    const values = params.getAll(key).filter(Boolean)
    if (values.length) filter[key] = values
  }
  params.forEach((value, name) => {
    const match = RANGE_PARAM.exec(name)
    if (!match || value === "") return
    const [, key, op] = match
    if (
      (NUMBER_RANGE_KEYS as readonly string[]).includes(key) ||
      (DATE_RANGE_KEYS as readonly string[]).includes(key)
    ) {
      const range = (filter[key] ??= {}) as Range
      range[op as keyof Range] = value
    }
  })
  return filter as CustomerListFilter
}

/** Writes a filter into URL params (replacing every filter param there). */
export const writeFilter = (params: URLSearchParams, filter: CustomerListFilter) => {
  for (const name of [...params.keys()]) {
    const base = name.replace(/\[.*$/, "")
    if (
      (SINGLE_KEYS as readonly string[]).includes(base) ||
      (LIST_KEYS as readonly string[]).includes(base) ||
      (NUMBER_RANGE_KEYS as readonly string[]).includes(base) ||
      (DATE_RANGE_KEYS as readonly string[]).includes(base)
    ) {
      params.delete(name)
    }
  }
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === "") continue
    if (Array.isArray(value)) {
      value.forEach((v) => params.append(key, String(v)))
    } else if (typeof value === "object") {
      for (const op of CRM_RANGE_OPERATORS) {
        const bound = (value as Record<string, unknown>)[op]
        if (bound !== undefined && bound !== null && bound !== "") {
          params.set(`${key}[${op}]`, String(bound))
        }
      }
    } else {
      params.set(key, String(value))
    }
  }
  return params
}

/** The filter as JSON for a segment or an export: number ranges as numbers. */
export const filterAsJson = (filter: CustomerListFilter): CustomerListFilter => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(filter)) {
    if ((NUMBER_RANGE_KEYS as readonly string[]).includes(key) && value && typeof value === "object") {
      out[key] = Object.fromEntries(Object.entries(value).map(([op, v]) => [op, Number(v)]))
    } else {
      out[key] = value
    }
  }
  return out as CustomerListFilter
}

/** Whether the filter narrows the list (search and currency aside). */
export const hasFilter = (filter: CustomerListFilter) =>
  Object.keys(filter).some((key) => key !== "currency_code" && key !== "field")

export const isSortField = (value: string): value is CustomerListSortField =>
  (CUSTOMER_LIST_SORTABLE as readonly string[]).includes(value)

export type ListSort = { field: CustomerListSortField; desc: boolean } | null

/**
 * The CRM list's state in the URL: the filter (list route vocabulary), `order`, `offset`, and the
 * segment it was opened from. Reloading or sharing the URL shows the same list.
 */
export const useListParams = () => {
  const [searchParams, setSearchParams] = useSearchParams()
  const filter = filterFromSearch(searchParams)
  const orderParam = searchParams.get("order") ?? ""
  const orderField = orderParam.replace(/^-/, "")
  const sort: ListSort = isSortField(orderField) ? { field: orderField, desc: orderParam.startsWith("-") } : null
  const offset = Math.max(0, Number.parseInt(searchParams.get("offset") ?? "", 10) || 0)
  const segmentId = searchParams.get("segment")

  /** The list route's query for this page. */
  const apiParams = writeFilter(new URLSearchParams(), filter)
  if (sort) apiParams.set("order", `${sort.desc ? "-" : ""}${sort.field}`)
  apiParams.set("limit", String(LIST_PAGE_SIZE))
  apiParams.set("offset", String(offset))

  const update = (change: (next: URLSearchParams) => void, replace = true) =>
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        change(next)
        return next
      },
      { replace }
    )

  return {
    filter,
    sort,
    offset,
    segmentId,
    apiSearch: apiParams.toString(),
    /** Replaces the filter; back to the first page. */
    setFilter: (next: CustomerListFilter) =>
      update((params) => {
        writeFilter(params, next)
        params.delete("offset")
      }),
    /** Changes some filter keys (undefined removes one); back to the first page. */
    patchFilter: (patch: Partial<Record<keyof CustomerListFilter, unknown>>) =>
      update((params) => {
        const merged = { ...filterFromSearch(params), ...patch } as Record<string, unknown>
        for (const key of Object.keys(merged)) {
          if (merged[key] === undefined) delete merged[key]
        }
        writeFilter(params, merged as CustomerListFilter)
        params.delete("offset")
      }),
    setSort: (next: ListSort) =>
      update((params) => {
        if (next) params.set("order", `${next.desc ? "-" : ""}${next.field}`)
        else params.delete("order")
        params.delete("offset")
      }),
    // A page is a history entry of its own, as in the dashboard's lists.
    setOffset: (value: number) =>
      update((params) => {
        if (value > 0) params.set("offset", String(value))
        else params.delete("offset")
      }, false),
    setSegment: (id: string | null) =>
      update((params) => {
        if (id) params.set("segment", id)
        else params.delete("segment")
      }),
  }
}
