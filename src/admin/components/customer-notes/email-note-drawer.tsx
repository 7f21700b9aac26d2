import { Input, Text } from "@medusajs/ui"
import { useEffect } from "react"
import { useForm } from "react-hook-form"
import { useEmailCustomerNote } from "../../hooks/api/customer-notes"
import { useCrmCustomer } from "../../hooks/api/customer-profile"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { CustomerNote } from "../../lib/types"
import { DrawerForm, formDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"

// Deliberately loose, like the browser's own check: the server has the last word.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type EmailNoteFormProps = {
  note: CustomerNote
  onDone: () => void
}

const EmailNoteForm = ({ note, onDone }: EmailNoteFormProps) => {
  const { t } = useTranslate()
  const { customer, isPending: isCustomerPending } = useCrmCustomer(
    note.customer_id
  )
  const form = useForm<{ to: string }>({ defaultValues: { to: "" } })
  const { errors, dirtyFields } = form.formState
  const { mutateAsync, isPending } = useEmailCustomerNote(note.customer_id)

  // Prefill with the customer's address once it is known, unless the user typed already.
  useEffect(() => {
    if (customer?.email && !dirtyFields.to) {
      form.reset({ to: customer.email })
    }
  }, [customer?.email, dirtyFields.to, form])

  const handleSubmit = form.handleSubmit(async ({ to }) => {
    const recipient = to.trim()
    await mutateWithToast(
      mutateAsync,
      { id: note.id, to: recipient },
      {
        success: () => t("noteEmail.sent", { to: recipient }),
        onSuccess: onDone,
      }
    )
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      cancelLabel={t("notes.cancel")}
      submitLabel={t("noteEmail.send")}
      isPending={isPending}
      submitDisabled={isCustomerPending}
      submitTestId="crm-note-email-send"
      testIdPrefix="crm-note-email"
    >
      <FormField
        label={t("noteEmail.to")}
        id={`crm-note-email-to-${note.id}`}
        error={errors.to?.message}
        hint={
          !isCustomerPending && !customer?.email
            ? t("noteEmail.noCustomerEmail")
            : undefined
        }
        data-testid="crm-note-email-field"
      >
        <Input
          id={`crm-note-email-to-${note.id}`}
          type="email"
          autoFocus
          autoComplete="off"
          aria-invalid={!!errors.to}
          placeholder={isCustomerPending ? "…" : undefined}
          {...form.register("to", {
            validate: (value) => {
              const trimmed = value.trim()
              if (!trimmed) {
                return t("noteEmail.required")
              }
              return EMAIL_PATTERN.test(trimmed) || t("noteEmail.invalid")
            },
          })}
          data-testid="crm-note-email-to"
        />
      </FormField>
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus" leading="compact">
          {t("noteEmail.preview")}
        </Text>
        <div className="bg-ui-bg-subtle shadow-borders-base max-h-64 overflow-y-auto rounded-lg px-3 py-2">
          <Text
            size="small"
            className="text-ui-fg-subtle whitespace-pre-wrap break-words"
            data-testid="crm-note-email-preview"
          >
            {note.body}
          </Text>
        </div>
      </div>
    </DrawerForm>
  )
}

/** "E-mail to customer": the recipient (the customer's e-mail by default), then Send. */
export const EmailNoteDrawer = formDrawer(EmailNoteForm, {
  title: "noteEmail.title",
  description: "noteEmail.description",
  keepMounted: true,
  "data-testid": "crm-note-email-drawer",
})
