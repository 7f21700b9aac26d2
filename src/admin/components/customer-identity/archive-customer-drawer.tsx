import { Textarea } from "@medusajs/ui"
import { useState } from "react"
import { useForm } from "react-hook-form"
import { useArchiveCustomer } from "../../hooks/api/identity"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"

/** How long a reason may be. */
const REASON_MAX_LENGTH = 500

type ArchiveCustomerDrawerProps = {
  customerId: string
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** "Archive customer": hide them from the CRM's lists, with an optional reason. Deletes nothing. */
export const ArchiveCustomerDrawer = ({
  customerId,
  open,
  onOpenChange,
}: ArchiveCustomerDrawerProps) => {
  const { t } = useTranslate()

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("identity.archive.title")}
      description={t("identity.archive.description")}
      data-testid="crm-identity-archive-drawer"
    >
      {open && (
        <ArchiveCustomerForm
          customerId={customerId}
          onDone={() => onOpenChange(false)}
        />
      )}
    </FormDrawer>
  )
}

type ArchiveCustomerFormProps = {
  customerId: string
  onDone: () => void
}

const ArchiveCustomerForm = ({
  customerId,
  onDone,
}: ArchiveCustomerFormProps) => {
  const { t } = useTranslate()
  const [serverError, setServerError] = useState<string | null>(null)
  const form = useForm<{ reason: string }>({ defaultValues: { reason: "" } })
  const { mutateAsync, isPending } = useArchiveCustomer(customerId)

  const handleSubmit = form.handleSubmit(async ({ reason }) => {
    setServerError(null)
    const trimmed = reason.trim()
    await mutateWithToast(mutateAsync, trimmed ? { reason: trimmed } : {}, {
      success: () => t("identity.archive.done"),
      onSuccess: onDone,
      onError: setServerError,
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
      <FormField
        id="crm-identity-archive-reason"
        label={t("identity.archive.reason")}
        optional
        hint={t("identity.archive.reasonHint")}
        data-testid="crm-identity-archive-reason-field"
      >
        <Textarea
          id="crm-identity-archive-reason"
          rows={3}
          autoFocus
          maxLength={REASON_MAX_LENGTH}
          {...form.register("reason")}
          data-testid="crm-identity-archive-reason"
        />
      </FormField>
    </DrawerForm>
  )
}
