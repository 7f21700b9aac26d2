import { formatAmount, formatNumber, formatWeekday } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { WeekdaySpend } from "../../lib/types"
import { ChartBlock, InsightBarChart } from "./insight-bar-chart"

type WeekdaySpendChartProps = {
  /** Monday to Sunday, within the period. */
  days: WeekdaySpend[]
  /** null when the customer never bought anything. */
  currency: string | null
  /** What the period is called, e.g. "Last 30 days". */
  periodLabel: string
}

/** What the customer spends on an average day they buy, per weekday (Mon … Sun). */
export const WeekdaySpendChart = ({
  days,
  currency,
  periodLabel,
}: WeekdaySpendChartProps) => {
  const { t, locale } = useTranslate()
  const hasVisits = days.some(({ visits }) => visits > 0)
  const sorted = [...days].sort((a, b) => a.weekday - b.weekday)

  return (
    <ChartBlock
      title={t("insights.weekday.title")}
      subtitle={`${periodLabel} · ${t("insights.weekday.subtitle")}`}
      empty={
        currency && hasVisits
          ? null
          : {
              title: t("insights.weekday.emptyTitle"),
              description: t("insights.weekday.emptyDescription"),
            }
      }
      data-testid="crm-chart-weekday"
    >
      {currency && (
        <InsightBarChart
          data={sorted.map((day) => ({
            label: formatWeekday(day.weekday, locale),
            value: day.average_daily_spend,
            source: day,
          }))}
          currency={currency}
          tooltip={(day) => ({
            title: formatWeekday(day.weekday, locale, "long"),
            rows: [
              {
                label: t("insights.chart.averageDailySpend"),
                value: formatAmount(day.average_daily_spend, currency, locale),
              },
              {
                label: t("insights.chart.visits"),
                value: formatNumber(day.visits, locale),
              },
              {
                label: t("insights.chart.sales"),
                value: formatAmount(day.sales, currency, locale),
              },
            ],
          })}
        />
      )}
    </ChartBlock>
  )
}
