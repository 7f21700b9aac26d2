import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_IDENTITY_MODULE, type CustomerIdentityModuleService } from "../../src/modules/customer-identity"
import { createAdminUser, settle } from "../helpers/admin"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>

    const identity = () => getContainer().resolve<CustomerIdentityModuleService>(CUSTOMER_IDENTITY_MODULE)
    const customer = async (body: Record<string, unknown>) =>
      (await api.post("/admin/customers", body, { headers })).data.customer.id as string
    const addEmail = (id: string, email: unknown) =>
      settle(api.post(`/admin/customers/${id}/identity/emails`, { email }, { headers }))

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
    })

    describe("alternate e-mails", () => {
      it("adds them in lower case, lists and removes them, with timeline notes", async () => {
        const jane = await customer({ email: "jane@example.com", first_name: "Jane", last_name: "Doe" })
        const added = await addEmail(jane, "  Jane.Doe@Work.EXAMPLE ")
        expect(added.status).toBe(201)
        expect(added.data.alternate_email).toEqual(
          expect.objectContaining({ customer_id: jane, email: "jane.doe@work.example", source: "admin" })
        )
        const { data } = await api.get(`/admin/customers/${jane}/identity`, { headers })
        expect(data.identity.alternate_emails.map((e: any) => e.email)).toEqual(["jane.doe@work.example"])

        const removed = await api.delete(`/admin/customers/${jane}/identity/emails/${added.data.alternate_email.id}`, { headers })
        expect(removed.data).toEqual({ id: added.data.alternate_email.id, object: "customer_alternate_email", deleted: true })
        expect(await identity().listCustomerAlternateEmails({ customer_id: jane })).toEqual([])
        const { data: timeline } = await api.get(`/admin/customers/${jane}/timeline?type=system_note`, { headers })
        expect(timeline.timeline.map((e: any) => e.note.body)).toEqual([
          "Alternate e-mail jane.doe@work.example removed",
          "Alternate e-mail jane.doe@work.example added",
        ])
      })

      it("refuses an address another customer owns, the customer's own, or no address, and stores nothing", async () => {
        const jane = await customer({ email: "jane@example.com" })
        const john = await customer({ email: "john@example.com" })
        expect((await addEmail(john, "john.work@example.com")).status).toBe(201)

        const theirs = await addEmail(jane, "JOHN@example.com")
        expect(theirs.status).toBe(409)
        expect(theirs.data.message).toMatch(/another customer.*merge/)
        const theirAlternate = await addEmail(jane, "john.work@example.com")
        expect(theirAlternate.status).toBe(409)
        expect(theirAlternate.data.message).toMatch(/alternate e-mail of another customer/)
        // The refusal names the other customer (no raw id), and carries them for a link and a merge.
        expect(theirs.data.code).toBe("email_taken")
        expect(theirs.data.message).not.toContain(john)
        expect(theirs.data.conflict).toEqual({ customer_id: john, name: "john@example.com", email: "john@example.com" })
        expect(theirAlternate.data.conflict).toEqual({ customer_id: john, name: "john@example.com", email: "john@example.com" })
        await settle(api.post(`/admin/customers/${john}`, { first_name: "John", last_name: "Smith" }, { headers }))
        const named = await addEmail(jane, "john@example.com")
        expect(named.data.message).toBe("john@example.com is the e-mail of another customer, John Smith: merge the two records instead")
        expect(named.data.conflict).toEqual({ customer_id: john, name: "John Smith", email: "john@example.com" })
        // One of the customer's own: no other customer to name.
        expect((await addEmail(john, "john.work@example.com")).data.conflict).toBeUndefined()
        expect((await addEmail(jane, "Jane@Example.com")).status).toBe(400)
        expect((await addEmail(jane, "not an address")).status).toBe(400)
        expect((await settle(api.post(`/admin/customers/${jane}/identity/emails`, { email: "a@b.co", x: 1 }, { headers }))).status).toBe(400)
        expect((await addEmail("cus_nope", "x@example.com")).status).toBe(404)
        expect((await addEmail(jane, "Jane@Example.com")).data.code).toBe("email_is_primary")
        expect((await addEmail(jane, "not an address")).data.code).toBe("invalid_data")
        expect((await addEmail("cus_nope", "x@example.com")).data.code).toBe("customer_not_found")
        expect(await identity().listCustomerAlternateEmails({ customer_id: jane })).toEqual([])

        const stranger = await settle(
          api.delete(`/admin/customers/${jane}/identity/emails/${(await identity().listCustomerAlternateEmails({ customer_id: john }))[0].id}`, { headers })
        )
        expect(stranger.status).toBe(404)
      })
    })

    describe("archive", () => {
      it("hides an archived customer from the list, search and duplicate groups, and restore brings them back", async () => {
        const ann = await customer({ email: "ann@example.com", first_name: "Ann" })
        const guest = await customer({ email: "ANN@example.com", first_name: "Ann" })
        const listed = async (status = "active", q = "") =>
          (await api.get(`/admin/crm/customers?status=${status}${q ? `&q=${q}` : ""}`, { headers })).data.customers.map((c: any) => c.id)
        expect((await listed()).sort()).toEqual([ann, guest].sort())
        expect((await api.get("/admin/crm/duplicates", { headers })).data.count).toBe(1)

        const archived = await api.post(`/admin/customers/${guest}/identity/archive`, { reason: "Old guest record" }, { headers })
        expect(archived.data.identity.archived).toEqual(expect.objectContaining({ reason: "Old guest record" }))
        expect(await listed()).toEqual([ann])
        expect(await listed("active", "ann")).toEqual([ann])
        expect(await listed("archived")).toEqual([guest])
        expect((await api.get("/admin/crm/duplicates", { headers })).data.count).toBe(0)
        // Nothing is deleted: the record is still Medusa's customer.
        expect((await api.get(`/admin/customers/${guest}`, { headers })).data.customer.id).toBe(guest)
        const again = await settle(api.post(`/admin/customers/${guest}/identity/archive`, {}, { headers }))
        expect(again.status).toBe(409)
        expect(again.data.message).toMatch(/already archived/)

        const restored = await api.post(`/admin/customers/${guest}/identity/restore`, {}, { headers })
        expect(restored.data.identity.archived).toBeNull()
        expect((await listed()).sort()).toEqual([ann, guest].sort())
        // Restoring again on purpose (its own key: a double click would get the first answer) is refused.
        const onPurpose = { headers: { ...headers, "Idempotency-Key": "restore-again" } }
        expect((await settle(api.post(`/admin/customers/${guest}/identity/restore`, {}, onPurpose))).status).toBe(409)
        expect((await settle(api.post(`/admin/customers/cus_nope/identity/archive`, {}, { headers }))).status).toBe(404)
        expect((await settle(api.post(`/admin/customers/${ann}/identity/archive`, { reason: 5 }, { headers }))).status).toBe(400)
        expect((await settle(api.get(`/admin/crm/customers?status=gone`, { headers }))).status).toBe(400)
        expect((await settle(api.get(`/admin/crm/customers?status=gone`, { headers }))).data.code).toBe("invalid_data")
      })
    })

    describe("duplicates and search", () => {
      it("finds records of one person by e-mail (any case), alternate e-mail or phone", async () => {
        const registered = await customer({ email: "Ann@Example.com", first_name: "Ann", last_name: "Smith", phone: "+31 6 1234 5678" })
        const guest = await customer({ email: "ann@example.com", first_name: "Ann", last_name: "S." })
        const boxOffice = await customer({ first_name: "A.", last_name: "Smith", phone: "+31612345678" })
        const work = await customer({ email: "ann@work.example", first_name: "Ann", last_name: "Smith" })
        const other = await customer({ email: "bob@example.com", phone: "+31 6 9999 0000" })
        // An alternate e-mail links the work record to the registered one.
        expect((await addEmail(registered, "ann.smith@home.example")).status).toBe(201)
        expect((await settle(api.post(`/admin/customers/${work}/identity/emails`, { email: "ann.smith@home.example" }, { headers }))).status).toBe(409)
        await identity().createCustomerAlternateEmails({ customer_id: work, email: "ann.s@old.example" })
        await identity().createCustomerAlternateEmails({ customer_id: guest, email: "ann@work.example" })

        const { data } = await api.get(`/admin/customers/${registered}/identity`, { headers })
        expect(data.identity.duplicates.map((d: any) => [d.customer.id, d.matches])).toEqual(
          [
            [guest, ["email"]],
            [boxOffice, ["phone"]],
          ].sort((a: any, b: any) => a[0].localeCompare(b[0]))
        )
        const ofGuest = await api.get(`/admin/customers/${guest}/identity`, { headers })
        expect(ofGuest.data.identity.duplicates.map((d: any) => [d.customer.id, d.matches]).sort()).toEqual(
          [
            [registered, ["email"]],
            [work, ["email"]],
          ].sort()
        )

        const groups = await api.get("/admin/crm/duplicates", { headers })
        const simplified = groups.data.groups.map((g: any) => [g.match, g.key, g.customers.map((c: any) => c.id).sort()])
        expect(simplified).toEqual(
          expect.arrayContaining([
            ["email", "ann@example.com", [registered, guest].sort()],
            ["email", "ann@work.example", [guest, work].sort()],
            // Keyed by the national significant number, which both ways of writing it share.
            ["phone", "612345678", [registered, boxOffice].sort()],
          ])
        )
        expect(simplified.some((g: any) => g[2].includes(other))).toBe(false)
        expect(groups.data.count).toBe(3)

        const search = async (q: string, field = "any") =>
          (await api.get(`/admin/crm/customers?q=${encodeURIComponent(q)}&field=${field}`, { headers })).data.customers.map(
            (c: any) => [c.id, c.matched_by]
          )
        expect(await search("home.example", "email")).toEqual([[registered, ["alternate_email"]]])
        expect(await search("6 1234", "phone")).toEqual(expect.arrayContaining([[registered, ["phone"]], [boxOffice, ["phone"]]]))
        expect((await search("smith", "name")).map((r: any) => r[0]).sort()).toEqual([registered, boxOffice, work].sort())
        // Only the alternate address ann.smith@home.example has "smith" in it.
        expect(await search("smith", "email")).toEqual([[registered, ["alternate_email"]]])
        expect(await search("nobody", "any")).toEqual([])
        expect((await settle(api.get("/admin/crm/customers?q=x&limit=0", { headers }))).status).toBe(400)
        expect((await settle(api.get("/admin/crm/customers?q=x&field=city", { headers }))).status).toBe(400)
      })

      it("finds a phone number written nationally by its international form, and the other way round", async () => {
        const international = await customer({ first_name: "Karlijn", last_name: "Huisman", phone: "+32 11 19 54 29" })
        const national = await customer({ first_name: "Karlijn", last_name: "Huisman", email: "karlijn@example.com", phone: "011195429" })
        const neighbour = await customer({ first_name: "Kees", phone: "+32 11 19 54 30" })
        const search = async (q: string) =>
          (await api.get(`/admin/crm/customers?q=${encodeURIComponent(q)}&field=phone`, { headers })).data.customers
            .map((c: any) => c.id)
            .sort()

        // Both ways round, and as typed at the counter with spaces.
        expect(await search("011195429")).toEqual(expect.arrayContaining([international, national]))
        expect(await search("+32 11 19 54 29")).toEqual(expect.arrayContaining([international, national]))
        expect(await search("011 19 54 29")).toEqual(expect.arrayContaining([international, national]))
        expect(await search("011195429")).not.toContain(neighbour)
        expect(await search("+32 11 19 54 29")).not.toContain(neighbour)
        // The digits as written still match ("+32 11" is in "+32 11 19 54 29").
        expect(await search("+32 11")).toContain(international)

        // They are possible duplicates of each other, and one duplicate group.
        const { data } = await api.get(`/admin/customers/${national}/identity`, { headers })
        expect(data.identity.duplicates.map((d: any) => [d.customer.id, d.matches]).sort()).toEqual(
          [[international, ["phone"]]]
        )
        const groups = await api.get("/admin/crm/duplicates", { headers })
        expect(groups.data.groups.map((g: any) => [g.match, g.key, g.customers.map((c: any) => c.id).sort()])).toEqual([
          ["phone", "11195429", [international, national].sort()],
        ])
      })
    })
  },
})
