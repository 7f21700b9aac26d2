import { StatusBadge, Text, Tooltip } from "@medusajs/ui"
import { formatDateTime, formatRelative } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { SegmentSync, SegmentSyncStatus } from "../../lib/types"

const STATUS_COLORS: Record<SegmentSyncStatus, "blue" | "green" | "red"> = {
  running: "blue",
  succeeded: "green",
  failed: "red",
}

/** A sync's status as the dashboard shows statuses: a coloured dot and a word. */
export const SyncStatusBadge = ({
  status,
  "data-testid": testId = "crm-segment-sync-status",
}: {
  status: SegmentSyncStatus
  "data-testid"?: string
}) => {
  const { t } = useTranslate()
  return (
    <StatusBadge color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`segmentsPage.sync.statuses.${status}`)}
    </StatusBadge>
  )
}

/** "+3 / −1": members a sync added to and removed from the group. */
export const SyncChanges = ({ sync }: { sync: Pick<SegmentSync, "added" | "removed"> }) => {
  const { t } = useTranslate()
  return (
    <span className="whitespace-nowrap" data-testid="crm-segment-sync-changes">
      {t("segmentsPage.sync.changes", { added: sync.added, removed: sync.removed })}
    </span>
  )
}

/**
 * A segment's last sync in a few words: when (relative; the time on hover), what it changed, and
 * its status with the error under it; "Never synced" without one.
 */
export const LastSyncSummary = ({
  sync,
  synced,
}: {
  sync: SegmentSync | null
  /** Whether the segment syncs into a group at all. */
  synced: boolean
}) => {
  const { t, locale } = useTranslate()
  if (!sync) {
    return (
      <Text size="small" className="text-ui-fg-muted" data-testid="crm-segment-last-sync">
        {synced ? t("segmentsPage.sync.never") : "-"}
      </Text>
    )
  }
  const at = sync.finished_at ?? sync.started_at
  return (
    <div
      className="flex min-w-0 flex-col gap-y-1"
      data-testid="crm-segment-last-sync"
      data-status={sync.status}
    >
      <div className="flex flex-wrap items-center gap-x-2">
        <SyncStatusBadge status={sync.status} />
        <Tooltip content={formatDateTime(at, locale)}>
          <span className="text-ui-fg-subtle whitespace-nowrap">
            <time dateTime={at}>{formatRelative(at, locale)}</time>
          </span>
        </Tooltip>
        {sync.status === "succeeded" && <SyncChanges sync={sync} />}
      </div>
      {sync.error && (
        <Text
          size="xsmall"
          className="text-ui-fg-error line-clamp-2 break-words"
          data-testid="crm-segment-last-sync-error"
        >
          {sync.error}
        </Text>
      )}
    </div>
  )
}
