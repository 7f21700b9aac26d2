import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService } from "../../src/modules/customer-identity"
import { createAdminUser, settle } from "../helpers/admin"
import { recordSentNotifications } from "../helpers/notifications"
import {
  completeStoreCart,
  createTestStore,
  registerStoreCustomer,
  storeCrmClient,
  type TestStore,
} from "../helpers/store"

jest.setTimeout(240 * 1000)

/**
 * The storefront claim under attack: parallel guessing, throwaway accounts against one address,
 * codes leaking through stored notifications or logs, and claims that have nothing to claim.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: TestStore
    let mail: ReturnType<typeof recordSentNotifications>
    let seq = 0

    const identity = () => getContainer().resolve<CustomerIdentityModuleService>(CUSTOMER_IDENTITY_MODULE)
    const sql = async (text: string, params: (string | number)[] = []) =>
      (await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(text, params)).rows as any[]
    const account = () => registerStoreCustomer(api, store.publishableKey, `shopper${++seq}@example.com`)
    const claim = (email: string, headers: Record<string, string>) =>
      settle(api.post("/store/customers/me/identity/claims", { email }, { headers }))
    const confirm = (id: string, code: string, headers: Record<string, string>) =>
      settle(api.post(`/store/customers/me/identity/claims/${id}/confirm`, { code }, { headers }))
    const statuses = (responses: { status: number }[]) =>
      responses.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {})
    /** Moves every claim for `email` back in time, as if it had been asked for `hours` ago. */
    const age = (email: string, hours: number) =>
      sql(`UPDATE customer_identity_claim SET created_at = created_at - make_interval(hours => ?) WHERE email = ?`, [hours, email])
    /** A guest checkout with `email`, as a storefront does it without a login; returns the order. */
    const guestOrder = async (email: string) => {
      const pk = { "x-publishable-api-key": store.publishableKey }
      const { data } = await api.post("/store/carts", { region_id: store.regionId, email }, { headers: pk })
      await api.post(`/store/carts/${data.cart.id}/line-items`, { variant_id: store.variantId, quantity: 1 }, { headers: pk })
      return await completeStoreCart(api, data.cart.id, pk)
    }
    const wrongCodeFor = (code: string, i = 0) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0")

    beforeAll(() => {
      mail = recordSentNotifications()
    })
    afterAll(() => mail.restore())

    beforeEach(async () => {
      store = await createTestStore(getContainer())
    })

    it("evaluates at most five wrong codes however many arrive at once, and refuses the right code after that", async () => {
      const attacker = await account()
      const requested = await claim("victim@example.com", attacker.headers)
      expect(requested.status).toBe(201)
      const code = mail.claimCodeSentTo("victim@example.com")!
      expect(code).toMatch(/^\d{6}$/)

      const guesses = await Promise.all(
        Array.from({ length: 60 }, (_, i) => confirm(requested.data.claim.id, wrongCodeFor(code, i), attacker.headers))
      )
      expect(statuses(guesses)).toEqual({ 400: 5, 409: 55 })
      for (const r of guesses.filter((g) => g.status === 400)) {
        expect(r.data.message).toMatch(/The code is not right/)
      }
      expect(guesses.find((g) => g.status === 409).data.message).toBe("Too many wrong codes: ask for a new one")

      // The right code, too late: the claim is spent.
      const late = await confirm(requested.data.claim.id, code, attacker.headers)
      expect(late.status).toBe(409)
      const [row] = await identity().listCustomerIdentityClaims({ id: requested.data.claim.id })
      expect(row).toEqual(expect.objectContaining({ status: "failed", attempts: 5, confirmed_at: null }))
      expect((await api.get(`/store/customers/me/identity/claims/${requested.data.claim.id}`, { headers: attacker.headers })).data.claim)
        .toEqual(expect.objectContaining({ status: "failed", attempts_left: 0 }))
    })

    it("a correct code confirms once however many copies of it arrive at once", async () => {
      const owner = await account()
      const requested = await claim("mine@example.com", owner.headers)
      const code = mail.claimCodeSentTo("mine@example.com")!
      const tries = await Promise.all(Array.from({ length: 8 }, () => confirm(requested.data.claim.id, code, owner.headers)))
      expect(statuses(tries)).toEqual({ 200: 1, 409: 7 })
      expect(await identity().listCustomerAlternateEmails({ email: "mine@example.com" })).toHaveLength(1)
    })

    it("opens the claim again when linking the records fails after the code was accepted, so the same code still works", async () => {
      const { headers: admin } = await createAdminUser(getContainer())
      const order = await guestOrder("later@example.com")
      const owner = await account()
      const requested = await claim("later@example.com", owner.headers)
      const code = mail.claimCodeSentTo("later@example.com")!
      // An open order edit on the guest's order blocks the merge that confirming starts.
      const { data: { order_change } } = await api.post("/admin/order-edits", { order_id: order.id }, { headers: admin })
      const blocked = await confirm(requested.data.claim.id, code, owner.headers)
      expect(blocked.status).toBe(409)
      expect(blocked.data.message).toMatch(/open edit change/)
      const read = async () =>
        (await api.get(`/store/customers/me/identity/claims/${requested.data.claim.id}`, { headers: owner.headers })).data.claim
      expect(await read()).toEqual(expect.objectContaining({ status: "pending", attempts_left: 5 }))

      await api.delete(`/admin/order-edits/${order_change.order_id}`, { headers: admin })
      const confirmed = await confirm(requested.data.claim.id, code, owner.headers)
      expect(confirmed.status).toBe(200)
      expect(confirmed.data.claim).toEqual(expect.objectContaining({ status: "confirmed", records_linked: 1 }))
      expect(await read()).toEqual(expect.objectContaining({ status: "confirmed" }))
    })

    it("limits the codes sent to one address across all customers, and per customer, with 429s even when asked at once", async () => {
      // Six throwaway accounts ask for a code for one address at the same moment.
      const accounts = await Promise.all(Array.from({ length: 6 }, () => account()))
      const first = await Promise.all(accounts.map((a) => claim("target@example.com", a.headers)))
      expect(statuses(first)).toEqual({ 201: 3, 429: 3 })
      const refused = first.find((r) => r.status === 429)
      expect(refused.data.message).toBe("Too many codes were sent to this address: try again in an hour")
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)
      expect(mail.sent().filter((n) => n.to === "target@example.com")).toHaveLength(3)

      // An hour later three more may go, and so on, up to ten a day.
      await age("target@example.com", 2)
      expect(statuses(await Promise.all(accounts.map((a) => claim("target@example.com", a.headers))))).toEqual({ 201: 3, 429: 3 })
      await age("target@example.com", 2)
      expect(statuses(await Promise.all(accounts.map((a) => claim("target@example.com", a.headers))))).toEqual({ 201: 3, 429: 3 })
      await age("target@example.com", 2)
      const daily = await Promise.all(accounts.map((a) => claim("target@example.com", a.headers)))
      expect(statuses(daily)).toEqual({ 201: 1, 429: 5 })
      expect(daily.find((r) => r.status === 429).data.message).toBe(
        "Too many codes were sent to this address today: try again tomorrow"
      )
      expect(mail.sent().filter((n) => n.to === "target@example.com")).toHaveLength(10)

      // One customer, many addresses at once: five an hour.
      const busy = await account()
      const many = await Promise.all(Array.from({ length: 12 }, (_, i) => claim(`many${i}@example.com`, busy.headers)))
      expect(statuses(many)).toEqual({ 201: 5, 429: 7 })
      expect(many.find((r) => r.status === 429).data.message).toBe("Too many codes were requested: try again in an hour")
    })

    it("stops evaluating codes for an address after ten wrong ones in a day, across claims and customers", async () => {
      const [a, b, c] = await Promise.all([account(), account(), account()])
      const claims: { id: string; code: string; who: { headers: Record<string, string> } }[] = []
      for (const who of [a, b, c]) {
        const r = await claim("door@example.com", who.headers)
        expect(r.status).toBe(201)
        claims.push({ id: r.data.claim.id as string, code: mail.claimCodeSentTo("door@example.com")!, who })
      }
      for (const { id, code, who } of claims.slice(0, 2)) {
        const wrong = await Promise.all(Array.from({ length: 5 }, (_, i) => confirm(id, wrongCodeFor(code, i), who.headers)))
        expect(statuses(wrong)).toEqual({ 400: 5 })
      }
      // The third claim is still open, but its address has had its ten wrong codes today.
      const blocked = await confirm(claims[2].id, claims[2].code, c.headers)
      expect(blocked.status).toBe(429)
      expect(blocked.data.message).toBe("Too many wrong codes were entered for this address today: try again tomorrow")
      expect(await identity().listCustomerAlternateEmails({ email: "door@example.com" })).toHaveLength(0)
      // A new code is not sent either.
      await age("door@example.com", 2)
      const again = await claim("door@example.com", (await account()).headers)
      expect(again.status).toBe(429)
      // A day later the address may be claimed again.
      await age("door@example.com", 24)
      expect((await claim("door@example.com", (await account()).headers)).status).toBe(201)
    })

    it("keeps the plain code out of the notification table, the claim, the workflow records and the logs", async () => {
      const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER)
      const logged: string[] = []
      const spies = (["info", "warn", "error", "debug", "log"] as const)
        .filter((level) => typeof (logger as any)[level] === "function")
        .map((level) => jest.spyOn(logger as any, level).mockImplementation((...args: unknown[]) => {
          logged.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "))
        }))
      try {
        const who = await account()
        const requested = await claim("secret@example.com", who.headers)
        expect(requested.status).toBe(201)
        const code = mail.claimCodeSentTo("secret@example.com")!
        expect(code).toMatch(/^\d{6}$/)
        // The provider got the code in the message it sends ...
        const [sent] = mail.sent().filter((n) => n.to === "secret@example.com")
        expect(sent.content?.text).toContain(code)
        // ... and nothing that Medusa stores or shows has it.
        const notifications = await sql(`SELECT * FROM notification WHERE "to" = ?`, ["secret@example.com"])
        expect(notifications).toHaveLength(1)
        expect(JSON.stringify(notifications)).not.toContain(code)
        expect(notifications[0].data).toEqual({ claim_id: requested.data.claim.id, expires_at: expect.any(String) })
        const listed = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: "secret@example.com" } as any)
        expect(JSON.stringify(listed)).not.toContain(code)
        expect(JSON.stringify(await sql(`SELECT * FROM customer_identity_claim WHERE email = ?`, ["secret@example.com"]))).not.toContain(code)
        expect(JSON.stringify(await sql(`SELECT * FROM workflow_execution`))).not.toContain(code)
        // Confirming (a wrong code, then the right one) logs no code either.
        expect((await confirm(requested.data.claim.id, wrongCodeFor(code), who.headers)).status).toBe(400)
        expect((await confirm(requested.data.claim.id, code, who.headers)).status).toBe(200)
        expect(logged.length).toBeGreaterThan(0)
        expect(logged.join("\n")).not.toContain(code)
      } finally {
        spies.forEach((s) => s.mockRestore())
      }
    })

    it("sends no code for the customer's own address, an online account's address, or an address already claimed", async () => {
      const me = await registerStoreCustomer(api, store.publishableKey, "me@example.com")
      const other = await registerStoreCustomer(api, store.publishableKey, "other.account@example.com")
      await identity().createCustomerAlternateEmails([
        { customer_id: other.customerId, email: "other.work@example.com", source: "admin" },
      ])
      const before = mail.sent().length
      for (const email of ["other.account@example.com", "Other.Work@example.com"]) {
        const taken = await claim(email, me.headers)
        expect(taken.status).toBe(400)
        expect(taken.data.message).toBe(
          "This address belongs to an online account: there is nothing to claim. Sign in with it to see its orders"
        )
      }
      expect(mail.sent().length).toBe(before)
      expect(await identity().listCustomerIdentityClaims({ customer_id: me.customerId })).toEqual([])

      // The customer's own primary address: nothing to claim, whatever its case.
      const own = await claim("ME@example.com", me.headers)
      expect(own.status).toBe(400)
      expect(own.data.message).toBe("This is your account's own address: there is nothing to claim")
      expect(mail.sent().length).toBe(before)
      expect(await identity().listCustomerIdentityClaims({ customer_id: me.customerId })).toEqual([])
      // Another address can be claimed once.
      const work = await claim("me.work@example.com", me.headers)
      expect(work.status).toBe(201)
      expect((await confirm(work.data.claim.id, mail.claimCodeSentTo("me.work@example.com")!, me.headers)).status).toBe(200)
      const again = await claim("me.work@example.com", me.headers)
      expect(again.status).toBe(400)
      expect(again.data.code).toBe("already_claimed")
      expect(again.data.message).toBe("You have already claimed this address: there is nothing more to claim")
      expect(mail.sent().length).toBe(before + 1)
    })

    it("lets a storefront read its claim back, and only its own", async () => {
      const me = await account()
      const other = await account()
      const requested = await claim("reload@example.com", me.headers)
      const id = requested.data.claim.id
      const read = async (headers: Record<string, string>, query = "") =>
        settle(api.get(`/store/customers/me/identity/claims/${id}${query}`, { headers }))

      const got = await read(me.headers)
      expect(got.status).toBe(200)
      expect(got.data.claim).toEqual({
        id,
        email: "reload@example.com",
        status: "pending",
        expires_at: requested.data.claim.expires_at,
        attempts_left: 5,
        created_at: expect.any(String),
      })
      const code = mail.claimCodeSentTo("reload@example.com")!
      await confirm(id, wrongCodeFor(code), me.headers)
      expect((await read(me.headers)).data.claim).toEqual(expect.objectContaining({ status: "pending", attempts_left: 4 }))

      const theirs = await read(other.headers)
      expect([theirs.status, theirs.data.code]).toEqual([404, "claim_not_found"])
      expect((await settle(api.get("/store/customers/me/identity/claims/cclaim_nope", { headers: me.headers }))).status).toBe(404)
      const unknown = await read(me.headers, "?fields=code_hash")
      expect([unknown.status, unknown.data.code]).toEqual([400, "invalid_data"])
      expect((await read(me.headers, "?fields=status")).data.claim).toEqual({ id, status: "pending" })
      expect((await settle(api.get(`/store/customers/me/identity/claims/${id}`, {
        headers: { "x-publishable-api-key": store.publishableKey },
      }))).status).toBe(401)
    })

    it("serves a storefront through the plugin's typed client, with a stable code on each refusal", async () => {
      const me = await account()
      await guestOrder("typed.client@example.com")
      const crm = storeCrmClient(api, me.headers)

      const { claim: created } = await crm.store.identityClaims.create({ email: "typed.client@example.com" })
      expect(created).toEqual(expect.objectContaining({ email: "typed.client@example.com", status: "pending" }))
      const { claim: read } = await crm.store.identityClaims.retrieve(created.id, { fields: "status,attempts_left" })
      expect(read).toEqual({ id: created.id, status: "pending", attempts_left: 5 })

      const code = mail.claimCodeSentTo("typed.client@example.com")!
      const wrong = await confirm(created.id, wrongCodeFor(code), me.headers)
      expect([wrong.status, wrong.data.code]).toEqual([400, "wrong_code"])
      const { claim: confirmed } = await crm.store.identityClaims.confirm(created.id, { code })
      expect(confirmed).toEqual({ id: created.id, email: "typed.client@example.com", status: "confirmed", records_linked: 1 })
      const spent = await confirm(created.id, code, me.headers)
      expect([spent.status, spent.data.code]).toEqual([409, "claim_used"])

      const own = await claim(`shopper${seq}@example.com`, me.headers)
      expect([own.status, own.data.code]).toEqual([400, "own_address"])
      const badBody = await claim("not an address", me.headers)
      expect([badBody.status, badBody.data.code]).toEqual([400, "invalid_data"])
    })
  },
})
