import { membershipLineRefunds, type RefundLine } from "../membership-refunds"

const membership = (id: string, total: number, returned = false): RefundLine => ({ id, total, returned, membership: true })
const ticket = (id: string, total: number, returned = false): RefundLine => ({ id, total, returned, membership: false })

describe("which membership lines an order's refunds pay back", () => {
  it("covers a membership-only order's line once the refunds together reach its total", () => {
    expect(membershipLineRefunds(0, [membership("m", 50)], 0)).toEqual([{ line_id: "m", total: 50, refunded: 0, covered: false }])
    expect(membershipLineRefunds(20, [membership("m", 50)], 0)).toEqual([{ line_id: "m", total: 50, refunded: 20, covered: false }])
    expect(membershipLineRefunds(50, [membership("m", 50)], 0)[0].covered).toBe(true)
    // Two partial refunds of 25 are one refund of 50; a rounding cent-fraction is no difference.
    expect(membershipLineRefunds(25 + 24.9999, [membership("m", 50)], 0)[0].covered).toBe(true)
  })

  it("counts refunds toward the other lines and shipping before a membership line", () => {
    const lines = [ticket("t", 100), membership("m", 50)]
    expect(membershipLineRefunds(100, lines, 5)).toEqual([{ line_id: "m", total: 50, refunded: 0, covered: false }])
    expect(membershipLineRefunds(130, lines, 5)).toEqual([{ line_id: "m", total: 50, refunded: 25, covered: false }])
    expect(membershipLineRefunds(155, lines, 5)[0].covered).toBe(true)
  })

  it("counts refunds toward a returned membership line first", () => {
    const lines = [ticket("t", 100), membership("m", 50, true), membership("n", 30)]
    expect(membershipLineRefunds(50, lines, 0)).toEqual([
      { line_id: "m", total: 50, refunded: 50, covered: true },
      { line_id: "n", total: 30, refunded: 0, covered: false },
    ])
    expect(membershipLineRefunds(180, lines, 0).map((l) => l.covered)).toEqual([true, true])
  })

  it("never counts more than was refunded, and a free line is never paid back", () => {
    const result = membershipLineRefunds(60, [membership("a", 50), membership("b", 50), membership("free", 0)], 0)
    expect(result).toEqual([
      { line_id: "a", total: 50, refunded: 50, covered: true },
      { line_id: "b", total: 50, refunded: 10, covered: false },
      { line_id: "free", total: 0, refunded: 0, covered: false },
    ])
  })
})
