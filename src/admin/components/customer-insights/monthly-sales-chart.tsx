import { formatAmount, formatMonth, formatNumber } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { MonthlySales } from "../../lib/types"
import { ChartBlock, InsightBarChart } from "./insight-bar-chart"

type MonthlySalesChartProps = {
  /** The 12 months, oldest first; empty when the customer never bought in this currency. */
  months: MonthlySales[]
  /** null when the customer never bought anything. */
  currency: string | null
}

/**
 * Sales per month (orders placed, paid or not) over the last 12 months, each bar labelled with its
 * month and year, with the month's orders on hover.
 */
export const MonthlySalesChart = ({
  months,
  currency,
}: MonthlySalesChartProps) => {
  const { t, locale } = useTranslate()
  const hasOrders = months.some(({ orders }) => orders > 0)

  return (
    <ChartBlock
      title={t("insights.monthly.title")}
      subtitle={
        months.length
          ? t("insights.monthly.subtitle", {
              from: formatMonth(months[0].month, locale, "long"),
              to: formatMonth(months[months.length - 1].month, locale, "long"),
            })
          : undefined
      }
      empty={
        currency && hasOrders
          ? null
          : {
              title: t("insights.monthly.emptyTitle"),
              description: t("insights.monthly.emptyDescription"),
            }
      }
      data-testid="crm-chart-monthly"
    >
      {currency && (
        <InsightBarChart
          data={months.map((month) => ({
            label: formatMonth(month.month, locale, "shortYear"),
            value: month.sales,
            source: month,
          }))}
          currency={currency}
          tooltip={(month) => ({
            title: formatMonth(month.month, locale, "long"),
            rows: [
              {
                label: t("insights.chart.sales"),
                value: formatAmount(month.sales, currency, locale),
              },
              {
                label: t("insights.chart.orders"),
                value: formatNumber(month.orders, locale),
              },
            ],
          })}
        />
      )}
    </ChartBlock>
  )
}
