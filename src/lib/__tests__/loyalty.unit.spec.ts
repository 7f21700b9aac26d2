import { planOrderReversal } from "../../workflows/steps/loyalty-orders"
import {
  addMonths,
  loyaltyProgramSchema,
  pointsForAmount,
  pointsToReverseForRefund,
  rateFor,
  signedPoints,
  valueOfPoints,
} from "../loyalty"

const rate = { currency_code: "eur", earn_points_per_unit: 1.5, redeem_points: 100, redeem_value: 1 }

describe("loyalty arithmetic", () => {
  it("earns rate x amount, rounded down, never negative", () => {
    expect(pointsForAmount(19.99, { earn_points_per_unit: 100 })).toBe(1999)
    expect(pointsForAmount(10.99, rate)).toBe(16)
    expect(pointsForAmount(-5, rate)).toBe(0)
  })

  it("values points down to the cent, signed", () => {
    expect(valueOfPoints(1234, rate)).toBe(12.34)
    expect(valueOfPoints(1, rate)).toBe(0.01)
    expect(valueOfPoints(1, { redeem_points: 1000, redeem_value: 1 })).toBe(0)
    expect(valueOfPoints(-250, rate)).toBe(-2.5)
  })

  it("values points in the currency's own precision", () => {
    const yen = { redeem_points: 100, redeem_value: 150 }
    expect(valueOfPoints(101, yen, 0)).toBe(151)
    expect(valueOfPoints(333, { redeem_points: 100, redeem_value: 1 }, 2)).toBe(3.33)
    expect(valueOfPoints(500, { redeem_points: 100, redeem_value: 1 }, 2)).toBe(5)
    expect(valueOfPoints(1, { redeem_points: 3, redeem_value: 1 }, 3)).toBe(0.333)
  })

  it("reverses a refund's share of the points, all of them on a full refund", () => {
    expect(pointsToReverseForRefund(100, 50, 100)).toBe(50)
    expect(pointsToReverseForRefund(99, 10, 30)).toBe(33)
    expect(pointsToReverseForRefund(100, 120, 100)).toBe(100)
    expect(pointsToReverseForRefund(100, 0, 100)).toBe(0)
  })

  it("finds a currency's rate case-insensitively", () => {
    expect(rateFor({ rates: [rate] }, "EUR")).toBe(rate)
    expect(rateFor({ rates: null }, "eur")).toBeUndefined()
  })

  it("adds calendar months and writes signed points", () => {
    expect(addMonths(new Date("2026-01-15T10:00:00Z"), 12).toISOString()).toBe("2027-01-15T10:00:00.000Z")
    expect(signedPoints(1200)).toBe("+1,200")
    expect(signedPoints(-50)).toBe("-50")
  })

  it("validates program settings", () => {
    expect(loyaltyProgramSchema.safeParse({ rates: [{ ...rate, currency_code: "EUR" }] }).data?.rates?.[0].currency_code).toBe("eur")
    expect(loyaltyProgramSchema.safeParse({ rates: [rate, rate] }).success).toBe(false)
    expect(loyaltyProgramSchema.safeParse({ expiry_months: 0 }).success).toBe(false)
    expect(loyaltyProgramSchema.safeParse({ expiry_months: null }).success).toBe(true)
    expect(loyaltyProgramSchema.safeParse({ unknown: 1 }).success).toBe(false)
  })
})

describe("planOrderReversal", () => {
  const order = { id: "order_1", customer_id: "cus_1", label: "Webshop order #7" }
  const earn = { id: "e1", type: "earn" as const, points: 100, status: "available" as const, reference_id: null, available_at: null }
  const redeem = { id: "r1", type: "redeem" as const, points: -300, status: "available" as const, reference_id: null, available_at: null }

  it("takes back what is still owed, so a repeat reverses nothing", () => {
    const [first] = planOrderReversal([earn], order, "refunded", { refunded: 25, total: 100 })
    expect(first).toEqual(expect.objectContaining({ points: -25, reference_id: "e1", status: "available" }))
    const done = { ...earn, id: "x", type: "reverse" as const, points: -25, reference_id: "e1" }
    expect(planOrderReversal([earn, done], order, "refunded", { refunded: 25, total: 100 })).toEqual([])
    expect(planOrderReversal([earn, done], order, "canceled", { refunded: 25, total: 100 }).map((e) => e.points)).toEqual([-75])
  })

  it("on a cancel also returns the points the order spent", () => {
    const plan = planOrderReversal([earn, redeem], order, "canceled", { refunded: 0, total: 100 })
    expect(plan.map((e) => [e.points, e.reference_id])).toEqual([
      [-100, "e1"],
      [300, "r1"],
    ])
  })

  it("reverses pending points as pending, with the earn's date", () => {
    const availableAt = new Date("2030-01-01")
    const pending = { ...earn, status: "pending" as const, available_at: availableAt }
    const [entry] = planOrderReversal([pending], order, "canceled", { refunded: 0, total: 0 })
    expect(entry).toEqual(expect.objectContaining({ status: "pending", available_at: availableAt }))
  })
})
