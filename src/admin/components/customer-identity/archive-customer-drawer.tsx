import { useForm } from "react-hook-form"
import { useArchiveCustomer } from "../../hooks/api/identity"
import { useFormSave } from "../../hooks/use-form-save"
import { useTranslate } from "../../lib/i18n"
import { DrawerForm, formDrawer } from "../common/drawer-form"
import { ReasonField } from "../common/reason-field"

/** How long a reason may be. */
const REASON_MAX_LENGTH = 500

type ArchiveCustomerFormProps = {
  customerId: string
  onDone: () => void
}

const ArchiveCustomerForm = ({
  customerId,
  onDone,
}: ArchiveCustomerFormProps) => {
  const { t } = useTranslate()
  const form = useForm<{ reason: string }>({ defaultValues: { reason: "" } })
  const { mutateAsync, isPending } = useArchiveCustomer(customerId)
  const { save, serverError } = useFormSave(mutateAsync)

  const handleSubmit = form.handleSubmit(async ({ reason }) => {
    const trimmed = reason.trim()
    await save(trimmed ? { reason: trimmed } : {}, {
      success: () => t("identity.archive.done"),
      onSuccess: onDone,
    })
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      submitOnModEnter
      serverError={serverError}
      cancelLabel={t("identity.archive.cancel")}
      submitLabel={t("identity.archive.submit")}
      isPending={isPending}
      testIdPrefix="crm-identity-archive"
    >
      <ReasonField
        id="crm-identity-archive-reason"
        label={t("identity.archive.reason")}
        optional
        hint={t("identity.archive.reasonHint")}
        maxLength={REASON_MAX_LENGTH}
        registration={form.register("reason")}
      />
    </DrawerForm>
  )
}

/** "Archive customer": hide them from the CRM's lists, with an optional reason. Deletes nothing. */
export const ArchiveCustomerDrawer = formDrawer(ArchiveCustomerForm, {
  title: "identity.archive.title",
  description: "identity.archive.description",
  "data-testid": "crm-identity-archive-drawer",
})
