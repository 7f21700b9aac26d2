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
  /** Under the figure: what it counts and covers, what it is worth. Wraps, never cut off. */
  hint?: ReactNode
  isLoading?: boolean
  valueClassName?: string
}

/**
 * One figure of the insights: a small box with its label, the figure and what it counts. Long
 * names and dates wrap onto a second line instead of being cut off.
 */
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
        className={clx("break-words", valueClassName)}
        data-testid="crm-insight-value"
      >
        {value}
      </Text>
    )}
    {hint && !isLoading && (
      <Text
        size="xsmall"
        leading="compact"
        className="text-ui-fg-muted break-words"
        data-testid="crm-insight-hint"
      >
        {hint}
      </Text>
    )}
  </div>
)
