import { Select } from "@medusajs/ui"
import { useTranslate } from "../../lib/i18n"
import type { CustomerTransactionStatus } from "../../lib/types"

export const TRANSACTION_FILTERS = [
  "all",
  "completed",
  "canceled",
  "draft",
] as const

export type TransactionFilter = (typeof TRANSACTION_FILTERS)[number]

const isTransactionFilter = (value: string): value is TransactionFilter =>
  (TRANSACTION_FILTERS as readonly string[]).includes(value)

/** The API's `status` of a filter; undefined for all. */
export const filterStatus = (
  filter: TransactionFilter
): CustomerTransactionStatus | undefined =>
  filter === "all" ? undefined : filter

type TransactionFilterSelectProps = {
  value: TransactionFilter
  onValueChange: (value: TransactionFilter) => void
}

/** Which transactions the table lists: all, completed, canceled or draft. */
export const TransactionFilterSelect = ({
  value,
  onValueChange,
}: TransactionFilterSelectProps) => {
  const { t } = useTranslate()

  return (
    <Select
      size="small"
      value={value}
      onValueChange={(next) => isTransactionFilter(next) && onValueChange(next)}
    >
      <Select.Trigger
        className="w-fit min-w-[120px]"
        aria-label={t("insights.transactions.filter")}
        data-testid="crm-transactions-filter"
        data-value={value}
      >
        <Select.Value />
      </Select.Trigger>
      <Select.Content align="end">
        {TRANSACTION_FILTERS.map((filter) => (
          <Select.Item
            key={filter}
            value={filter}
            data-testid="crm-transactions-filter-option"
            data-value={filter}
          >
            {filter === "all"
              ? t("insights.transactions.all")
              : t(`insights.transactions.status.${filter}`)}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
