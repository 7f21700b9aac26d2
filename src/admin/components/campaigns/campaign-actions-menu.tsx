import { PencilSquare, XCircle, Trash } from "@medusajs/icons"
import { useTranslate } from "../../lib/i18n"
import type { CustomerCampaign } from "../../lib/types"
import { ActionMenu, type ActionMenuAction } from "../common/action-menu"

type CampaignActionsMenuProps = {
  campaign: Pick<CustomerCampaign, "status">
  onEdit: () => void
  onEnd: () => void
  onDelete: () => void
  disabled?: boolean
  /** Offer "End early" in the menu (the page has its own button). */
  showEnd?: boolean
  /** `campaign-row` in the table, `campaign-detail` on the page. */
  testIdPrefix: string
}

/**
 * The "…" menu of a campaign: edit (everything before the start, the end date after), end early
 * (once started) and delete (before the start only). An ended campaign has nothing left to do.
 */
export const CampaignActionsMenu = ({
  campaign,
  onEdit,
  onEnd,
  onDelete,
  disabled,
  showEnd = true,
  testIdPrefix,
}: CampaignActionsMenuProps) => {
  const { t } = useTranslate()
  if (campaign.status === "ended") {
    return null
  }
  const change: ActionMenuAction[] = [
    {
      icon: <PencilSquare />,
      label: t("messagesPage.actions.edit"),
      onClick: onEdit,
      "data-testid": `${testIdPrefix}-edit`,
    },
  ]
  if (showEnd && campaign.status === "active") {
    change.push({
      icon: <XCircle />,
      label: t("messagesPage.actions.end"),
      onClick: onEnd,
      "data-testid": `${testIdPrefix}-end`,
    })
  }
  const remove: ActionMenuAction[] =
    campaign.status === "scheduled"
      ? [
          {
            icon: <Trash />,
            label: t("messagesPage.actions.delete"),
            onClick: onDelete,
            "data-testid": `${testIdPrefix}-delete`,
          },
        ]
      : []
  return (
    <ActionMenu
      label={t("messagesPage.actions.menu")}
      disabled={disabled}
      data-testid={`${testIdPrefix}-actions`}
      groups={[change, remove]}
    />
  )
}
