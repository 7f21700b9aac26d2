import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts"
import { formatCompactAmount } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import { EmptyState } from "../common/load-states"

const CHART_HEIGHT = 200

// The dashboard's own tokens, so the charts follow its light and dark themes.
const COLORS = {
  bar: "var(--fg-interactive)",
  barActive: "var(--fg-interactive-hover)",
  cursor: "var(--bg-base-hover)",
  grid: "var(--border-base)",
  tick: "var(--fg-muted)",
}

const TICK = { fill: COLORS.tick, fontSize: 12 }

type ChartBlockProps = {
  title: string
  subtitle?: string
  /** Nothing to draw: the empty state's texts instead of the chart. */
  empty: { title: string; description: string } | null
  children: ReactNode
  "data-testid": string
}

/** A chart with its heading, or why there is nothing to draw. */
export const ChartBlock = ({
  title,
  subtitle,
  empty,
  children,
  "data-testid": testId,
}: ChartBlockProps) => (
  <figure
    className="flex min-w-0 flex-col gap-y-3 px-6 py-4"
    aria-label={title}
    data-testid={testId}
    data-empty={!!empty}
  >
    <figcaption className="flex flex-col">
      <Text size="small" leading="compact" weight="plus">
        {title}
      </Text>
      {subtitle && (
        <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
          {subtitle}
        </Text>
      )}
    </figcaption>
    {empty ? (
      <EmptyState
        title={empty.title}
        description={empty.description}
        className="flex h-[200px] justify-center"
        data-testid={`${testId}-empty`}
      />
    ) : (
      children
    )}
  </figure>
)

export type ChartTooltipRow = { label: string; value: string }

/** What a bar stands for, on hover: a title and label/value rows, like the dashboard's tooltip. */
const ChartTooltip = ({
  title,
  rows,
}: {
  title: string
  rows: ChartTooltipRow[]
}) => (
  <div
    className="bg-ui-bg-component shadow-elevation-tooltip txt-compact-xsmall flex min-w-[140px] flex-col gap-y-1 rounded-lg px-2.5 py-1.5"
    data-testid="crm-chart-tooltip"
  >
    <span className="text-ui-fg-base font-medium">{title}</span>
    {rows.map((row) => (
      <span key={row.label} className="flex justify-between gap-x-4">
        <span className="text-ui-fg-subtle">{row.label}</span>
        <span className="text-ui-fg-base tabular-nums">{row.value}</span>
      </span>
    ))}
  </div>
)

export type BarDatum<T> = {
  /** The axis label, e.g. "Dec". */
  label: string
  value: number
  source: T
}

type InsightBarChartProps<T> = {
  data: BarDatum<T>[]
  /** The currency of the values, for the axis. */
  currency: string
  tooltip: (source: T) => { title: string; rows: ChartTooltipRow[] }
}

/** A small bar chart of amounts, styled to sit in the dashboard: no legend, light grid, 12px text. */
export const InsightBarChart = <T,>({
  data,
  currency,
  tooltip,
}: InsightBarChartProps<T>) => {
  const { locale } = useTranslate()

  return (
    <div className="w-full" style={{ height: CHART_HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          margin={{ top: 4, right: 0, bottom: 0, left: 0 }}
          style={{ fontSize: 12 }}
        >
          <CartesianGrid vertical={false} stroke={COLORS.grid} />
          <XAxis
            dataKey="label"
            tick={TICK}
            tickLine={false}
            axisLine={{ stroke: COLORS.grid }}
            interval="preserveStartEnd"
            minTickGap={4}
          />
          <YAxis
            tick={TICK}
            tickLine={false}
            axisLine={false}
            width={56}
            tickCount={4}
            tickFormatter={(value: number) =>
              formatCompactAmount(value, currency, locale)
            }
          />
          <Tooltip
            cursor={{ fill: COLORS.cursor }}
            isAnimationActive={false}
            content={({ active, payload }) => {
              const datum = payload?.[0]?.payload as BarDatum<T> | undefined
              return active && datum ? (
                <ChartTooltip {...tooltip(datum.source)} />
              ) : null
            }}
          />
          <Bar
            dataKey="value"
            fill={COLORS.bar}
            activeBar={{ fill: COLORS.barActive }}
            radius={[4, 4, 0, 0]}
            maxBarSize={32}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
