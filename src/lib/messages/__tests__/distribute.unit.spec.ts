import { generateEntityId } from "@medusajs/framework/utils"
import { entityIds } from "../distribute"
import { normalizeAudienceTag } from "../audience"

describe("entityIds", () => {
  it("writes ids as Medusa's generateEntityId does: the prefix and a ULID of the same time", () => {
    const now = Date.now()
    const ids = entityIds("cinb", 1000, now)
    const medusa = generateEntityId(undefined, "cinb")
    const ulid = /^cinb_[0-9A-HJKMNP-TV-Z]{26}$/
    expect(medusa).toMatch(ulid)
    for (const id of ids) {
      expect(id).toMatch(ulid)
    }
    expect(new Set(ids).size).toBe(1000)
    // The time part sorts with Medusa's ids of the same millisecond or later.
    expect(ids[0].slice(0, 15) <= medusa.slice(0, 15)).toBe(true)
    expect(entityIds("cinb", 1, 0)[0].slice(5, 15)).toBe("0000000000")
  })

  it("is fast enough for 100,000 entries", () => {
    const started = performance.now()
    entityIds("cinb", 100_000)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe("normalizeAudienceTag", () => {
  it("reads KEY, KEY=VALUE and KEY:VALUE as the list stores tags", () => {
    expect(normalizeAudienceTag("VIP")).toBe("VIP")
    expect(normalizeAudienceTag("USER_AFFILIATION=CUSTOMER")).toBe("USER_AFFILIATION:CUSTOMER")
    expect(normalizeAudienceTag(" USER_AFFILIATION = CUSTOMER ")).toBe("USER_AFFILIATION:CUSTOMER")
    expect(normalizeAudienceTag("level:gold")).toBe("level:gold")
    expect(normalizeAudienceTag("note=a=b")).toBe("note:a=b")
    expect(normalizeAudienceTag("bad key")).toBeNull()
    expect(normalizeAudienceTag("KEY=")).toBeNull()
    expect(normalizeAudienceTag("=VALUE")).toBeNull()
  })
})
