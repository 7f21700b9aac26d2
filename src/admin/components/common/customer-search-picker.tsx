import { Text } from "@medusajs/ui"
import { useState } from "react"
import { useCustomerSearch } from "../../hooks/api/identity"
import { useDebounced } from "../../hooks/use-debounced"
import { useErrorMessage } from "../../lib/errors"
import type { CustomerSummary } from "../../lib/types"
import { customerDisplayName } from "../tag-definitions/format"
import { PickedItem, SearchPicker } from "./search-picker"

const SEARCH_DEBOUNCE_MS = 250

/** How many customers one search shows. */
const PICKER_LIMIT = 20

/** What a picked customer needs to show: the search's hits have it, and so do older picks. */
type PickableCustomer = Pick<CustomerSummary, "id" | "email" | "first_name" | "last_name">

export type CustomerSearchPickerProps<T extends PickableCustomer> = {
  id: string
  value: T | null
  onChange: (customer: CustomerSummary | null) => void
  placeholder: string
  /** Only customers with an online account are listed. */
  accountsOnly?: boolean
  /** Shown when nothing matches a search, and when nothing is listed without one. */
  noMatchesText: string
  noCustomersText: string
  /** The error line, given the request's message. */
  errorText: (message: string) => string
  changeLabel: string
  /** Customers that cannot be picked, by id, with the reason shown on them. */
  unavailable?: Map<string, string>
  disabled?: boolean
  /** `<id>-search`, `<id>-option` (with `data-id`) and `<id>-selected`. */
  "data-testid": string
}

/**
 * Find a customer with the CRM's search (name, primary or alternate e-mail, phone; archived
 * customers left out) and pick one: the customer to merge with, the account to link to, the
 * receiver of a gift or a share.
 */
export const CustomerSearchPicker = <T extends PickableCustomer>({
  id,
  value,
  onChange,
  placeholder,
  accountsOnly,
  noMatchesText,
  noCustomersText,
  errorText,
  changeLabel,
  unavailable,
  disabled,
  "data-testid": testId,
}: CustomerSearchPickerProps<T>) => {
  const describeError = useErrorMessage()
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
        changeLabel={changeLabel}
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
      error={isError ? errorText(describeError(error)) : null}
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

type CustomerTextProps = {
  customer: PickableCustomer
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
