import { useForm } from "react-hook-form"
import { useSetLegalHold } from "../../hooks/api/privacy"
import { useFormSave } from "../../hooks/use-form-save"
import { useTranslate } from "../../lib/i18n"
import { LEGAL_HOLD_REASON_MAX_LENGTH } from "../../lib/types"
import { DrawerForm, formDrawer } from "../common/drawer-form"
import { ReasonField } from "../common/reason-field"

type LegalHoldFormProps = {
  customerId: string
  /** The reason of the hold in place, when changing it. */
  reason?: string
  onDone: () => void
}

const LegalHoldForm = ({ customerId, reason, onDone }: LegalHoldFormProps) => {
  const { t } = useTranslate()
  const form = useForm<{ reason: string }>({
    defaultValues: { reason: reason ?? "" },
  })
  const { mutateAsync, isPending } = useSetLegalHold(customerId)
  const { save, serverError } = useFormSave(mutateAsync)
  const error = form.formState.errors.reason

  const handleSubmit = form.handleSubmit(async (values) => {
    await save(
      { reason: values.reason.trim() },
      {
        success: () => t("privacy.legalHold.form.done"),
        onSuccess: onDone,
      }
    )
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      submitOnModEnter
      serverError={serverError}
      cancelLabel={t("privacy.legalHold.form.cancel")}
      submitLabel={t("privacy.legalHold.form.submit")}
      isPending={isPending}
      testIdPrefix="crm-privacy-hold"
    >
      <ReasonField
        id="crm-privacy-hold-reason"
        label={t("privacy.legalHold.form.reason")}
        hint={t("privacy.legalHold.form.reasonHint")}
        error={error?.message}
        maxLength={LEGAL_HOLD_REASON_MAX_LENGTH}
        registration={form.register("reason", {
          validate: (value) =>
            !!value.trim() || t("privacy.legalHold.form.required"),
        })}
      />
    </DrawerForm>
  )
}

/** "Set legal hold" (or change its reason): a reason is required; it is shown on the Privacy tab. */
export const LegalHoldDrawer = formDrawer(LegalHoldForm, {
  title: "privacy.legalHold.form.title",
  description: "privacy.legalHold.form.description",
  "data-testid": "crm-privacy-hold-drawer",
})
