import { Plus, Trash } from "@medusajs/icons"
import {
  Button,
  Hint,
  IconButton,
  Input,
  Label,
  Text,
  Tooltip,
} from "@medusajs/ui"
import { useFieldArray, type UseFormReturn } from "react-hook-form"
import { useTranslate } from "../../lib/i18n"
import {
  isCurrencyCode,
  isDecimalNumber,
  isWholeNumber,
  type LoyaltySettingsFormValues,
  NEW_RATE,
} from "./settings-form"

const GRID = "grid grid-cols-[88px_1fr_1fr_1fr_28px] items-center gap-2"

type LoyaltyRatesFieldProps = {
  form: UseFormReturn<LoyaltySettingsFormValues>
}

/** One row per currency: points earned per unit spent, and what redeemed points are worth. */
export const LoyaltyRatesField = ({ form }: LoyaltyRatesFieldProps) => {
  const { t } = useTranslate()
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: "rates",
  })
  const errors = form.formState.errors.rates

  return (
    <div
      className="flex flex-col gap-y-2"
      data-testid="crm-loyalty-settings-rates"
    >
      <div className="flex flex-col gap-y-1">
        <Label size="small" weight="plus">
          {t("loyaltyPage.fields.rates")}
        </Label>
        <Hint>{t("loyaltyPage.form.ratesHint")}</Hint>
      </div>
      {fields.length ? (
        <div className="flex flex-col gap-y-2">
          <div className={GRID} aria-hidden>
            {[
              t("loyaltyPage.form.currency"),
              t("loyaltyPage.form.earnPoints"),
              t("loyaltyPage.form.redeemPoints"),
              t("loyaltyPage.form.redeemValue"),
            ].map((label) => (
              <Text
                key={label}
                size="xsmall"
                leading="compact"
                weight="plus"
                className="text-ui-fg-subtle"
              >
                {label}
              </Text>
            ))}
          </div>
          {fields.map((field, index) => {
            const rowErrors = errors?.[index]
            const message =
              rowErrors?.currency_code?.message ??
              rowErrors?.earn_points_per_unit?.message ??
              rowErrors?.redeem_points?.message ??
              rowErrors?.redeem_value?.message
            const row = index + 1
            return (
              <div
                key={field.id}
                className="flex flex-col gap-y-1"
                data-testid="crm-loyalty-rate"
              >
                <div className={GRID}>
                  <Input
                    size="small"
                    placeholder="EUR"
                    maxLength={3}
                    autoComplete="off"
                    className="uppercase"
                    aria-label={t("loyaltyPage.form.currencyRow", { row })}
                    aria-invalid={!!rowErrors?.currency_code}
                    {...form.register(`rates.${index}.currency_code`, {
                      validate: (value, values) => {
                        if (!isCurrencyCode(value)) {
                          return t("loyaltyPage.form.currencyInvalid")
                        }
                        const code = value.trim().toLowerCase()
                        const first = values.rates.findIndex(
                          (rate) =>
                            rate.currency_code.trim().toLowerCase() === code
                        )
                        return (
                          first === index ||
                          t("loyaltyPage.form.currencyDuplicate")
                        )
                      },
                    })}
                    data-testid="crm-loyalty-rate-currency"
                  />
                  <Input
                    size="small"
                    type="number"
                    min={0}
                    step="any"
                    aria-label={t("loyaltyPage.form.earnPointsRow", { row })}
                    aria-invalid={!!rowErrors?.earn_points_per_unit}
                    {...form.register(`rates.${index}.earn_points_per_unit`, {
                      validate: (value) =>
                        isDecimalNumber(value) ||
                        t("loyaltyPage.form.numberZeroOrMore"),
                    })}
                    data-testid="crm-loyalty-rate-earn"
                  />
                  <Input
                    size="small"
                    type="number"
                    min={1}
                    step={1}
                    aria-label={t("loyaltyPage.form.redeemPointsRow", { row })}
                    aria-invalid={!!rowErrors?.redeem_points}
                    {...form.register(`rates.${index}.redeem_points`, {
                      validate: (value) =>
                        isWholeNumber(value, 1) ||
                        t("loyaltyPage.form.wholeNumberMin", { min: 1 }),
                    })}
                    data-testid="crm-loyalty-rate-redeem-points"
                  />
                  <Input
                    size="small"
                    type="number"
                    min={0}
                    step="any"
                    aria-label={t("loyaltyPage.form.redeemValueRow", { row })}
                    aria-invalid={!!rowErrors?.redeem_value}
                    {...form.register(`rates.${index}.redeem_value`, {
                      validate: (value) =>
                        isDecimalNumber(value, { positive: true }) ||
                        t("loyaltyPage.form.amountAboveZero"),
                    })}
                    data-testid="crm-loyalty-rate-redeem-value"
                  />
                  <Tooltip content={t("loyaltyPage.form.removeRate")}>
                    <IconButton
                      type="button"
                      size="small"
                      variant="transparent"
                      aria-label={t("loyaltyPage.form.removeRateRow", { row })}
                      onClick={() => remove(index)}
                      data-testid="crm-loyalty-rate-remove"
                    >
                      <Trash />
                    </IconButton>
                  </Tooltip>
                </div>
                {message && (
                  <Hint variant="error" data-testid="crm-loyalty-rate-error">
                    {message}
                  </Hint>
                )}
              </div>
            )
          })}
        </div>
      ) : (
        <Text
          size="small"
          className="text-ui-fg-muted"
          data-testid="crm-loyalty-rates-empty"
        >
          {t("loyaltyPage.form.noRates")}
        </Text>
      )}
      <div>
        <Button
          type="button"
          size="small"
          variant="secondary"
          onClick={() => append({ ...NEW_RATE })}
          data-testid="crm-loyalty-rate-add"
        >
          <Plus />
          {t("loyaltyPage.form.addRate")}
        </Button>
      </div>
    </div>
  )
}
