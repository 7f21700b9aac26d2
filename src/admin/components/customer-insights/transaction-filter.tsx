import { ChoiceSelect } from "../common/choice-select"
import { useTranslate } from "../../lib/i18n"
import type { CustomerTransactionStatus } from "../../lib/types"

export const TRANSACTION_FILTERS = [
  "all",
  "placed",
  "canceled",
  "draft",
] as const

export type TransactionFilter = (typeof TRANSACTION_FILTERS)[number]

/** The API's `status` of a filter; undefined for all. */
export const filterStatus = (
  filter: TransactionFilter
): CustomerTransactionStatus | undefined =>
  filter === "all" ? undefined : filter

type TransactionFilterSelectProps = {
  value: TransactionFilter
  onValueChange: (value: TransactionFilter) => void
}

/** Which transactions the table lists: all, placed (paid or not), canceled or draft. */
export const TransactionFilterSelect = ({
  value,
  onValueChange,
}: TransactionFilterSelectProps) => {
  const { t } = useTranslate()

  return (
    <ChoiceSelect
      size="small"
      value={value}
      onValueChange={onValueChange}
      choices={TRANSACTION_FILTERS.map((filter) => ({
        value: filter,
        label:
          filter === "all"
            ? t("insights.transactions.all")
            : t(`insights.transactions.status.${filter}`),
      }))}
      triggerClassName="w-fit min-w-[120px]"
      aria-label={t("insights.transactions.filter")}
      align="end"
      data-testid="crm-transactions-filter"
    />
  )
}
