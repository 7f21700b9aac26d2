import { ChoiceSelect } from "../common/choice-select"
import { useTranslate } from "../../lib/i18n"

type CurrencySelectProps = {
  currencies: string[]
  value: string
  onValueChange: (value: string) => void
}

/** Which of the customer's currencies the figures are in (shown when they bought in several). */
export const CurrencySelect = ({
  currencies,
  value,
  onValueChange,
}: CurrencySelectProps) => {
  const { t } = useTranslate()

  return (
    <ChoiceSelect
      size="small"
      value={value}
      onValueChange={onValueChange}
      choices={currencies.map((currency) => ({
        value: currency,
        label: currency.toUpperCase(),
      }))}
      triggerClassName="w-fit min-w-[80px]"
      aria-label={t("insights.currency")}
      align="end"
      data-testid="crm-insights-currency"
    />
  )
}
