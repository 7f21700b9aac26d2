import { Input } from "@medusajs/ui"
import { useForm } from "react-hook-form"
import { useCrmCustomer } from "../../hooks/api/customer-profile"
import { useAddAlternateEmail } from "../../hooks/api/identity"
import { useFormSave } from "../../hooks/use-form-save"
import { useTranslate } from "../../lib/i18n"
import { EMAIL_MAX_LENGTH } from "../../lib/types"
import { DrawerForm, formDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type AddEmailDrawerProps = {
  customerId: string
  /** The customer's alternate e-mails now (lower case). */
  currentEmails: string[]
}

type AddEmailFormProps = AddEmailDrawerProps & {
  onDone: () => void
}

const AddEmailForm = ({
  customerId,
  currentEmails,
  onDone,
}: AddEmailFormProps) => {
  const { t } = useTranslate()
  const form = useForm<{ email: string }>({ defaultValues: { email: "" } })
  const { errors } = form.formState
  const { customer } = useCrmCustomer(customerId)
  const { mutateAsync, isPending } = useAddAlternateEmail(customerId)
  const { save, serverError, clearError } = useFormSave(mutateAsync)

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
    await save(
      { email: values.email.trim() },
      {
        success: ({ alternate_email }) =>
          t("identity.emailForm.added", { email: alternate_email.email }),
        onSuccess: onDone,
      }
    )
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      serverError={serverError}
      cancelLabel={t("identity.emailForm.cancel")}
      submitLabel={t("identity.emailForm.submit")}
      isPending={isPending}
      testIdPrefix="crm-identity-email"
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
            onChange: () => clearError(),
          })}
          data-testid="crm-identity-email-input"
        />
      </FormField>
    </DrawerForm>
  )
}

/** "Add e-mail": another address of the customer's; the API refuses another customer's (409). */
export const AddEmailDrawer = formDrawer(AddEmailForm, {
  title: "identity.emailForm.title",
  description: "identity.emailForm.description",
  "data-testid": "crm-identity-email-drawer",
})
