import { Tabs } from "@medusajs/ui"
import { useTranslate } from "../../lib/i18n"
import type {
  CustomerSearchField,
  CustomerSearchStatus,
} from "../../lib/types"
import { ChoiceSelect } from "../common/choice-select"
import {
  isSearchStatus,
  SEARCH_FIELDS,
  SEARCH_STATUSES,
} from "./use-customer-search-params"

type SearchFieldSelectProps = {
  value: CustomerSearchField
  onValueChange: (field: CustomerSearchField) => void
}

/** Where to search: any field, name, e-mail or phone. */
export const SearchFieldSelect = ({
  value,
  onValueChange,
}: SearchFieldSelectProps) => {
  const { t } = useTranslate()

  return (
    <ChoiceSelect
      size="small"
      value={value}
      onValueChange={onValueChange}
      choices={SEARCH_FIELDS.map((field) => ({
        value: field,
        label: t(`customersPage.field.${field}`),
      }))}
      triggerClassName="w-fit min-w-[112px] shrink-0"
      aria-label={t("customersPage.field.label")}
      data-testid="crm-customers-field"
    />
  )
}

type SearchStatusTabsProps = {
  value: CustomerSearchStatus
  onValueChange: (status: CustomerSearchStatus) => void
}

/** Active or archived customers. */
export const SearchStatusTabs = ({
  value,
  onValueChange,
}: SearchStatusTabsProps) => {
  const { t } = useTranslate()

  return (
    <Tabs
      value={value}
      onValueChange={(next) => isSearchStatus(next) && onValueChange(next)}
    >
      <Tabs.List
        aria-label={t("customersPage.status.label")}
        data-testid="crm-customers-status"
        data-value={value}
      >
        {SEARCH_STATUSES.map((status) => (
          <Tabs.Trigger
            key={status}
            value={status}
            data-testid={`crm-customers-status-${status}`}
          >
            {t(`customersPage.status.${status}`)}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
    </Tabs>
  )
}
