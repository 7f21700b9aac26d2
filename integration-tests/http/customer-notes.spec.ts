import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { NOTE_BODY_MAX_LENGTH } from "../../src/types/http/notes"
import { CUSTOMER_NOTE_MODULE } from "../../src/modules/customer-note"
import type CustomerNoteModuleService from "../../src/modules/customer-note/service"
import customerDeletedHandler from "../../src/subscribers/customer-deleted"
import { createCustomerNoteWorkflow } from "../../src/workflows/create-customer-note"
import { createAdminUser, settle } from "../helpers/admin"

jest.setTimeout(60 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let userId: string
    let customerId: string

    const notesInDb = async (customer_id = customerId) => {
      const service = getContainer().resolve<CustomerNoteModuleService>(CUSTOMER_NOTE_MODULE)
      return service.listCustomerNotes({ customer_id }, { order: { created_at: "ASC" } })
    }

    beforeEach(async () => {
      const admin = await createAdminUser(getContainer())
      headers = admin.headers
      userId = admin.userId
      const { data } = await api.post(
        "/admin/customers",
        { email: "jane@example.com", first_name: "Jane", last_name: "Doe" },
        { headers }
      )
      customerId = data.customer.id
    })

    describe("POST /admin/customers/:id/notes", () => {
      it("writes a manual note by the logged-in admin", async () => {
        const res = await api.post(
          `/admin/customers/${customerId}/notes`,
          { body: "  Prefers aisle seats  " },
          { headers }
        )
        expect(res.status).toBe(201)
        expect(res.data.note).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^cnote_/),
            customer_id: customerId,
            body: "Prefers aisle seats",
            kind: "manual",
            pinned: false,
            author_id: userId,
            author: expect.objectContaining({ id: userId, email: "admin@medusa-crm.test" }),
          })
        )
        const stored = await notesInDb()
        expect(stored).toHaveLength(1)
        expect(stored[0].body).toBe("Prefers aisle seats")
      })

      it("answers 404 for an unknown customer and writes nothing", async () => {
        const res = await settle(
          api.post("/admin/customers/cus_unknown/notes", { body: "x" }, { headers })
        )
        expect(res.status).toBe(404)
        expect(res.data.type).toBe("not_found")
        expect(res.data.code).toBe("customer_not_found")
        const service = getContainer().resolve<CustomerNoteModuleService>(CUSTOMER_NOTE_MODULE)
        expect(await service.listCustomerNotes({})).toHaveLength(0)
      })

      it.each([
        ["a missing body", {}, "body"],
        ["an empty body", { body: "" }, "too small"],
        ["a blank body", { body: "   " }, "too small"],
        ["an over-long body", { body: "x".repeat(NOTE_BODY_MAX_LENGTH + 1) }, `at most: '${NOTE_BODY_MAX_LENGTH}'`],
        ["a number as body", { body: 42 }, "Expected type: 'string' for field 'body'"],
        ["a string as pinned", { body: "ok", pinned: "yes" }, "Expected type: 'boolean' for field 'pinned'"],
        ["a kind (set by the server)", { body: "ok", kind: "system" }, "kind"],
        ["an author (set by the server)", { body: "ok", author_id: "user_x" }, "author_id"],
      ])("rejects %s with a 400 naming the problem and writes nothing", async (_, payload, message) => {
        const res = await settle(
          api.post(`/admin/customers/${customerId}/notes`, payload, { headers })
        )
        expect(res.status).toBe(400)
        expect(res.data.type).toBe("invalid_data")
        expect(res.data.message).toContain(message)
        expect(await notesInDb()).toHaveLength(0)
      })

      it("accepts a body of exactly the limit", async () => {
        const res = await api.post(
          `/admin/customers/${customerId}/notes`,
          { body: "y".repeat(NOTE_BODY_MAX_LENGTH) },
          { headers }
        )
        expect(res.status).toBe(201)
        expect(res.data.note.body).toHaveLength(NOTE_BODY_MAX_LENGTH)
      })

      it("answers 401 without a login and writes nothing", async () => {
        const res = await settle(api.post(`/admin/customers/${customerId}/notes`, { body: "x" }))
        expect(res.status).toBe(401)
        expect(await notesInDb()).toHaveLength(0)
      })

      it("keeps a single pinned note per customer: pinning a new one unpins the old", async () => {
        const first = await api.post(
          `/admin/customers/${customerId}/notes`,
          { body: "VIP, always greet by name", pinned: true },
          { headers }
        )
        const second = await api.post(
          `/admin/customers/${customerId}/notes`,
          { body: "Season ticket holder since 2019", pinned: true },
          { headers }
        )
        expect(second.data.note.pinned).toBe(true)
        const stored = await notesInDb()
        expect(stored.map((n) => [n.id, n.pinned])).toEqual([
          [first.data.note.id, false],
          [second.data.note.id, true],
        ])
      })
    })

    describe("GET /admin/customers/:id/notes", () => {
      it("lists the customer's notes newest first with count and pagination", async () => {
        for (const body of ["one", "two", "three"]) {
          await api.post(`/admin/customers/${customerId}/notes`, { body }, { headers })
        }
        const other = await api.post(
          "/admin/customers",
          { email: "other@example.com" },
          { headers }
        )
        await api.post(
          `/admin/customers/${other.data.customer.id}/notes`,
          { body: "not theirs" },
          { headers }
        )

        const all = await api.get(`/admin/customers/${customerId}/notes`, { headers })
        expect(all.status).toBe(200)
        expect(all.data.count).toBe(3)
        expect(all.data.notes.map((n) => n.body)).toEqual(["three", "two", "one"])
        expect(all.data.notes[0].author.email).toBe("admin@medusa-crm.test")

        const page = await api.get(`/admin/customers/${customerId}/notes?limit=2&offset=2`, {
          headers,
        })
        expect(page.data).toEqual(
          expect.objectContaining({ count: 3, offset: 2, limit: 2 })
        )
        expect(page.data.notes.map((n) => n.body)).toEqual(["one"])

        const manualOnly = await api.get(`/admin/customers/${customerId}/notes?kind=manual`, {
          headers,
        })
        expect(manualOnly.data.count).toBe(3)
        const systemOnly = await api.get(`/admin/customers/${customerId}/notes?kind=system`, {
          headers,
        })
        expect(systemOnly.data.count).toBe(0)
        const searched = await api.get(`/admin/customers/${customerId}/notes?q=thr`, { headers })
        expect(searched.data.notes.map((n) => n.body)).toEqual(["three"])

        const pinnedOnly = await api.get(`/admin/customers/${customerId}/notes?pinned=true`, {
          headers,
        })
        expect(pinnedOnly.data.count).toBe(0)
      })

      it("answers 404 for an unknown customer, 400 for bad query params, 401 without login", async () => {
        const unknown = await settle(api.get("/admin/customers/cus_nope/notes", { headers }))
        expect(unknown.status).toBe(404)
        expect(unknown.data.code).toBe("customer_not_found")
        const bad = await settle(
          api.get(`/admin/customers/${customerId}/notes?limit=abc`, { headers })
        )
        expect(bad.data.code).toBe("invalid_data")
        expect(bad.status).toBe(400)
        const badKind = await settle(
          api.get(`/admin/customers/${customerId}/notes?kind=secret`, { headers })
        )
        expect(badKind.status).toBe(400)
        expect(badKind.data.message).toContain("kind must be one of: manual, system")
        const anon = await settle(api.get(`/admin/customers/${customerId}/notes`))
        expect(anon.status).toBe(401)
      })
    })

    describe("POST /admin/customers/:id/notes/:note_id", () => {
      let noteId: string
      beforeEach(async () => {
        const res = await api.post(
          `/admin/customers/${customerId}/notes`,
          { body: "original" },
          { headers }
        )
        noteId = res.data.note.id
      })

      it("edits the body and pins the note", async () => {
        const res = await api.post(
          `/admin/customers/${customerId}/notes/${noteId}`,
          { body: "edited", pinned: true },
          { headers }
        )
        expect(res.status).toBe(200)
        expect(res.data.note).toEqual(
          expect.objectContaining({ id: noteId, body: "edited", pinned: true })
        )
        const [stored] = await notesInDb()
        expect(stored).toEqual(expect.objectContaining({ body: "edited", pinned: true }))
      })

      it("rejects an empty change, unknown fields and bad types with 400 and changes nothing", async () => {
        for (const payload of [{}, { body: "" }, { pinned: "no" }, { customer_id: "cus_x" }]) {
          const res = await settle(
            api.post(`/admin/customers/${customerId}/notes/${noteId}`, payload, { headers })
          )
          expect(res.status).toBe(400)
        }
        const [stored] = await notesInDb()
        expect(stored).toEqual(expect.objectContaining({ body: "original", pinned: false }))
      })

      it("reads one note with the requested fields, only on its own customer", async () => {
        const res = await api.get(`/admin/customers/${customerId}/notes/${noteId}`, { headers })
        expect(res.status).toBe(200)
        expect(res.data.note).toEqual(
          expect.objectContaining({ id: noteId, body: "original", author: expect.any(Object) })
        )
        const few = await api.get(
          `/admin/customers/${customerId}/notes/${noteId}?fields=id,body`,
          { headers }
        )
        expect(Object.keys(few.data.note).sort()).toEqual(["body", "id"])
        const other = await api.post("/admin/customers", { email: "r@example.com" }, { headers })
        const wrong = await settle(
          api.get(`/admin/customers/${other.data.customer.id}/notes/${noteId}`, { headers })
        )
        expect(wrong.status).toBe(404)
        const anon = await settle(api.get(`/admin/customers/${customerId}/notes/${noteId}`))
        expect(anon.status).toBe(401)
      })

      it("answers 401 without a login for edits and deletes, and changes nothing", async () => {
        const edit = await settle(
          api.post(`/admin/customers/${customerId}/notes/${noteId}`, { body: "anon" })
        )
        expect(edit.status).toBe(401)
        const del = await settle(api.delete(`/admin/customers/${customerId}/notes/${noteId}`))
        expect(del.status).toBe(401)
        const stored = await notesInDb()
        expect(stored.map((n) => n.body)).toEqual(["original"])
      })

      it("answers 404 for a note of another customer or an unknown note", async () => {
        const other = await api.post("/admin/customers", { email: "o@example.com" }, { headers })
        const res = await settle(
          api.post(
            `/admin/customers/${other.data.customer.id}/notes/${noteId}`,
            { body: "hijack" },
            { headers }
          )
        )
        expect(res.status).toBe(404)
        const unknown = await settle(
          api.post(`/admin/customers/${customerId}/notes/cnote_nope`, { body: "x" }, { headers })
        )
        expect(unknown.status).toBe(404)
        expect(unknown.data.code).toBe("note_not_found")
        const [stored] = await notesInDb()
        expect(stored.body).toBe("original")
      })

      it("lets a system note be pinned but not rewritten or deleted", async () => {
        const { result } = await createCustomerNoteWorkflow(getContainer()).run({
          input: { customer_id: customerId, body: "Tag VIP added", kind: "system" },
        })
        const edit = await settle(
          api.post(`/admin/customers/${customerId}/notes/${result.id}`, { body: "rewritten" }, { headers })
        )
        expect(edit.status).toBe(400)
        expect(edit.data.message).toContain("System notes")
        const del = await settle(
          api.delete(`/admin/customers/${customerId}/notes/${result.id}`, { headers })
        )
        expect(del.status).toBe(400)
        const pin = await api.post(
          `/admin/customers/${customerId}/notes/${result.id}`,
          { pinned: true },
          { headers }
        )
        expect(pin.data.note).toEqual(
          expect.objectContaining({ body: "Tag VIP added", kind: "system", pinned: true, author_id: null })
        )
        expect(pin.data.note.author ?? null).toBeNull()
      })
    })

    describe("DELETE /admin/customers/:id/notes/:note_id", () => {
      it("deletes the note and answers in Medusa's delete shape", async () => {
        const created = await api.post(
          `/admin/customers/${customerId}/notes`,
          { body: "temporary" },
          { headers }
        )
        const id = created.data.note.id
        const res = await api.delete(`/admin/customers/${customerId}/notes/${id}`, { headers })
        expect(res.status).toBe(200)
        expect(res.data).toEqual({ id, object: "customer_note", deleted: true })
        expect(await notesInDb()).toHaveLength(0)
        const again = await settle(api.delete(`/admin/customers/${customerId}/notes/${id}`, { headers }))
        expect(again.status).toBe(404)
      })
    })

    describe("when the customer is deleted", () => {
      it("deletes their notes and leaves other customers' notes alone", async () => {
        const other = await api.post("/admin/customers", { email: "keep@example.com" }, { headers })
        await api.post(`/admin/customers/${customerId}/notes`, { body: "private remark" }, { headers })
        await api.post(
          `/admin/customers/${other.data.customer.id}/notes`,
          { body: "stays" },
          { headers }
        )

        await api.delete(`/admin/customers/${customerId}`, { headers })

        // The subscriber runs after the request: wait for it.
        const deadline = Date.now() + 10_000
        while ((await notesInDb()).length && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 100))
        }
        expect(await notesInDb()).toHaveLength(0)
        expect(await notesInDb(other.data.customer.id)).toHaveLength(1)
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const rows = await pg.raw("select count(*)::int as n from customer_note where customer_id = ?", [
          customerId,
        ])
        expect(rows.rows[0].n).toBe(0)
      })
    })

    describe("the customer.deleted subscriber", () => {
      it("changes nothing when the same event arrives twice", async () => {
        await api.post(`/admin/customers/${customerId}/notes`, { body: "gone soon" }, { headers })
        const other = await api.post("/admin/customers", { email: "twice@example.com" }, { headers })
        await api.post(
          `/admin/customers/${other.data.customer.id}/notes`,
          { body: "untouched" },
          { headers }
        )
        // The event follows a deletion (a customer still there, e.g. brought back meanwhile, keeps everything).
        await getContainer().resolve(Modules.CUSTOMER).softDeleteCustomers([customerId])
        const event = { name: "customer.deleted", data: { id: customerId } }
        const args = { event, container: getContainer(), pluginOptions: {} } as any
        await customerDeletedHandler(args)
        await customerDeletedHandler(args)
        expect(await notesInDb()).toHaveLength(0)
        expect((await notesInDb(other.data.customer.id)).map((n) => n.body)).toEqual(["untouched"])
      })
    })

    describe("compensation", () => {
      it("leaves no note behind when a later step of the workflow fails", async () => {
        const workflow = createCustomerNoteWorkflow(getContainer())
        workflow.appendAction("fail-after-create", "create-customer-notes", {
          invoke: async () => {
            throw new Error("boom")
          },
        })
        const { errors } = await workflow.run({
          input: { customer_id: customerId, body: "should vanish" },
          throwOnError: false,
        })
        expect(errors[0].error.message).toBe("boom")
        expect(await notesInDb()).toHaveLength(0)
      })

      it("re-pins the previous internal description when pinning another fails", async () => {
        const first = await api.post(
          `/admin/customers/${customerId}/notes`,
          { body: "old description", pinned: true },
          { headers }
        )
        const workflow = createCustomerNoteWorkflow(getContainer())
        workflow.appendAction("fail-after-create", "create-customer-notes", {
          invoke: async () => {
            throw new Error("boom")
          },
        })
        await workflow.run({
          input: { customer_id: customerId, body: "new description", pinned: true },
          throwOnError: false,
        })
        const stored = await notesInDb()
        expect(stored).toHaveLength(1)
        expect(stored[0]).toEqual(
          expect.objectContaining({ id: first.data.note.id, pinned: true })
        )
        const customerModule = getContainer().resolve(Modules.CUSTOMER)
        expect(await customerModule.retrieveCustomer(customerId)).toBeTruthy()
      })
    })
  },
})
