import { Button, DatePicker, Hint, Label } from "@medusajs/ui"
import { useState } from "react"
import { parseIsoDate, toIsoDate } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { CustomerMetricsParams } from "../../lib/types"
import { ChoiceSelect } from "../common/choice-select"
import { PERIOD_PRESETS, type PeriodPreset } from "./period"

type PeriodSelectProps = {
  value: PeriodPreset
  onValueChange: (value: PeriodPreset) => void
}

/** The period the insights are for: All time, Last 30 days, … Custom. */
export const PeriodSelect = ({ value, onValueChange }: PeriodSelectProps) => {
  const { t } = useTranslate()

  return (
    <ChoiceSelect
      size="small"
      value={value}
      onValueChange={onValueChange}
      choices={PERIOD_PRESETS.map((preset) => ({
        value: preset,
        label: t(`insights.period.${preset}`),
      }))}
      triggerClassName="w-fit min-w-[144px]"
      aria-label={t("insights.period.label")}
      align="end"
      data-testid="crm-insights-period"
    />
  )
}

type CustomPeriodFormProps = {
  /** The custom period now applied, to start from. */
  initial: CustomerMetricsParams
  onApply: (range: CustomerMetricsParams) => void
}

/** A custom period: its first and last day (either may be left open), then Apply. */
export const CustomPeriodForm = ({
  initial,
  onApply,
}: CustomPeriodFormProps) => {
  const { t } = useTranslate()
  const [from, setFrom] = useState<Date | null>(parseIsoDate(initial.from))
  const [to, setTo] = useState<Date | null>(parseIsoDate(initial.to))
  const isReversed = !!from && !!to && from > to

  const fields = [
    { id: "from", label: t("insights.period.from"), value: from, set: setFrom },
    { id: "to", label: t("insights.period.to"), value: to, set: setTo },
  ] as const

  return (
    <form
      className="flex flex-col gap-y-2 px-6 py-4"
      onSubmit={(event) => {
        event.preventDefault()
        if (isReversed || (!from && !to)) {
          return
        }
        onApply({
          ...(from ? { from: toIsoDate(from) } : {}),
          ...(to ? { to: toIsoDate(to) } : {}),
        })
      }}
      data-testid="crm-insights-custom-period"
    >
      <div className="flex flex-wrap items-end gap-3">
        {fields.map((field) => (
          <div key={field.id} className="flex flex-col gap-y-2">
            <Label
              size="small"
              weight="plus"
              id={`crm-insights-${field.id}-label`}
            >
              {field.label}
            </Label>
            <div data-testid={`crm-insights-${field.id}`}>
              <DatePicker
                size="small"
                aria-labelledby={`crm-insights-${field.id}-label`}
                value={field.value}
                onChange={field.set}
                granularity="day"
              />
            </div>
          </div>
        ))}
        <Button
          type="submit"
          size="small"
          variant="secondary"
          disabled={isReversed || (!from && !to)}
          data-testid="crm-insights-apply"
        >
          {t("insights.period.apply")}
        </Button>
      </div>
      {isReversed && (
        <Hint variant="error" data-testid="crm-insights-period-error">
          {t("insights.period.reversed")}
        </Hint>
      )}
    </form>
  )
}
