import { useTranslate } from "../../lib/i18n"
import {
  CustomerSearchPicker,
  type CustomerSearchPickerProps,
} from "../common/customer-search-picker"
import type { CustomerSummary } from "../../lib/types"

type IdentityCustomerPickerProps = Omit<
  CustomerSearchPickerProps<CustomerSummary>,
  "errorText" | "changeLabel"
>

/** The customer to merge with, or the online account to link to, picked with the CRM's search. */
export const IdentityCustomerPicker = (props: IdentityCustomerPickerProps) => {
  const { t } = useTranslate()

  return (
    <CustomerSearchPicker
      {...props}
      errorText={(message) => t("identity.picker.error", { message })}
      changeLabel={t("identity.picker.change")}
    />
  )
}
