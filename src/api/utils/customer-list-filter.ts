import { z } from "@medusajs/framework/zod"
import {
  CUSTOMER_LIST_COLUMNS,
  CUSTOMER_LIST_MAX_IDS,
  CUSTOMER_LIST_MAX_VALUES,
  CUSTOMER_LIST_MEMBERSHIP_STATUSES,
  CUSTOMER_LIST_SORTABLE,
  CUSTOMER_LIST_TAG_MATCHES,
  type CustomerListColumn,
  type CustomerListFilter,
} from "../../types/http/customer-list"
import {
  CUSTOMER_SEARCH_ACCOUNTS,
  CUSTOMER_SEARCH_FIELDS,
  CUSTOMER_SEARCH_MAX_LENGTH,
  CUSTOMER_SEARCH_STATUSES,
} from "../../types/http/identity"
import { TAG_KEY_PATTERN, TAG_VALUE_MAX_LENGTH } from "../../types/http/tags"
import { createListParams, orderParam } from "./validators"

/**
 * The CRM list's filter as zod: one schema for a query string (`lifetime_value[gte]=500`,
 * `tags=vip&tags=level:gold`, strings everywhere) and for JSON (a segment's or a report's filter,
 * numbers as numbers). Unknown keys, an unknown range operator, a bad tag, a range whose lower bound
 * is above its upper bound: a 400 naming the field.
 */

/** One value or a repeated parameter, as a list. */
const list = <T extends z.ZodTypeAny>(item: T, max = CUSTOMER_LIST_MAX_VALUES) =>
  z.preprocess(
    (value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value]),
    z.array(item).min(1).max(max)
  )

/** A number from JSON or from the query string (plain decimals only). */
const number = (field: string, integer: boolean) => {
  const base = integer ? z.number().int() : z.number()
  return z.preprocess(
    (value) => (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value),
    base.refine((n) => Number.isFinite(n) && Math.abs(n) < 1e15, { message: `${field} must be a finite number` })
  )
}

/** An ISO date (`2026-01-01`) or date-time, kept as written. */
const isoDate = (field: string) =>
  z
    .string()
    .trim()
    .refine((value) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value)), {
      message: `${field} must be an ISO date (2026-01-31) or date-time`,
    })

const lower = (range: Record<string, unknown>) => range.gte ?? range.gt
const upper = (range: Record<string, unknown>) => range.lte ?? range.lt

const RANGE_OPERATORS = ["gt", "gte", "lt", "lte"]

/** `{ gt?, gte?, lt?, lte? }`, at least one, and not min above max; every refusal names `field`. */
const range = <T extends z.ZodTypeAny>(field: string, value: T, compare: (a: any, b: any) => number) =>
  z.preprocess(
    (v) => (typeof v === "object" && v !== null && !Array.isArray(v) ? v : { _not_a_range: v }),
    z
      .object({ gt: value.optional(), gte: value.optional(), lt: value.optional(), lte: value.optional() })
      .passthrough()
      .refine((r) => Object.keys(r).every((k) => RANGE_OPERATORS.includes(k)), {
        message: `${field} takes the operators gt, gte, lt and lte (e.g. ${field}[gte]=…)`,
      })
      .refine((r) => RANGE_OPERATORS.some((k) => (r as Record<string, unknown>)[k] !== undefined), {
        message: `${field} needs an operator: gt, gte, lt or lte (e.g. ${field}[gte]=…)`,
      })
      .refine((r) => !(r.gt !== undefined && r.gte !== undefined) && !(r.lt !== undefined && r.lte !== undefined), {
        message: `${field} takes one lower bound (gt or gte) and one upper bound (lt or lte)`,
      })
      .refine(
        (r) => {
          const lo = lower(r)
          const hi = upper(r)
          return lo === undefined || hi === undefined || compare(lo, hi) <= 0
        },
        { message: `${field} has its lower bound above its upper bound` }
      )
  ) as unknown as z.ZodType<{ gt?: z.infer<T>; gte?: z.infer<T>; lt?: z.infer<T>; lte?: z.infer<T> }>

const numberRange = (field: string, integer = false) =>
  range(field, number(field, integer), (a: number, b: number) => a - b)
const dateRange = (field: string) => range(field, isoDate(field), (a: string, b: string) => Date.parse(a) - Date.parse(b))

/** `key` or `key:value` (the value is everything after the first colon, case-insensitive). */
export const TAG_FILTER_PATTERN = new RegExp(`^${TAG_KEY_PATTERN.source.slice(1, -1)}(:.{1,${TAG_VALUE_MAX_LENGTH}})?$`)
const tagFilter = z.string().trim().regex(TAG_FILTER_PATTERN, {
  message: "tags must be a tag key (vip) or key:value (level:gold); keys hold letters, digits, _ . -",
})

const id = z.string().trim().min(1).max(100)

export const customerListFilterShape = {
  q: z.string().trim().max(CUSTOMER_SEARCH_MAX_LENGTH).optional(),
  field: z.enum(CUSTOMER_SEARCH_FIELDS).optional(),
  status: z.enum(CUSTOMER_SEARCH_STATUSES).optional(),
  account: z.enum(CUSTOMER_SEARCH_ACCOUNTS).optional(),
  id: list(id, CUSTOMER_LIST_MAX_IDS).optional(),
  tags: list(tagFilter).optional(),
  tags_match: z.enum(CUSTOMER_LIST_TAG_MATCHES).optional(),
  membership_plan_id: list(id).optional(),
  membership_status: list(z.enum(CUSTOMER_LIST_MEMBERSHIP_STATUSES)).optional(),
  loyalty_balance: numberRange("loyalty_balance", true).optional(),
  lifetime_value: numberRange("lifetime_value").optional(),
  order_count: numberRange("order_count", true).optional(),
  average_order_value: numberRange("average_order_value").optional(),
  first_order_at: dateRange("first_order_at").optional(),
  last_order_at: dateRange("last_order_at").optional(),
  days_since_last_order: numberRange("days_since_last_order", true).optional(),
  consents: list(z.string().trim().min(1).max(100)).optional(),
  sales_channel_id: list(id).optional(),
  group_id: list(id).optional(),
  created_at: dateRange("created_at").optional(),
  currency_code: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, { message: "currency_code must be a three-letter currency code" })
    .transform((c) => c.toLowerCase())
    .optional(),
}

/** The filter as JSON (a segment's, an export's, a report's): strict, every key optional. */
export const CustomerListFilterSchema = z.object(customerListFilterShape).strict() satisfies z.ZodType<CustomerListFilter>

/** `GET /admin/crm/customers`: the filter, `order` by a sortable column, `limit` (max 200) and `offset`. */
export const AdminCustomerListParams = createListParams({
  orderFields: CUSTOMER_LIST_SORTABLE,
  maxLimit: 200,
  extra: customerListFilterShape,
})
export type AdminCustomerListParamsType = z.infer<typeof AdminCustomerListParams>

export const customerListOrder = orderParam(CUSTOMER_LIST_SORTABLE)

/** A column list: from JSON (an array) or a query string (`columns=a,b` or repeated). */
export const customerListColumns = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value.split(",").map((c) => c.trim()).filter(Boolean)
      : value,
  z
    .array(z.enum(CUSTOMER_LIST_COLUMNS))
    .min(1)
    .max(CUSTOMER_LIST_COLUMNS.length)
    .refine((cols) => new Set(cols).size === cols.length, { message: "lists a column twice" })
) as unknown as z.ZodType<CustomerListColumn[]>

/** Only the keys that hold a value: what a segment stores and what the admin puts in the URL. */
export function compactFilter(filter: CustomerListFilter): CustomerListFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && !v.length))
  ) as CustomerListFilter
}
