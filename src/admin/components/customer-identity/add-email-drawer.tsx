import { Alert, Button, Input, Text } from "@medusajs/ui"
import { useForm } from "react-hook-form"
import { Link } from "react-router-dom"
import { useCrmCustomer } from "../../hooks/api/customer-profile"
import {
  useAddAlternateEmail,
  useCustomerSearch,
} from "../../hooks/api/identity"
import { useFormSave } from "../../hooks/use-form-save"
import { useTranslate } from "../../lib/i18n"
import { EMAIL_MAX_LENGTH } from "../../lib/types"
import { DrawerForm, formDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import { customerDisplayName } from "../tag-definitions/format"
import { customerPath } from "./customer-cells"

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type AddEmailDrawerProps = {
  customerId: string
  /** The customer's alternate e-mails now (lower case). */
  currentEmails: string[]
  /** Opens the merge with another customer: the one who has the address. */
  onMerge: (otherId: string) => void
}

type AddEmailFormProps = AddEmailDrawerProps & {
  onDone: () => void
}

const AddEmailForm = ({
  customerId,
  currentEmails,
  onMerge,
  onDone,
}: AddEmailFormProps) => {
  const { t } = useTranslate()
  const form = useForm<{ email: string }>({ defaultValues: { email: "" } })
  const { errors } = form.formState
  const { customer } = useCrmCustomer(customerId)
  const mutation = useAddAlternateEmail(customerId)
  const { mutateAsync, isPending } = mutation
  const { save, serverError, clearError } = useFormSave(mutateAsync)
  const owner = useEmailOwner(
    customerId,
    serverError && mutation.error?.status === 409
      ? (mutation.variables?.email ?? null)
      : null
  )

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
      // The other customer's card below says it better than the API's message.
      serverError={owner ? null : serverError}
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
      {owner && (
        <Alert variant="warning" data-testid="crm-identity-email-taken">
          <div className="flex flex-col gap-y-2">
            <Text size="small" leading="compact">
              {t("identity.emailForm.takenBy", {
                email: owner.email,
                name: owner.name,
              })}
            </Text>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
              <Link
                to={customerPath(owner.id)}
                className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus outline-none focus-visible:underline"
                data-testid="crm-identity-email-taken-link"
                data-customer-id={owner.id}
              >
                {t("identity.emailForm.openCustomer", { name: owner.name })}
              </Link>
              <Button
                type="button"
                size="small"
                variant="secondary"
                onClick={() => {
                  onDone()
                  onMerge(owner.id)
                }}
                data-testid="crm-identity-email-taken-merge"
              >
                {t("identity.emailForm.mergeWith", { name: owner.name })}
              </Button>
            </div>
          </div>
        </Alert>
      )}
    </DrawerForm>
  )
}

/**
 * The other customer who has `email` (refused with a 409), found by the customer search over
 * primary and alternate e-mails: the refusal names them, and the drawer links to them and offers
 * the merge. null while not known (or when the search does not find them: then the refusal's
 * message, which names them, is shown).
 */
const useEmailOwner = (customerId: string, email: string | null) => {
  const address = email?.trim().toLowerCase() ?? ""
  const { customers } = useCustomerSearch(
    { q: address, field: "email", limit: 10 },
    { enabled: !!address }
  )
  if (!address || !customers) {
    return null
  }
  const others = customers.filter((c) => c.id !== customerId)
  const hit =
    others.find((c) => c.email?.toLowerCase() === address) ??
    others.find((c) => c.matched_by.includes("alternate_email"))
  return hit
    ? {
        id: hit.id,
        name: customerDisplayName(hit) || hit.email || hit.id,
        email: address,
      }
    : null
}

/** "Add e-mail": another address of the customer's; the API refuses another customer's (409). */
export const AddEmailDrawer = formDrawer(AddEmailForm, {
  title: "identity.emailForm.title",
  description: "identity.emailForm.description",
  "data-testid": "crm-identity-email-drawer",
})
