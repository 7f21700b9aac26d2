import { Alert, Container, Heading, Hint, Label, Switch, Text } from "@medusajs/ui"
import {
  usePrivacySettings,
  useUpdatePrivacySettings,
} from "../../hooks/api/privacy"
import { useErrorMessage } from "../../lib/errors"
import { type TranslationKey, useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { PrivacySettings } from "../../lib/types"
import { PageError, SectionsSkeleton } from "../common/load-states"

type SettingKey =
  | "staff_export"
  | "customer_self_export"
  | "export_include_notes"
  | "staff_anonymize"
  | "customer_self_anonymize"

type SettingRow = { key: SettingKey; label: TranslationKey; hint: TranslationKey }

/** The switches, by group, in the order shown, with their label and what they mean. */
const GROUPS: {
  id: "export" | "erasure"
  title: TranslationKey
  hint: TranslationKey
  settings: SettingRow[]
}[] = [
  {
    id: "export",
    title: "privacy.settings.groupExport",
    hint: "privacy.settings.groupExportHint",
    settings: [
      {
        key: "staff_export",
        label: "privacy.settings.staffExport",
        hint: "privacy.settings.staffExportHint",
      },
      {
        key: "customer_self_export",
        label: "privacy.settings.customerSelfExport",
        hint: "privacy.settings.customerSelfExportHint",
      },
      {
        key: "export_include_notes",
        label: "privacy.settings.exportIncludeNotes",
        hint: "privacy.settings.exportIncludeNotesHint",
      },
    ],
  },
  {
    id: "erasure",
    title: "privacy.settings.groupErasure",
    hint: "privacy.settings.groupErasureHint",
    settings: [
      {
        key: "staff_anonymize",
        label: "privacy.settings.staffAnonymize",
        hint: "privacy.settings.staffAnonymizeHint",
      },
      {
        key: "customer_self_anonymize",
        label: "privacy.settings.customerSelfAnonymize",
        hint: "privacy.settings.customerSelfAnonymizeHint",
      },
    ],
  },
]

/**
 * Customers › Privacy, the settings: who may export a customer's data (staff, customers
 * themselves), whether exports include internal notes, and who may anonymize (staff, who then
 * may also delete; customers themselves). A switch saves at once. While exports are on, a warning
 * says what they hand out, louder when internal notes go with them.
 */
export const PrivacySettingsSection = () => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const { settings, isPending, isError, error } = usePrivacySettings()

  if (isPending) {
    return <SectionsSkeleton rows={[5]} data-testid="crm-privacy-page-loading" />
  }

  if (isError || !settings) {
    return (
      <PageError
        title={t("privacy.settings.loadErrorTitle")}
        description={t("privacy.settings.loadError", {
          message: errorText(error),
        })}
        data-testid="crm-privacy-page-error"
      />
    )
  }

  return <SettingsForm settings={settings} />
}

const SettingsForm = ({ settings }: { settings: PrivacySettings }) => {
  const { t } = useTranslate()
  const { mutateAsync, isPending, variables } = useUpdatePrivacySettings()

  const handleChange = (key: SettingKey, value: boolean) =>
    mutateWithToast(
      mutateAsync,
      { [key]: value },
      { success: () => t("privacy.settings.saved") }
    )

  // While saving, a switch (and the warnings) show the value asked for.
  const valueOf = (key: SettingKey) =>
    isPending && variables && key in variables
      ? !!variables[key]
      : settings[key]

  return (
    <Container className="divide-y p-0" data-testid="crm-privacy-settings">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading>{t("privacy.settings.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("privacy.settings.subtitle")}
        </Text>
      </div>
      {GROUPS.map((group) => (
        <div
          key={group.id}
          className="flex flex-col"
          data-testid={`crm-privacy-settings-${group.id}`}
        >
          <div className="flex flex-col px-6 pt-4">
            <Heading level="h3">{t(group.title)}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t(group.hint)}
            </Text>
          </div>
          {group.id === "export" && (
            <ExportWarning
              staffExport={valueOf("staff_export")}
              customerSelfExport={valueOf("customer_self_export")}
              includeNotes={valueOf("export_include_notes")}
            />
          )}
          {group.settings.map(({ key, label, hint }) => {
            const id = `crm-privacy-setting-${key}`
            const checked = valueOf(key)
            return (
              <div key={key} className="flex items-start gap-x-3 px-6 py-4">
                <Switch
                  id={id}
                  checked={checked}
                  disabled={isPending}
                  onCheckedChange={(value) => handleChange(key, value)}
                  data-testid={id}
                  data-checked={checked ? "true" : "false"}
                />
                <div className="flex flex-col">
                  <Label htmlFor={id} size="small" weight="plus">
                    {t(label)}
                  </Label>
                  <Hint>{t(hint)}</Hint>
                </div>
              </div>
            )
          })}
        </div>
      ))}
    </Container>
  )
}

type ExportWarningProps = {
  staffExport: boolean
  customerSelfExport: boolean
  includeNotes: boolean
}

/**
 * What an export hands out, while one is on: everything stored about the customer (a warning),
 * and with internal notes, that those go out too (an error-coloured alert, and louder still when
 * customers export themselves).
 */
const ExportWarning = ({
  staffExport,
  customerSelfExport,
  includeNotes,
}: ExportWarningProps) => {
  const { t } = useTranslate()
  const exportOn = staffExport || customerSelfExport

  if (!exportOn) {
    return includeNotes ? (
      <div className="px-6 pt-3">
        <Hint data-testid="crm-privacy-notes-off-hint">
          {t("privacy.settings.notesOffHint")}
        </Hint>
      </div>
    ) : null
  }

  return (
    <div className="px-6 pt-3">
      {includeNotes ? (
        <Alert
          variant="error"
          data-testid="crm-privacy-notes-warning"
          data-customers={customerSelfExport ? "true" : "false"}
        >
          <div className="flex flex-col gap-y-1">
            <Text size="small" leading="compact" weight="plus">
              {t("privacy.settings.notesWarningTitle")}
            </Text>
            <Text size="small">{t("privacy.settings.notesWarning")}</Text>
            {customerSelfExport && (
              <Text size="small" weight="plus">
                {t("privacy.settings.notesWarningCustomers")}
              </Text>
            )}
          </div>
        </Alert>
      ) : (
        <Alert variant="warning" data-testid="crm-privacy-export-warning">
          <div className="flex flex-col gap-y-1">
            <Text size="small" leading="compact" weight="plus">
              {t("privacy.settings.exportWarningTitle")}
            </Text>
            <Text size="small">{t("privacy.settings.exportWarning")}</Text>
          </div>
        </Alert>
      )}
    </div>
  )
}
