import { CheckCircle, PencilSquare, PlaySolid, Trash, XCircle } from "@medusajs/icons"
import { useTranslate } from "../../lib/i18n"
import type { CrmReport } from "../../lib/types"
import { ActionMenu } from "../common/action-menu"

type ReportActionsMenuProps = {
  report: Pick<CrmReport, "enabled">
  onEdit: () => void
  onRunNow: () => void
  onToggle: () => void
  onDelete: () => void
  disabled?: boolean
  /** `crm-report-row` in the table, `crm-report-detail` on the page. */
  testIdPrefix: string
}

/** The "…" menu of a report: edit, run now, enable or disable, delete. */
export const ReportActionsMenu = ({
  report,
  onEdit,
  onRunNow,
  onToggle,
  onDelete,
  disabled,
  testIdPrefix,
}: ReportActionsMenuProps) => {
  const { t } = useTranslate()
  return (
    <ActionMenu
      label={t("reportsPage.actions.menu")}
      disabled={disabled}
      data-testid={`${testIdPrefix}-actions`}
      groups={[
        [
          {
            icon: <PencilSquare />,
            label: t("reportsPage.actions.edit"),
            onClick: onEdit,
            "data-testid": `${testIdPrefix}-edit`,
          },
          {
            icon: <PlaySolid />,
            label: t("reportsPage.actions.runNow"),
            onClick: onRunNow,
            "data-testid": `${testIdPrefix}-run`,
          },
          {
            icon: report.enabled ? <XCircle /> : <CheckCircle />,
            label: report.enabled ? t("reportsPage.actions.disable") : t("reportsPage.actions.enable"),
            onClick: onToggle,
            "data-testid": `${testIdPrefix}-toggle`,
          },
        ],
        [
          {
            icon: <Trash />,
            label: t("reportsPage.actions.delete"),
            onClick: onDelete,
            "data-testid": `${testIdPrefix}-delete`,
          },
        ],
      ]}
    />
  )
}
