import { Container, Heading, Hint, Label, Switch, Text } from "@medusajs/ui"
import {
  usePrivacySettings,
  useUpdatePrivacySettings,
} from "../../hooks/api/privacy"
import { useErrorMessage } from "../../lib/errors"
import { type TranslationKey, useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { PrivacySettings } from "../../lib/types"
import { PageError, SectionsSkeleton } from "../common/load-states"
import { RetentionSection } from "./retention-section"

type SettingKey = "staff_anonymize" | "customer_self_anonymize"

/** The switches, in the order shown, with their label and what they mean. */
const SETTINGS: { key: SettingKey; label: TranslationKey; hint: TranslationKey }[] =
  [
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
  ]

/**
 * Customers › Privacy: whether staff may anonymize customers in the admin, and whether customers
 * may anonymize their own data in the storefront. A switch saves at once.
 */
export const PrivacySettingsPage = () => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const { settings, isPending, isError, error } = usePrivacySettings()

  const renderContent = () => {
    if (isPending) {
      return (
        <SectionsSkeleton rows={[2]} data-testid="crm-privacy-page-loading" />
      )
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

    return <PrivacySettingsSection settings={settings} />
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="crm-privacy-page">
      {renderContent()}
      <RetentionSection />
    </div>
  )
}

const PrivacySettingsSection = ({
  settings,
}: {
  settings: PrivacySettings
}) => {
  const { t } = useTranslate()
  const { mutateAsync, isPending, variables } = useUpdatePrivacySettings()

  const handleChange = (key: SettingKey, value: boolean) =>
    mutateWithToast(
      mutateAsync,
      { [key]: value },
      { success: () => t("privacy.settings.saved") }
    )

  return (
    <Container className="divide-y p-0" data-testid="crm-privacy-settings">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading>{t("privacy.settings.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("privacy.settings.subtitle")}
        </Text>
      </div>
      {SETTINGS.map(({ key, label, hint }) => {
        const id = `crm-privacy-setting-${key}`
        // While saving, the switch shows the value asked for.
        const saving = isPending && variables && key in variables
        const checked = saving ? !!variables[key] : settings[key]
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
    </Container>
  )
}
