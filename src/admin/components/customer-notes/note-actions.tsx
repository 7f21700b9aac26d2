import {
  EllipsisHorizontal,
  Envelope,
  PencilSquare,
  PinTack,
  Trash,
} from "@medusajs/icons"
import { DropdownMenu, IconButton } from "@medusajs/ui"
import { useTranslate } from "../../lib/i18n"
import type { CustomerNote } from "../../lib/types"

type NoteActionsProps = {
  note: CustomerNote
  disabled?: boolean
  onEdit: () => void
  onTogglePin: () => void
  onDelete: () => void
  /** "E-mail to customer"; manual notes only. */
  onEmail?: () => void
}

/**
 * The "…" menu of a note, like the dashboard's ActionMenu. System notes can only be (un)pinned;
 * manual notes can also be edited, e-mailed to the customer and deleted.
 */
export const NoteActions = ({
  note,
  disabled,
  onEdit,
  onTogglePin,
  onDelete,
  onEmail,
}: NoteActionsProps) => {
  const { t } = useTranslate()
  const editable = note.kind !== "system"

  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild disabled={disabled}>
        <IconButton
          size="small"
          variant="transparent"
          aria-label={t("notes.actions")}
          data-testid="crm-note-actions"
        >
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        <DropdownMenu.Group>
          {editable && (
            <DropdownMenu.Item
              className="[&_svg]:text-ui-fg-subtle flex items-center gap-x-2"
              onClick={onEdit}
              data-testid="crm-note-action-edit"
            >
              <PencilSquare />
              <span>{t("notes.edit")}</span>
            </DropdownMenu.Item>
          )}
          <DropdownMenu.Item
            className="[&_svg]:text-ui-fg-subtle flex items-center gap-x-2"
            onClick={onTogglePin}
            data-testid={
              note.pinned ? "crm-note-action-unpin" : "crm-note-action-pin"
            }
          >
            <PinTack />
            <span>{note.pinned ? t("notes.unpin") : t("notes.pin")}</span>
          </DropdownMenu.Item>
          {editable && onEmail && (
            <DropdownMenu.Item
              className="[&_svg]:text-ui-fg-subtle flex items-center gap-x-2"
              onClick={onEmail}
              data-testid="crm-note-action-email"
            >
              <Envelope />
              <span>{t("noteEmail.action")}</span>
            </DropdownMenu.Item>
          )}
        </DropdownMenu.Group>
        {editable && (
          <>
            <DropdownMenu.Separator />
            <DropdownMenu.Group>
              <DropdownMenu.Item
                className="[&_svg]:text-ui-fg-subtle flex items-center gap-x-2"
                onClick={onDelete}
                data-testid="crm-note-action-delete"
              >
                <Trash />
                <span>{t("notes.delete")}</span>
              </DropdownMenu.Item>
            </DropdownMenu.Group>
          </>
        )}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
