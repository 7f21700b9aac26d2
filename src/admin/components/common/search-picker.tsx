import { MagnifyingGlass } from "@medusajs/icons"
import { Button, clx, Input, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Skeletons } from "./load-states"

type SearchPickerProps<T> = {
  id: string
  search: string
  onSearchChange: (search: string) => void
  placeholder: string
  /** The matches of the current search (what has loaded so far). */
  items: T[]
  isPending: boolean
  isFetching?: boolean
  /** The search failed: its message. */
  error?: string | null
  /** Shown when nothing matches. */
  emptyText: string
  getId: (item: T) => string
  renderItem: (item: T) => ReactNode
  /** Why an item cannot be picked (shown on it), or undefined when it can. */
  unavailableReason?: (item: T) => string | undefined
  onSelect: (item: T) => void
  disabled?: boolean
  autoFocus?: boolean
  /** `<id>-search` is the input, `<id>-option` each match (with `data-id`). */
  "data-testid": string
}

/** Search as you type, then pick one match: the CRM's pickers of customers, variants… */
export const SearchPicker = <T,>({
  id,
  search,
  onSearchChange,
  placeholder,
  items,
  isPending,
  isFetching,
  error,
  emptyText,
  getId,
  renderItem,
  unavailableReason,
  onSelect,
  disabled,
  autoFocus,
  "data-testid": testId,
}: SearchPickerProps<T>) => {
  const renderList = () => {
    if (error) {
      return (
        <Text size="small" className="text-ui-fg-error px-4 py-3">
          {error}
        </Text>
      )
    }
    if (isPending) {
      return (
        <div className="flex flex-col gap-y-2 px-4 py-3">
          <Skeletons count={3} className="h-8 w-full" />
        </div>
      )
    }
    if (!items.length) {
      return (
        <Text
          size="small"
          className="text-ui-fg-muted px-4 py-3"
          data-testid={`${testId}-empty`}
        >
          {emptyText}
        </Text>
      )
    }
    return items.map((item) => {
      const reason = unavailableReason?.(item)
      return (
        <button
          key={getId(item)}
          type="button"
          role="option"
          aria-selected={false}
          disabled={disabled || !!reason}
          onClick={() => onSelect(item)}
          className={clx(
            "flex w-full items-center justify-between gap-x-3 px-4 py-2.5 text-left outline-none transition-fg",
            "hover:bg-ui-bg-component-hover focus-visible:bg-ui-bg-component-hover",
            "disabled:cursor-not-allowed disabled:opacity-60 disabled:hover:bg-transparent"
          )}
          data-testid={`${testId}-option`}
          data-id={getId(item)}
        >
          <div className="flex min-w-0 flex-col">{renderItem(item)}</div>
          {reason && (
            <Text
              size="xsmall"
              leading="compact"
              className="text-ui-fg-muted shrink-0"
            >
              {reason}
            </Text>
          )}
        </button>
      )
    })
  }

  return (
    <div className="flex flex-col gap-y-2" data-testid={testId}>
      <div className="relative">
        <MagnifyingGlass className="text-ui-fg-muted pointer-events-none absolute left-2 top-1/2 -translate-y-1/2" />
        <Input
          id={id}
          type="search"
          value={search}
          onChange={(event) => onSearchChange(event.target.value)}
          onKeyDown={(event) => {
            // Enter searches (it already does as you type) instead of submitting the form.
            if (event.key === "Enter" && !(event.metaKey || event.ctrlKey)) {
              event.preventDefault()
            }
          }}
          placeholder={placeholder}
          autoComplete="off"
          autoFocus={autoFocus}
          disabled={disabled}
          className="pl-8"
          data-testid={`${testId}-search`}
        />
      </div>
      <div
        role="listbox"
        aria-label={placeholder}
        className={clx(
          "shadow-elevation-card-rest bg-ui-bg-component divide-y overflow-hidden rounded-lg",
          { "opacity-60": isFetching && !isPending }
        )}
      >
        {renderList()}
      </div>
    </div>
  )
}

type PickedItemProps = {
  children: ReactNode
  changeLabel: string
  onChange: () => void
  disabled?: boolean
  "data-testid": string
}

/** What was picked, with a way to pick again. */
export const PickedItem = ({
  children,
  changeLabel,
  onChange,
  disabled,
  "data-testid": testId,
}: PickedItemProps) => (
  <div
    className="shadow-elevation-card-rest bg-ui-bg-component flex items-center justify-between gap-x-4 rounded-lg px-4 py-3"
    data-testid={testId}
  >
    <div className="flex min-w-0 flex-col">{children}</div>
    <Button
      type="button"
      size="small"
      variant="transparent"
      onClick={onChange}
      disabled={disabled}
      data-testid={`${testId}-change`}
    >
      {changeLabel}
    </Button>
  </div>
)
