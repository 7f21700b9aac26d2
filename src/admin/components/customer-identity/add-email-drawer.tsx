import { Input } from "@medusajs/ui"
import { useState } from "react"
import { useForm } from "react-hook-form"
import { useCrmCustomer } from "../../hooks/api/customer-profile"
import { useAddAlternateEmail } from "../../hooks/api/identity"
import { useTranslate } from "../../lib/i18n"
import { EMAIL_MAX_LENGTH } from "../../lib/types"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type AddEmailDrawerProps = {
  customerId: string
  /** The customer's alternate e-mails now (lower case). */
  currentEmails: string[]
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** "Add e-mail": another address of the customer's; the API refuses another customer's (409). */
export const AddEmailDrawer = ({
  open,
  onOpenChange,
  ...props
}: AddEmailDrawerProps) => {
  const { t } = useTranslate()

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("identity.emailForm.title")}
      description={t("identity.emailForm.description")}
      data-testid="crm-identity-email-drawer"
    >
      {open && <AddEmailForm {...props} onDone={() => onOpenChange(false)} />}
    </FormDrawer>
  )
}

type AddEmailFormProps = Omit<AddEmailDrawerProps, "open" | "onOpenChange"> & {
  onDone: () => void
}

const AddEmailForm = ({
  customerId,
  currentEmails,
  onDone,
}: AddEmailFormProps) => {
  const { t } = useTranslate()
  const [serverError, setServerError] = useState<string | null>(null)
  const form = useForm<{ email: string }>({ defaultValues: { email: "" } })
  const { errors } = form.formState
  const { customer } = useCrmCustomer(customerId)
  const { mutateAsync, isPending } = useAddAlternateEmail(customerId)

  // What the API checks too; caught here to save a round trip.
  const validate = (value: string) => {
    const email = value.trim().toLowerCase()
    if (!email) {
      return t("identity.emailForm.required")
    }
    if (!EMAIL_PATTERN.test(email)) {
      return t("identity.emailForm.invalid")
    }
    if (customer?.email && customer.email.toLowerCase() === email) {
      return t("identity.emailForm.primary")
    }
    if (currentEmails.includes(email)) {
      return t("identity.emailForm.duplicate")
    }
    return true
  }

  const handleSubmit = form.handleSubmit(async (values) => {
    setServerError(null)
    await mutateWithToast(
      mutateAsync,
      { email: values.email.trim() },
      {
        success: ({ alternate_email }) =>
          t("identity.emailForm.added", { email: alternate_email.email }),
        onSuccess: onDone,
        onError: setServerError,
      }
    )
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      serverError={serverError}
      serverErrorTestId="crm-identity-email-error"
      cancelLabel={t("identity.emailForm.cancel")}
      submitLabel={t("identity.emailForm.submit")}
      isPending={isPending}
      cancelTestId="crm-identity-email-cancel"
      submitTestId="crm-identity-email-submit"
      data-testid="crm-identity-email-form"
    >
      <FormField
        id="crm-identity-email-input"
        label={t("identity.emailForm.email")}
        hint={t("identity.emailForm.hint")}
        error={errors.email?.message}
        data-testid="crm-identity-email-field"
      >
        <Input
          id="crm-identity-email-input"
          type="email"
          autoFocus
          autoComplete="off"
          maxLength={EMAIL_MAX_LENGTH}
          placeholder="jane@work.example"
          aria-invalid={!!errors.email}
          {...form.register("email", {
            validate,
            // A new address clears the API's answer to the last one.
            onChange: () => setServerError(null),
          })}
          data-testid="crm-identity-email-input"
        />
      </FormField>
    </DrawerForm>
  )
}
