import { giftRefusal, heldOrSharedBy, shareLimitMessage, shareRefusal } from ".."

const membership = (overrides: Record<string, unknown> = {}) => ({
  customer_id: "cus_holder",
  status: "active",
  shares: [{ customer_id: "cus_co" }],
  plan: { name: "Friends", max_shares: 2 },
  ...overrides,
})

describe("membership shares", () => {
  it("belongs to its holder and its co-members only", () => {
    expect(heldOrSharedBy(membership(), "cus_holder")).toBe(true)
    expect(heldOrSharedBy(membership(), "cus_co")).toBe(true)
    expect(heldOrSharedBy(membership(), "cus_other")).toBe(false)
  })

  it("shares an active membership with new customers up to the plan's limit", () => {
    expect(shareRefusal(membership(), "cus_new")).toBeNull()
    expect(shareRefusal(membership({ status: "expired" }), "cus_new")?.message).toBe(
      "Only an active membership can be shared; this one is expired"
    )
    expect(shareRefusal(membership(), "cus_holder")?.message).toBe("The holder cannot be a co-member of their own membership")
    expect(shareRefusal(membership(), "cus_co")?.message).toBe("The customer already shares this membership")
    expect(shareRefusal(membership({ plan: { name: "Friends", max_shares: 1 } }), "cus_new")?.message).toBe(
      "Friends can be shared with 1 person at most"
    )
    expect(shareRefusal(membership({ shares: [], plan: { name: "Solo", max_shares: 0 } }), "cus_new")?.message).toBe(
      "Solo cannot be shared"
    )
  })

  it("says the limit in words", () => {
    expect(shareLimitMessage({ name: "Friends", max_shares: 3 })).toBe("Friends can be shared with 3 people at most")
  })

  it("gives an active membership to someone who neither holds nor shares it", () => {
    expect(giftRefusal(membership(), "cus_new")).toBeNull()
    expect(giftRefusal(membership(), "cus_holder")?.message).toBe("The membership already belongs to this customer")
    expect(giftRefusal(membership({ status: "cancelled" }), "cus_new")?.message).toBe(
      "Only an active membership can be given away; this one is cancelled"
    )
    expect(giftRefusal(membership(), "cus_co")?.message).toBe(
      "The customer is a co-member of this membership: remove them as co-member first"
    )
  })
})
