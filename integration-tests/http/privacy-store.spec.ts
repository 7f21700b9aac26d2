import Medusa, { FetchError } from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCrmClient } from "../../src/client"
import { PRIVACY_MODULE, type PrivacyModuleService } from "../../src/modules/privacy"
import { settle } from "../helpers/admin"
import { recordSentNotifications } from "../helpers/notifications"
import { createTestStore, type TestStore } from "../helpers/store"

jest.setTimeout(240 * 1000)

const PASSWORD = "supersecret"

/**
 * Storefront self-anonymization, as a storefront does it through Medusa's JS SDK: off by default,
 * confirmed with the password or a one-time code (race-safe), and afterwards the customer's token
 * and login stop working.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: TestStore
    let mail: ReturnType<typeof recordSentNotifications>
    let seq = 0

    const sql = async (text: string, params: (string | number | boolean)[] = []) =>
      (await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(text, params)).rows as any[]
    /** A storefront's SDK: it keeps the customer's token in memory and sends it with every request. */
    const sdk = () =>
      new Medusa({
        baseUrl: api.defaults.baseURL!,
        publishableKey: store.publishableKey,
        auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
      })
    /** A storefront customer who registered and logged in through the SDK. */
    const shopper = async () => {
      const email = `privacy${++seq}@example.com`
      const client = sdk()
      await client.auth.register("customer", "emailpass", { email, password: PASSWORD })
      const { customer } = await client.store.customer.create({
        email,
        first_name: "Petra",
        last_name: "Private",
        phone: "+31612345678",
      })
      const token = (await client.auth.login("customer", "emailpass", { email, password: PASSWORD })) as string
      const headers = { authorization: `Bearer ${token}`, "x-publishable-api-key": store.publishableKey }
      return { id: customer.id, email, token, headers, client }
    }
    type Shopper = Awaited<ReturnType<typeof shopper>>
    /** An SDK request that answers its status instead of throwing, and the body. */
    const call = async (who: Shopper | null, path: string, body?: Record<string, unknown>) => {
      const client = who ? who.client : sdk()
      try {
        const data = await client.client.fetch<any>(path, body === undefined ? {} : { method: "POST", body })
        return { status: 200, data }
      } catch (e) {
        if (e instanceof FetchError) {
          return { status: e.status ?? 0, data: { message: e.message } }
        }
        throw e
      }
    }
    /** The same request through axios, to read the refusal's `code` and headers. */
    const post = (who: Shopper | null, path: string, body: unknown) =>
      settle(api.post(path, body, { headers: who ? who.headers : { "x-publishable-api-key": store.publishableKey } }))
    const anonymize = (who: Shopper, body: Record<string, unknown>) => post(who, "/store/customers/me/privacy/anonymize", body)
    const requestCode = (who: Shopper) => post(who, "/store/customers/me/privacy/anonymize/code", {})
    const codeSentTo = (email: string) =>
      mail
        .sent()
        .filter((n) => n.to === email && n.template === "privacy-anonymize-code")
        .at(-1)
        ?.content?.subject?.match(/\b(\d{6})\b/)?.[1]
    const wrongCodeFor = (code: string, i = 0) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0")
    const privacy = () => getContainer().resolve<PrivacyModuleService>(PRIVACY_MODULE)
    const setSelfAnonymize = (on: boolean) => privacy().setPrivacySettings({ customer_self_anonymize: on })
    const customerRow = async (id: string) =>
      (await sql(`SELECT email, first_name, last_name, phone, deleted_at FROM customer WHERE id = ?`, [id]))[0]
    const erased = async (id: string) =>
      (await sql(`SELECT kind FROM privacy_erasure WHERE customer_id = ? AND deleted_at IS NULL`, [id])).length > 0
    const statuses = (responses: { status: number; data?: any }[]) =>
      responses.reduce<Record<string, number>>((acc, r) => {
        const key = `${r.status}${r.data?.code ? ` ${r.data.code}` : ""}`
        return { ...acc, [key]: (acc[key] ?? 0) + 1 }
      }, {})
    /** Whether the person can still use their token and their password. */
    const expectLockedOut = async (who: Shopper) => {
      expect((await call(who, "/store/customers/me")).status).toBe(401)
      expect((await call(who, "/store/customers/me/loyalty")).status).toBe(401)
      expect((await call(who, "/store/customers/me/identity/claims", { email: "other@example.com" })).status).toBe(401)
      const login = await settle(api.post("/auth/customer/emailpass", { email: who.email, password: PASSWORD }))
      expect(login.status).toBe(401)
    }

    beforeAll(() => {
      mail = recordSentNotifications()
    })
    afterAll(() => mail.restore())

    beforeEach(async () => {
      store = await createTestStore(getContainer())
    })

    it("is off by default: both routes answer 403 and nothing is sent or changed", async () => {
      const who = await shopper()
      const code = await requestCode(who)
      expect(code.status).toBe(403)
      expect(code.data).toEqual(expect.objectContaining({ code: "privacy_action_disabled" }))
      const refused = await anonymize(who, { password: PASSWORD })
      expect(refused.status).toBe(403)
      expect(refused.data.code).toBe("privacy_action_disabled")
      expect(codeSentTo(who.email)).toBeUndefined()
      expect(await erased(who.id)).toBe(false)
      expect((await who.client.store.customer.retrieve()).customer.email).toBe(who.email)
    })

    it("with a wrong password refuses and changes nothing; with the password it anonymizes and the token stops working", async () => {
      await setSelfAnonymize(true)
      const who = await shopper()
      const wrong = await anonymize(who, { password: "not-my-password" })
      expect(wrong.status).toBe(401)
      expect(wrong.data).toEqual(expect.objectContaining({ code: "password_invalid", message: "The password is not right" }))
      expect(await erased(who.id)).toBe(false)
      expect(await customerRow(who.id)).toEqual(expect.objectContaining({ email: who.email, first_name: "Petra" }))
      expect((await call(who, "/store/customers/me")).status).toBe(200)

      // A session opened with the token (as a storefront using cookies does) works until then.
      const session = await api.post("/auth/session", {}, { headers: { authorization: `Bearer ${who.token}` } })
      const cookie = String(session.headers["set-cookie"]?.[0] ?? "").split(";")[0]
      expect(cookie).toMatch(/=/)
      const bySession = () =>
        settle(api.get("/store/customers/me", { headers: { cookie, "x-publishable-api-key": store.publishableKey } }))
      expect((await bySession()).status).toBe(200)

      const done = await call(who, "/store/customers/me/privacy/anonymize", { password: PASSWORD })
      expect(done).toEqual({ status: 200, data: { anonymized: true } })
      expect(await erased(who.id)).toBe(true)
      const row = await customerRow(who.id)
      expect(JSON.stringify(row)).not.toContain(who.email)
      expect(JSON.stringify(row)).not.toContain("Petra")
      await expectLockedOut(who)
      expect((await bySession()).status).toBe(401)
      // A guest may still shop: the refusal is for that customer's token only.
      expect((await call(null, "/store/products")).status).toBe(200)
    })

    it("with a code from the e-mail: 201 with its expiry, the code only in the e-mail's content, then it anonymizes", async () => {
      await setSelfAnonymize(true)
      const who = await shopper()
      const requested = await requestCode(who)
      expect(requested.status).toBe(201)
      const expiresIn = new Date(requested.data.expires_at).getTime() - Date.now()
      expect(expiresIn).toBeGreaterThan(14 * 60 * 1000)
      expect(expiresIn).toBeLessThanOrEqual(15 * 60 * 1000)
      const code = codeSentTo(who.email)!
      expect(code).toMatch(/^\d{6}$/)
      const stored = await sql(`SELECT * FROM notification WHERE "to" = ?`, [who.email])
      expect(stored).toHaveLength(1)
      expect(JSON.stringify(stored)).not.toContain(code)
      expect(JSON.stringify(await sql(`SELECT * FROM privacy_code WHERE customer_id = ?`, [who.id]))).not.toContain(code)

      expect(await anonymize(who, { code })).toEqual(expect.objectContaining({ status: 200, data: { anonymized: true } }))
      expect(await erased(who.id)).toBe(true)
      await expectLockedOut(who)
    })

    it("works through the typed storefront client (medusa-crm/client) on the customer's own SDK", async () => {
      await setSelfAnonymize(true)
      const who = await shopper()
      const crm = createCrmClient(who.client)
      const { expires_at } = await crm.store.privacy.requestAnonymizeCode()
      expect(new Date(expires_at).getTime()).toBeGreaterThan(Date.now())
      await expect(crm.store.privacy.anonymize({ code: wrongCodeFor(codeSentTo(who.email)!) })).rejects.toThrow(FetchError)
      expect(await erased(who.id)).toBe(false)
      expect(await crm.store.privacy.anonymize({ code: codeSentTo(who.email)! })).toEqual({ anonymized: true })
      expect(await erased(who.id)).toBe(true)
      await expectLockedOut(who)
    })

    it("evaluates at most five tries of a code however many arrive at once, and refuses the right code after that", async () => {
      await setSelfAnonymize(true)
      const who = await shopper()
      expect((await requestCode(who)).status).toBe(201)
      const code = codeSentTo(who.email)!
      const guesses = await Promise.all(Array.from({ length: 20 }, (_, i) => anonymize(who, { code: wrongCodeFor(code, i) })))
      expect(statuses(guesses)).toEqual({ "403 code_invalid": 5, "403 too_many_attempts": 15 })
      const late = await anonymize(who, { code })
      expect(late.status).toBe(403)
      expect(late.data.code).toBe("too_many_attempts")
      expect(await erased(who.id)).toBe(false)
      const [row] = await sql(`SELECT attempts, used_at FROM privacy_code WHERE customer_id = ?`, [who.id])
      expect(row).toEqual({ attempts: 5, used_at: null })
      // A new code works (and replaces the spent one).
      expect((await requestCode(who)).status).toBe(201)
      expect((await anonymize(who, { code: codeSentTo(who.email)! })).status).toBe(200)
    })

    it("a code works once: of many copies sent at once one anonymizes, the others are refused", async () => {
      await setSelfAnonymize(true)
      const who = await shopper()
      await requestCode(who)
      const code = codeSentTo(who.email)!
      const tries = await Promise.all(Array.from({ length: 6 }, () => anonymize(who, { code })))
      expect(tries.filter((t) => t.status === 200)).toHaveLength(1)
      for (const t of tries.filter((t) => t.status !== 200)) {
        // Refused as a spent code, or (arriving after the anonymization) as a refused token.
        expect([401, 403]).toContain(t.status)
      }
      expect(await sql(`SELECT kind FROM privacy_erasure WHERE customer_id = ?`, [who.id])).toEqual([{ kind: "anonymized" }])
    })

    it("another customer's code is useless, and an expired code is refused", async () => {
      await setSelfAnonymize(true)
      const [a, b] = [await shopper(), await shopper()]
      await requestCode(a)
      const aCode = codeSentTo(a.email)!
      // b has no code of their own yet ...
      const none = await anonymize(b, { code: aCode })
      expect(none.status).toBe(403)
      expect(none.data.code).toBe("code_expired")
      // ... nor does a's code pass once b has one.
      await requestCode(b)
      const bCode = codeSentTo(b.email)!
      const other = await anonymize(b, aCode === bCode ? { code: wrongCodeFor(bCode) } : { code: aCode })
      expect(other.status).toBe(403)
      expect(other.data.code).toBe("code_invalid")
      expect(await erased(a.id)).toBe(false)
      expect(await erased(b.id)).toBe(false)

      await sql(`UPDATE privacy_code SET expires_at = now() - interval '1 minute' WHERE customer_id = ?`, [a.id])
      const expired = await anonymize(a, { code: aCode })
      expect(expired.status).toBe(403)
      expect(expired.data.code).toBe("code_expired")
      expect(await erased(a.id)).toBe(false)
    })

    it("sends at most three codes an hour, also when asked at once (429 with Retry-After)", async () => {
      await setSelfAnonymize(true)
      const who = await shopper()
      const asked = await Promise.all(Array.from({ length: 6 }, () => requestCode(who)))
      expect(statuses(asked)).toEqual({ 201: 3, "429 too_many_codes": 3 })
      expect(Number(asked.find((r) => r.status === 429).headers["retry-after"])).toBeGreaterThan(0)
      expect(mail.sent().filter((n) => n.to === who.email)).toHaveLength(3)
      // An hour later one may be sent again.
      await sql(`UPDATE privacy_code SET created_at = created_at - interval '61 minutes' WHERE customer_id = ?`, [who.id])
      expect((await requestCode(who)).status).toBe(201)
    })

    it("a legal hold refuses (409) and gives the code back, so it works once the hold is lifted", async () => {
      await setSelfAnonymize(true)
      const who = await shopper()
      await requestCode(who)
      const code = codeSentTo(who.email)!
      await privacy().setLegalHold(who.id, "Dispute about a refund", null)
      const refused = await anonymize(who, { code })
      expect(refused.status).toBe(409)
      expect(refused.data.code).toBe("anonymize_refused")
      expect(await erased(who.id)).toBe(false)
      expect((await call(who, "/store/customers/me")).status).toBe(200)
      await privacy().liftLegalHold(who.id)
      expect((await anonymize(who, { code })).status).toBe(200)
    })

    it("answers 401 without a login, and 400 for bad input with nothing written", async () => {
      await setSelfAnonymize(true)
      expect((await post(null, "/store/customers/me/privacy/anonymize", { password: PASSWORD })).status).toBe(401)
      expect((await post(null, "/store/customers/me/privacy/anonymize/code", {})).status).toBe(401)

      const who = await shopper()
      const bad: [unknown, RegExp][] = [
        [{}, /either password or code/],
        [{ password: PASSWORD, code: "123456" }, /either password or code/],
        [{ code: "12ab56" }, /six digits/],
        [{ code: "1234567" }, /six digits/],
        [{ password: "" }, /password/],
        [{ password: 12345678 }, /password/],
        [{ password: PASSWORD, customer_id: "cus_other" }, /customer_id/],
        [[PASSWORD], /JSON object/],
      ]
      for (const [body, message] of bad) {
        const r = await post(who, "/store/customers/me/privacy/anonymize", body)
        expect(r.status).toBe(400)
        expect(r.data.code).toBe("invalid_data")
        expect(r.data.message).toMatch(message)
      }
      const extra = await post(who, "/store/customers/me/privacy/anonymize/code", { email: "elsewhere@example.com" })
      expect(extra.status).toBe(400)
      expect(extra.data.code).toBe("invalid_data")
      expect(await sql(`SELECT id FROM privacy_code WHERE customer_id = ?`, [who.id])).toEqual([])
      expect(await erased(who.id)).toBe(false)
      expect(codeSentTo(who.email)).toBeUndefined()
    })
  },
})
