import { Text } from "@medusajs/ui"
import { formatNumber } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { InsightsRebuild, InsightsRebuildStatus } from "../../lib/types"

// The dashboard's tokens: blue while it runs, then green or red.
const FILL: Record<InsightsRebuildStatus, string> = {
  running: "var(--fg-interactive)",
  done: "var(--tag-green-icon)",
  failed: "var(--tag-red-icon)",
}

type RebuildProgressProps = {
  rebuild: InsightsRebuild
}

/** How far the run got: a bar and "120 of 200 customers · 60%". */
export const RebuildProgress = ({ rebuild }: RebuildProgressProps) => {
  const { t, locale } = useTranslate()
  const { processed, total } = rebuild
  const percent =
    total > 0
      ? Math.min(100, Math.round((processed / total) * 100))
      : rebuild.status === "done"
        ? 100
        : 0

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <div className="text-ui-fg-subtle flex items-center justify-between gap-x-4">
        <Text size="small" leading="compact" weight="plus">
          {t("insightsPage.rebuild.progress")}
        </Text>
        <Text
          size="small"
          leading="compact"
          className="tabular-nums"
          data-testid="crm-insights-rebuild-counts"
        >
          {t("insightsPage.rebuild.counts", {
            processed: formatNumber(processed, locale),
            total: formatNumber(total, locale),
            percent,
          })}
        </Text>
      </div>
      <div
        role="progressbar"
        aria-label={t("insightsPage.rebuild.progress")}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={processed}
        className="bg-ui-bg-component shadow-borders-base h-2 w-full overflow-hidden rounded-full"
        data-testid="crm-insights-rebuild-progress"
        data-processed={processed}
        data-total={total}
        data-status={rebuild.status}
      >
        <div
          className="h-full rounded-full transition-[width] duration-300 ease-out"
          style={{ width: `${percent}%`, background: FILL[rebuild.status] }}
        />
      </div>
    </div>
  )
}
