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

/**
 * The order figures: the period's visits, sales, average order and items, then lifetime ones. Each
 * tile says what it counts (the same definitions as the API): an order is placed and not
 * canceled, paid or not; a visit is a day with at least one order; sales add up those orders;
 * lifetime value is what was paid minus what was refunded.
 */
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
  // Sales not paid yet (what was paid and later refunded is not "unpaid").
  const unpaid = lifetime
    ? Math.max(0, Math.round((lifetime.sales - lifetime.paid) * 100) / 100)
    : 0

  return (
    <>
      <InsightTile
        metric="visits"
        label={t("insights.metric.visits")}
        value={formatNumber(period?.visits ?? 0, locale)}
        rawValue={period?.visits ?? 0}
        hint={t("insights.metric.visitsHint", {
          orders:
            orders === 1
              ? t("insights.ordersOne")
              : t("insights.ordersMany", {
                  count: formatNumber(orders, locale),
                }),
        })}
        isLoading={isLoading}
      />
      <InsightTile
        metric="sales"
        label={t("insights.metric.sales")}
        value={money(period?.sales ?? 0)}
        rawValue={period?.sales ?? 0}
        hint={t("insights.metric.salesHint", { period: periodLabel })}
        isLoading={isLoading}
      />
      <InsightTile
        metric="aov"
        label={t("insights.metric.aov")}
        value={orders ? money(period?.average_order_value) : "-"}
        rawValue={orders ? period?.average_order_value : null}
        hint={t("insights.metric.aovHint")}
        isLoading={isLoading}
      />
      <InsightTile
        metric="items"
        label={t("insights.metric.items")}
        value={formatNumber(period?.items ?? 0, locale)}
        rawValue={period?.items ?? 0}
        hint={t("insights.metric.itemsHint", { period: periodLabel })}
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
          <>
            <span className="block">
              {lifetime?.refunded
                ? t("insights.metric.ltvRefunded", {
                    amount: money(lifetime.refunded),
                  })
                : t("insights.metric.ltvHint")}
            </span>
            {unpaid > 0 && (
              <span className="block" data-testid="crm-insight-unpaid">
                {t("insights.metric.ltvUnpaid", { amount: money(unpaid) })}
              </span>
            )}
          </>
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
  // One currency: the one shown, else the customer's own.
  const worth =
    loyalty?.values.find(({ currency_code }) => currency_code === currency) ??
    (loyalty?.currency_code && loyalty.value !== null
      ? { currency_code: loyalty.currency_code, value: loyalty.value }
      : undefined)

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
