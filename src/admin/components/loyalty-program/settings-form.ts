import type {
  LoyaltyEarnOn,
  LoyaltyEnrollmentMode,
  LoyaltyProgram,
  UpdateLoyaltyProgramPayload,
} from "../../lib/types"

/** The inputs keep their text; it becomes numbers on submit. */
export type RateFormValues = {
  currency_code: string
  earn_points_per_unit: string
  redeem_points: string
  redeem_value: string
}

export type LoyaltySettingsFormValues = {
  enabled: boolean
  enrollment: LoyaltyEnrollmentMode
  earn_on: LoyaltyEarnOn
  pending_days: string
  /** Empty: points never expire. */
  expiry_months: string
  expiry_reminder_days: string
  min_redeem_points: string
  redemption_hold_hours: string
  rates: RateFormValues[]
}

export const ENROLLMENT_MODES: LoyaltyEnrollmentMode[] = ["all", "per_customer"]

export const EARN_ON: LoyaltyEarnOn[] = ["placed", "paid"]

/** A new rate row: 1 point per unit spent, 100 points worth 1. */
export const NEW_RATE: RateFormValues = {
  currency_code: "",
  earn_points_per_unit: "1",
  redeem_points: "100",
  redeem_value: "1",
}

const WHOLE_NUMBER = /^\d+$/
const DECIMAL_NUMBER = /^\d+(\.\d+)?$/
const CURRENCY_CODE = /^[a-z]{3}$/i

export const isWholeNumber = (value: string, min: number) => {
  const number = Number(value.trim())
  return (
    WHOLE_NUMBER.test(value.trim()) &&
    Number.isSafeInteger(number) &&
    number >= min
  )
}

/** A number with an optional decimal part; above 0 when `positive`. */
export const isDecimalNumber = (value: string, { positive = false } = {}) => {
  const number = Number(value.trim())
  return (
    DECIMAL_NUMBER.test(value.trim()) &&
    Number.isFinite(number) &&
    (positive ? number > 0 : number >= 0)
  )
}

export const isCurrencyCode = (value: string) =>
  CURRENCY_CODE.test(value.trim())

export const toFormValues = (
  program: LoyaltyProgram
): LoyaltySettingsFormValues => ({
  enabled: program.enabled,
  enrollment: program.enrollment,
  earn_on: program.earn_on ?? "placed",
  pending_days: String(program.pending_days),
  expiry_months:
    program.expiry_months === null ? "" : String(program.expiry_months),
  expiry_reminder_days: String(program.expiry_reminder_days),
  min_redeem_points: String(program.min_redeem_points),
  redemption_hold_hours: String(program.redemption_hold_hours),
  rates: program.rates.map((rate) => ({
    currency_code: rate.currency_code.toUpperCase(),
    earn_points_per_unit: String(rate.earn_points_per_unit),
    redeem_points: String(rate.redeem_points),
    redeem_value: String(rate.redeem_value),
  })),
})

/** The whole program (the form has every field); `rates` replaces the list. */
export const toPayload = (
  values: LoyaltySettingsFormValues
): UpdateLoyaltyProgramPayload => ({
  enabled: values.enabled,
  enrollment: values.enrollment,
  earn_on: values.earn_on,
  pending_days: Number(values.pending_days.trim()),
  expiry_months: values.expiry_months.trim()
    ? Number(values.expiry_months.trim())
    : null,
  expiry_reminder_days: Number(values.expiry_reminder_days.trim()),
  min_redeem_points: Number(values.min_redeem_points.trim()),
  redemption_hold_hours: Number(values.redemption_hold_hours.trim()),
  rates: values.rates.map((rate) => ({
    currency_code: rate.currency_code.trim().toLowerCase(),
    earn_points_per_unit: Number(rate.earn_points_per_unit.trim()),
    redeem_points: Number(rate.redeem_points.trim()),
    redeem_value: Number(rate.redeem_value.trim()),
  })),
})
