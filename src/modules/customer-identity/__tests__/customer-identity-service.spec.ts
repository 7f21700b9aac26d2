import path from "path"
import { ModulesSdkUtils } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_IDENTITY_MODULE, DEFAULT_CLAIM_LIMITS, MAX_CLAIM_ATTEMPTS } from ".."
import { hashClaimCode } from "../claim-codes"
import CustomerIdentityModuleService from "../service"

jest.setTimeout(60 * 1000)

const MINUTE = 60_000
const soon = () => new Date(Date.now() + 30 * MINUTE)

type Knex = ReturnType<typeof ModulesSdkUtils.createPgConnection>

moduleIntegrationTestRunner<CustomerIdentityModuleService>({
  moduleName: CUSTOMER_IDENTITY_MODULE,
  resolve: path.join(__dirname, ".."),
  // Run the committed migrations, so a model change without a migration fails here.
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, dbConfig }) => {
    let db: Knex
    beforeAll(() => {
      db = ModulesSdkUtils.createPgConnection({ clientUrl: dbConfig.clientUrl, schema: dbConfig.schema })
    })
    afterAll(async () => {
      await db.destroy()
    })

    const claims = async () =>
      (await db.raw(`SELECT id, customer_id, email, status, attempts, confirmed_at FROM customer_identity_claim ORDER BY created_at, id`))
        .rows
    const open = (customer_id: string, email: string, code = "123456", expires_at = soon()) =>
      service.openIdentityClaim({ customer_id, email, code_hash: hashClaimCode(code), expires_at })
    /** Moves every claim back in time, as if it had been opened `ms` ago. */
    const age = async (ms: number) =>
      db.raw(`UPDATE customer_identity_claim SET created_at = created_at - make_interval(secs => ?)`, [ms / 1000])

    describe("options", () => {
      it("uses the defaults without options", async () => {
        expect(await service.getMergeUndoDays()).toBe(7)
        expect(await service.getClaimCodeMinutes()).toBe(30)
        expect(await service.getClaimLimits()).toEqual(DEFAULT_CLAIM_LIMITS)
      })
    })

    describe("alternate e-mails and archives", () => {
      it("refuses an address a second live customer would share, and a second archive record", async () => {
        await service.createCustomerAlternateEmails([{ customer_id: "cus_1", email: "ann@example.com" }])
        await expect(
          service.createCustomerAlternateEmails([{ customer_id: "cus_2", email: "ann@example.com" }])
        ).rejects.toThrow()
        expect(await service.listCustomerAlternateEmails({})).toEqual([
          expect.objectContaining({ customer_id: "cus_1", email: "ann@example.com", source: "admin" }),
        ])
        await service.createCustomerArchives([{ customer_id: "cus_1", archived_at: new Date() }])
        await expect(service.createCustomerArchives([{ customer_id: "cus_1", archived_at: new Date() }])).rejects.toThrow()
        expect(await service.listCustomerArchives({ customer_id: "cus_1" })).toHaveLength(1)
      })
    })

    describe("openIdentityClaim", () => {
      it("opens a pending claim for the lower-cased address and replaces the customer's open claim for it", async () => {
        const first = await open("cus_1", " Ann@Example.com ")
        expect(first.refused).toBeNull()
        expect(first.claim).toEqual(
          expect.objectContaining({ email: "ann@example.com", status: "pending", attempts_left: MAX_CLAIM_ATTEMPTS })
        )
        expect(first.claim).not.toHaveProperty("code_hash")
        const second = await open("cus_1", "ann@example.com")
        expect(second.replaced).toEqual([first.claim!.id])
        expect((await claims()).map((c) => [c.id, c.status])).toEqual([
          [first.claim!.id, "failed"],
          [second.claim!.id, "pending"],
        ])
        // Another customer's claim for the address is theirs: not replaced.
        const other = await open("cus_2", "ann@example.com")
        expect(other.replaced).toEqual([])
      })

      it("refuses past the codes per address in an hour, writing nothing, and says when to retry", async () => {
        for (const customer of ["cus_1", "cus_2", "cus_3"]) {
          expect((await open(customer, "bob@example.com")).refused).toBeNull()
        }
        const refused = await open("cus_4", "bob@example.com")
        expect(refused.claim).toBeNull()
        expect(refused.refused).toEqual({ limit: "claim_codes_per_address_per_hour", retry_after: expect.any(Number) })
        expect(refused.refused!.retry_after).toBeGreaterThan(3500)
        expect(refused.refused!.retry_after).toBeLessThanOrEqual(3600)
        expect(await claims()).toHaveLength(3)
        // An hour later the hourly window has moved on.
        await age(61 * MINUTE)
        expect((await open("cus_4", "bob@example.com")).refused).toBeNull()
      })

      it("refuses past the codes per customer in an hour, whatever the addresses", async () => {
        for (let i = 0; i < DEFAULT_CLAIM_LIMITS.claim_codes_per_customer_per_hour; i++) {
          expect((await open("cus_1", `addr${i}@example.com`)).refused).toBeNull()
        }
        expect((await open("cus_1", "another@example.com")).refused).toEqual(
          expect.objectContaining({ limit: "claim_codes_per_customer_per_hour" })
        )
      })

      it("holds the limits under parallel requests for one address", async () => {
        const results = await Promise.all(
          ["cus_1", "cus_2", "cus_3", "cus_4", "cus_5", "cus_6"].map((c) => open(c, "carl@example.com"))
        )
        expect(results.filter((r) => r.refused === null)).toHaveLength(DEFAULT_CLAIM_LIMITS.claim_codes_per_address_per_hour)
        expect(await claims()).toHaveLength(DEFAULT_CLAIM_LIMITS.claim_codes_per_address_per_hour)
      })
    })

    describe("checkIdentityClaimCode", () => {
      it("confirms the right code once, and then calls the claim used", async () => {
        const { claim } = await open("cus_1", "dee@example.com", "654321")
        expect(await service.checkIdentityClaimCode({ claim_id: claim!.id, customer_id: "cus_1", code: "654321" })).toEqual({
          outcome: "confirmed",
          claim: { id: claim!.id, email: "dee@example.com" },
        })
        const [row] = await claims()
        expect(row).toEqual(expect.objectContaining({ status: "confirmed", attempts: 0, confirmed_at: expect.any(Date) }))
        expect(await service.checkIdentityClaimCode({ claim_id: claim!.id, customer_id: "cus_1", code: "654321" })).toEqual({
          outcome: "used",
        })
      })

      it("never finds another customer's claim", async () => {
        const { claim } = await open("cus_1", "dee@example.com", "654321")
        expect(await service.checkIdentityClaimCode({ claim_id: claim!.id, customer_id: "cus_2", code: "654321" })).toEqual({
          outcome: "not_found",
        })
        expect(await service.retrieveStoreIdentityClaim(claim!.id, "cus_2")).toBeNull()
        expect((await claims())[0]).toEqual(expect.objectContaining({ status: "pending", attempts: 0 }))
      })

      it("counts wrong codes and spends the claim at the last one allowed", async () => {
        const { claim } = await open("cus_1", "eve@example.com", "111111")
        const check = () => service.checkIdentityClaimCode({ claim_id: claim!.id, customer_id: "cus_1", code: "999999" })
        for (let left = MAX_CLAIM_ATTEMPTS - 1; left > 0; left--) {
          expect(await check()).toEqual({ outcome: "wrong", attempts_left: left })
        }
        expect(await check()).toEqual({ outcome: "wrong", attempts_left: 0 })
        expect((await claims())[0]).toEqual(expect.objectContaining({ status: "failed", attempts: MAX_CLAIM_ATTEMPTS }))
        // Even the right code is refused now.
        expect(await service.checkIdentityClaimCode({ claim_id: claim!.id, customer_id: "cus_1", code: "111111" })).toEqual({
          outcome: "too_many_wrong",
        })
        expect(await service.retrieveStoreIdentityClaim(claim!.id, "cus_1")).toEqual(
          expect.objectContaining({ status: "failed", attempts_left: 0 })
        )
      })

      it("counts each of many parallel wrong codes, never past the maximum", async () => {
        const { claim } = await open("cus_1", "fay@example.com", "111111")
        const results = await Promise.all(
          Array.from({ length: MAX_CLAIM_ATTEMPTS + 3 }, () =>
            service.checkIdentityClaimCode({ claim_id: claim!.id, customer_id: "cus_1", code: "222222" })
          )
        )
        expect(results.filter((r) => r.outcome === "wrong")).toHaveLength(MAX_CLAIM_ATTEMPTS)
        expect((await claims())[0]).toEqual(expect.objectContaining({ status: "failed", attempts: MAX_CLAIM_ATTEMPTS }))
      })

      it("refuses an expired claim without counting the code", async () => {
        const { claim } = await open("cus_1", "gus@example.com", "111111", new Date(Date.now() - MINUTE))
        expect(await service.checkIdentityClaimCode({ claim_id: claim!.id, customer_id: "cus_1", code: "111111" })).toEqual({
          outcome: "expired",
        })
        expect((await claims())[0]).toEqual(expect.objectContaining({ status: "pending", attempts: 0 }))
      })

      it("refuses every claim of an address that had its wrong codes for the day, right code or not", async () => {
        const limit = DEFAULT_CLAIM_LIMITS.claim_wrong_codes_per_address_per_day
        // Two customers' claims on one address, spent on wrong codes, an hour apart.
        const first = await open("cus_1", "hal@example.com", "111111")
        for (let i = 0; i < MAX_CLAIM_ATTEMPTS; i++) {
          await service.checkIdentityClaimCode({ claim_id: first.claim!.id, customer_id: "cus_1", code: "000000" })
        }
        await age(61 * MINUTE)
        const second = await open("cus_2", "hal@example.com", "111111")
        for (let i = 0; i < limit - MAX_CLAIM_ATTEMPTS; i++) {
          await service.checkIdentityClaimCode({ claim_id: second.claim!.id, customer_id: "cus_2", code: "000000" })
        }
        await age(61 * MINUTE)
        const third = await open("cus_3", "hal@example.com", "333333")
        expect(third.refused).toEqual(expect.objectContaining({ limit: "claim_wrong_codes_per_address_per_day" }))
        // A claim opened before the limit was reached cannot be confirmed either.
        await db.raw(
          `INSERT INTO customer_identity_claim (id, customer_id, email, code_hash, expires_at) VALUES ('cclaim_late', 'cus_3', 'hal@example.com', ?, ?)`,
          [hashClaimCode("333333"), soon()]
        )
        const result = await service.checkIdentityClaimCode({ claim_id: "cclaim_late", customer_id: "cus_3", code: "333333" })
        expect(result).toEqual({
          outcome: "refused",
          refusal: { limit: "claim_wrong_codes_per_address_per_day", retry_after: expect.any(Number) },
        })
        expect((await claims()).find((c) => c.id === "cclaim_late")).toEqual(expect.objectContaining({ status: "pending" }))
      })
    })

    describe("reopenIdentityClaim", () => {
      it("reopens a confirmed claim, and leaves a spent one spent", async () => {
        const { claim } = await open("cus_1", "ivy@example.com", "123123")
        await service.checkIdentityClaimCode({ claim_id: claim!.id, customer_id: "cus_1", code: "123123" })
        await service.reopenIdentityClaim(claim!.id)
        expect((await claims())[0]).toEqual(expect.objectContaining({ status: "pending", confirmed_at: null }))

        const replacing = await open("cus_1", "ivy@example.com", "456456")
        await service.reopenIdentityClaim(claim!.id)
        const rows = await claims()
        expect(rows.find((c) => c.id === claim!.id)).toEqual(expect.objectContaining({ status: "failed" }))
        expect(rows.find((c) => c.id === replacing.claim!.id)).toEqual(expect.objectContaining({ status: "pending" }))
      })
    })
  },
})

moduleIntegrationTestRunner<CustomerIdentityModuleService>({
  moduleName: CUSTOMER_IDENTITY_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  moduleOptions: {
    merge_undo_days: 3,
    claim_code_minutes: 10,
    claim_codes_per_address_per_hour: 1,
    claim_codes_per_customer_per_hour: -2,
    claim_wrong_codes_per_address_per_day: "many",
  },
  testSuite: ({ service }) => {
    describe("options", () => {
      it("reads the module's options, and falls back to the default for a limit that is not a positive whole number", async () => {
        expect(await service.getMergeUndoDays()).toBe(3)
        expect(await service.getClaimCodeMinutes()).toBe(10)
        expect(await service.getClaimLimits()).toEqual({
          ...DEFAULT_CLAIM_LIMITS,
          claim_codes_per_address_per_hour: 1,
        })
      })

      it("applies a limit from the options", async () => {
        const open = (customer_id: string) =>
          service.openIdentityClaim({ customer_id, email: "jo@example.com", code_hash: hashClaimCode("1"), expires_at: soon() })
        expect((await open("cus_1")).refused).toBeNull()
        expect((await open("cus_2")).refused).toEqual(expect.objectContaining({ limit: "claim_codes_per_address_per_hour" }))
      })
    })
  },
})
