import { Envelope, PinTackSolid } from "@medusajs/icons"
import {
  Badge,
  Button,
  clx,
  Text,
  Textarea,
  Tooltip,
  usePrompt,
} from "@medusajs/ui"
import { useForm } from "react-hook-form"
import { useState } from "react"
import {
  useDeleteCustomerNote,
  useUpdateCustomerNote,
} from "../../hooks/api/customer-notes"
import {
  formatDate,
  formatDateTime,
  formatRelative,
  noteAuthorLabel,
} from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import { useNoteText } from "../../lib/system-notes"
import type { CustomerNote } from "../../lib/types"
import { CollapsibleText } from "../common/collapsible-text"
import { NOTE_BODY_MAX_LENGTH } from "./constants"
import { EmailNoteDrawer } from "./email-note-drawer"
import { NoteActions } from "./note-actions"

type NoteItemProps = {
  note: CustomerNote
}

/** One note: author, date, badges, the body with its line breaks, and its actions. */
export const NoteItem = ({ note }: NoteItemProps) => {
  const { t, locale } = useTranslate()
  const noteText = useNoteText()
  const prompt = usePrompt()
  const [isEditing, setIsEditing] = useState(false)
  const [isEmailing, setIsEmailing] = useState(false)
  const form = useForm<{ body: string }>({ defaultValues: { body: note.body } })

  const { mutateAsync: updateNote, isPending: isUpdating } =
    useUpdateCustomerNote(note.customer_id)
  const { mutateAsync: deleteNote, isPending: isDeleting } =
    useDeleteCustomerNote(note.customer_id)

  const draft = form.watch("body")

  const startEditing = () => {
    form.reset({ body: note.body })
    setIsEditing(true)
  }

  const handleSave = form.handleSubmit(async ({ body }) => {
    if (!body.trim()) {
      return
    }
    if (body.trim() === note.body) {
      setIsEditing(false)
      return
    }
    await mutateWithToast(
      updateNote,
      { id: note.id, body },
      {
        success: () => t("notes.updated"),
        onSuccess: () => setIsEditing(false),
      }
    )
  })

  const handleTogglePin = async () => {
    await mutateWithToast(
      updateNote,
      { id: note.id, pinned: !note.pinned },
      {
        success: ({ note: updated }) =>
          updated.pinned ? t("notes.pinned") : t("notes.unpinned"),
      }
    )
  }

  const handleDelete = async () => {
    const confirmed = await prompt({
      title: t("notes.deleteTitle"),
      description: t("notes.deleteDescription"),
      confirmText: t("notes.delete"),
      cancelText: t("notes.cancel"),
    })
    if (!confirmed) {
      return
    }
    await mutateWithToast(deleteNote, note.id, {
      success: () => t("notes.deleted"),
    })
  }

  return (
    <li
      className={clx("flex flex-col gap-y-2 px-6 py-4", {
        "bg-ui-bg-subtle": note.pinned,
      })}
      data-testid="crm-note-item"
      data-note-id={note.id}
      data-pinned={note.pinned ? "true" : "false"}
      data-kind={note.kind}
    >
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          <Text
            size="small"
            leading="compact"
            weight="plus"
            className="truncate"
            data-testid="crm-note-author"
          >
            {noteAuthorLabel(note, t)}
          </Text>
          <Tooltip content={formatDateTime(note.created_at, locale)}>
            <Text size="small" leading="compact" className="text-ui-fg-muted">
              <time dateTime={note.created_at}>
                {formatRelative(note.created_at, locale)}
              </time>
            </Text>
          </Tooltip>
          {note.kind === "system" && (
            <Badge
              size="2xsmall"
              color="grey"
              data-testid="crm-note-system-badge"
            >
              {t("notes.system")}
            </Badge>
          )}
          {note.pinned && (
            <Badge
              size="2xsmall"
              color="green"
              className="gap-x-1"
              data-testid="crm-note-pinned-badge"
            >
              <PinTackSolid className="size-3" />
              {t("notes.internalDescription")}
            </Badge>
          )}
        </div>
        {!isEditing && (
          <NoteActions
            note={note}
            disabled={isUpdating || isDeleting}
            onEdit={startEditing}
            onTogglePin={handleTogglePin}
            onDelete={handleDelete}
            onEmail={() => setIsEmailing(true)}
          />
        )}
      </div>
      {isEditing ? (
        <form onSubmit={handleSave} className="flex flex-col gap-y-2">
          <Textarea
            {...form.register("body")}
            rows={Math.min(10, Math.max(3, note.body.split("\n").length + 1))}
            maxLength={NOTE_BODY_MAX_LENGTH}
            autoFocus
            disabled={isUpdating}
            aria-label={t("notes.edit")}
            data-testid="crm-note-edit-input"
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                setIsEditing(false)
              }
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
                event.preventDefault()
                handleSave()
              }
            }}
          />
          <div className="flex items-center justify-end gap-x-2">
            <Button
              type="button"
              size="small"
              variant="secondary"
              onClick={() => setIsEditing(false)}
              disabled={isUpdating}
              data-testid="crm-note-edit-cancel"
            >
              {t("notes.cancel")}
            </Button>
            <Button
              type="submit"
              size="small"
              variant="primary"
              isLoading={isUpdating}
              disabled={!draft?.trim()}
              data-testid="crm-note-edit-save"
            >
              {t("notes.save")}
            </Button>
          </div>
        </form>
      ) : (
        <CollapsibleText
          text={noteText(note)}
          data-testid="crm-note-body"
        />
      )}
      {!!note.emails?.length && (
        <ul className="flex flex-col gap-y-0.5" data-testid="crm-note-emails">
          {note.emails.map((email) => (
            <li
              key={email.id}
              className="text-ui-fg-muted flex items-center gap-x-1.5"
              data-testid="crm-note-emailed"
            >
              <Envelope className="size-3.5 shrink-0" />
              <Tooltip content={formatDateTime(email.created_at, locale)}>
                <Text size="xsmall" leading="compact" className="truncate">
                  {t("noteEmail.emailedTo", {
                    to: email.to,
                    date: formatDate(email.created_at, locale),
                  })}
                </Text>
              </Tooltip>
            </li>
          ))}
        </ul>
      )}
      {note.kind !== "system" && (
        <EmailNoteDrawer
          note={note}
          open={isEmailing}
          onOpenChange={setIsEmailing}
        />
      )}
    </li>
  )
}
