import { ArrowDownTray, InformationCircle } from "@medusajs/icons"
import { Alert, Button, Heading, Text } from "@medusajs/ui"
import { useExportCustomerData, usePrivacySettings } from "../../hooks/api/privacy"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import { useTranslate } from "../../lib/i18n"

type ExportSectionProps = {
  customerId: string
}

/** Hands a downloaded file to the browser, as a link the user clicked would. */
const saveFile = (blob: Blob, fileName: string) => {
  const url = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/**
 * "Export data": downloads everything the store holds about the customer as one JSON file (GDPR
 * Art. 15 and 20). Says whether internal notes go in (with the warning that they are written for
 * staff), and why the button is off while the privacy settings do not allow staff exports.
 */
export const ExportSection = ({ customerId }: ExportSectionProps) => {
  const { t } = useTranslate()
  const { settings } = usePrivacySettings()
  const { mutateAsync, isPending } = useExportCustomerData(customerId)
  const disabled = settings?.staff_export === false
  const includesNotes = !!settings?.export_include_notes

  const handleDownload = () =>
    mutateWithToast(mutateAsync, undefined, {
      success: () => t("privacy.export.downloaded"),
      onSuccess: ({ blob, file_name }) => saveFile(blob, file_name),
    })

  return (
    <div className="divide-y" data-testid="crm-privacy-export">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Heading level="h3">{t("privacy.export.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("privacy.export.description")}
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          className="shrink-0"
          onClick={handleDownload}
          isLoading={isPending}
          disabled={disabled || !settings}
          data-testid="crm-privacy-export-download"
        >
          <ArrowDownTray />
          {t("privacy.export.download")}
        </Button>
      </div>
      {settings && (
        <div className="flex flex-col gap-y-3 px-6 py-4">
          {disabled ? (
            <Text size="small" className="text-ui-fg-subtle" data-testid="crm-privacy-export-disabled">
              {t("privacy.export.disabled")}
            </Text>
          ) : includesNotes ? (
            <Alert variant="warning" data-testid="crm-privacy-export-notes" data-include-notes="true">
              <div className="flex flex-col gap-y-1">
                <Text size="small" leading="compact" weight="plus">
                  {t("privacy.export.notesIncluded")}
                </Text>
                <Text size="small" className="text-ui-fg-subtle">
                  {t("privacy.export.notesWarning")}
                </Text>
              </div>
            </Alert>
          ) : (
            <div
              className="text-ui-fg-subtle flex items-center gap-x-2"
              data-testid="crm-privacy-export-notes"
              data-include-notes="false"
            >
              <InformationCircle className="shrink-0" />
              <Text size="small">{t("privacy.export.notesExcluded")}</Text>
            </div>
          )}
        </div>
      )}
    </div>
  )
}
