import { Input, Select, Tabs } from "@medusajs/ui"
import { useTranslate } from "../../lib/i18n"
import type {
  CustomerSearchField,
  CustomerSearchStatus,
} from "../../lib/types"
import {
  isSearchField,
  isSearchStatus,
  SEARCH_FIELDS,
  SEARCH_STATUSES,
} from "./use-customer-search-params"

type CustomerSearchToolbarProps = {
  field: CustomerSearchField
  onFieldChange: (field: CustomerSearchField) => void
  /** What is typed (searched once typing stops). */
  search: string
  onSearchChange: (search: string) => void
  status: CustomerSearchStatus
  onStatusChange: (status: CustomerSearchStatus) => void
}

/** Where to search (any field, name, e-mail or phone), what for, and active or archived customers. */
export const CustomerSearchToolbar = ({
  field,
  onFieldChange,
  search,
  onSearchChange,
  status,
  onStatusChange,
}: CustomerSearchToolbarProps) => {
  const { t } = useTranslate()

  return (
    <div className="flex flex-col gap-3 px-6 py-4 md:flex-row md:items-center md:justify-between">
      <div className="flex w-full items-center gap-x-2 md:max-w-[480px]">
        <Select
          size="small"
          value={field}
          onValueChange={(next) => isSearchField(next) && onFieldChange(next)}
        >
          <Select.Trigger
            className="w-fit min-w-[112px] shrink-0"
            aria-label={t("customersPage.field.label")}
            data-testid="crm-customers-field"
            data-value={field}
          >
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {SEARCH_FIELDS.map((value) => (
              <Select.Item
                key={value}
                value={value}
                data-testid="crm-customers-field-option"
                data-value={value}
              >
                {t(`customersPage.field.${value}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <div className="w-full">
          <Input
            type="search"
            size="small"
            value={search}
            onChange={(event) => onSearchChange(event.target.value)}
            placeholder={t("customersPage.search")}
            aria-label={t("customersPage.search")}
            autoComplete="off"
            autoFocus
            data-testid="crm-customers-search"
          />
        </div>
      </div>
      <Tabs
        value={status}
        onValueChange={(next) => isSearchStatus(next) && onStatusChange(next)}
      >
        <Tabs.List
          aria-label={t("customersPage.status.label")}
          data-testid="crm-customers-status"
          data-value={status}
        >
          {SEARCH_STATUSES.map((value) => (
            <Tabs.Trigger
              key={value}
              value={value}
              data-testid={`crm-customers-status-${value}`}
            >
              {t(`customersPage.status.${value}`)}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      </Tabs>
    </div>
  )
}
