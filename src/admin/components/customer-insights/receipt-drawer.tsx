import { Input } from "@medusajs/ui"
import { useEffect } from "react"
import { useForm } from "react-hook-form"
import { useCrmCustomer } from "../../hooks/api/customer-profile"
import { useSendReceipt } from "../../hooks/api/insights"
import { useFormSave } from "../../hooks/use-form-save"
import { useTranslate } from "../../lib/i18n"
import type { CustomerTransaction } from "../../lib/types"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"

// Deliberately loose, like the browser's own check: the server has the last word.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type ReceiptDrawerProps = {
  customerId: string
  /** The order whose receipt is sent; kept while the drawer closes. */
  transaction: CustomerTransaction | null
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** "Send receipt": the address (the customer's e-mail by default), then Send. */
export const ReceiptDrawer = ({
  customerId,
  transaction,
  open,
  onOpenChange,
}: ReceiptDrawerProps) => {
  const { t } = useTranslate()

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("insights.receipt.title")}
      description={
        transaction
          ? t("insights.receipt.description", {
              number: transaction.display_id,
            })
          : undefined
      }
      data-testid="crm-receipt-drawer"
    >
      {open && transaction && (
        <ReceiptForm
          customerId={customerId}
          transaction={transaction}
          onDone={() => onOpenChange(false)}
        />
      )}
    </FormDrawer>
  )
}

type ReceiptFormProps = {
  customerId: string
  transaction: CustomerTransaction
  onDone: () => void
}

const ReceiptForm = ({ customerId, transaction, onDone }: ReceiptFormProps) => {
  const { t } = useTranslate()
  const { customer, isPending: isCustomerPending } = useCrmCustomer(customerId)
  const form = useForm<{ to: string }>({
    defaultValues: { to: customer?.email ?? "" },
  })
  const { errors, dirtyFields } = form.formState
  const { mutateAsync, isPending } = useSendReceipt(customerId)
  const { save, serverError } = useFormSave(mutateAsync)

  // Prefill with the customer's address once it is known, unless the user typed already.
  useEffect(() => {
    if (customer?.email && !dirtyFields.to) {
      form.reset({ to: customer.email })
    }
  }, [customer?.email, dirtyFields.to, form])

  const handleSubmit = form.handleSubmit(async ({ to }) => {
    const recipient = to.trim()
    await save(
      { orderId: transaction.id, to: recipient },
      {
        success: ({ receipt }) =>
          t("insights.receipt.sent", {
            number: transaction.display_id,
            to: receipt.to,
          }),
        onSuccess: onDone,
      }
    )
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      serverError={serverError}
      cancelLabel={t("insights.cancel")}
      submitLabel={t("insights.receipt.send")}
      isPending={isPending}
      submitDisabled={isCustomerPending}
      submitTestId="crm-receipt-send"
      testIdPrefix="crm-receipt"
    >
      <FormField
        id="crm-receipt-to"
        label={t("insights.receipt.to")}
        error={errors.to?.message}
        hint={
          !isCustomerPending && !customer?.email
            ? t("insights.receipt.noCustomerEmail")
            : undefined
        }
        data-testid="crm-receipt-to-field"
      >
        <Input
          id="crm-receipt-to"
          type="email"
          autoFocus
          autoComplete="off"
          aria-invalid={!!errors.to}
          placeholder={isCustomerPending ? "…" : undefined}
          {...form.register("to", {
            validate: (value) => {
              const trimmed = value.trim()
              if (!trimmed) {
                return t("insights.receipt.required")
              }
              return (
                EMAIL_PATTERN.test(trimmed) || t("insights.receipt.invalid")
              )
            },
          })}
          data-testid="crm-receipt-to"
        />
      </FormField>
    </DrawerForm>
  )
}
