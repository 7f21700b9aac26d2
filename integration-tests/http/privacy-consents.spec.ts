import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { exportWithHandlers } from "../../src/lib/customer-data"
import { resolvePerson } from "../../src/lib/customer-data/person"
import { selectRows } from "../../src/lib/queries/sql"
import { createAdminUser, settle } from "../helpers/admin"
import { createStorefrontChannel, registerStoreCustomer } from "../helpers/store"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240 * 1000)

/**
 * Consents with proof: purposes with versioned texts managed in the admin, the append-only consent
 * log changed by staff (with a reason) and by the customer in the storefront or at registration,
 * the system note and event of each change, and what anonymize, delete and export do with the log.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let userId: string
    let publishableKey: string
    let seq = 0

    const rows = (sql: string, values: Record<string, unknown> = {}) => selectRows(getContainer(), sql, values)
    /** An admin write with its own Idempotency-Key, so identical requests all run. */
    const post = (url: string, body: unknown = {}) =>
      settle(api.post(url, body, { headers: { ...headers, "Idempotency-Key": randomUUID() } }))
    const get = (url: string) => settle(api.get(url, { headers }))
    const createCustomer = async () =>
      (await api.post("/admin/customers", { email: `consent${++seq}@example.com`, first_name: "Petra", last_name: "Privé" }, { headers }))
        .data.customer.id as string
    const createPurpose = async (handle: string, text = `I agree to ${handle}.`, extra: Record<string, unknown> = {}) => {
      const res = await post("/admin/crm/privacy/purposes", { handle, name: `Purpose ${handle}`, text, ...extra })
      expect(res.status).toBe(200)
      return res.data.purpose
    }
    const logOf = (customerId: string) =>
      rows(
        `SELECT purpose_id, granted, source, actor_id, text_version, reason FROM privacy_consent
         WHERE customer_id = :id ORDER BY occurred_at, id`,
        { id: customerId }
      )
    const countRows = async (table: string) => Number((await rows(`SELECT count(*) AS n FROM ${table}`))[0].n)
    const notesOf = (customerId: string) =>
      rows(`SELECT body, event, author_id FROM customer_note WHERE customer_id = :id AND kind = 'system' ORDER BY created_at`, {
        id: customerId,
      })
    /** Events of a name as the event bus delivers them, from now on. */
    const listen = (name: string) => {
      const received: any[] = []
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      eventBus.subscribe(name, async (event: any) => void received.push(event.data), { subscriberId: `test-${name}-${randomUUID()}` })
      return received
    }
    const register = async (email: string, body: Record<string, unknown>) => {
      const pk = { "x-publishable-api-key": publishableKey }
      const {
        data: { token },
      } = await api.post("/auth/customer/emailpass/register", { email, password: "supersecret" })
      return settle(api.post("/store/customers", { email, ...body }, { headers: { ...pk, authorization: `Bearer ${token}` } }))
    }

    beforeEach(async () => {
      const admin = await createAdminUser(getContainer())
      headers = admin.headers
      userId = admin.userId
      publishableKey = (await createStorefrontChannel(getContainer())).key.token
    })

    it("manages purposes: versions of the text, archive, unique handles, 404 and 400", async () => {
      const created = await createPurpose("email_marketing", "Send me offers by e-mail.", { description: "Newsletter list", rank: 2 })
      expect(created).toEqual(
        expect.objectContaining({ handle: "email_marketing", version: 1, text: "Send me offers by e-mail.", archived_at: null, rank: 2 })
      )
      await createPurpose("sms", "Send me texts.", { rank: 1 })

      // The same handle again, also at once from several requests: one purpose, the others 409.
      const clash = await Promise.all(
        Array.from({ length: 4 }, () => post("/admin/crm/privacy/purposes", { handle: "profiling", name: "Profiling", text: "Yes." }))
      )
      expect(clash.map((r) => r.status).sort()).toEqual([200, 409, 409, 409])
      expect(clash.filter((r) => r.status === 409).every((r) => r.data.code === "purpose_handle_taken")).toBe(true)
      const taken = await post("/admin/crm/privacy/purposes", { handle: "email_marketing", name: "Again", text: "Again" })
      expect(taken.status).toBe(409)
      expect(taken.data.code).toBe("purpose_handle_taken")

      // A new text is a new version; the same text, or only a name, is not.
      const edited = await post(`/admin/crm/privacy/purposes/${created.id}`, { text: "Send me offers and news by e-mail." })
      expect(edited.status).toBe(200)
      expect(edited.data.purpose).toEqual(expect.objectContaining({ version: 2, text: "Send me offers and news by e-mail." }))
      expect(edited.data.versions.map((v: any) => [v.version, v.text, v.created_by])).toEqual([
        [2, "Send me offers and news by e-mail.", userId],
        [1, "Send me offers by e-mail.", userId],
      ])
      const renamed = await post(`/admin/crm/privacy/purposes/${created.id}`, { name: "E-mail marketing", text: "Send me offers and news by e-mail." })
      expect(renamed.data.purpose).toEqual(expect.objectContaining({ name: "E-mail marketing", version: 2 }))

      // List: by rank, with filters and capped parameters.
      const list = await get("/admin/crm/privacy/purposes")
      expect(list.status).toBe(200)
      expect(list.data.purposes.map((p: any) => p.handle)).toEqual(["profiling", "sms", "email_marketing"])
      expect(list.data).toEqual(expect.objectContaining({ count: 3, offset: 0, limit: 20 }))
      expect((await get("/admin/crm/privacy/purposes?limit=1&offset=1&order=-name")).data.purposes.map((p: any) => p.handle)).toEqual(["profiling"])
      for (const bad of ["limit=0", "limit=1000", "order=;drop", "archived=maybe", "foo=1"]) {
        const res = await get(`/admin/crm/privacy/purposes?${bad}`)
        expect([bad, res.status, res.data.code]).toEqual([bad, 400, "invalid_data"])
      }

      // Archive instead of delete.
      const archived = await post(`/admin/crm/privacy/purposes/${created.id}`, { archived: true })
      expect(archived.data.purpose.archived_at).not.toBeNull()
      expect((await get("/admin/crm/privacy/purposes?archived=false")).data.purposes.map((p: any) => p.handle)).toEqual(["profiling", "sms"])
      expect((await get("/admin/crm/privacy/purposes?archived=true")).data.purposes.map((p: any) => p.handle)).toEqual(["email_marketing"])
      const back = await post(`/admin/crm/privacy/purposes/${created.id}`, { archived: false })
      expect(back.data.purpose.archived_at).toBeNull()

      // 404s, and bad bodies write nothing.
      expect((await get("/admin/crm/privacy/purposes/ppur_unknown")).status).toBe(404)
      const unknown = await post("/admin/crm/privacy/purposes/ppur_unknown", { name: "X" })
      expect([unknown.status, unknown.data.code]).toEqual([404, "purpose_not_found"])
      const before = { purposes: await countRows("privacy_consent_purpose"), texts: await countRows("privacy_consent_text") }
      for (const body of [
        {},
        { handle: "Has Spaces", name: "X", text: "Y" },
        { handle: "ok", name: "", text: "Y" },
        { handle: "ok", name: "X" },
        { handle: "ok", name: "X", text: "Y", rank: -1 },
        { handle: "ok", name: "X", text: "Y", extra: true },
      ]) {
        const res = await post("/admin/crm/privacy/purposes", body)
        expect([JSON.stringify(body), res.status, res.data.code]).toEqual([JSON.stringify(body), 400, "invalid_data"])
      }
      for (const body of [{}, { text: "" }, { archived: "yes" }, { handle: "renamed" }]) {
        const res = await post(`/admin/crm/privacy/purposes/${created.id}`, body)
        expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400])
      }
      expect({ purposes: await countRows("privacy_consent_purpose"), texts: await countRows("privacy_consent_text") }).toEqual(before)
    })

    it("grants and withdraws in the admin with a reason: log, history, system note, event; old grants keep their text version", async () => {
      const purpose = await createPurpose(`news_${++seq}`, "Version one.")
      const customerId = await createCustomer()
      const events = listen("crm.customer_consent.changed")

      const initial = await get(`/admin/customers/${customerId}/consents`)
      expect(initial.status).toBe(200)
      expect(initial.data.history).toEqual([])
      expect(initial.data.consents.find((c: any) => c.purpose.id === purpose.id)).toEqual(
        expect.objectContaining({ granted: null, current: null, outdated: false })
      )

      const granted = await post(`/admin/customers/${customerId}/consents`, { purpose_id: purpose.id, granted: true, reason: "Asked at the counter" })
      expect(granted.status).toBe(200)
      expect(granted.data.consent).toEqual(
        expect.objectContaining({
          granted: true,
          outdated: false,
          current: expect.objectContaining({ source: "admin", actor_id: userId, text_version: 1, reason: "Asked at the counter" }),
        })
      )
      // Granting again changes nothing and writes nothing.
      const again = await post(`/admin/customers/${customerId}/consents`, { purpose_id: purpose.id, granted: true, reason: "Again" })
      expect(again.status).toBe(200)
      expect((await logOf(customerId)).length).toBe(1)

      // A new text: the grant keeps pointing at version 1 and shows as outdated.
      await post(`/admin/crm/privacy/purposes/${purpose.id}`, { text: "Version two." })
      const outdated = (await get(`/admin/customers/${customerId}/consents`)).data.consents.find((c: any) => c.purpose.id === purpose.id)
      expect(outdated).toEqual(expect.objectContaining({ granted: true, outdated: true }))
      expect(outdated.current.text_version).toBe(1)
      expect(outdated.purpose.version).toBe(2)

      const withdrawn = await post(`/admin/customers/${customerId}/consents`, { purpose_id: purpose.id, granted: false, reason: "Called to opt out" })
      expect(withdrawn.data.consent).toEqual(expect.objectContaining({ granted: false, outdated: false }))
      expect(withdrawn.data.consent.current.text_version).toBe(2)

      expect(await logOf(customerId)).toEqual([
        { purpose_id: purpose.id, granted: true, source: "admin", actor_id: userId, text_version: 1, reason: "Asked at the counter" },
        { purpose_id: purpose.id, granted: false, source: "admin", actor_id: userId, text_version: 2, reason: "Called to opt out" },
      ])
      const history = (await get(`/admin/customers/${customerId}/consents`)).data.history
      expect(history.map((h: any) => [h.granted, h.text_version])).toEqual([
        [false, 2],
        [true, 1],
      ])

      // One system note per change, rendered from its event; the timeline shows them.
      const notes = await notesOf(customerId)
      expect(notes.map((n: any) => n.event.key)).toEqual(["consent_granted_with_reason", "consent_withdrawn_with_reason"])
      expect(notes[0]).toEqual(
        expect.objectContaining({
          author_id: userId,
          body: `Consent "${purpose.name}" granted (text version 1, admin): Asked at the counter`,
          event: { key: "consent_granted_with_reason", values: { purpose: purpose.name, version: 1, source: "admin", reason: "Asked at the counter" } },
        })
      )
      const timeline = (await get(`/admin/customers/${customerId}/timeline`)).data
      expect(JSON.stringify(timeline)).toContain("consent_withdrawn_with_reason")

      // The event: ids only, one per change written.
      await waitFor(async () => events.filter((e) => e.id === customerId), (list) => list.length === 2, "two consent events")
      const mine = events.filter((e) => e.id === customerId)
      expect(mine.map((e) => Object.keys(e).sort())).toEqual([
        ["consent_id", "granted", "id", "purpose_id", "source"],
        ["consent_id", "granted", "id", "purpose_id", "source"],
      ])
      expect(mine.map((e) => e.granted)).toEqual([true, false])
    })

    it("refuses bad admin input with nothing written: 404 unknown customer, 400 unknown or archived purpose, reason required", async () => {
      const purpose = await createPurpose(`refuse_${++seq}`)
      const archived = await createPurpose(`old_${seq}`)
      await post(`/admin/crm/privacy/purposes/${archived.id}`, { archived: true })
      const customerId = await createCustomer()
      const consentsBefore = await countRows("privacy_consent")
      const notesBefore = (await notesOf(customerId)).length

      expect((await get("/admin/customers/cus_unknown/consents")).status).toBe(404)
      const unknownCustomer = await post("/admin/customers/cus_unknown/consents", { purpose_id: purpose.id, granted: true, reason: "x" })
      expect([unknownCustomer.status, unknownCustomer.data.code]).toEqual([404, "customer_not_found"])
      for (const [body, code] of [
        [{ purpose_id: "ppur_unknown", granted: true, reason: "x" }, "purpose_not_found"],
        [{ purpose_id: archived.id, granted: true, reason: "x" }, "purpose_not_found"],
        [{ purpose_id: purpose.id, granted: true }, "invalid_data"],
        [{ purpose_id: purpose.id, granted: true, reason: "   " }, "invalid_data"],
        [{ purpose_id: purpose.id, granted: "yes", reason: "x" }, "invalid_data"],
        [{ purpose_id: purpose.id, granted: true, reason: "x", source: "api" }, "invalid_data"],
        [{ purpose_id: purpose.id, granted: true, reason: "x".repeat(501) }, "invalid_data"],
      ] as const) {
        const res = await post(`/admin/customers/${customerId}/consents`, body)
        expect([JSON.stringify(body), res.status, res.data.code]).toEqual([JSON.stringify(body), 400, code])
      }
      expect((await get(`/admin/customers/${customerId}/consents?limit=5`)).status).toBe(400)
      expect(await countRows("privacy_consent")).toBe(consentsBefore)
      expect((await notesOf(customerId)).length).toBe(notesBefore)
      // The archived purpose is not offered.
      const offered = (await get(`/admin/customers/${customerId}/consents`)).data.consents.map((c: any) => c.purpose.id)
      expect(offered).toContain(purpose.id)
      expect(offered).not.toContain(archived.id)
    })

    it("undoes the log row when a later step of the change fails", async () => {
      const purpose = await createPurpose(`undo_${++seq}`)
      const customerId = await createCustomer()
      const notes = getContainer().resolve("customer_note") as { createCustomerNotes: (...args: any[]) => any }
      const spy = jest.spyOn(notes, "createCustomerNotes").mockRejectedValueOnce(new Error("Notes are down"))
      try {
        const failed = await post(`/admin/customers/${customerId}/consents`, { purpose_id: purpose.id, granted: true, reason: "Try" })
        expect(failed.status).toBe(500)
      } finally {
        spy.mockRestore()
      }
      expect(await logOf(customerId)).toEqual([])
      const retried = await post(`/admin/customers/${customerId}/consents`, { purpose_id: purpose.id, granted: true, reason: "Again" })
      expect(retried.data.consent.granted).toBe(true)
      expect((await logOf(customerId)).length).toBe(1)
    })

    it("keeps the state whole under parallel grants and withdrawals", async () => {
      const purpose = await createPurpose(`parallel_${++seq}`)
      const customerId = await createCustomer()
      const grants = await Promise.all(
        Array.from({ length: 12 }, () => post(`/admin/customers/${customerId}/consents`, { purpose_id: purpose.id, granted: true, reason: "Parallel" }))
      )
      expect(grants.every((r) => r.status === 200)).toBe(true)
      // Twelve grants at once: one change, one row, one note.
      expect((await logOf(customerId)).map((r: any) => r.granted)).toEqual([true])
      expect((await notesOf(customerId)).length).toBe(1)

      // Grants and withdrawals mixed: the log alternates (no change is written twice in a row) and
      // the current state is the newest row.
      const mixed = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          post(`/admin/customers/${customerId}/consents`, { purpose_id: purpose.id, granted: i % 2 === 0, reason: `Mixed ${i}` })
        )
      )
      expect(mixed.every((r) => r.status === 200)).toBe(true)
      const log = await logOf(customerId)
      for (let i = 1; i < log.length; i++) {
        expect(log[i].granted).not.toBe(log[i - 1].granted)
      }
      const current = (await get(`/admin/customers/${customerId}/consents`)).data.consents.find((c: any) => c.purpose.id === purpose.id)
      expect(current.granted).toBe(log[log.length - 1].granted)
      expect((await notesOf(customerId)).length).toBe(log.length)
    })

    it("lets the logged-in customer read and change their own consents by handle, with source storefront", async () => {
      const a = await createPurpose(`store_a_${++seq}`, "Text A1")
      const b = await createPurpose(`store_b_${seq}`, "Text B1")
      await post(`/admin/crm/privacy/purposes/${a.id}`, { text: "Text A2" })
      const shopper = await registerStoreCustomer(api, publishableKey, `shopper${seq}@example.com`)
      const other = await registerStoreCustomer(api, publishableKey, `other${seq}@example.com`)
      const storeGet = (who: { headers: Record<string, string> }) => settle(api.get("/store/customers/me/consents", { headers: who.headers }))
      const storePost = (who: { headers: Record<string, string> }, body: unknown) =>
        settle(api.post("/store/customers/me/consents", body, { headers: who.headers }))

      expect((await settle(api.get("/store/customers/me/consents", { headers: { "x-publishable-api-key": publishableKey } }))).status).toBe(401)
      const initial = await storeGet(shopper)
      expect(initial.status).toBe(200)
      const stateA = initial.data.consents.find((c: any) => c.purpose.handle === a.handle)
      expect(stateA).toEqual(expect.objectContaining({ granted: null }))
      expect(stateA.purpose).toEqual(expect.objectContaining({ version: 2, text: "Text A2" }))

      const changed = await storePost(shopper, {
        consents: [
          { purpose: a.handle, granted: true, version: 1 },
          { purpose: b.handle, granted: false },
        ],
      })
      expect(changed.status).toBe(200)
      const byHandle = Object.fromEntries(changed.data.consents.map((c: any) => [c.purpose.handle, c]))
      expect(byHandle[a.handle]).toEqual(expect.objectContaining({ granted: true, outdated: true }))
      expect(byHandle[a.handle].current).toEqual(expect.objectContaining({ source: "storefront", actor_id: shopper.customerId, text_version: 1 }))
      expect(byHandle[b.handle]).toEqual(expect.objectContaining({ granted: false }))
      // The other customer is untouched; an id in the body cannot aim elsewhere.
      expect((await logOf(other.customerId)).length).toBe(0)
      const aimed = await storePost(shopper, { consents: [{ purpose: a.handle, granted: false }], customer_id: other.customerId })
      expect(aimed.status).toBe(400)
      expect((await logOf(other.customerId)).length).toBe(0)

      // Bad input: 400 with nothing written, an unknown handle among good ones included.
      const before = (await logOf(shopper.customerId)).length
      for (const [body, code] of [
        [{ consents: [{ purpose: "nope", granted: true }] }, "purpose_not_found"],
        [{ consents: [{ purpose: b.handle, granted: true }, { purpose: "nope", granted: true }] }, "purpose_not_found"],
        [{ consents: [{ purpose: a.handle, granted: false, version: 3 }] }, "invalid_data"],
        [{ consents: [] }, "invalid_data"],
        [{ consents: [{ purpose: a.handle, granted: true }, { purpose: a.handle, granted: false }] }, "invalid_data"],
        [{ consents: [{ purpose: a.handle }] }, "invalid_data"],
        [[{ purpose: a.handle, granted: true }], "invalid_data"],
      ] as const) {
        const res = await storePost(shopper, body)
        expect([JSON.stringify(body), res.status, res.data.code]).toEqual([JSON.stringify(body), 400, code])
      }
      expect((await logOf(shopper.customerId)).length).toBe(before)

      // Parallel storefront requests: one change written.
      await Promise.all(Array.from({ length: 8 }, () => storePost(shopper, { consents: [{ purpose: b.handle, granted: true }] })))
      expect((await logOf(shopper.customerId)).filter((r: any) => r.purpose_id === b.id).map((r: any) => r.granted)).toEqual([false, true])
    })

    it("records consents given at registration through additional_data, and refuses bad ones before anything is created", async () => {
      const purpose = await createPurpose(`signup_${++seq}`, "Signup text")
      const events = listen("crm.customer_consent.changed")

      const email = `signup${seq}@example.com`
      const res = await register(email, {
        first_name: "New",
        additional_data: { consents: [{ purpose: purpose.handle, granted: true }] },
      })
      expect(res.status).toBe(200)
      const customerId = res.data.customer.id
      expect(await logOf(customerId)).toEqual([
        { purpose_id: purpose.id, granted: true, source: "storefront", actor_id: customerId, text_version: 1, reason: null },
      ])
      expect((await notesOf(customerId)).map((n: any) => n.event.key)).toEqual(["consent_granted"])
      await waitFor(async () => events.filter((e) => e.id === customerId), (list) => list.length === 1, "the registration's consent event")

      const checkout = await register(`checkout${seq}@example.com`, {
        additional_data: { consents: [{ purpose: purpose.handle, granted: false }], consent_source: "checkout" },
      })
      expect(checkout.status).toBe(200)
      expect((await logOf(checkout.data.customer.id)).map((r: any) => [r.granted, r.source])).toEqual([[false, "checkout"]])

      // Without consents the registration is as Medusa's.
      expect((await register(`plain${seq}@example.com`, { first_name: "Plain" })).status).toBe(200)

      // Unknown handle, bad shape, a version that does not exist: 400 and no customer.
      for (const [i, additional_data] of [
        { consents: [{ purpose: "nope", granted: true }] },
        { consents: [{ purpose: purpose.handle }] },
        { consents: [{ purpose: purpose.handle, granted: true, version: 9 }] },
        { consents: "yes" },
        { consents: [{ purpose: purpose.handle, granted: true }], consent_source: "admin" },
      ].entries()) {
        const refusedEmail = `refused${seq}_${i}@example.com`
        const refused = await register(refusedEmail, { additional_data })
        expect([JSON.stringify(additional_data), refused.status]).toEqual([JSON.stringify(additional_data), 400])
        expect(await rows(`SELECT id FROM customer WHERE email = :email`, { email: refusedEmail })).toEqual([])
      }
    })

    it("a merge moves the merged-away record's consent log to the survivor, where the newest row counts; an undo moves it back", async () => {
      const purpose = await createPurpose("merge_news")
      const other = await createPurpose("merge_sms")
      const source = await createCustomer()
      const survivor = await createCustomer()
      // The survivor withdrew the newsletter long ago; the source granted it later, and granted SMS.
      expect((await post(`/admin/customers/${survivor}/consents`, { purpose_id: purpose.id, granted: false, reason: "Asked by phone" })).status).toBe(200)
      expect((await post(`/admin/customers/${source}/consents`, { purpose_id: purpose.id, granted: true, reason: "Asked at the counter" })).status).toBe(200)
      expect((await post(`/admin/customers/${source}/consents`, { purpose_id: other.id, granted: true, reason: "Asked at the counter" })).status).toBe(200)

      const merged = await post(`/admin/customers/${source}/identity/merge`, { other_id: survivor, survivor_id: survivor })
      expect(merged.status).toBe(200)
      const after = await get(`/admin/customers/${survivor}/consents`)
      const state = (id: string, res: typeof after) => res.data.consents.find((c: any) => c.purpose.id === id)?.granted
      expect(state(purpose.id, after)).toBe(true)
      expect(state(other.id, after)).toBe(true)
      expect(after.data.history).toHaveLength(3)

      const undone = await post(`/admin/customers/${survivor}/identity/merges/${merged.data.merge.id}/undo`)
      expect(undone.status).toBe(200)
      const back = await get(`/admin/customers/${survivor}/consents`)
      expect(state(purpose.id, back)).toBe(false)
      expect(state(other.id, back)).toBeNull()
      expect(back.data.history).toHaveLength(1)
      expect((await get(`/admin/customers/${source}/consents`)).data.history).toHaveLength(2)
    })

    it("anonymize keeps the log as proof without reasons; export lists it; delete removes it; count and list include it", async () => {
      const purpose = await createPurpose(`proof_${++seq}`, "Proof v1")
      const customerId = await createCustomer()
      await post(`/admin/customers/${customerId}/consents`, { purpose_id: purpose.id, granted: true, reason: "Petra asked in person" })
      await post(`/admin/crm/privacy/purposes/${purpose.id}`, { text: "Proof v2" })
      await post(`/admin/customers/${customerId}/consents`, { purpose_id: purpose.id, granted: false, reason: "Petra called" })

      const privacy = (await get(`/admin/customers/${customerId}/privacy`)).data.privacy
      expect(privacy.holds.privacy).toBeGreaterThanOrEqual(2)

      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const person = await resolvePerson(getContainer(), customerId)
      const document = await exportWithHandlers({ container: getContainer(), sql: pg as any }, person)
      expect(document.consents).toEqual([
        expect.objectContaining({ purpose: purpose.handle, purpose_name: purpose.name, granted: true, source: "admin", text_version: 1, text: "Proof v1", reason: "Petra asked in person" }),
        expect.objectContaining({ purpose: purpose.handle, granted: false, text_version: 2, text: "Proof v2", reason: "Petra called" }),
      ])

      const anonymized = await post(`/admin/customers/${customerId}/privacy/anonymize`, { confirm: "anonymize" })
      expect(anonymized.status).toBe(200)
      expect(await logOf(customerId)).toEqual([
        { purpose_id: purpose.id, granted: true, source: "admin", actor_id: userId, text_version: 1, reason: null },
        { purpose_id: purpose.id, granted: false, source: "admin", actor_id: userId, text_version: 2, reason: null },
      ])

      // Delete: a customer without orders, deleted for good, takes the log with them.
      const gone = await createCustomer()
      await post(`/admin/customers/${gone}/consents`, { purpose_id: purpose.id, granted: true, reason: "Yes" })
      expect((await logOf(gone)).length).toBe(1)
      const deleted = await post(`/admin/customers/${gone}/privacy/delete`, { confirm: "delete" })
      expect(deleted.status).toBe(200)
      expect(await logOf(gone)).toEqual([])
    })
  },
})
