import { Button, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import { usePinnedCustomerNote } from "../../hooks/api/customer-notes"
import { useCustomerTimeline } from "../../hooks/api/customer-timeline"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import type { TimelineEntry } from "../../lib/types"
import { EmptyState, SectionError } from "../common/load-states"
import { NoteComposer } from "../customer-notes/note-composer"
import { NoteItem } from "../customer-notes/note-item"
import { OrderEntry, SystemNoteEntry } from "./timeline-entries"

/** How many entries one page of the timeline loads. */
export const TIMELINE_PAGE_SIZE = 20

// The skeleton keeps the notes' test id: the browser test waits for it to go away.
const TimelineSkeleton = () => (
  <div
    className="flex flex-col gap-y-6 px-6 py-4"
    data-testid="crm-notes-loading"
  >
    {Array.from({ length: 3 }).map((_, index) => (
      <div key={index} className="flex flex-col gap-y-2">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-4 w-full" />
      </div>
    ))}
  </div>
)

const renderEntry = (entry: TimelineEntry) => {
  if (entry.note) {
    return entry.type === "system_note" || entry.note.kind === "system" ? (
      <SystemNoteEntry key={entry.id} note={entry.note} entry={entry} />
    ) : (
      <NoteItem key={entry.id} note={entry.note} />
    )
  }
  if (entry.order) {
    return <OrderEntry key={entry.id} entry={entry} order={entry.order} />
  }
  return null
}

type TimelineTabProps = {
  customerId: string
}

/**
 * The Timeline tab: the add-note form, the pinned note (the internal description), then
 * everything that happened newest first (notes, system notes, orders), with "Load more".
 */
export const TimelineTab = ({ customerId }: TimelineTabProps) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const [limit, setLimit] = useState(TIMELINE_PAGE_SIZE)

  const { timeline, count, isPending, isError, error, isFetching } =
    useCustomerTimeline(customerId, { limit, offset: 0 })
  const {
    pinnedNote,
    isPending: isPinnedPending,
    isError: isPinnedError,
  } = usePinnedCustomerNote(customerId)

  const loaded = timeline ?? []
  // The pinned note is shown on top, so the feed leaves it out: a note must never be listed twice
  // (also not for a moment while the two queries refetch one after the other).
  const entries = loaded.filter(
    (entry) =>
      !entry.note ||
      ((!entry.note.pinned || isPinnedError) &&
        entry.note.id !== pinnedNote?.id)
  )
  const total = count ?? 0
  const hasMore = loaded.length < total

  const renderList = () => {
    if (isError) {
      return (
        <SectionError data-testid="crm-timeline-error">
          {t("timeline.loadError", { message: errorText(error) })}
        </SectionError>
      )
    }

    if (isPending || isPinnedPending) {
      return <TimelineSkeleton />
    }

    if (!pinnedNote && !entries.length) {
      return (
        <EmptyState
          title={t("timeline.emptyTitle")}
          description={t("timeline.emptyDescription")}
          data-testid="crm-timeline-empty"
        />
      )
    }

    return (
      <>
        <ul className="divide-y" data-testid="crm-timeline-list">
          {pinnedNote && <NoteItem key={pinnedNote.id} note={pinnedNote} />}
          {entries.map(renderEntry)}
        </ul>
        {total > TIMELINE_PAGE_SIZE && (
          <div className="flex items-center justify-between gap-x-4 border-t px-6 py-3">
            <Text
              size="small"
              className="text-ui-fg-muted"
              data-testid="crm-timeline-showing"
            >
              {t("timeline.showing", { loaded: loaded.length, count: total })}
            </Text>
            {hasMore && (
              <Button
                size="small"
                variant="secondary"
                isLoading={isFetching}
                onClick={() =>
                  setLimit((current) => current + TIMELINE_PAGE_SIZE)
                }
                data-testid="crm-timeline-load-more"
              >
                {t("notes.loadMore")}
              </Button>
            )}
          </div>
        )}
      </>
    )
  }

  return (
    <div className="divide-y" data-testid="crm-notes">
      <NoteComposer customerId={customerId} />
      <div data-testid="crm-timeline">{renderList()}</div>
    </div>
  )
}
