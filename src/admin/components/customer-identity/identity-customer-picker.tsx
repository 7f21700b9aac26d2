import { useState } from "react"
import { useCustomerSearch } from "../../hooks/api/identity"
import { useDebounced } from "../../hooks/use-debounced"
import { useTranslate } from "../../lib/i18n"
import type { CustomerSummary } from "../../lib/types"
import { PickedItem, SearchPicker } from "../common/search-picker"
import { CustomerText } from "../customer-memberships/customer-picker"

const SEARCH_DEBOUNCE_MS = 250

/** How many customers one search shows. */
const PICKER_LIMIT = 20

type IdentityCustomerPickerProps = {
  id: string
  value: CustomerSummary | null
  onChange: (customer: CustomerSummary | null) => void
  placeholder: string
  /** Only customers with an online account are listed. */
  accountsOnly?: boolean
  /** Shown when nothing matches a search, and when nothing is listed without one. */
  noMatchesText: string
  noCustomersText: string
  /** Customers that cannot be picked, by id, with the reason shown on them. */
  unavailable?: Map<string, string>
  disabled?: boolean
  /** `<id>-search`, `<id>-option` (with `data-id`) and `<id>-selected`. */
  "data-testid": string
}

/**
 * Find a customer by name, e-mail (alternate ones too) or phone with the Find customers search, and
 * pick one: the customer to merge with, the account to link to.
 */
export const IdentityCustomerPicker = ({
  id,
  value,
  onChange,
  placeholder,
  accountsOnly,
  noMatchesText,
  noCustomersText,
  unavailable,
  disabled,
  "data-testid": testId,
}: IdentityCustomerPickerProps) => {
  const { t } = useTranslate()
  const [search, setSearch] = useState("")
  const q = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS)
  const { customers, isPending, isFetching, isError, error } =
    useCustomerSearch(
      {
        q: q || undefined,
        limit: PICKER_LIMIT,
        account: accountsOnly ? "online" : undefined,
      },
      { enabled: !value }
    )

  if (value) {
    return (
      <PickedItem
        changeLabel={t("identity.picker.change")}
        onChange={() => onChange(null)}
        disabled={disabled}
        data-testid={`${testId}-selected`}
      >
        <CustomerText customer={value} />
      </PickedItem>
    )
  }

  return (
    <SearchPicker
      id={id}
      search={search}
      onSearchChange={setSearch}
      placeholder={placeholder}
      items={customers ?? []}
      isPending={isPending}
      isFetching={isFetching}
      error={
        isError
          ? t("identity.picker.error", { message: error?.message ?? "" })
          : null
      }
      emptyText={q ? noMatchesText : noCustomersText}
      getId={(customer) => customer.id}
      renderItem={(customer) => <CustomerText customer={customer} />}
      unavailableReason={(customer) => unavailable?.get(customer.id)}
      onSelect={onChange}
      disabled={disabled}
      autoFocus
      data-testid={testId}
    />
  )
}
