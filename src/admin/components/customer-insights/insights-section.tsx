import { clx, Heading, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import { useCustomerMetrics } from "../../hooks/api/insights"
import { formatDateTime, formatRelative } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import { useErrorMessage } from "../../lib/errors"
import { SectionError } from "../common/load-states"
import { CurrencySelect } from "./currency-select"
import { LoyaltyTile, MembershipTile, MetricTiles } from "./insight-tiles"
import { MonthlySalesChart } from "./monthly-sales-chart"
import {
  ALL_TIME,
  type Period,
  periodLabel,
  type PeriodPreset,
  presetRange,
} from "./period"
import { CustomPeriodForm, PeriodSelect } from "./period-select"
import { WeekdaySpendChart } from "./weekday-spend-chart"

/** The currencies the customer bought in, most orders first. */
const currenciesOf = (lists: { currency_code: string }[][]) => [
  ...new Set(lists.flat().map(({ currency_code }) => currency_code)),
]

type InsightsSectionProps = {
  customerId: string
}

/**
 * The top of the Overview tab: the customer's figures for a period (in one of their currencies),
 * their points and membership, and their sales per month and per weekday.
 */
export const InsightsSection = ({ customerId }: InsightsSectionProps) => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  // What the select shows; "custom" waits for Apply before it changes `period`.
  const [preset, setPreset] = useState<PeriodPreset>(ALL_TIME.preset)
  const [period, setPeriod] = useState<Period>(ALL_TIME)
  const [chosenCurrency, setChosenCurrency] = useState<string | null>(null)
  const {
    metrics: lifetime,
    period: inPeriod,
    monthly,
    weekdays,
    computed_at: computedAt,
    isPending,
    isError,
    error,
    isPlaceholderData,
  } = useCustomerMetrics(customerId, period.range)

  const currencies = currenciesOf([lifetime ?? [], inPeriod?.metrics ?? []])
  const currency =
    chosenCurrency && currencies.includes(chosenCurrency)
      ? chosenCurrency
      : (currencies[0] ?? null)
  const label = periodLabel(period, t, locale)

  const handlePresetChange = (next: PeriodPreset) => {
    setPreset(next)
    if (next !== "custom") {
      setPeriod({ preset: next, range: presetRange(next) })
    }
  }

  const byCurrency = <T extends { currency_code: string }>(list?: T[]) =>
    list?.find(({ currency_code }) => currency_code === currency)

  return (
    <div
      className="divide-y"
      data-testid="crm-insights"
      data-period={period.preset}
    >
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-6 py-4">
        <div className="flex min-w-0 flex-col">
          <Heading level="h3">{t("insights.title")}</Heading>
          {computedAt && (
            <Text
              size="xsmall"
              leading="compact"
              className="text-ui-fg-muted"
              title={formatDateTime(computedAt, locale)}
              data-testid="crm-insights-computed-at"
            >
              {t("insights.computedAt", {
                time: formatRelative(computedAt, locale),
              })}
            </Text>
          )}
        </div>
        <div className="flex items-center gap-x-2">
          {currency && currencies.length > 1 && (
            <CurrencySelect
              currencies={currencies}
              value={currency}
              onValueChange={setChosenCurrency}
            />
          )}
          <PeriodSelect value={preset} onValueChange={handlePresetChange} />
        </div>
      </div>
      {preset === "custom" && (
        <CustomPeriodForm
          initial={period.range}
          onApply={(range) => setPeriod({ preset: "custom", range })}
        />
      )}
      {isError && (
        <SectionError data-testid="crm-insights-error">
          {t("insights.loadError", { message: errorText(error) })}
        </SectionError>
      )}
      <div
        className={clx(
          "grid grid-cols-[repeat(auto-fill,minmax(176px,1fr))] gap-3 px-6 py-4",
          { "opacity-60": isPlaceholderData }
        )}
        data-testid="crm-insights-tiles"
      >
        {!isError && (
          <MetricTiles
            currency={currency}
            lifetime={byCurrency(lifetime)}
            period={byCurrency(inPeriod?.metrics)}
            periodLabel={label}
            isLoading={isPending}
          />
        )}
        <LoyaltyTile customerId={customerId} currency={currency} />
        <MembershipTile customerId={customerId} />
      </div>
      {isPending && (
        <div className="flex flex-col gap-y-6 px-6 py-4">
          <Skeleton className="h-[200px] w-full" />
          <Skeleton className="h-[200px] w-full" />
        </div>
      )}
      {!isPending && !isError && (
        <div className={clx("divide-y", { "opacity-60": isPlaceholderData })}>
          <MonthlySalesChart
            months={byCurrency(monthly)?.months ?? []}
            currency={currency}
          />
          <WeekdaySpendChart
            days={byCurrency(weekdays)?.days ?? []}
            currency={currency}
            periodLabel={label}
          />
        </div>
      )}
    </div>
  )
}
