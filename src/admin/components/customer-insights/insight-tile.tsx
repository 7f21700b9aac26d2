import { clx, Skeleton, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

export type InsightMetric =
  | "visits"
  | "sales"
  | "aov"
  | "items"
  | "days_since"
  | "ltv"
  | "points"
  | "membership"

type InsightTileProps = {
  metric: InsightMetric
  label: string
  /** The figure; a placeholder while it loads. */
  value: ReactNode
  /** The raw figure, for tests and tools (`data-value`). */
  rawValue?: string | number | null
  /** A line under the figure: what it covers, what it is worth. */
  hint?: ReactNode
  isLoading?: boolean
  valueClassName?: string
}

/** One figure of the insights: a small box with its label, the figure and a hint. */
export const InsightTile = ({
  metric,
  label,
  value,
  rawValue,
  hint,
  isLoading,
  valueClassName,
}: InsightTileProps) => (
  <div
    className="shadow-elevation-card-rest bg-ui-bg-component flex min-w-0 flex-col gap-y-1 rounded-lg px-4 py-3"
    data-testid="crm-insight-tile"
    data-metric={metric}
    data-value={rawValue ?? undefined}
  >
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {label}
    </Text>
    {isLoading ? (
      <Skeleton className="my-1 h-5 w-20" />
    ) : (
      <Text
        size="xlarge"
        leading="compact"
        weight="plus"
        className={clx("truncate", valueClassName)}
        data-testid="crm-insight-value"
      >
        {value}
      </Text>
    )}
    {hint && !isLoading && (
      <Text
        size="xsmall"
        leading="compact"
        className="text-ui-fg-muted truncate"
        data-testid="crm-insight-hint"
      >
        {hint}
      </Text>
    )}
  </div>
)
