import { createHmac } from "node:crypto"
import { addDuration, cardCode, createPlanSchema, newMembershipNumber, updatePlanSchema, verifiedNumber } from "../membership"

const key = createHmac("sha256", "secret").update("k").digest()
const otherKey = createHmac("sha256", "other").update("k").digest()

describe("membership numbers and periods", () => {
  it("makes readable, distinct numbers without look-alike characters", () => {
    const numbers = new Set(Array.from({ length: 2000 }, newMembershipNumber))
    expect(numbers.size).toBe(2000)
    for (const n of numbers) {
      expect(n).toMatch(/^M-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/)
    }
  })

  it("adds days, months, years, and nothing for lifetime", () => {
    const from = new Date("2026-01-31T12:00:00Z")
    expect(addDuration(from, "day", 30)!.toISOString()).toBe("2026-03-02T12:00:00.000Z")
    expect(addDuration(from, "month", 12)!.toISOString()).toBe("2027-01-31T12:00:00.000Z")
    expect(addDuration(from, "year", 2)!.toISOString()).toBe("2028-01-31T12:00:00.000Z")
    // A month after 31 January is the end of February, not early March.
    expect(addDuration(from, "month", 1)!.toISOString()).toBe("2026-02-28T12:00:00.000Z")
    expect(addDuration(new Date("2028-02-29T00:00:00Z"), "year", 1)!.toISOString()).toBe("2029-02-28T00:00:00.000Z")
    expect(addDuration(from, "lifetime", null)).toBeNull()
  })

  it("requires a duration value unless the plan is lifetime", () => {
    expect(createPlanSchema.safeParse({ name: "A", level: 1, duration_unit: "year" }).success).toBe(false)
    expect(createPlanSchema.safeParse({ name: "A", level: 1, duration_unit: "lifetime" }).data).toEqual(
      expect.objectContaining({ max_shares: 0, reminder_days: 14 })
    )
    expect(updatePlanSchema.safeParse({ duration_unit: "month" }).success).toBe(false)
    expect(updatePlanSchema.safeParse({ max_shares: 2 }).success).toBe(true)
  })
})

describe("card codes", () => {
  it("verify only with the key that signed them and only for the signed number", () => {
    const code = cardCode("M-ABCD-EFGH", key)
    expect(verifiedNumber(code, key)).toBe("M-ABCD-EFGH")
    expect(verifiedNumber(code, otherKey)).toBeNull()
    const [prefix, , sig] = code.split(".")
    expect(verifiedNumber(`${prefix}.M-ABCD-EFGJ.${sig}`, key)).toBeNull()
    expect(verifiedNumber(`${code}x`, key)).toBeNull()
    expect(verifiedNumber("M-ABCD-EFGH", key)).toBeNull()
    expect(verifiedNumber(`${code}.extra`, key)).toBeNull()
  })
})
