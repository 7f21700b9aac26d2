import { PencilSquare, Trash } from "@medusajs/icons"
import { useTranslate } from "../../lib/i18n"
import { ActionMenu } from "../common/action-menu"

type TagDefinitionActionsProps = {
  onEdit: () => void
  onDelete: () => void
  disabled?: boolean
  /** Prefix of the data-testids: `crm-tag-row` in the table, `crm-tag-detail` on the page. */
  testIdPrefix: string
}

/** The "…" menu of a tag definition (edit, delete), like the dashboard's ActionMenu. */
export const TagDefinitionActions = ({
  onEdit,
  onDelete,
  disabled,
  testIdPrefix,
}: TagDefinitionActionsProps) => {
  const { t } = useTranslate()

  return (
    <ActionMenu
      label={t("tagsPage.actions.menu")}
      disabled={disabled}
      data-testid={`${testIdPrefix}-actions`}
      groups={[
        [
          {
            icon: <PencilSquare />,
            label: t("tagsPage.actions.edit"),
            onClick: onEdit,
            "data-testid": `${testIdPrefix}-edit`,
          },
        ],
        [
          {
            icon: <Trash />,
            label: t("tagsPage.actions.delete"),
            onClick: onDelete,
            "data-testid": `${testIdPrefix}-delete`,
          },
        ],
      ]}
    />
  )
}
