import { useGiftMembership } from "../../hooks/api/memberships"
import { useTranslate } from "../../lib/i18n"
import { DrawerForm } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import { CustomerPicker } from "./customer-picker"
import { useMembershipCustomerForm } from "./membership-customer-form"
import type { MembershipFormProps } from "./membership-dialogs"
import { MembershipSummary } from "./membership-summary"

/** "Gift": move the membership to another customer. */
export const GiftMembershipForm = ({
  customerId,
  membership,
  onDone,
}: MembershipFormProps) => {
  const { t } = useTranslate()
  const {
    customer: recipient,
    pick,
    serverError,
    isPending,
    handleSubmit,
  } = useMembershipCustomerForm({
    membership,
    mutation: useGiftMembership(customerId),
    action: "gift",
    onDone,
  })

  const unavailable = new Map([
    [membership.customer_id, t("memberships.picker.holder")],
  ])

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      serverError={serverError}
      cancelLabel={t("memberships.actions.cancelForm")}
      submitLabel={t("memberships.gift.submit")}
      isPending={isPending}
      submitDisabled={!recipient}
      testIdPrefix="crm-membership-gift"
    >
      <MembershipSummary membership={membership} />
      <FormField
        id="crm-membership-gift-customer"
        label={t("memberships.gift.recipient")}
      >
        <CustomerPicker
          id="crm-membership-gift-customer"
          value={recipient}
          onChange={pick}
          unavailable={unavailable}
          disabled={isPending}
          data-testid="crm-membership-gift-customer"
        />
      </FormField>
    </DrawerForm>
  )
}
