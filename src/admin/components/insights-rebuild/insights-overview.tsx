import {
  Button,
  Container,
  Heading,
  Select,
  Table,
  Text,
  clx,
} from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useInsightsOverview } from "../../hooks/api/insights-overview"
import {
  formatAmount,
  formatDate,
  formatMonth,
  formatNumber,
} from "../../lib/format"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import type {
  InsightsOverview,
  InsightsOverviewCustomer,
  InsightsOverviewParams,
} from "../../lib/types"
import { EmptyState, SectionError, Skeletons } from "../common/load-states"

type AtRiskDays = NonNullable<InsightsOverviewParams["at_risk_days"]>

/** "100 days ago" / "100 dagen geleden", "yesterday", in the dashboard's language. */
const daysAgo = (days: number, locale: string) =>
  new Intl.RelativeTimeFormat(locale === "nl" ? "nl-NL" : "en-US", { numeric: "auto" }).format(-days, "day")

const customerName = (c: InsightsOverviewCustomer) =>
  [c.first_name, c.last_name].filter(Boolean).join(" ") ||
  c.company_name ||
  c.email ||
  c.id

/**
 * Customers › Insights: store-wide figures from the customers' metrics (the figures the customer
 * page shows): totals, top customers by lifetime value, new versus returning customers per month
 * and customers at risk, in one currency at a time (the store's default first).
 */
export const InsightsOverviewSections = () => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const [currency, setCurrency] = useState<string | undefined>()
  const [atRiskDays, setAtRiskDays] = useState<AtRiskDays>(90)
  const { overview, isPending, isError, error } = useInsightsOverview({
    currency_code: currency,
    at_risk_days: atRiskDays,
    months: 12,
    limit: 10,
  })

  if (isPending) {
    return (
      <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="crm-insights-overview-loading">
        <Skeletons count={4} className="h-5 w-full" />
      </Container>
    )
  }
  if (isError || !overview) {
    return (
      <Container className="p-0">
        <SectionError data-testid="crm-insights-overview-error">
          {t("insightsPage.overview.loadError", { message: errorText(error) })}
        </SectionError>
      </Container>
    )
  }

  return (
    <>
      <Totals overview={overview} onCurrency={setCurrency} />
      <TopCustomers overview={overview} />
      <NewAndReturning overview={overview} />
      <AtRisk overview={overview} days={atRiskDays} onDays={setAtRiskDays} />
    </>
  )
}

const Totals = ({
  overview,
  onCurrency,
}: {
  overview: InsightsOverview
  onCurrency: (currency: string) => void
}) => {
  const { t, locale } = useTranslate()
  const { totals, currency_code: currency } = overview
  const money = (n: number) => (currency ? formatAmount(n, currency, locale) : "-")
  const repeatShare = totals.customers ? Math.round((totals.repeat_customers / totals.customers) * 100) : 0
  const tiles = [
    { key: "customers", label: t("insightsPage.overview.customers"), value: formatNumber(totals.customers, locale), hint: t("insightsPage.overview.customersHint") },
    {
      key: "repeat",
      label: t("insightsPage.overview.repeatCustomers"),
      value: formatNumber(totals.repeat_customers, locale),
      hint: t("insightsPage.overview.repeatHint", { percent: repeatShare }),
    },
    { key: "orders", label: t("insightsPage.overview.orders"), value: formatNumber(totals.orders, locale), hint: t("insightsPage.overview.ordersHint") },
    {
      key: "ltv",
      label: t("insightsPage.overview.lifetimeValue"),
      value: money(totals.lifetime_value),
      hint: t("insightsPage.overview.averageHint", { amount: money(totals.average_lifetime_value) }),
    },
  ]

  return (
    <Container className="divide-y p-0" data-testid="crm-insights-overview">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">{t("insightsPage.overview.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("insightsPage.overview.subtitle")}
          </Text>
        </div>
        {overview.currencies.length > 1 && currency && (
          <div className="w-[120px] shrink-0">
            <Select value={currency} onValueChange={onCurrency} size="small">
              <Select.Trigger aria-label={t("insightsPage.overview.currency")} data-testid="crm-insights-overview-currency">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {overview.currencies.map((c) => (
                  <Select.Item key={c} value={c}>
                    {c.toUpperCase()}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        )}
      </div>
      <div className="grid grid-cols-2 gap-4 px-6 py-4 lg:grid-cols-4">
        {tiles.map((tile) => (
          <div key={tile.key} className="flex min-w-0 flex-col gap-y-1" data-testid={`crm-insights-overview-${tile.key}`}>
            <Text size="small" className="text-ui-fg-subtle">
              {tile.label}
            </Text>
            <Text size="xlarge" weight="plus" className="break-words">
              {tile.value}
            </Text>
            <Text size="xsmall" className="text-ui-fg-muted">
              {tile.hint}
            </Text>
          </div>
        ))}
      </div>
    </Container>
  )
}

const CustomerTable = ({
  customers,
  currency,
  testId,
}: {
  customers: InsightsOverviewCustomer[]
  currency: string | null
  testId: string
}) => {
  const { t, locale } = useTranslate()
  return (
    <Table data-testid={testId}>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("insightsPage.overview.columns.customer")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("insightsPage.overview.columns.orders")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("insightsPage.overview.columns.lifetimeValue")}</Table.HeaderCell>
          <Table.HeaderCell>{t("insightsPage.overview.columns.lastOrder")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {customers.map((c) => (
          <Table.Row key={c.id} data-testid={`${testId}-row`}>
            <Table.Cell>
              <Link to={`/customers/${c.id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                {customerName(c)}
              </Link>
              {c.email && customerName(c) !== c.email && (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {c.email}
                </Text>
              )}
            </Table.Cell>
            <Table.Cell className="text-right">{formatNumber(c.orders, locale)}</Table.Cell>
            <Table.Cell className="text-right">
              {currency ? formatAmount(c.lifetime_value, currency, locale) : "-"}
            </Table.Cell>
            <Table.Cell>
              {c.last_order_at ? formatDate(c.last_order_at, locale) : "-"}
              {c.days_since_last_order !== null && (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {daysAgo(c.days_since_last_order, locale)}
                </Text>
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

const TopCustomers = ({ overview }: { overview: InsightsOverview }) => {
  const { t } = useTranslate()
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("insightsPage.overview.topTitle")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("insightsPage.overview.topSubtitle")}
        </Text>
      </div>
      {overview.top_customers.length ? (
        <CustomerTable customers={overview.top_customers} currency={overview.currency_code} testId="crm-insights-top" />
      ) : (
        <EmptyState
          title={t("insightsPage.overview.noCustomers")}
          description={t("insightsPage.overview.noCustomersHint")}
          data-testid="crm-insights-top-empty"
        />
      )}
    </Container>
  )
}

const NewAndReturning = ({ overview }: { overview: InsightsOverview }) => {
  const { t, locale } = useTranslate()
  const max = Math.max(1, ...overview.months.map((m) => m.new_customers + m.returning_customers))
  return (
    <Container className="divide-y p-0" data-testid="crm-insights-months">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">{t("insightsPage.overview.monthsTitle")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("insightsPage.overview.monthsSubtitle")}
          </Text>
        </div>
        <div className="flex shrink-0 items-center gap-x-3">
          <Legend className="bg-ui-tag-blue-icon" label={t("insightsPage.overview.new")} />
          <Legend className="bg-ui-tag-green-icon" label={t("insightsPage.overview.returning")} />
        </div>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {overview.months.map((m) => (
          <div key={m.month} className="grid grid-cols-[120px_1fr_120px] items-center gap-x-3" data-testid="crm-insights-month">
            <Text size="small" className="text-ui-fg-subtle">
              {formatMonth(m.month, locale, "long")}
            </Text>
            <div className="flex h-3 overflow-hidden rounded-sm bg-ui-bg-subtle">
              <div className="bg-ui-tag-blue-icon" style={{ width: `${(m.new_customers / max) * 100}%` }} />
              <div className="bg-ui-tag-green-icon" style={{ width: `${(m.returning_customers / max) * 100}%` }} />
            </div>
            <Text size="small" className="text-right tabular-nums">
              {t("insightsPage.overview.monthCounts", {
                new: formatNumber(m.new_customers, locale),
                returning: formatNumber(m.returning_customers, locale),
              })}
            </Text>
          </div>
        ))}
      </div>
    </Container>
  )
}

const Legend = ({ className, label }: { className: string; label: string }) => (
  <span className="flex items-center gap-x-1.5">
    <span className={clx("size-2 rounded-full", className)} />
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
  </span>
)

const AtRisk = ({
  overview,
  days,
  onDays,
}: {
  overview: InsightsOverview
  days: AtRiskDays
  onDays: (days: AtRiskDays) => void
}) => {
  const { t, locale } = useTranslate()
  const currency = overview.currency_code
  return (
    <Container className="divide-y p-0" data-testid="crm-insights-at-risk">
      <div className="px-6 py-4">
        <Heading level="h2">{t("insightsPage.overview.atRiskTitle")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("insightsPage.overview.atRiskSubtitle")}
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-3 px-6 py-4 md:grid-cols-3">
        {overview.at_risk.buckets.map((b) => (
          <Button
            key={b.from_days}
            type="button"
            variant={b.from_days === days ? "primary" : "secondary"}
            className="h-auto flex-col items-start gap-y-0.5 px-3 py-2 text-left"
            onClick={() => onDays(b.from_days as AtRiskDays)}
            data-testid={`crm-insights-at-risk-${b.from_days}`}
          >
            <span className="txt-compact-small">
              {b.to_days === null
                ? t("insightsPage.overview.bucketOpen", { from: b.from_days })
                : t("insightsPage.overview.bucket", { from: b.from_days, to: b.to_days - 1 })}
            </span>
            <span className="txt-compact-large-plus">
              {formatNumber(b.customers, locale)}
            </span>
            <span className="txt-compact-xsmall">
              {currency ? formatAmount(b.lifetime_value, currency, locale) : "-"}
            </span>
          </Button>
        ))}
      </div>
      <div className="px-6 py-3">
        <Text size="small" weight="plus">
          {t("insightsPage.overview.atRiskList", { days: overview.at_risk.days })}
        </Text>
      </div>
      {overview.at_risk.customers.length ? (
        <CustomerTable customers={overview.at_risk.customers} currency={currency} testId="crm-insights-at-risk-list" />
      ) : (
        <EmptyState
          title={t("insightsPage.overview.noneAtRisk")}
          description={t("insightsPage.overview.noneAtRiskHint", { days: overview.at_risk.days })}
          data-testid="crm-insights-at-risk-empty"
        />
      )}
    </Container>
  )
}
