import { createHmac } from "node:crypto"
import {
  addDuration,
  cardCode,
  cardName,
  hashScannerKey,
  looksLikeScannerKey,
  newMembershipNumber,
  newScannerKey,
  readCardCode,
  redactScannerKey,
} from "../membership"
import {
  AdminCreateMembershipPlan as createPlanSchema,
  AdminUpdateMembershipPlan as updatePlanSchema,
} from "../../api/admin/crm/membership-plans/validators"

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
  const seat = { number: "M-ABCD-EFGH", seat: "h", version: 2 }

  it("read back only with the key that signed them and only for the signed number, seat and version", () => {
    const code = cardCode(seat, key)
    expect(readCardCode(code, key)).toEqual({ kind: "card", ...seat })
    expect(readCardCode(code, otherKey)).toBeNull()
    const [prefix, number, holder, version, sig] = code.split(".")
    expect(readCardCode(`${prefix}.M-ABCD-EFGJ.${holder}.${version}.${sig}`, key)).toBeNull()
    expect(readCardCode(`${prefix}.${number}.mshare_1.${version}.${sig}`, key)).toBeNull()
    expect(readCardCode(`${prefix}.${number}.${holder}.3.${sig}`, key)).toBeNull()
    expect(readCardCode(`${code}x`, key)).toBeNull()
    expect(readCardCode("M-ABCD-EFGH", key)).toBeNull()
    expect(readCardCode(`${code}.extra`, key)).toBeNull()
  })

  it("differ per seat and per version", () => {
    const codes = new Set([
      cardCode(seat, key),
      cardCode({ ...seat, version: 3 }, key),
      cardCode({ ...seat, seat: "mshare_1" }, key),
      cardCode({ ...seat, seat: "mshare_2" }, key),
    ])
    expect(codes.size).toBe(4)
  })

  it("recognise the earlier one-per-membership codes by their signature", () => {
    const sig = createHmac("sha256", key).update("M-ABCD-EFGH").digest("base64url").slice(0, 22)
    expect(readCardCode(`MCRM1.M-ABCD-EFGH.${sig}`, key)).toEqual({ kind: "legacy", number: "M-ABCD-EFGH" })
    expect(readCardCode(`MCRM1.M-ABCD-EFGJ.${sig}`, key)).toBeNull()
  })

  it("name the person by first name and last initial, never more", () => {
    expect(cardName({ first_name: "Mia", last_name: "member" })).toBe("Mia M.")
    expect(cardName({ first_name: " Mia ", last_name: null })).toBe("Mia")
    expect(cardName({ first_name: null, last_name: "Member" })).toBeNull()
    expect(cardName(null)).toBeNull()
    expect(cardName({ first_name: "mia@example.com", last_name: "Member" })).toBeNull()
    expect(cardName({ first_name: "Mia", last_name: "m@example.com" })).toBe("Mia")
  })
})

describe("scanner keys", () => {
  it("are random, stored as a hash and shown redacted", () => {
    const a = newScannerKey()
    const b = newScannerKey()
    expect(a).not.toBe(b)
    expect(looksLikeScannerKey(a)).toBe(true)
    expect(looksLikeScannerKey(`${a}x`)).toBe(false)
    expect(hashScannerKey(a)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashScannerKey(a)).not.toBe(hashScannerKey(b))
    expect(redactScannerKey(a)).toBe(`${a.slice(0, 6)}…${a.slice(-4)}`)
  })
})
