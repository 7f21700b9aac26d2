import { discountUsed, pointsUsed } from "../loyalty-orders"

describe("what an order spends of the points held on its cart", () => {
  it("sums the order's adjustments under the points' code only", () => {
    const order = {
      items: [
        { adjustments: [{ code: "LOYALTY-A", amount: 2.5 }, { code: "SUMMER", amount: 4 }] },
        { adjustments: [{ code: "LOYALTY-A", amount: 0.83 }] },
        { adjustments: null },
        null,
      ],
    }
    expect(discountUsed(order, "LOYALTY-A")).toBeCloseTo(3.33, 10)
    expect(discountUsed(order, "LOYALTY-B")).toBe(0)
    expect(discountUsed(order, null)).toBe(0)
  })

  it("spends all the points for the full discount, none for none, and rounds a part up", () => {
    expect(pointsUsed(333, 3.33, 3.33)).toBe(333)
    // Float sums a hair under the value still count as the whole discount.
    expect(pointsUsed(333, 3.33, 3.3299999999)).toBe(333)
    expect(pointsUsed(300, 3, 0)).toBe(0)
    expect(pointsUsed(3000, 30, 19.95)).toBe(1995)
    expect(pointsUsed(100, 1, 0.333)).toBe(34)
    expect(pointsUsed(100, 1, 5)).toBe(100)
  })
})
