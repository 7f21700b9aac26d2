/** The stable `code` of every refusal of the insight routes (metrics, transactions, receipt, start-basket, rebuild). */
export const InsightErrorCodes = {
  /** The body or query failed validation (400). */
  INVALID_DATA: "invalid_data",
  /** No customer with that id (404). */
  CUSTOMER_NOT_FOUND: "customer_not_found",
  /** No order with that id for this customer (404). */
  ORDER_NOT_FOUND: "order_not_found",
  /** A draft order has no receipt yet (400). */
  RECEIPT_NOT_AVAILABLE: "receipt_not_available",
  /** The customer has no e-mail address and none was given in `to` (400). */
  CUSTOMER_EMAIL_MISSING: "customer_email_missing",
  /** `region_id` is not a region, or the store has none (400). */
  REGION_NOT_FOUND: "region_not_found",
  /** `sales_channel_id` is not a sales channel (400). */
  SALES_CHANNEL_NOT_FOUND: "sales_channel_not_found",
  /** A rebuild of the customer metrics is already running (409). */
  REBUILD_RUNNING: "rebuild_running",
} as const
export type InsightErrorCode = (typeof InsightErrorCodes)[keyof typeof InsightErrorCodes]


/**
 * A customer's figures over all time in one currency. Money in major units. What counts:
 * - an order counts when it is placed and not canceled, paid or not (drafts never count);
 * - `sales` adds up those orders' totals, paid or not, before refunds;
 * - `lifetime_value` is the money received: captured minus refunded on those orders;
 * - a visit is a day (UTC) with at least one order: two orders on one day are one visit.
 */
export type CustomerLifetimeMetrics = {
  currency_code: string
  /** Orders placed and not canceled, paid or not. */
  orders: number
  /** Days (UTC) with at least one order. */
  visits: number
  items: number
  /** Totals of the orders placed and not canceled, paid or not, before refunds. */
  sales: number
  /** Captured (paid) on those orders. */
  paid: number
  /** Paid minus refunded: the money received. An unpaid order adds nothing until it is captured. */
  lifetime_value: number
  /** Refunded on those orders. */
  refunded: number
  /** `sales` / `orders`. */
  average_order_value: number
  first_order_at: string | null
  last_order_at: string | null
  days_since_last_order: number | null
}

/** The same figures within the chosen period, in one currency (orders placed in the period). */
export type CustomerPeriodMetrics = {
  currency_code: string
  orders: number
  /** Days (UTC) with at least one order. */
  visits: number
  items: number
  /** Totals of the orders placed and not canceled, paid or not, before refunds. */
  sales: number
  /** `sales` minus what was refunded on those orders. */
  net_sales: number
  /** `sales` / `orders`. */
  average_order_value: number
}

export type MonthlySales = {
  /** `YYYY-MM`. */
  month: string
  /** Totals of the orders placed in the month (not canceled), paid or not, before refunds. */
  sales: number
  /** `sales` minus what was refunded on those orders. */
  net_sales: number
  orders: number
}

export type WeekdaySpend = {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number
  /** Sales on this weekday within the period (as `CustomerPeriodMetrics.sales`). */
  sales: number
  /** `sales` minus what was refunded on those orders. */
  net_sales: number
  /** Days on this weekday with at least one order. */
  visits: number
  /** `sales` / `visits`: what the customer spends on such a day when they buy. */
  average_daily_spend: number
}

export type CustomerMetricsParams = {
  /** `YYYY-MM-DD` (or an ISO date-time, read as its day), inclusive; both absent = all time. `from` <= `to`. */
  from?: string
  to?: string
}

export type CustomerMetricsResponse = {
  /** One per currency the customer bought in, most orders first. */
  metrics: CustomerLifetimeMetrics[]
  period: {
    from: string | null
    to: string | null
    metrics: CustomerPeriodMetrics[]
  }
  /** The 12 months up to `to` (or now), oldest first, zero-filled. */
  monthly: { currency_code: string; months: MonthlySales[] }[]
  /** Within the period; all 7 days present. */
  weekdays: { currency_code: string; days: WeekdaySpend[] }[]
  /** When this customer's figures were last computed. */
  computed_at: string | null
}

/**
 * What a transaction is: `placed` (an order, not canceled, whatever its payment), `canceled`, or
 * `draft` (a draft order with items: not a transaction yet, never counted in `order_count`).
 */
export const CUSTOMER_TRANSACTION_STATUSES = ["placed", "canceled", "draft"] as const
export type CustomerTransactionStatus = (typeof CUSTOMER_TRANSACTION_STATUSES)[number]

/**
 * The `status` filter also takes `completed`, the name `placed` had before: an order is placed
 * whether paid or not, so "completed" said too much. Read as `placed`.
 */
export const CUSTOMER_TRANSACTION_STATUS_ALIASES = { completed: "placed" } as const

/** Medusa's payment status of an order, as its order list shows it (`getLastPaymentStatus`). */
export type OrderPaymentStatus =
  | "not_paid"
  | "awaiting"
  | "authorized"
  | "partially_authorized"
  | "captured"
  | "partially_captured"
  | "partially_refunded"
  | "refunded"
  | "canceled"
  | "requires_action"

/** Medusa's fulfillment status of an order, as its order list shows it (`getLastFulfillmentStatus`). */
export type OrderFulfillmentStatus =
  | "not_fulfilled"
  | "partially_fulfilled"
  | "fulfilled"
  | "partially_shipped"
  | "shipped"
  | "partially_delivered"
  | "delivered"
  | "canceled"

/** Where an order was placed: the storefront, or a till / box office. */
export type SalesChannelKind = "online" | "in_store"

export type CustomerTransaction = {
  /** The order's id (a draft order's too). */
  id: string
  display_id: number
  /** The record Medusa filed the order under: this customer, or another record with one of their e-mails. */
  customer_id: string | null
  created_at: string
  total: number
  currency_code: string
  status: CustomerTransactionStatus
  /** Medusa's payment status (null for a draft). */
  payment_status: OrderPaymentStatus | null
  /** Medusa's fulfillment status (null for a draft). */
  fulfillment_status: OrderFulfillmentStatus | null
  /** The sales channel as Medusa names it ("Box office", "Webshop"). */
  sales_channel: { id: string; name: string } | null
  /** @deprecated A guess from the channel's name or `metadata.crm_channel_kind`: show `sales_channel.name`. */
  channel_kind: SalesChannelKind
  items: number
}

export type CustomerTransactionListParams = {
  /** Comma list of `placed`, `canceled`, `draft` (`completed` = `placed`); absent = all. */
  status?: string
  limit?: number
  offset?: number
}

/** Newest first. */
export type CustomerTransactionListResponse = {
  transactions: CustomerTransaction[]
  /** Everything listed under the filter (drafts with items included): what the pages go through. */
  count: number
  /** Of `count`, the orders (placed or canceled): drafts are not transactions yet. */
  order_count: number
  offset: number
  limit: number
}

/** Defaults to the customer's e-mail. */
export type SendReceiptPayload = { to?: string }

export type SendReceiptResponse = {
  /** `notification_id` is null when the notification module recorded none. */
  receipt: { notification_id: string | null; to: string; sent_at: string }
}

/** Defaults: the store's default channel; the region of the customer's shipping address. */
export type StartBasketPayload = {
  sales_channel_id?: string
  region_id?: string
}

export type StartBasketResponse = {
  draft_order: {
    id: string
    display_id: number
    region_id: string | null
    sales_channel_id: string | null
    email: string | null
    customer_id: string | null
  }
}

export type InsightsRebuildStatus = "running" | "done" | "failed"

/** A run that recomputes every customer's figures from their orders. */
export type InsightsRebuild = {
  id: string
  status: InsightsRebuildStatus
  processed: number
  total: number
  started_at: string
  finished_at: string | null
  error: string | null
}

/** The latest run, or null when there has been none. */
export type InsightsRebuildResponse = { rebuild: InsightsRebuild | null }

export type StartInsightsRebuildResponse = { rebuild: InsightsRebuild }

/** `GET /admin/crm/insights/overview`: store-wide figures from the customers' metrics. */
export type InsightsOverviewParams = {
  /** Three letters; absent = the store's default currency (else the one most customers bought in). */
  currency_code?: string
  /** Months in `months`, 1..24; default 12 (this month and the 11 before). */
  months?: number
  /** The "at risk" list: customers whose last order is at least this many days ago. Default 90. */
  at_risk_days?: 90 | 180 | 365
  /** Rows in `top_customers` and `at_risk.customers`, 1..50; default 10. */
  limit?: number
}

/** A customer in a list of the overview, with their figures in the overview's currency. */
export type InsightsOverviewCustomer = {
  id: string
  first_name: string | null
  last_name: string | null
  email: string | null
  company_name: string | null
  orders: number
  lifetime_value: number
  last_order_at: string | null
  days_since_last_order: number | null
}

export type InsightsOverviewMonth = {
  /** `YYYY-MM` (UTC). */
  month: string
  /** Customers whose first order in this currency was in this month. */
  new_customers: number
  /** Customers with an order in this month who had ordered before it. */
  returning_customers: number
}

export type InsightsAtRiskBucket = {
  /** Days since the last order: `from_days` up to (not including) `to_days`; null = no upper end. */
  from_days: number
  to_days: number | null
  customers: number
  lifetime_value: number
}

export type InsightsOverview = {
  /** The currency of every figure; null when no customer has bought anything yet. */
  currency_code: string | null
  /** Currencies customers bought in: the store's default first. */
  currencies: string[]
  /** Customers who bought in this currency, and their figures (as the customer page counts them). */
  totals: {
    customers: number
    /** Customers with two orders or more. */
    repeat_customers: number
    orders: number
    lifetime_value: number
    average_lifetime_value: number
  }
  /** Highest lifetime value first. */
  top_customers: InsightsOverviewCustomer[]
  /** Oldest first, every month present. */
  months: InsightsOverviewMonth[]
  at_risk: {
    /** The list's threshold (`at_risk_days`). */
    days: number
    /** 90–179, 180–364 and 365+ days since the last order. */
    buckets: InsightsAtRiskBucket[]
    /** Customers without an order for `days` or more, highest lifetime value first. */
    customers: InsightsOverviewCustomer[]
  }
  /** When the oldest of these figures was computed (a rebuild refreshes them all). */
  computed_at: string | null
}

export type InsightsOverviewResponse = { overview: InsightsOverview }
