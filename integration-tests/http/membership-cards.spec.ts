import { createHmac } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../../src/modules/membership"
import { createAdminUser, settle } from "../helpers/admin"
import { createTestStore, registerStoreCustomer } from "../helpers/store"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let planId: string
    let seq = 0

    const newCustomer = async (name: { first_name?: string; last_name?: string } = { first_name: "Mia", last_name: "Member" }) =>
      (await api.post("/admin/customers", { email: `card${++seq}@example.com`, ...name }, { headers })).data.customer
        .id as string
    const base = (id: string) => `/admin/customers/${id}/memberships`
    const assign = async (customerId: string) =>
      (await api.post(base(customerId), { plan_id: planId }, { headers })).data.membership
    const act = (customerId: string, membershipId: string, action: string, body: unknown = {}) =>
      settle(api.post(`${base(customerId)}/${membershipId}/${action}`, body, { headers }))
    const cardOf = async (customerId: string, membershipId: string) =>
      (await api.get(`${base(customerId)}/${membershipId}/card`, { headers })).data.card
    const verify = async (code: string, h: Record<string, string> = headers) =>
      settle(api.get(`/admin/crm/memberships/verify?code=${encodeURIComponent(code)}`, { headers: h }))
    const check = async (code: string) => {
      const res = await verify(code)
      expect(res.status).toBe(200)
      return res.data
    }

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      const plan = await api.post(
        "/admin/crm/membership-plans",
        { name: "Friends of the Theatre", level: 1, duration_unit: "year", duration_value: 1, max_shares: 2 },
        { headers }
      )
      planId = plan.data.plan.id
    })

    describe("card versions", () => {
      it("after a gift the giver's card checks as replaced and the receiver's as valid", async () => {
        const giver = await newCustomer({ first_name: "Gina", last_name: "Giver" })
        const receiver = await newCustomer({ first_name: "Rob", last_name: "receiver" })
        const m = await assign(giver)
        const before = await cardOf(giver, m.id)
        expect(before).toEqual(expect.objectContaining({ holder_name: "Gina G.", role: "holder" }))
        expect((await check(before.code)).result).toBe("valid")

        expect((await act(giver, m.id, "gift", { customer_id: receiver })).status).toBe(200)
        const replaced = await check(before.code)
        expect(replaced).toEqual({
          result: "replaced",
          membership: expect.objectContaining({ number: m.number, holder_name: null, role: null }),
        })
        // The giver has no card of it any more; the receiver has their own.
        expect((await settle(api.get(`${base(giver)}/${m.id}/card`, { headers }))).status).toBe(404)
        const after = await cardOf(receiver, m.id)
        expect(after.code).not.toBe(before.code)
        expect(await check(after.code)).toEqual({
          result: "valid",
          membership: expect.objectContaining({ number: m.number, holder_name: "Rob R.", role: "holder", status: "active" }),
        })
      })

      it("co-members each get their own code, and a removed co-member's code checks as replaced", async () => {
        const holder = await newCustomer({ first_name: "Hana", last_name: "Holder" })
        const first = await newCustomer({ first_name: "Finn", last_name: "First" })
        const second = await newCustomer({ first_name: "Sara", last_name: "Second" })
        const m = await assign(holder)
        await act(holder, m.id, "shares", { customer_id: first })
        await act(holder, m.id, "shares", { customer_id: second })

        const cards = await Promise.all([holder, first, second].map((id) => cardOf(id, m.id)))
        expect(new Set(cards.map((c) => c.code)).size).toBe(3)
        expect(cards.map((c) => [c.holder_name, c.role])).toEqual([
          ["Hana H.", "holder"],
          ["Finn F.", "co_member"],
          ["Sara S.", "co_member"],
        ])
        for (const card of cards) {
          const result = await check(card.code)
          expect(result.result).toBe("valid")
          expect(result.membership.holder_name).toBe(card.holder_name)
        }

        const removed = await settle(api.delete(`${base(holder)}/${m.id}/shares/${first}`, { headers }))
        expect(removed.status).toBe(200)
        expect((await check(cards[1].code)).result).toBe("replaced")
        // The others' cards are untouched.
        expect((await check(cards[0].code)).result).toBe("valid")
        expect((await check(cards[2].code)).result).toBe("valid")
        // Shared again, the same customer gets a new code; the old one stays replaced.
        await act(holder, m.id, "shares", { customer_id: first })
        const again = await cardOf(first, m.id)
        expect(again.code).not.toBe(cards[1].code)
        expect((await check(again.code)).result).toBe("valid")
        expect((await check(cards[1].code)).result).toBe("replaced")
      })

      it("a cancel replaces every card of the membership, and none checks as valid", async () => {
        const holder = await newCustomer()
        const member = await newCustomer()
        const m = await assign(holder)
        await act(holder, m.id, "shares", { customer_id: member })
        const before = [await cardOf(holder, m.id), await cardOf(member, m.id)]

        expect((await act(holder, m.id, "cancel", { at: "now" })).status).toBe(200)
        const after = [await cardOf(holder, m.id), await cardOf(member, m.id)]
        for (const i of [0, 1]) {
          expect(after[i].code).not.toBe(before[i].code)
          expect((await check(before[i].code)).result).toBe("cancelled")
          expect((await check(after[i].code)).result).toBe("cancelled")
        }
        const rows = await getContainer()
          .resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
          .listMemberships({ id: m.id }, { relations: ["shares"], select: ["card_version", "shares.card_version"] })
        expect(rows[0].card_version).toBe(2)
        expect(rows[0].shares.map((s) => s.card_version)).toEqual([2])
      })

      it("codes of the earlier kind check as replaced, altered or foreign codes as invalid", async () => {
        const holder = await newCustomer()
        const m = await assign(holder)
        const card = await cardOf(holder, m.id)
        const [prefix, number, seat, version, sig] = card.code.split(".")
        expect([prefix, number, seat, version]).toEqual(["MCRM2", m.number, "h", "1"])

        // A card from before, signed the earlier way (one code for the whole membership).
        const config = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE)
        const secret = process.env.CRM_CARD_SECRET || config.projectConfig.http.jwtSecret
        const key = createHmac("sha256", String(secret)).update("medusa-crm membership card").digest()
        const legacySig = createHmac("sha256", key).update(m.number).digest("base64url").slice(0, 22)
        expect((await check(`MCRM1.${m.number}.${legacySig}`)).result).toBe("replaced")

        expect(await check(`${prefix}.${number}.${seat}.2.${sig}`)).toEqual({ result: "invalid", membership: null })
        expect((await check(`${prefix}.${number}.mshare_x.${version}.${sig}`)).result).toBe("invalid")
        expect((await check(`MCRM1.${m.number}.${sig}`)).result).toBe("invalid")
        expect((await check("hello")).result).toBe("invalid")
      })
    })

    describe("names on cards and at the door", () => {
      it("never show an e-mail address: first name and last initial, or a neutral label", async () => {
        const store = await createTestStore(getContainer())
        const shopper = await registerStoreCustomer(api, store.publishableKey, `shopper${++seq}@example.com`)
        const nameless = await newCustomer({})
        const mine = await assign(shopper.customerId)
        await act(shopper.customerId, mine.id, "shares", { customer_id: nameless })

        const storeCard = (await api.get(`/store/customers/me/memberships/${mine.id}/card`, { headers: shopper.headers })).data
        const adminHolderCard = (await api.get(`${base(shopper.customerId)}/${mine.id}/card`, { headers })).data
        const adminSharedCard = (await api.get(`${base(nameless)}/${mine.id}/card`, { headers })).data
        expect(storeCard.card.holder_name).toBe("Store C.")
        expect(adminHolderCard.card.holder_name).toBe("Store C.")
        expect(adminSharedCard.card.holder_name).toBe("Member")
        const checks = [await check(storeCard.card.code), await check(adminSharedCard.card.code)]
        expect(checks.map((c) => c.membership.holder_name)).toEqual(["Store C.", "Member"])

        for (const body of [storeCard, adminHolderCard, adminSharedCard, ...checks]) {
          expect(JSON.stringify(body)).not.toMatch(/@|example\.com/)
        }
      })
    })

    describe("scanner keys", () => {
      const keysUrl = "/admin/crm/memberships/scanner-keys"

      it("a scanner key checks cards and nothing else, and gets 401 once revoked", async () => {
        const holder = await newCustomer()
        const m = await assign(holder)
        const card = await cardOf(holder, m.id)

        const created = await api.post(keysUrl, { name: "Front door" }, { headers })
        expect(created.status).toBe(201)
        const { key, ...shown } = created.data.scanner_key
        expect(key).toMatch(/^msk_[A-Za-z0-9_-]{43}$/)
        expect(shown).toEqual(
          expect.objectContaining({ name: "Front door", redacted: `${key.slice(0, 6)}…${key.slice(-4)}`, last_used_at: null, revoked_at: null })
        )
        expect(shown).not.toHaveProperty("token_hash")

        // Only a hash is stored.
        const [stored] = await getContainer()
          .resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
          .listMembershipScannerKeys({ id: shown.id })
        expect(JSON.stringify(stored)).not.toContain(key)

        const scanner = { "x-scanner-key": key }
        const scanned = await verify(card.code, scanner)
        expect(scanned.status).toBe(200)
        expect(scanned.data.result).toBe("valid")

        // Any other admin route: 401, however the key is sent.
        for (const url of ["/admin/customers", keysUrl, `${base(holder)}/${m.id}/card`, "/admin/crm/membership-plans"]) {
          expect((await settle(api.get(url, { headers: scanner }))).status).toBe(401)
          expect((await settle(api.get(url, { headers: { authorization: `Bearer ${key}` } }))).status).toBe(401)
        }
        expect((await settle(api.post(keysUrl, { name: "Mine now" }, { headers: scanner }))).status).toBe(401)

        // The list shows the key's name, creation and last use, never the key.
        const list = await api.get(keysUrl, { headers })
        expect(list.data).toEqual(expect.objectContaining({ count: 1, offset: 0, limit: 50 }))
        expect(list.data.scanner_keys[0]).toEqual(
          expect.objectContaining({ id: shown.id, name: "Front door", last_used_at: expect.any(String), created_at: expect.any(String) })
        )
        expect(JSON.stringify(list.data)).not.toContain(key)

        // A body with anything in it is refused, and the key keeps working.
        expect((await settle(api.post(`${keysUrl}/${shown.id}/revoke`, { at: "now" }, { headers }))).status).toBe(400)
        expect((await verify(card.code, scanner)).status).toBe(200)
        const revoked = await api.post(`${keysUrl}/${shown.id}/revoke`, {}, { headers })
        expect(revoked.data.scanner_key.revoked_at).toEqual(expect.any(String))
        const refused = await verify(card.code, scanner)
        expect(refused.status).toBe(401)
        expect(refused.data.message).toMatch(/scanner key/)
        // Revoking again on purpose (its own key: a double click would get the first answer) is refused.
        const again = await settle(
          api.post(`${keysUrl}/${shown.id}/revoke`, {}, { headers: { ...headers, "Idempotency-Key": "revoke-again" } })
        )
        expect(again.status).toBe(400)
      })

      it("the card check still takes an admin, refuses no or a made-up key, and the key routes validate input", async () => {
        const holder = await newCustomer()
        const card = await cardOf(holder, (await assign(holder)).id)
        expect((await verify(card.code)).status).toBe(200)
        expect((await verify(card.code, {})).status).toBe(401)
        expect((await verify(card.code, { "x-scanner-key": `msk_${"A".repeat(43)}` })).status).toBe(401)
        expect((await verify(card.code, { "x-scanner-key": "nonsense" })).status).toBe(401)
        expect((await verify(card.code, { ...headers, "x-scanner-key": "nonsense" })).status).toBe(401)

        expect((await settle(api.get(keysUrl, {}))).status).toBe(401)
        const empty = await settle(api.post(keysUrl, { name: " " }, { headers }))
        expect(empty.status).toBe(400)
        expect(empty.data.message).toMatch(/name/)
        expect((await settle(api.post(keysUrl, { name: "A", key: "msk_mine" }, { headers }))).status).toBe(400)
        expect((await settle(api.get(`${keysUrl}?limit=0`, { headers }))).status).toBe(400)
        expect((await settle(api.get(`${keysUrl}?order=;drop`, { headers }))).status).toBe(400)
        const unknown = await settle(api.post(`${keysUrl}/mscan_unknown/revoke`, {}, { headers }))
        expect(unknown.status).toBe(404)
        expect((await api.get(keysUrl, { headers })).data.count).toBe(0)
      })
    })
  },
})
