import {
  addDuration,
  addPeriods,
  describeDuration,
  expiryOutcome,
  formatDay,
  purchasedPeriods,
  renewalStart,
} from ".."

const d = (iso: string) => new Date(iso)

describe("membership periods", () => {
  it("adds days, months and years, and nothing for lifetime", () => {
    expect(addDuration(d("2026-01-01T00:00:00Z"), "day", 30)).toEqual(d("2026-01-31T00:00:00Z"))
    expect(addDuration(d("2026-01-31T00:00:00Z"), "month", 1)).toEqual(d("2026-02-28T00:00:00Z"))
    expect(addDuration(d("2024-02-29T00:00:00Z"), "year", 1)).toEqual(d("2025-02-28T00:00:00Z"))
    expect(addDuration(d("2026-01-01T00:00:00Z"), "lifetime", null)).toBeNull()
  })

  it("chains periods from each period's end, stopping at a lifetime one", () => {
    expect(addPeriods(d("2026-01-15T00:00:00Z"), "month", 1, 2)).toEqual(d("2026-03-15T00:00:00Z"))
    // Each period runs from the end of the one before: January 31st, February 28th, March 28th.
    expect(addPeriods(d("2026-01-31T00:00:00Z"), "month", 1, 2)).toEqual(d("2026-03-28T00:00:00Z"))
    expect(addPeriods(d("2026-01-01T00:00:00Z"), "year", 1, 3)).toEqual(d("2029-01-01T00:00:00Z"))
    expect(addPeriods(d("2026-01-01T00:00:00Z"), "lifetime", null, 2)).toBeNull()
  })

  it("counts an order line's quantity as periods, at least one", () => {
    expect(purchasedPeriods(3)).toBe(3)
    expect(purchasedPeriods("2")).toBe(2)
    expect(purchasedPeriods(0)).toBe(1)
    expect(purchasedPeriods(undefined)).toBe(1)
  })

  it("renews from the later of the expiry and now", () => {
    const now = d("2026-06-01T00:00:00Z")
    expect(renewalStart(d("2026-07-01T00:00:00Z"), now)).toEqual(d("2026-07-01T00:00:00Z"))
    expect(renewalStart(d("2026-05-01T00:00:00Z"), now)).toBe(now)
  })

  it("describes durations and writes days", () => {
    expect(describeDuration("month", 12)).toBe("12 months")
    expect(describeDuration("year", 1)).toBe("1 year")
    expect(describeDuration("lifetime", null)).toBe("Lifetime")
    expect(formatDay(d("2027-06-30T12:00:00Z"))).toBe("2027-06-30")
    expect(formatDay(null)).toBe("never (lifetime)")
  })

  it("expires a membership past its expiry, or cancels it when scheduled, and leaves the rest", () => {
    const at = d("2026-06-01T00:00:00Z")
    const past = d("2026-05-31T00:00:00Z")
    expect(expiryOutcome({ status: "active", expires_at: past, cancel_at_period_end: false }, at)).toBe("expired")
    expect(expiryOutcome({ status: "active", expires_at: at, cancel_at_period_end: true }, at)).toBe("cancelled")
    expect(expiryOutcome({ status: "active", expires_at: d("2026-06-02T00:00:00Z"), cancel_at_period_end: false }, at)).toBeNull()
    expect(expiryOutcome({ status: "active", expires_at: null, cancel_at_period_end: false }, at)).toBeNull()
    expect(expiryOutcome({ status: "cancelled", expires_at: past, cancel_at_period_end: false }, at)).toBeNull()
  })
})
