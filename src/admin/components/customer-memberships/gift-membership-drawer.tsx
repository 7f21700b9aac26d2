import { type BaseSyntheticEvent, useState } from "react"
import { useGiftMembership } from "../../hooks/api/memberships"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { Membership, MembershipCustomer } from "../../lib/types"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import { customerDisplayName } from "../tag-definitions/format"
import { CustomerPicker } from "./customer-picker"
import type { MembershipDialogProps } from "./membership-dialogs"
import { MembershipSummary } from "./membership-summary"

/** "Gift": move the membership to another customer. */
export const GiftMembershipDrawer = ({
  customerId,
  membership,
  open,
  onOpenChange,
}: MembershipDialogProps) => {
  const { t } = useTranslate()

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("memberships.gift.title")}
      description={t("memberships.gift.description")}
      data-testid="crm-membership-gift-drawer"
    >
      {open && (
        <GiftMembershipForm
          customerId={customerId}
          membership={membership}
          onDone={() => onOpenChange(false)}
        />
      )}
    </FormDrawer>
  )
}

type GiftMembershipFormProps = {
  customerId: string
  membership: Membership
  onDone: () => void
}

const GiftMembershipForm = ({
  customerId,
  membership,
  onDone,
}: GiftMembershipFormProps) => {
  const { t } = useTranslate()
  const [recipient, setRecipient] = useState<MembershipCustomer | null>(null)
  const [serverError, setServerError] = useState<string | null>(null)
  const { mutateAsync, isPending } = useGiftMembership(customerId)

  const unavailable = new Map([
    [membership.customer_id, t("memberships.picker.holder")],
  ])

  const handleSubmit = async (event?: BaseSyntheticEvent) => {
    event?.preventDefault()
    if (!recipient) {
      return
    }
    setServerError(null)
    await mutateWithToast(
      mutateAsync,
      { membershipId: membership.id, customer_id: recipient.id },
      {
        success: () =>
          t("memberships.gift.done", {
            number: membership.number,
            name: customerDisplayName(recipient) || recipient.id,
          }),
        onSuccess: onDone,
        onError: setServerError,
      }
    )
  }

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      serverError={serverError}
      serverErrorTestId="crm-membership-gift-error"
      cancelLabel={t("memberships.actions.cancelForm")}
      submitLabel={t("memberships.gift.submit")}
      isPending={isPending}
      submitDisabled={!recipient}
      cancelTestId="crm-membership-gift-cancel"
      submitTestId="crm-membership-gift-submit"
      data-testid="crm-membership-gift-form"
    >
      <MembershipSummary membership={membership} />
      <FormField
        id="crm-membership-gift-customer"
        label={t("memberships.gift.recipient")}
      >
        <CustomerPicker
          id="crm-membership-gift-customer"
          value={recipient}
          onChange={(customer) => {
            setRecipient(customer)
            setServerError(null)
          }}
          unavailable={unavailable}
          disabled={isPending}
          data-testid="crm-membership-gift-customer"
        />
      </FormField>
    </DrawerForm>
  )
}
