import { formatMoney, membershipLabel, refundedTotal, wasReturned } from ".."

describe("membership refunds and labels", () => {
  it("adds up every refund of every payment, whatever is missing", () => {
    expect(refundedTotal(undefined)).toBe(0)
    expect(
      refundedTotal([
        { payments: [{ refunds: [{ amount: 10 }, { amount: "2.5" }] }, { refunds: null }] },
        null,
        { payments: [{ refunds: [{ amount: 7.5 }] }] },
      ])
    ).toBe(20)
  })

  it("counts a line as returned when any return quantity is set", () => {
    expect(wasReturned(undefined)).toBe(false)
    expect(wasReturned({ return_requested_quantity: 0, return_received_quantity: 0 })).toBe(false)
    expect(wasReturned({ return_requested_quantity: 1 })).toBe(true)
    expect(wasReturned({ return_dismissed_quantity: "1" })).toBe(true)
  })

  it("writes amounts and memberships as the timeline shows them", () => {
    expect(formatMoney(12.5, "eur")).toBe("€12.50")
    expect(membershipLabel({ number: "M-7Q4K-X2PD", plan: { name: "Friends" } })).toBe("Friends (M-7Q4K-X2PD)")
  })
})
