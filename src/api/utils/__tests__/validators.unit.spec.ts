import { z } from "@medusajs/framework/zod"
import { createListParams, LIST_LIMIT_MAX, PLUGIN_ROUTES_MATCHER } from "../validators"

describe("createListParams", () => {
  const Params = createListParams({
    orderFields: ["created_at", "name"],
    defaultOrder: "-created_at",
    extra: { q: z.string().optional() },
  })

  it("defaults the page and the order, and reads numbers from the query string", () => {
    expect(Params.parse({})).toEqual({ limit: 20, offset: 0, order: "-created_at" })
    expect(Params.parse({ limit: "100", offset: "40", order: "name", q: "ann" })).toEqual({
      limit: 100,
      offset: 40,
      order: "name",
      q: "ann",
    })
  })

  it.each([
    ["a negative limit", { limit: "-1" }],
    ["a zero limit", { limit: "0" }],
    ["a limit over the cap", { limit: String(LIST_LIMIT_MAX + 1) }],
    ["a limit that is no number", { limit: "abc" }],
    ["an empty limit", { limit: "" }],
    ["a hexadecimal limit", { limit: "0x10" }],
    ["a fractional limit", { limit: "1.5" }],
    ["a negative offset", { offset: "-1" }],
    ["a fractional offset", { offset: "2.5" }],
    ["an order on an unknown field", { order: "nonexistent_field" }],
    ["an order with SQL", { order: "created_at;drop" }],
    ["an order as a list", { order: ["created_at"] }],
    ["an unknown parameter", { with_deleted: "true" }],
  ])("refuses %s", (_, input) => {
    expect(Params.safeParse(input).success).toBe(false)
  })

  it("takes a route's own cap, and no order parameter when it has no order fields", () => {
    const Plans = createListParams({ defaultLimit: 50, maxLimit: 200 })
    expect(Plans.parse({ limit: "200" }).limit).toBe(200)
    expect(Plans.safeParse({ limit: "201" }).success).toBe(false)
    expect(Plans.safeParse({ order: "created_at" }).success).toBe(false)
  })

  it("refuses a default order that is not one of the order fields", () => {
    expect(() => createListParams({ orderFields: ["name"], defaultOrder: "created_at" })).toThrow()
  })
})

describe("PLUGIN_ROUTES_MATCHER", () => {
  it("matches the plugin's routes and leaves native ones alone", () => {
    for (const path of [
      "/admin/crm/tags",
      "/admin/customers/cus_1/notes",
      "/admin/customers/cus_1/notes/cnote_1",
      "/store/customers/me/identity/claims/claim_1",
      "/store/carts/cart_1/loyalty",
    ]) {
      expect(PLUGIN_ROUTES_MATCHER.test(path)).toBe(true)
    }
    for (const path of ["/admin/customers", "/admin/customers/cus_1", "/admin/customers/cus_1/addresses", "/store/customers/me", "/admin/crmx"]) {
      expect(PLUGIN_ROUTES_MATCHER.test(path)).toBe(false)
    }
  })
})
