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
