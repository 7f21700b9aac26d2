import { Text } from "@medusajs/ui"
import { useForm } from "react-hook-form"
import { useChangeCustomerConsent } from "../../hooks/api/consents"
import { useFormSave } from "../../hooks/use-form-save"
import { useTranslate } from "../../lib/i18n"
import type { ConsentPurpose } from "../../lib/types"
import { DrawerForm, formDrawer } from "../common/drawer-form"
import { ReasonField } from "../common/reason-field"

/** The longest reason (as the route allows). */
const REASON_MAX_LENGTH = 500

type ConsentChangeFormProps = {
  customerId: string
  purpose: ConsentPurpose
  /** Grant (true) or withdraw (false). */
  granted: boolean
  onDone: () => void
}

const ConsentChangeForm = ({
  customerId,
  purpose,
  granted,
  onDone,
}: ConsentChangeFormProps) => {
  const { t } = useTranslate()
  const form = useForm<{ reason: string }>({ defaultValues: { reason: "" } })
  const { mutateAsync, isPending } = useChangeCustomerConsent(customerId)
  const { save, serverError } = useFormSave(mutateAsync)
  const error = form.formState.errors.reason

  const handleSubmit = form.handleSubmit(async (values) => {
    await save(
      { purpose_id: purpose.id, granted, reason: values.reason.trim() },
      {
        success: () =>
          granted
            ? t("privacy.consents.form.granted", { purpose: purpose.name })
            : t("privacy.consents.form.withdrawn", { purpose: purpose.name }),
        onSuccess: onDone,
      }
    )
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      submitOnModEnter
      serverError={serverError}
      cancelLabel={t("privacy.consents.form.cancel")}
      submitLabel={
        granted
          ? t("privacy.consents.form.submitGrant")
          : t("privacy.consents.form.submitWithdraw")
      }
      isPending={isPending}
      testIdPrefix="crm-consent-change"
    >
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus" data-testid="crm-consent-change-what">
          {granted
            ? t("privacy.consents.form.grantWhat", { purpose: purpose.name })
            : t("privacy.consents.form.withdrawWhat", {
                purpose: purpose.name,
              })}
        </Text>
        <Text
          size="small"
          className="text-ui-fg-subtle whitespace-pre-wrap break-words"
          data-testid="crm-consent-change-text"
        >
          {t("privacy.consents.form.textVersion", {
            version: purpose.version,
            text: purpose.text,
          })}
        </Text>
      </div>
      <ReasonField
        id="crm-consent-change-reason"
        label={t("privacy.consents.form.reason")}
        hint={t("privacy.consents.form.reasonHint")}
        error={error?.message}
        maxLength={REASON_MAX_LENGTH}
        registration={form.register("reason", {
          validate: (value) =>
            !!value.trim() || t("privacy.consents.form.required"),
        })}
      />
    </DrawerForm>
  )
}

/** Grant or withdraw one purpose for the customer; a reason is required and kept in the log. */
export const ConsentChangeDrawer = formDrawer(ConsentChangeForm, {
  title: "privacy.consents.form.title",
  description: "privacy.consents.form.description",
  "data-testid": "crm-consent-change-drawer",
})
