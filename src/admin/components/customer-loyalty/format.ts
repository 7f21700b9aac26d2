import { formatAmount, formatNumber } from "../../lib/format"
import type { TranslateFn } from "../../lib/i18n"
import type { LoyaltyCurrencyValue } from "../../lib/types"

/** "1 point", "1,200 points", "0.5 points" (the sign is kept: "-50 points"). */
export const pointsText = (points: number, t: TranslateFn, locale: string) =>
  Math.abs(points) === 1
    ? t("loyalty.pointsOne", { points: formatNumber(points, locale) })
    : t("loyalty.pointsMany", { points: formatNumber(points, locale) })

/** Money per currency, e.g. "€12.00 · $13.10"; "-" when there are no rates. */
export const currencyValuesText = (
  values: LoyaltyCurrencyValue[],
  locale: string
) =>
  values.length
    ? values
        .map(({ value, currency_code }) =>
          formatAmount(value, currency_code, locale)
        )
        .join(" · ")
    : "-"
