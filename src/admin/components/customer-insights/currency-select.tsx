import { Select } from "@medusajs/ui"
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
    <Select size="small" value={value} onValueChange={onValueChange}>
      <Select.Trigger
        className="w-fit min-w-[80px]"
        aria-label={t("insights.currency")}
        data-testid="crm-insights-currency"
        data-value={value}
      >
        <Select.Value />
      </Select.Trigger>
      <Select.Content align="end">
        {currencies.map((currency) => (
          <Select.Item
            key={currency}
            value={currency}
            data-testid="crm-insights-currency-option"
            data-value={currency}
          >
            {currency.toUpperCase()}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
