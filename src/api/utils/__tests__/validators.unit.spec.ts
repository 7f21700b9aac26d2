import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"
import {
  createListParams,
  LIST_LIMIT_MAX,
  PLUGIN_ROUTES_MATCHER,
  requireJsonObjectBody,
  withErrorCode,
} from "../validators"

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

describe("request body and refusal codes", () => {
  const run = (middleware: (req: any, res: any, next: (e?: unknown) => void) => unknown, body: unknown) => {
    let passed: unknown = "not called"
    middleware({ body } as any, {} as any, (e?: unknown) => {
      passed = e
    })
    return passed as MedusaError | undefined
  }

  it.each([
    ["an array", [{ points: 100 }]],
    ["a string", "100"],
    ["a number", 100],
    ["null", null],
  ])("refuses %s as the body, with a message that says so and the code", (_, body) => {
    const error = run(requireJsonObjectBody("invalid_data"), body)
    expect(error).toEqual(
      expect.objectContaining({
        type: MedusaError.Types.INVALID_DATA,
        code: "invalid_data",
        message: "Invalid request: the body must be a JSON object",
      })
    )
  })

  it("lets an object or no body through", () => {
    expect(run(requireJsonObjectBody("invalid_data"), { points: 100 })).toBeUndefined()
    expect(run(requireJsonObjectBody("invalid_data"), undefined)).toBeUndefined()
  })

  it("gives a validator's refusal a code, keeping one it already has", () => {
    const refuse = (code?: string) => (_req: any, _res: any, next: (e?: unknown) => void) =>
      next(new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request", code))
    expect(run(withErrorCode(refuse(), "invalid_data"), {})?.code).toBe("invalid_data")
    expect(run(withErrorCode(refuse("below_minimum"), "invalid_data"), {})?.code).toBe("below_minimum")
    expect(run(withErrorCode((_req, _res, next) => next(), "invalid_data"), {})).toBeUndefined()
  })
})
