import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { LOYALTY_MODULE, LOYALTY_PROGRAM_ID } from ".."
import LoyaltyModuleService from "../service"

jest.setTimeout(60 * 1000)

const DAY = 86_400_000

moduleIntegrationTestRunner<LoyaltyModuleService>({
  moduleName: LOYALTY_MODULE,
  resolve: path.join(__dirname, ".."),
  // Run the committed migrations, so a model change without a migration fails here.
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service }) => {
    const account = async (customer_id = "cus_1") => service.createLoyaltyAccounts({ customer_id })
    const credit = (account_id: string, points: number, extra: Record<string, unknown> = {}) =>
      service.appendEntries({
        account_id,
        entries: [{ customer_id: "cus_1", type: "adjust", points, status: "available", ...extra }],
      })

    describe("LoyaltyModuleService", () => {
      it("creates the program once, with defaults, however many read it at once", async () => {
        const programs = await Promise.all(Array.from({ length: 5 }, () => service.retrieveProgram()))
        expect(new Set(programs.map((p) => p.id))).toEqual(new Set([LOYALTY_PROGRAM_ID]))
        expect(programs[0]).toEqual(
          expect.objectContaining({ enabled: true, enrollment: "all", pending_days: 0, expiry_months: null })
        )
        expect(await service.listLoyaltyPrograms()).toHaveLength(1)
      })

      it("derives balances from the ledger: available, pending, held and lifetime earned", async () => {
        const { id } = await account()
        await service.appendEntries({
          account_id: id,
          entries: [
            { customer_id: "cus_1", type: "earn", points: 100, status: "available", order_id: "order_1" },
            { customer_id: "cus_1", type: "earn", points: 40, status: "pending", order_id: "order_2" },
            { customer_id: "cus_1", type: "reverse", points: -10, status: "available", order_id: "order_1" },
            { customer_id: "cus_1", type: "redeem", points: -30, status: "pending", cart_id: "cart_1" },
            { customer_id: "cus_1", type: "redeem", points: -50, status: "void", cart_id: "cart_2" },
          ],
        })
        const balances = await service.getBalances([id, "lyacc_none"])
        expect(balances[id]).toEqual({ available: 60, pending: 40, held: 30, lifetime_earned: 130 })
        expect(balances.lyacc_none).toEqual({ available: 0, pending: 0, held: 0, lifetime_earned: 0 })
      })

      it("never overdraws under parallel withdrawals: the row lock serializes them", async () => {
        const { id } = await account()
        await credit(id, 500)
        const results = await Promise.allSettled(
          Array.from({ length: 30 }, () =>
            service.appendEntries({
              account_id: id,
              require_available: true,
              entries: [{ customer_id: "cus_1", type: "redeem", points: -100, status: "pending" }],
            })
          )
        )
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5)
        const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult
        expect(refused.reason.message).toMatch(/Only 0 points are available/)
        expect((await service.getBalances([id]))[id].available).toBe(0)
      })

      it("writes an order's earn once, however many runs race", async () => {
        const { id } = await account()
        await Promise.all(
          Array.from({ length: 10 }, () =>
            service.appendEntries({
              account_id: id,
              unless_exists: { type: "earn", order_id: "order_9" },
              entries: [{ customer_id: "cus_1", type: "earn", points: 70, status: "available", order_id: "order_9" }],
            })
          )
        )
        expect(await service.listLoyaltyEntries({ type: "earn", order_id: "order_9" })).toHaveLength(1)
      })

      it("expires the oldest points first and only once", async () => {
        const { id } = await account()
        const now = Date.now()
        await credit(id, 300, { expires_at: new Date(now + 10 * DAY) })
        await credit(id, 200, { expires_at: new Date(now + 100 * DAY) })
        await credit(id, -350)
        // 150 left: the 300 that expire first were spent first, 150 of the later 200 remain.
        expect(await service.getExpiringPoints(id, new Date(now + 20 * DAY))).toBe(0)
        expect(await service.getExpiringPoints(id, new Date(now + 101 * DAY))).toBe(150)

        expect(await service.expirePoints(id, new Date(now + 20 * DAY))).toBeNull()
        const entry = await service.expirePoints(id, new Date(now + 101 * DAY))
        expect(Number(entry!.points)).toBe(-150)
        expect(await service.expirePoints(id, new Date(now + 101 * DAY))).toBeNull()
        expect((await service.getBalances([id]))[id].available).toBe(0)
      })

      it("names the next points to expire, moving on once the oldest credit is spent", async () => {
        const { id } = await account()
        const now = Date.now()
        const first = new Date(now + 10 * DAY)
        const second = new Date(now + 100 * DAY)
        await credit(id, 300, { expires_at: first })
        await credit(id, 200, { expires_at: second })
        await credit(id, 50)
        expect(await service.getNextExpiry(id, new Date(now))).toEqual({ points: 300, expires_at: first })
        await credit(id, -320)
        // The first credit is spent (and 20 of the second): 180 of the second expire next.
        expect(await service.getNextExpiry(id, new Date(now))).toEqual({ points: 180, expires_at: second })
        await credit(id, -180)
        // Only points that never expire are left.
        expect(await service.getNextExpiry(id, new Date(now))).toBeNull()
      })

      it("settles a hold once: all spent, part spent with the rest returned, or given back", async () => {
        const { id } = await account()
        await credit(id, 1000)
        const hold = async (cart: string, points: number) =>
          (
            await service.appendEntries({
              account_id: id,
              require_available: true,
              entries: [{ customer_id: "cus_1", type: "redeem", points: -points, status: "pending", cart_id: cart }],
            })
          )[0]
        const a = await hold("cart_a", 300)
        const b = await hold("cart_b", 300)
        const c = await hold("cart_c", 300)
        expect((await service.getBalances([id]))[id]).toEqual(expect.objectContaining({ available: 100, held: 900 }))

        const spent = await service.resolveRedemption({ entry_id: a.id, order_id: "order_a", used_points: 300 })
        expect(spent).toEqual(expect.objectContaining({ changed: true, outcome: "spent", spent: 300, returned: 0 }))
        const partial = await service.resolveRedemption({ entry_id: b.id, order_id: "order_b", used_points: 120 })
        expect(partial).toEqual(expect.objectContaining({ changed: true, outcome: "partial", spent: 120, returned: 180 }))
        const back = await service.resolveRedemption({ entry_id: c.id, used_points: 0 })
        expect(back).toEqual(expect.objectContaining({ changed: true, outcome: "void", returned: 300 }))
        expect((await service.getBalances([id]))[id]).toEqual(expect.objectContaining({ available: 580, held: 0 }))

        // The same settlement again (or racing) changes nothing.
        const again = await Promise.all(
          [a, b, c].map((e) => service.resolveRedemption({ entry_id: e.id, order_id: "order_x", used_points: 300 }))
        )
        expect(again.map((r) => r.changed)).toEqual([false, false, false])
        expect((await service.getBalances([id]))[id].available).toBe(580)
        const returned = await service.listLoyaltyEntries({ account_id: id, type: "reverse" })
        expect(returned.map((e) => [Number(e.points), e.reference_id, e.order_id])).toEqual([[180, b.id, "order_b"]])
      })

      it("expires held points that come back after their credits expired", async () => {
        const { id } = await account()
        const now = Date.now()
        await credit(id, 300, { expires_at: new Date(now + 10 * DAY) })
        await credit(id, 100, { expires_at: new Date(now + 100 * DAY) })
        const [held] = await service.appendEntries({
          account_id: id,
          require_available: true,
          entries: [{ customer_id: "cus_1", type: "redeem", points: -300, status: "pending", cart_id: "cart_h" }],
        })
        // At the expiry date the 300 sit on a cart: they are not expired while held.
        expect(await service.expirePoints(id, new Date(now + 11 * DAY))).toBeNull()
        expect((await service.getBalances([id]))[id].available).toBe(100)

        // Given back later, they are past their date: they expire at once, the later 100 stay.
        const result = await service.resolveRedemption({ entry_id: held.id, used_points: 0 })
        expect(result.created_ids).toHaveLength(1)
        const expired = await service.listLoyaltyEntries({ account_id: id, type: "expire" })
        expect(expired.map((e) => Number(e.points))).toEqual([-300])
        expect((await service.getBalances([id]))[id].available).toBe(100)
        // And the daily run finds nothing more to expire.
        expect(await service.expirePoints(id, new Date(now + 12 * DAY))).toBeNull()
      })

      it("expires spent points that a cancel returns after their credits expired", async () => {
        const { id } = await account()
        const now = Date.now()
        await credit(id, 300, { expires_at: new Date(now + 10 * DAY) })
        await credit(id, -300, { type: "redeem", order_id: "order_c" })
        expect(await service.expirePoints(id, new Date(now + 11 * DAY))).toBeNull()
        await credit(id, 300, { type: "reverse", order_id: "order_c" })
        expect(await service.expireOverdue(id)).toEqual(expect.any(String))
        expect((await service.getBalances([id]))[id].available).toBe(0)
        // Once is enough.
        expect(await service.expireOverdue(id)).toBeNull()
      })

      it("releases due pending points in pages and reports them", async () => {
        const { id } = await account()
        const now = Date.now()
        await service.appendEntries({
          account_id: id,
          entries: [1, 2, 3].map((i) => ({
            customer_id: "cus_1",
            type: "earn" as const,
            points: 10,
            status: "pending" as const,
            order_id: `order_p${i}`,
            available_at: new Date(now + i * DAY),
          })),
        })
        expect(await service.releaseDuePoints(new Date(now + 2.5 * DAY), 1)).toHaveLength(1)
        expect(await service.releaseDuePoints(new Date(now + 2.5 * DAY), 10)).toHaveLength(1)
        expect(await service.releaseDuePoints(new Date(now + 2.5 * DAY), 10)).toHaveLength(0)
        expect((await service.getBalances([id]))[id]).toEqual(expect.objectContaining({ available: 20, pending: 10 }))
      })

      it("refuses to write to an unknown account", async () => {
        await expect(credit("lyacc_missing", 10)).rejects.toThrow(/was not found/)
      })
    })
  },
})
