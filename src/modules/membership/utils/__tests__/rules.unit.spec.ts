import { cancelRefusal, expiryRefusal, renewalRefusal, statusAtStart, stillHeld } from ".."

const d = (iso: string) => new Date(iso)
const yearly = { duration_unit: "year" as const }
const active = { status: "active", starts_at: d("2026-01-01T00:00:00Z"), expires_at: d("2027-01-01T00:00:00Z"), plan: yearly }

describe("what each membership action allows", () => {
  it("sets an expiry only after the start and never on a cancelled membership", () => {
    expect(expiryRefusal(active, d("2026-06-01T00:00:00Z"))).toBeNull()
    expect(expiryRefusal(active, null)).toBeNull()
    expect(expiryRefusal(active, d("2026-01-01T00:00:00Z"))?.message).toBe("The expiry must be after the start (2026-01-01)")
    expect(expiryRefusal({ ...active, status: "cancelled" }, null)?.message).toBe("A cancelled membership cannot be changed")
  })

  it("renews expired and active memberships, not cancelled or lifetime ones", () => {
    expect(renewalRefusal(active)).toBeNull()
    expect(renewalRefusal({ ...active, status: "expired" })).toBeNull()
    expect(renewalRefusal({ ...active, status: "cancelled" })?.message).toBe("A cancelled membership cannot be renewed")
    expect(renewalRefusal({ ...active, plan: { duration_unit: "lifetime" } })?.message).toBe(
      "A lifetime membership does not expire and cannot be renewed"
    )
    expect(renewalRefusal({ ...active, expires_at: null })?.message).toBe("A lifetime membership does not expire and cannot be renewed")
  })

  it("cancels only active memberships, at the period end only when there is one", () => {
    expect(cancelRefusal(active, "now")).toBeNull()
    expect(cancelRefusal(active, "period_end")).toBeNull()
    expect(cancelRefusal({ ...active, status: "expired" }, "now")?.message).toBe(
      "Only an active membership can be cancelled; this one is expired"
    )
    expect(cancelRefusal({ ...active, expires_at: null }, "now")).toBeNull()
    expect(cancelRefusal({ ...active, expires_at: null }, "period_end")?.message).toBe(
      "A lifetime membership has no period end: cancel it now"
    )
  })

  it("starts a membership expired when its expiry has passed", () => {
    const now = d("2026-06-01T00:00:00Z")
    expect(statusAtStart(null, now)).toBe("active")
    expect(statusAtStart(d("2026-06-02T00:00:00Z"), now)).toBe("active")
    expect(statusAtStart(now, now)).toBe("expired")
  })

  it("knows whether what an order line bought is still there", () => {
    expect(stillHeld(active, { type: "created" })).toBe(true)
    expect(stillHeld({ ...active, status: "cancelled" }, { type: "created" })).toBe(false)
    const renewal = { type: "renewed", data: { from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z" } }
    expect(stillHeld(active, renewal)).toBe(true)
    expect(stillHeld({ ...active, status: "expired" }, renewal)).toBe(true)
    // Changed since (someone edited the expiry), cancelled, or a renewal without its earlier date.
    expect(stillHeld({ ...active, expires_at: d("2027-02-01T00:00:00Z") }, renewal)).toBe(false)
    expect(stillHeld({ ...active, status: "cancelled" }, renewal)).toBe(false)
    expect(stillHeld(active, { type: "renewed", data: { to: "2027-01-01T00:00:00Z" } })).toBe(false)
  })
})

describe("refusal codes", () => {
  const d = (iso: string) => new Date(iso)
  const active = { status: "active", starts_at: d("2026-01-01T00:00:00Z"), expires_at: d("2027-01-01T00:00:00Z"), plan: { duration_unit: "year" as const } }
  it("gives each refusal its stable code", () => {
    expect(expiryRefusal({ ...active, status: "cancelled" }, null)?.code).toBe("membership_cancelled")
    expect(expiryRefusal(active, d("2025-01-01T00:00:00Z"))?.code).toBe("expiry_before_start")
    expect(renewalRefusal({ ...active, expires_at: null })?.code).toBe("membership_lifetime")
    expect(cancelRefusal({ ...active, status: "expired" }, "now")?.code).toBe("membership_not_active")
    expect(cancelRefusal({ ...active, expires_at: null }, "period_end")?.code).toBe("membership_lifetime")
  })
})
