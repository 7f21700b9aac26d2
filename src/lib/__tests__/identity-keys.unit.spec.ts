import { addressKey } from "../customer-merge"
import { phoneKey } from "../queries/customer-search"

describe("phone keys", () => {
  it("gives the national and the international way of writing one number the same key", () => {
    expect(phoneKey("+32 11 19 54 29")).toBe("11195429")
    expect(phoneKey("011195429")).toBe("11195429")
    expect(phoneKey("011 19 54 29")).toBe("11195429")
    expect(phoneKey("0032 11 19 54 29")).toBe("11195429")
    expect(phoneKey("+32 (0)11 19 54 29")).toBe("11195429")
    expect(phoneKey("+31 6 1234 5678")).toBe(phoneKey("06-12345678"))
    expect(phoneKey("+1 (555) 123-4567")).toBe("5551234567")
    // Three-digit country codes: Portugal, Ireland.
    expect(phoneKey("+351 912 345 678")).toBe("912345678")
    expect(phoneKey("+353 87 123 4567")).toBe(phoneKey("087 123 4567"))
  })

  it("keeps a number written without a prefix as it is", () => {
    expect(phoneKey("11195429")).toBe("11195429")
    expect(phoneKey("")).toBe("")
  })
})

describe("address keys", () => {
  const base = {
    first_name: "Karlijn",
    last_name: "Huisman",
    company: null,
    address_1: "Kerkstraat 1",
    address_2: null,
    city: "Utrecht",
    postal_code: "3511 AB",
    country_code: "nl",
    province: null,
    phone: "+31 6 1234 5678",
  }

  it("treats spacing, case and postal-code spaces as the same address", () => {
    expect(
      addressKey({ ...base, address_1: " kerkstraat  1 ", city: "UTRECHT", postal_code: "3511ab", country_code: "NL", phone: "+316-12345678" })
    ).toBe(addressKey(base))
    expect(addressKey({ ...base, address_2: "" })).toBe(addressKey(base))
  })

  it("tells apart another street, person or phone", () => {
    expect(addressKey({ ...base, address_1: "Kerkstraat 2" })).not.toBe(addressKey(base))
    expect(addressKey({ ...base, first_name: "Pieter" })).not.toBe(addressKey(base))
    expect(addressKey({ ...base, phone: "+31 6 9999 9999" })).not.toBe(addressKey(base))
  })
})
