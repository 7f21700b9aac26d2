import { DatePicker } from "@medusajs/ui"
import { parseIsoDate, toIsoDate } from "../../lib/format"

type DateFieldProps = {
  id: string
  /** A calendar day as `YYYY-MM-DD`, "" for none. */
  value: string
  onChange: (value: string) => void
  "aria-label": string
  /** Earliest and latest day that can be picked, as `YYYY-MM-DD`. */
  min?: string
  max?: string
  "data-testid"?: string
}

/**
 * A calendar-day field with Medusa's date picker (the one its own forms use), over the API's
 * `YYYY-MM-DD` strings: the form keeps strings, the picker shows the day in the admin's language.
 */
export const DateField = ({
  id,
  value,
  onChange,
  min,
  max,
  "aria-label": ariaLabel,
  "data-testid": testId,
}: DateFieldProps) => (
  <div data-testid={testId}>
    <DatePicker
      id={id}
      aria-label={ariaLabel}
      value={parseIsoDate(value)}
      onChange={(date) => onChange(date ? toIsoDate(date) : "")}
      minValue={parseIsoDate(min) ?? undefined}
      maxValue={parseIsoDate(max) ?? undefined}
      granularity="day"
    />
  </div>
)
