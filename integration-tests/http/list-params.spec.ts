import { existsSync, readdirSync, readFileSync } from "fs"
import { join, relative, sep } from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, settle } from "../helpers/admin"
import { createStoreCart, createTestStore, registerStoreCustomer } from "../helpers/store"

jest.setTimeout(240 * 1000)

const API_DIR = join(__dirname, "..", "..", "src", "api")

/**
 * Every GET route of the plugin, read from the file system (`src/api/**\/route.ts` files that export
 * GET), as Medusa maps them: `admin/crm/tags/[tag_id]/route.ts` is `/admin/crm/tags/[tag_id]`.
 * Routes added later are walked without touching this test.
 */
function discoverGetRoutes(dir = API_DIR): string[] {
  const routes: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!entry.name.startsWith("__")) {
        routes.push(...discoverGetRoutes(path))
      }
    } else if (/^route\.[jt]s$/.test(entry.name)) {
      const source = readFileSync(path, "utf8")
      if (/export\s+(const|let|async\s+function|function)\s+GET\b/.test(source)) {
        routes.push("/" + relative(API_DIR, dir).split(sep).join("/"))
      }
    }
  }
  return routes.sort()
}

/** Query strings no plugin GET route may accept: each answers 400 with a message, never a 5xx. */
const BAD_QUERIES = [
  "limit=-1",
  "limit=0",
  "limit=abc",
  "limit=100000",
  "limit=1.5",
  "limit=",
  "limit=1&limit=2",
  "limit[$gt]=1",
  "offset=-1",
  "offset=abc",
  "offset=1.5",
  "order=%3Bdrop",
  "order=nonexistent_field",
  "order=-nonexistent_field",
  "order=created_at%3Bdrop%20table%20customer",
  "order[]=created_at",
  "with_deleted=true",
  "fields=nonexistent_field",
  "unknown_param=1",
  "foo.bar.baz=1",
]

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
    })

    /**
     * Small fixtures so that most routes answer their real page: a customer with a note, a tag and a
     * membership, a tag definition, a plan, a storefront customer with a cart and a membership.
     * The ids are keyed by the route prefix that ends in the parameter; a parameter not listed here
     * gets a placeholder id (a 404 is fine: the query is validated first).
     */
    async function createFixtures() {
      const store = await createTestStore(getContainer())
      const customerId = (
        await api.post(
          "/admin/customers",
          { email: "walk@example.com", first_name: "Walt", last_name: "Walker" },
          { headers }
        )
      ).data.customer.id as string
      const otherId = (
        await api.post("/admin/customers", { email: "other@example.com", first_name: "Olga" }, { headers })
      ).data.customer.id as string
      const noteId = (
        await api.post(`/admin/customers/${customerId}/notes`, { body: "Likes the front row" }, { headers })
      ).data.note.id as string
      const tagDefinitionId = (
        await api.post("/admin/crm/tags", { key: "vip", label: "VIP", value_mode: "flag" }, { headers })
      ).data.tag.id as string
      const customerTagId = (
        await api.post(`/admin/customers/${customerId}/tags`, { key: "vip" }, { headers })
      ).data.tag.id as string
      const planId = (
        await api.post(
          "/admin/crm/membership-plans",
          { name: "Friends", level: 1, duration_unit: "year", duration_value: 1 },
          { headers }
        )
      ).data.plan.id as string
      const membershipId = (
        await api.post(`/admin/customers/${customerId}/memberships`, { plan_id: planId }, { headers })
      ).data.membership.id as string

      const shopper = await registerStoreCustomer(api, store.publishableKey, "shopper@example.com")
      const cartId = await createStoreCart(api, store, shopper.headers)
      const storeMembershipId = (
        await api.post(`/admin/customers/${shopper.customerId}/memberships`, { plan_id: planId }, { headers })
      ).data.membership.id as string
      // A guest record whose address the shopper claims, so the claim routes have a real claim.
      await api.post("/admin/customers", { email: "guest@example.com" }, { headers })
      const claim = await settle(
        api.post("/store/customers/me/identity/claims", { email: "guest@example.com" }, { headers: shopper.headers })
      )

      const ids: Record<string, string> = {
        "/admin/customers/[id]": customerId,
        "/admin/customers/[id]/notes/[note_id]": noteId,
        "/admin/customers/[id]/tags/[tag_id]": customerTagId,
        "/admin/customers/[id]/memberships/[membership_id]": membershipId,
        "/admin/customers/[id]/memberships/[membership_id]/shares/[customer_id]": otherId,
        "/admin/crm/tags/[tag_id]": tagDefinitionId,
        "/admin/crm/membership-plans/[plan_id]": planId,
        "/store/carts/[id]": cartId,
        "/store/customers/me/memberships/[membership_id]": storeMembershipId,
      }
      if (claim.status === 201) {
        ids["/store/customers/me/identity/claims/[claim_id]"] = claim.data.claim.id
      }
      return { ids, customerId, tagDefinitionId, storeHeaders: shopper.headers }
    }

    /** The URL of a route with fixture ids (or placeholders) in place of its `[param]` segments. */
    function urlOf(route: string, ids: Record<string, string>) {
      const segments = route.split("/")
      return segments
        .map((segment, i) => {
          const param = /^\[(.+)\]$/.exec(segment)?.[1]
          if (!param) {
            return segment
          }
          return ids[segments.slice(0, i + 1).join("/")] ?? `${param}_unknown`
        })
        .join("/")
    }

    describe("every plugin GET route", () => {
      it("is found on the file system", () => {
        const routes = discoverGetRoutes()
        expect(routes).toEqual(
          expect.arrayContaining([
            "/admin/crm/tags",
            "/admin/customers/[id]/notes",
            "/admin/customers/[id]/notes/[note_id]",
            "/store/customers/me/loyalty",
          ])
        )
        expect(routes.every((r) => existsSync(join(API_DIR, ...r.split("/"), "route.ts")))).toBe(true)
      })

      it("refuses bad paging, ordering and unknown parameters with a 400 and a message, never a 5xx", async () => {
        const { ids, storeHeaders } = await createFixtures()
        const routes = discoverGetRoutes()
        const failures: string[] = []
        const lists: string[] = []

        for (const route of routes) {
          const url = urlOf(route, ids)
          const routeHeaders = route.startsWith("/store") ? storeHeaders : headers

          const plain = await settle(api.get(url, { headers: routeHeaders }))
          if (plain.status >= 500) {
            failures.push(`GET ${url} -> ${plain.status}`)
          }
          // A list answers with its page: `offset` and `limit` next to the rows.
          if (plain.status === 200 && typeof plain.data?.limit === "number" && typeof plain.data?.offset === "number") {
            lists.push(route)
          }

          for (const query of BAD_QUERIES) {
            const res = await settle(api.get(`${url}?${query}`, { headers: routeHeaders }))
            const message = res.data?.message
            if (res.status !== 400 || typeof message !== "string" || !message.length) {
              failures.push(`GET ${url}?${query} -> ${res.status} ${JSON.stringify(res.data)?.slice(0, 200)}`)
            } else if (query === "unknown_param=1" && !message.includes("unknown_param")) {
              failures.push(`GET ${url}?${query} -> message does not name the parameter: ${message}`)
            }
          }
        }

        expect(failures).toEqual([])
        // The fixtures are good enough that the lists really answered their page (not a 404).
        expect(lists).toEqual(
          expect.arrayContaining([
            "/admin/crm/customers",
            "/admin/crm/duplicates",
            "/admin/crm/membership-plans",
            "/admin/crm/tags",
            "/admin/customers/[id]/loyalty",
            "/admin/customers/[id]/notes",
            "/admin/customers/[id]/timeline",
            "/admin/customers/[id]/transactions",
            "/store/customers/me/loyalty",
          ])
        )
      })
    })

    describe("valid paging and ordering", () => {
      it("orders tag definitions and notes by the allowed fields, both ways, and pages up to the cap", async () => {
        const { customerId } = await createFixtures()
        await api.post("/admin/crm/tags", { key: "alpha", label: "Zulu", value_mode: "flag" }, { headers })
        await api.post("/admin/crm/tags", { key: "omega", label: "Alpha", value_mode: "flag" }, { headers })

        const keys = async (query: string) =>
          (await api.get(`/admin/crm/tags?${query}`, { headers })).data.tags.map((t: any) => t.key)
        expect(await keys("")).toEqual(["alpha", "omega", "vip"])
        expect(await keys("order=-key")).toEqual(["vip", "omega", "alpha"])
        expect(await keys("order=label")).toEqual(["omega", "vip", "alpha"])
        expect(await keys("order=created_at")).toEqual(["vip", "alpha", "omega"])
        expect(await keys("order=-created_at")).toEqual(["omega", "alpha", "vip"])
        const page = await api.get("/admin/crm/tags?order=-created_at&limit=1&offset=1", { headers })
        expect(page.data).toEqual(
          expect.objectContaining({ count: 3, offset: 1, limit: 1, tags: [expect.objectContaining({ key: "alpha" })] })
        )
        expect((await api.get("/admin/crm/tags?limit=100", { headers })).data.limit).toBe(100)
        const overCap = await settle(api.get("/admin/crm/tags?limit=101", { headers }))
        expect(overCap.status).toBe(400)
        expect(overCap.data.message).toMatch(/limit/)
        const badOrder = await settle(api.get("/admin/crm/tags?order=-nonexistent_field", { headers }))
        expect(badOrder.status).toBe(400)
        expect(badOrder.data.message).toMatch(/order/)

        await api.post(`/admin/customers/${customerId}/notes`, { body: "Second" }, { headers })
        await api.post(`/admin/customers/${customerId}/notes`, { body: "Third" }, { headers })
        const bodies = async (query: string) =>
          (await api.get(`/admin/customers/${customerId}/notes?kind=manual&${query}`, { headers })).data.notes.map(
            (n: any) => n.body
          )
        expect(await bodies("")).toEqual(["Third", "Second", "Likes the front row"])
        expect(await bodies("order=created_at")).toEqual(["Likes the front row", "Second", "Third"])
        expect(await bodies("order=-created_at&limit=2&fields=id,body")).toEqual(["Third", "Second"])
      })
    })
  },
})
