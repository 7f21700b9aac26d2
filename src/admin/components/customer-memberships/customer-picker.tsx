import { useTranslate } from "../../lib/i18n"
import type { MembershipCustomer } from "../../lib/types"
import { CustomerSearchPicker } from "../common/customer-search-picker"

export { CustomerText } from "../common/customer-search-picker"

type CustomerPickerProps = {
  id: string
  value: MembershipCustomer | null
  onChange: (customer: MembershipCustomer | null) => void
  /** Customers that cannot be picked, by id, with the reason shown on them. */
  unavailable?: Map<string, string>
  disabled?: boolean
  /** `<id>-search`, `<id>-option` (with `data-id`) and `<id>-selected`. */
  "data-testid": string
}

/** Find a customer by name, e-mail or phone and pick one (to give or share a membership with). */
export const CustomerPicker = (props: CustomerPickerProps) => {
  const { t } = useTranslate()

  return (
    <CustomerSearchPicker
      {...props}
      placeholder={t("memberships.picker.searchCustomers")}
      noMatchesText={t("memberships.picker.noMatches")}
      noCustomersText={t("memberships.picker.noCustomers")}
      errorText={(message) => t("memberships.picker.customersError", { message })}
      changeLabel={t("memberships.picker.change")}
    />
  )
}
