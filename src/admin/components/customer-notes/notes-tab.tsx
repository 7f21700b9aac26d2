import { Button, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import {
  useCustomerNotes,
  usePinnedCustomerNote,
} from "../../hooks/api/customer-notes"
import { useTranslate } from "../../lib/i18n"
import { NOTES_PAGE_SIZE } from "./constants"
import { NoteComposer } from "./note-composer"
import { NoteItem } from "./note-item"

type NotesTabProps = {
  customerId: string
}

const NotesSkeleton = () => (
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

/**
 * The Notes tab: the add form, then the pinned note (the internal description), then the other
 * notes newest first, with "Load more" while the server has more than is shown.
 */
export const NotesTab = ({ customerId }: NotesTabProps) => {
  const { t } = useTranslate()
  const [limit, setLimit] = useState(NOTES_PAGE_SIZE)

  const { notes, count, isPending, isError, error, isFetching } =
    useCustomerNotes(customerId, { limit, offset: 0, order: "-created_at" })
  const { pinnedNote, isPending: isPinnedPending } =
    usePinnedCustomerNote(customerId)

  const loaded = notes ?? []
  const others = loaded.filter((note) => note.id !== pinnedNote?.id)
  const total = count ?? 0
  const hasMore = loaded.length < total

  const renderList = () => {
    if (isError) {
      return (
        <div className="px-6 py-4">
          <Text
            size="small"
            className="text-ui-fg-error"
            data-testid="crm-notes-error"
          >
            {t("notes.loadError", { message: error?.message ?? "" })}
          </Text>
        </div>
      )
    }

    if (isPending || isPinnedPending) {
      return <NotesSkeleton />
    }

    if (!pinnedNote && !others.length) {
      return (
        <div
          className="flex flex-col items-center gap-y-1 px-6 py-8 text-center"
          data-testid="crm-notes-empty"
        >
          <Text size="small" leading="compact" weight="plus">
            {t("notes.emptyTitle")}
          </Text>
          <Text size="small" className="text-ui-fg-muted">
            {t("notes.emptyDescription")}
          </Text>
        </div>
      )
    }

    return (
      <>
        <ul className="divide-y" data-testid="crm-note-list">
          {pinnedNote && <NoteItem key={pinnedNote.id} note={pinnedNote} />}
          {others.map((note) => (
            <NoteItem key={note.id} note={note} />
          ))}
        </ul>
        {total > NOTES_PAGE_SIZE && (
          <div className="flex items-center justify-between gap-x-4 border-t px-6 py-3">
            <Text size="small" className="text-ui-fg-muted">
              {t("notes.showing", { loaded: loaded.length, count: total })}
            </Text>
            {hasMore && (
              <Button
                size="small"
                variant="secondary"
                isLoading={isFetching}
                onClick={() => setLimit((current) => current + NOTES_PAGE_SIZE)}
                data-testid="crm-notes-load-more"
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
      <div>{renderList()}</div>
    </div>
  )
}
