import { Text } from "@medusajs/ui"
import { useState } from "react"
import { useMembershipCustomerSearch } from "../../hooks/api/memberships"
import { useDebounced } from "../../hooks/use-debounced"
import { useTranslate } from "../../lib/i18n"
import type { MembershipCustomer } from "../../lib/types"
import { PickedItem, SearchPicker } from "../common/search-picker"
import { customerDisplayName } from "../tag-definitions/format"

const SEARCH_DEBOUNCE_MS = 250

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

/** Find a customer by name or e-mail and pick one (to give or share a membership with). */
export const CustomerPicker = ({
  id,
  value,
  onChange,
  unavailable,
  disabled,
  "data-testid": testId,
}: CustomerPickerProps) => {
  const { t } = useTranslate()
  const [search, setSearch] = useState("")
  const q = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS)
  const { customers, isPending, isFetching, isError, error } =
    useMembershipCustomerSearch(q, { enabled: !value })

  if (value) {
    return (
      <PickedItem
        changeLabel={t("memberships.picker.change")}
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
      placeholder={t("memberships.picker.searchCustomers")}
      items={(customers ?? []) as MembershipCustomer[]}
      isPending={isPending}
      isFetching={isFetching}
      error={
        isError
          ? t("memberships.picker.customersError", {
              message: error?.message ?? "",
            })
          : null
      }
      emptyText={
        q ? t("memberships.picker.noMatches") : t("memberships.picker.noCustomers")
      }
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

type CustomerTextProps = {
  customer: MembershipCustomer
}

/** A customer's name, with their e-mail under it when that is not already the name. */
export const CustomerText = ({ customer }: CustomerTextProps) => {
  const name = customerDisplayName(customer) || customer.id

  return (
    <>
      <Text size="small" leading="compact" weight="plus" className="truncate">
        {name}
      </Text>
      {customer.email && customer.email !== name && (
        <Text
          size="small"
          leading="compact"
          className="text-ui-fg-subtle truncate"
        >
          {customer.email}
        </Text>
      )}
    </>
  )
}
