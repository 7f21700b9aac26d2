import fs from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { CUSTOMER_NOTE_MODULE } from "../../src/modules/customer-note"
import type CustomerNoteModuleService from "../../src/modules/customer-note/service"
import { CUSTOMER_PROFILE_MODULE } from "../../src/modules/customer-profile"
import type CustomerProfileModuleService from "../../src/modules/customer-profile/service"
import customerDeletedHandler from "../../src/subscribers/customer-deleted"
import orderPlacedStoresHandler from "../../src/subscribers/order-placed-stores"
import { createAdminUser, settle } from "../helpers/admin"
import { createTestStore } from "../helpers/store"

jest.setTimeout(120 * 1000)

// A 1x1 PNG.
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
// A 1x1 GIF, an SVG and an HTML page that run script in a browser.
const GIF = "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
).toString("base64")
const HTML = Buffer.from("<!doctype html><script>alert(document.cookie)</script>").toString("base64")

/** Where the local file provider writes (the demo config's default). */
const STATIC_DIR = path.join(process.cwd(), "static")

/** Files written to the upload folder since `since` (ms) whose content is exactly `bytes`. */
const filesHolding = (bytes: Buffer, since: number) =>
  (fs.existsSync(STATIC_DIR) ? fs.readdirSync(STATIC_DIR) : []).filter((name) => {
    const file = path.join(STATIC_DIR, name)
    const stat = fs.statSync(file)
    return stat.isFile() && stat.mtimeMs >= since - 1000 && fs.readFileSync(file).equals(bytes)
  })

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let userId: string
    let customerId: string

    const profiles = () => getContainer().resolve<CustomerProfileModuleService>(CUSTOMER_PROFILE_MODULE)
    const notes = () => getContainer().resolve<CustomerNoteModuleService>(CUSTOMER_NOTE_MODULE)
    const systemNotes = async (customer_id = customerId) =>
      (await notes().listCustomerNotes({ customer_id, kind: "system" }, { order: { created_at: "ASC" } })).map(
        (n) => n.body
      )

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

    describe("profile", () => {
      it("reads an empty profile, saves fields, and writes what changed to the timeline", async () => {
        const empty = await api.get(`/admin/customers/${customerId}/profile`, { headers })
        expect(empty.data.profile).toEqual(
          expect.objectContaining({ id: null, customer_id: customerId, birth_date: null, stores: [] })
        )
        const res = await api.post(
          `/admin/customers/${customerId}/profile`,
          {
            birth_date: "1990-05-17",
            gender: "non_binary",
            nationality: "nl",
            external_id: "BOX-1001",
            gate_code: "4711#",
          },
          { headers }
        )
        expect(res.data.profile).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^cprof_/),
            birth_date: "1990-05-17",
            gender: "non_binary",
            nationality: "NL",
            external_id: "BOX-1001",
            gate_code: "4711#",
            anniversary: null,
          })
        )
        await api.post(`/admin/customers/${customerId}/profile`, { gate_code: null, nationality: "NL" }, { headers })
        const [stored] = await profiles().listCustomerProfiles({ customer_id: customerId })
        expect(stored).toEqual(expect.objectContaining({ gate_code: null, nationality: "NL", birth_date: "1990-05-17" }))
        expect(await systemNotes()).toEqual([
          "Profile updated: birth date, gender, nationality, customer number, gate code",
          "Profile updated: gate code",
        ])
      })

      it.each([
        ["a birth date in the future", { birth_date: "2999-01-01" }, "birth_date cannot be in the future"],
        ["a date that does not exist", { birth_date: "2023-02-30" }, "YYYY-MM-DD"],
        ["a date in another format", { anniversary: "17/05/1990" }, "YYYY-MM-DD"],
        ["an unknown country", { nationality: "XX" }, "ISO 3166-1 alpha-2"],
        ["an unknown gender", { gender: "robot" }, "gender"],
        ["an unknown store", { sales_channel_ids: ["sc_nope"] }, "Sales channels do not exist: sc_nope"],
        ["an unknown field", { shoe_size: 44 }, "shoe_size"],
      ])("refuses %s with a 400 and saves nothing", async (_, body, message) => {
        const res = await settle(api.post(`/admin/customers/${customerId}/profile`, body, { headers }))
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(message)
        expect(await profiles().listCustomerProfiles({})).toHaveLength(0)
        expect(await systemNotes()).toEqual([])
      })

      it("refuses a customer number another customer has with a 409", async () => {
        const other = await api.post("/admin/customers", { email: "john@example.com" }, { headers })
        await api.post(`/admin/customers/${other.data.customer.id}/profile`, { external_id: "BOX-1" }, { headers })
        const res = await settle(
          api.post(`/admin/customers/${customerId}/profile`, { external_id: "BOX-1" }, { headers })
        )
        expect(res.status).toBe(409)
        expect(res.data.code).toBe("customer_number_taken")
        expect(res.data.message).toContain("already belongs to another customer")
        expect(await profiles().listCustomerProfiles({ customer_id: customerId })).toHaveLength(0)
      })

      it("answers 404 for an unknown customer and 401 without a session", async () => {
        expect((await settle(api.get("/admin/customers/cus_nope/profile", { headers }))).status).toBe(404)
        expect(
          (await settle(api.post("/admin/customers/cus_nope/profile", { gender: "male" }, { headers }))).status
        ).toBe(404)
        expect((await settle(api.get(`/admin/customers/${customerId}/profile`))).status).toBe(401)
        expect((await settle(api.get(`/admin/customers/${customerId}/profile?x=1`, { headers }))).status).toBe(400)
        expect((await settle(api.post(`/admin/customers/${customerId}/profile`, { gender: "male" }))).status).toBe(401)
        expect((await settle(api.post(`/admin/customers/${customerId}/profile/photo`, {}))).status).toBe(401)
        expect(await profiles().listCustomerProfiles({})).toHaveLength(0)
      })

      it("takes the profile fields through additional_data on the native customer routes", async () => {
        const created = await api.post(
          "/admin/customers",
          { email: "kim@example.com", additional_data: { birth_date: "1985-01-02", nationality: "be" } },
          { headers }
        )
        const id = created.data.customer.id
        await api.post(`/admin/customers/${id}`, { additional_data: { gate_code: "1234" } }, { headers })
        const { data } = await api.get(`/admin/customers/${id}/profile`, { headers })
        expect(data.profile).toEqual(
          expect.objectContaining({ birth_date: "1985-01-02", nationality: "BE", gate_code: "1234" })
        )
        const bad = await settle(
          api.post("/admin/customers", { email: "x@example.com", additional_data: { nationality: "XX" } }, { headers })
        )
        expect(bad.status).toBe(400)
      })

      it("sets stores by hand, fills them from orders once, and falls back to the first order for the anniversary", async () => {
        const container = getContainer()
        const store = await createTestStore(container)
        const { data: sc } = await api.post("/admin/sales-channels", { name: "Box office" }, { headers })
        const boxOffice = sc.sales_channel.id

        const set = await api.post(
          `/admin/customers/${customerId}/profile`,
          { sales_channel_ids: [boxOffice] },
          { headers }
        )
        expect(set.data.profile.stores).toEqual([
          { sales_channel_id: boxOffice, name: "Box office", source: "manual" },
        ])

        const { result: order } = await createOrderWorkflow(container).run({
          input: {
            region_id: store.regionId,
            sales_channel_id: store.salesChannelId,
            customer_id: customerId,
            email: "jane@example.com",
            items: [{ variant_id: store.variantId, quantity: 1 }] as never,
          },
        })
        const event = { event: { name: "order.placed", data: { id: order.id } }, container } as never
        await orderPlacedStoresHandler(event)
        await orderPlacedStoresHandler(event)

        const { data } = await api.get(`/admin/customers/${customerId}/profile`, { headers })
        expect(data.profile.stores).toEqual(
          expect.arrayContaining([
            { sales_channel_id: boxOffice, name: "Box office", source: "manual" },
            { sales_channel_id: store.salesChannelId, name: "Webshop", source: "order" },
          ])
        )
        expect(data.profile.stores).toHaveLength(2)
        expect(data.profile.anniversary).toBe(new Date(order.created_at).toISOString().slice(0, 10))
        expect(data.profile.anniversary_source).toBe("first_order")

        await api.post(`/admin/customers/${customerId}/profile`, { anniversary: "2001-09-01" }, { headers })
        const after = await api.get(`/admin/customers/${customerId}/profile`, { headers })
        expect(after.data.profile).toEqual(
          expect.objectContaining({ anniversary: "2001-09-01", anniversary_source: "set" })
        )
      })
    })

    describe("photo", () => {
      it("uploads a photo through the file module, replaces and removes it", async () => {
        const fileModule = getContainer().resolve(Modules.FILE)
        const res = await api.post(
          `/admin/customers/${customerId}/profile/photo`,
          { filename: "jane.png", mime_type: "image/png", content: PNG },
          { headers }
        )
        expect(res.status).toBe(200)
        expect(res.data.profile.photo_url).toMatch(/cphoto_\w+\.png$/)
        expect(res.data.profile.photo_url).not.toContain("jane")
        const [first] = await profiles().listCustomerProfiles({ customer_id: customerId })
        expect(await fileModule.retrieveFile(first.photo_file_id!)).toEqual(
          expect.objectContaining({ id: first.photo_file_id })
        )

        await api.post(
          `/admin/customers/${customerId}/profile/photo`,
          { filename: "jane2.png", mime_type: "image/png", content: PNG },
          { headers }
        )
        const [second] = await profiles().listCustomerProfiles({ customer_id: customerId })
        expect(second.photo_file_id).not.toBe(first.photo_file_id)

        const removed = await api.delete(`/admin/customers/${customerId}/profile/photo`, { headers })
        expect(removed.data.profile.photo_url).toBeNull()
        const [third] = await profiles().listCustomerProfiles({ customer_id: customerId })
        expect(third.photo_file_id).toBeNull()
        expect(await systemNotes()).toEqual([
          "Profile updated: photo",
          "Profile updated: photo",
          "Profile updated: photo removed",
        ])
      })

      it("stores the photo under a generated name with the extension of its bytes, never the uploaded name", async () => {
        const res = await api.post(
          `/admin/customers/${customerId}/profile/photo`,
          { filename: "../../evil.html", mime_type: "image/png", content: PNG },
          { headers }
        )
        expect(res.status).toBe(200)
        const [stored] = await profiles().listCustomerProfiles({ customer_id: customerId })
        // The local provider's key is "<timestamp>-<name>": the name is the plugin's.
        expect(stored.photo_file_id).toMatch(/^\d+-cphoto_[0-9A-Z]+\.png$/)
        expect(stored.photo_url).toMatch(/\/static\/\d+-cphoto_[0-9A-Z]+\.png$/)
        expect(res.data.profile.photo_url).toBe(stored.photo_url)
        expect(fs.readFileSync(path.join(STATIC_DIR, stored.photo_file_id!))).toEqual(Buffer.from(PNG, "base64"))
        expect(filesHolding(Buffer.from(PNG, "base64"), 0).some((f) => /evil/.test(f))).toBe(false)
        // Without a name at all, too.
        const unnamed = await api.post(
          `/admin/customers/${customerId}/profile/photo`,
          { mime_type: "image/png", content: PNG },
          { headers }
        )
        expect(unnamed.data.profile.photo_url).toMatch(/cphoto_[0-9A-Z]+\.png$/)
      })

      it.each([
        ["an SVG sent as a PNG", { filename: "cat.png", mime_type: "image/png", content: SVG }, "not a image/png"],
        ["an SVG sent as an SVG", { filename: "cat.svg", mime_type: "image/svg+xml", content: SVG }, "mime_type"],
        ["an HTML page sent as a PNG", { filename: "cat.png", mime_type: "image/png", content: HTML }, "not a image/png"],
        ["an HTML page as text/html", { filename: "x.html", mime_type: "text/html", content: HTML }, "mime_type"],
        ["a GIF", { filename: "cat.gif", mime_type: "image/gif", content: GIF }, "mime_type"],
        ["a GIF sent as a PNG", { filename: "cat.png", mime_type: "image/png", content: GIF }, "not a image/png"],
      ])("refuses %s with a 400, stores no file and keeps the photo", async (_, body, message) => {
        const started = Date.now()
        await api.post(
          `/admin/customers/${customerId}/profile/photo`,
          { filename: "jane.png", mime_type: "image/png", content: PNG },
          { headers }
        )
        const [before] = await profiles().listCustomerProfiles({ customer_id: customerId })
        const res = await settle(api.post(`/admin/customers/${customerId}/profile/photo`, body, { headers }))
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(message)
        const [after] = await profiles().listCustomerProfiles({ customer_id: customerId })
        expect(after).toEqual(expect.objectContaining({ photo_file_id: before.photo_file_id, photo_url: before.photo_url }))
        expect(filesHolding(Buffer.from(body.content, "base64"), started)).toEqual([])
        expect(await systemNotes()).toEqual(["Profile updated: photo"])
      })

      it.each([
        ["a type that is not an image", { filename: "a.pdf", mime_type: "application/pdf", content: PNG }, "mime_type"],
        ["bytes that are not the claimed type", { filename: "a.jpg", mime_type: "image/jpeg", content: PNG }, "not a image/jpeg"],
        ["text that is not base64", { filename: "a.png", mime_type: "image/png", content: "not base64!" }, "base64"],
        [
          "a photo over 2 MB",
          { filename: "big.png", mime_type: "image/png", content: Buffer.alloc(2 * 1024 * 1024 + 10, 1).toString("base64") },
          "larger than 2 MB",
        ],
      ])("refuses %s with a 400 and stores nothing", async (_, body, message) => {
        const res = await settle(api.post(`/admin/customers/${customerId}/profile/photo`, body, { headers }))
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(message)
        expect(await profiles().listCustomerProfiles({})).toHaveLength(0)
      })
    })

    describe("timeline and e-mail", () => {
      it("merges notes, system notes and orders newest first, paginated and filtered", async () => {
        const container = getContainer()
        const store = await createTestStore(container)
        await api.post(`/admin/customers/${customerId}/notes`, { body: "First call" }, { headers })
        const { result: order } = await createOrderWorkflow(container).run({
          input: {
            region_id: store.regionId,
            sales_channel_id: store.salesChannelId,
            customer_id: customerId,
            email: "jane@example.com",
            items: [{ variant_id: store.variantId, quantity: 2 }] as never,
          },
        })
        await api.post(`/admin/customers/${customerId}/profile`, { gender: "female" }, { headers })
        await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers })

        const all = await api.get(`/admin/customers/${customerId}/timeline`, { headers })
        expect(all.data).toEqual(expect.objectContaining({ count: 4, offset: 0, limit: 20 }))
        expect(all.data.timeline.map((e: { type: string }) => e.type)).toEqual([
          "order_canceled",
          "system_note",
          "order_placed",
          "note",
        ])
        const [canceled, system, placed, note] = all.data.timeline
        expect(canceled).toEqual(
          expect.objectContaining({
            id: `order_canceled:${order.id}`,
            link: `/orders/${order.id}`,
            order: expect.objectContaining({ id: order.id, display_id: order.display_id, total: 200, currency_code: "eur" }),
          })
        )
        expect(placed.actor).toEqual(expect.objectContaining({ type: "customer", id: customerId }))
        expect(placed.order.sales_channel).toEqual({ id: store.salesChannelId, name: "Webshop" })
        expect(system.note.body).toBe("Profile updated: gender")
        expect(system.actor).toEqual(expect.objectContaining({ type: "user", id: userId }))
        expect(note.note.body).toBe("First call")

        const page = await api.get(`/admin/customers/${customerId}/timeline?limit=2&offset=2`, { headers })
        expect(page.data.timeline.map((e: { type: string }) => e.type)).toEqual(["order_placed", "note"])
        expect(page.data.count).toBe(4)

        const past = await api.get(`/admin/customers/${customerId}/timeline?offset=10`, { headers })
        expect(past.data).toEqual(expect.objectContaining({ timeline: [], count: 4 }))

        const orders = await api.get(`/admin/customers/${customerId}/timeline?type=order_placed,order_canceled`, { headers })
        expect(orders.data.count).toBe(2)

        const bad = await settle(api.get(`/admin/customers/${customerId}/timeline?type=tweet`, { headers }))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("type must be one of")
        expect((await settle(api.get(`/admin/customers/${customerId}/timeline?limit=0`, { headers }))).status).toBe(400)
        expect((await settle(api.get("/admin/customers/cus_nope/timeline", { headers }))).status).toBe(404)
        expect((await settle(api.get(`/admin/customers/${customerId}/timeline`))).status).toBe(401)
      })

      it("e-mails a note through the notification module and records when, where and by whom", async () => {
        const notificationModule = getContainer().resolve(Modules.NOTIFICATION)
        const { data } = await api.post(`/admin/customers/${customerId}/notes`, { body: "Your seats moved to row 5" }, { headers })
        const url = `/admin/customers/${customerId}/notes/${data.note.id}/email`

        const sent = await api.post(url, {}, { headers })
        expect(sent.data.note.emails).toEqual([
          expect.objectContaining({ to: "jane@example.com", sent_by_id: userId, notification_id: expect.any(String) }),
        ])
        await api.post(url, { to: "Jane.Other@Example.com" }, { headers })

        const notifications = await notificationModule.listNotifications({ resource_id: data.note.id })
        expect(notifications.map((n) => n.to).sort()).toEqual(["jane.other@example.com", "jane@example.com"])
        expect(notifications[0]).toEqual(
          expect.objectContaining({ channel: "email", template: "crm-customer-note", receiver_id: customerId })
        )
        const stored = await notes().listCustomerNoteEmails({ note_id: data.note.id })
        expect(stored).toHaveLength(2)

        const badAddress = await settle(api.post(url, { to: "not-an-address" }, { headers }))
        expect(badAddress.status).toBe(400)
        expect(badAddress.data.message).toContain("e-mail address")
        expect((await settle(api.post(`/admin/customers/${customerId}/notes/cnote_nope/email`, {}, { headers }))).status).toBe(404)
        expect((await settle(api.post(url, {}))).status).toBe(401)
        expect(await notes().listCustomerNoteEmails({ note_id: data.note.id })).toHaveLength(2)

        const phoneOnly = await api.post("/admin/customers", { phone: "+31612345678", first_name: "P" }, { headers })
        const pid = phoneOnly.data.customer.id
        const pnote = await api.post(`/admin/customers/${pid}/notes`, { body: "x" }, { headers })
        const noAddress = await settle(api.post(`/admin/customers/${pid}/notes/${pnote.data.note.id}/email`, {}, { headers }))
        expect(noAddress.status).toBe(400)
        expect(noAddress.data.message).toContain("no e-mail address")
      })
    })

    it("deleting the customer removes profile, stores and photo; twice changes nothing", async () => {
      const { data: sc } = await api.post("/admin/sales-channels", { name: "Box office" }, { headers })
      await api.post(
        `/admin/customers/${customerId}/profile`,
        { birth_date: "1990-01-01", sales_channel_ids: [sc.sales_channel.id] },
        { headers }
      )
      await api.post(
        `/admin/customers/${customerId}/profile/photo`,
        { filename: "jane.png", mime_type: "image/png", content: PNG },
        { headers }
      )
      await api.delete(`/admin/customers/${customerId}`, { headers })
      const event = { event: { name: "customer.deleted", data: { id: customerId } }, container: getContainer() } as never
      await customerDeletedHandler(event)
      await customerDeletedHandler(event)
      expect(await profiles().listCustomerProfiles({ customer_id: customerId })).toHaveLength(0)
      expect(await profiles().listCustomerStores({ customer_id: customerId })).toHaveLength(0)
      expect(await notes().listCustomerNotes({ customer_id: customerId })).toHaveLength(0)
    })
  },
})
