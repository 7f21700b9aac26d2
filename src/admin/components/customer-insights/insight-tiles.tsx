import { useCustomerLoyalty } from "../../hooks/api/loyalty"
import { useCustomerMemberships } from "../../hooks/api/memberships"
import {
  formatAmount,
  formatDate,
  formatNumber,
  formatPoints,
} from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type {
  CustomerLifetimeMetrics,
  CustomerPeriodMetrics,
  Membership,
} from "../../lib/types"
import { InsightTile } from "./insight-tile"

type MetricTilesProps = {
  /** The currency shown; null when the customer never bought anything. */
  currency: string | null
  lifetime: CustomerLifetimeMetrics | undefined
  period: CustomerPeriodMetrics | undefined
  /** What the period is called, e.g. "Last 30 days". */
  periodLabel: string
  isLoading: boolean
}

/** The order figures: the period's visits, sales, average order and items, then lifetime ones. */
export const MetricTiles = ({
  currency,
  lifetime,
  period,
  periodLabel,
  isLoading,
}: MetricTilesProps) => {
  const { t, locale } = useTranslate()
  const money = (amount: number | null | undefined) =>
    currency && amount !== null && amount !== undefined
      ? formatAmount(amount, currency, locale)
      : "-"
  const orders = period?.orders ?? 0
  const lastOrderAt = lifetime?.last_order_at
  const daysSince = lifetime?.days_since_last_order ?? null

  return (
    <>
      <InsightTile
        metric="visits"
        label={t("insights.metric.visits")}
        value={formatNumber(period?.visits ?? 0, locale)}
        rawValue={period?.visits ?? 0}
        hint={
          orders === 1
            ? t("insights.ordersOne")
            : t("insights.ordersMany", { count: formatNumber(orders, locale) })
        }
        isLoading={isLoading}
      />
      <InsightTile
        metric="sales"
        label={t("insights.metric.sales")}
        value={money(period?.net_sales ?? 0)}
        rawValue={period?.net_sales ?? 0}
        hint={t("insights.metric.salesHint", { period: periodLabel })}
        isLoading={isLoading}
      />
      <InsightTile
        metric="aov"
        label={t("insights.metric.aov")}
        value={orders ? money(period?.average_order_value) : "-"}
        rawValue={orders ? period?.average_order_value : null}
        isLoading={isLoading}
      />
      <InsightTile
        metric="items"
        label={t("insights.metric.items")}
        value={formatNumber(period?.items ?? 0, locale)}
        rawValue={period?.items ?? 0}
        isLoading={isLoading}
      />
      <InsightTile
        metric="days_since"
        label={t("insights.metric.daysSince")}
        value={daysSince === null ? "-" : formatNumber(daysSince, locale)}
        rawValue={daysSince}
        hint={
          lastOrderAt
            ? t("insights.metric.lastOrder", {
                date: formatDate(lastOrderAt, locale),
              })
            : t("insights.metric.noOrders")
        }
        isLoading={isLoading}
      />
      <InsightTile
        metric="ltv"
        label={t("insights.metric.ltv")}
        value={money(lifetime?.lifetime_value ?? 0)}
        rawValue={lifetime?.lifetime_value ?? 0}
        hint={
          lifetime?.refunded
            ? t("insights.metric.ltvRefunded", {
                amount: money(lifetime.refunded),
              })
            : t("insights.metric.ltvHint")
        }
        isLoading={isLoading}
      />
    </>
  )
}

type CustomerTileProps = {
  customerId: string
  /** The currency shown, to value the points in. */
  currency: string | null
}

/** The available points and what they are worth; left out while the loyalty program is off. */
export const LoyaltyTile = ({ customerId, currency }: CustomerTileProps) => {
  const { t, locale } = useTranslate()
  const { loyalty, isPending } = useCustomerLoyalty(customerId)

  if (loyalty && !loyalty.program_enabled) {
    return null
  }

  const available = loyalty?.balance.available
  const worth =
    loyalty?.values.find(({ currency_code }) => currency_code === currency) ??
    loyalty?.values[0]

  return (
    <InsightTile
      metric="points"
      label={t("insights.metric.points")}
      value={available === undefined ? "-" : formatPoints(available, locale)}
      rawValue={available}
      valueClassName={
        available !== undefined && available < 0
          ? "text-ui-fg-error"
          : undefined
      }
      hint={
        worth &&
        t("insights.metric.pointsWorth", {
          value: formatAmount(worth.value, worth.currency_code, locale),
        })
      }
      isLoading={isPending}
    />
  )
}

/** The plan of the customer's highest-level active membership, or "None". */
export const MembershipTile = ({
  customerId,
}: Omit<CustomerTileProps, "currency">) => {
  const { t, locale } = useTranslate()
  const { memberships, isPending, isError } = useCustomerMemberships(customerId)

  const top = (memberships ?? [])
    .filter(({ status }) => status === "active")
    .reduce<Membership | null>(
      (best, membership) =>
        !best || membership.plan.level > best.plan.level ? membership : best,
      null
    )

  const hint = () => {
    if (!top) {
      return undefined
    }
    return top.expires_at
      ? t("memberships.validUntil", {
          date: formatDate(top.expires_at, locale),
        })
      : t("memberships.lifetime")
  }

  return (
    <InsightTile
      metric="membership"
      label={t("insights.metric.membership")}
      value={
        top ? top.plan.name : isError ? "-" : t("insights.metric.noMembership")
      }
      rawValue={top?.plan.name}
      hint={hint()}
      isLoading={isPending}
    />
  )
}
