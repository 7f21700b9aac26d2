import { EllipsisHorizontal, PencilSquare, Trash } from "@medusajs/icons"
import { DropdownMenu, IconButton } from "@medusajs/ui"
import type { SyntheticEvent } from "react"
import { useTranslate } from "../../lib/i18n"

type TagDefinitionActionsProps = {
  onEdit: () => void
  onDelete: () => void
  disabled?: boolean
  /** Prefix of the data-testids: `crm-tag-row` in the table, `crm-tag-detail` on the page. */
  testIdPrefix: string
}

// The menu sits inside clickable table rows, and React events from its portal bubble through
// them: stop them here so that using the menu never opens the row.
const stop = (event: SyntheticEvent) => event.stopPropagation()

/** The "…" menu of a tag definition (edit, delete), like the dashboard's ActionMenu. */
export const TagDefinitionActions = ({
  onEdit,
  onDelete,
  disabled,
  testIdPrefix,
}: TagDefinitionActionsProps) => {
  const { t } = useTranslate()

  return (
    // Not modal: the edit drawer it opens must not inherit a locked body.
    <DropdownMenu modal={false}>
      <DropdownMenu.Trigger asChild disabled={disabled} onClick={stop}>
        <IconButton
          size="small"
          variant="transparent"
          aria-label={t("tagsPage.actions.menu")}
          data-testid={`${testIdPrefix}-actions`}
        >
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end" onClick={stop}>
        <DropdownMenu.Group>
          <DropdownMenu.Item
            className="[&_svg]:text-ui-fg-subtle flex items-center gap-x-2"
            onClick={(event) => {
              stop(event)
              onEdit()
            }}
            data-testid={`${testIdPrefix}-edit`}
          >
            <PencilSquare />
            <span>{t("tagsPage.actions.edit")}</span>
          </DropdownMenu.Item>
        </DropdownMenu.Group>
        <DropdownMenu.Separator />
        <DropdownMenu.Group>
          <DropdownMenu.Item
            className="[&_svg]:text-ui-fg-subtle flex items-center gap-x-2"
            onClick={(event) => {
              stop(event)
              onDelete()
            }}
            data-testid={`${testIdPrefix}-delete`}
          >
            <Trash />
            <span>{t("tagsPage.actions.delete")}</span>
          </DropdownMenu.Item>
        </DropdownMenu.Group>
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
