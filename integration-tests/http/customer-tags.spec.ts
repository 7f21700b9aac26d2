import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import {
  createStep,
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { assignCustomerTagsWorkflow } from "../../src/workflows/assign-customer-tags"
import { removeCustomerTagsWorkflow } from "../../src/workflows/remove-customer-tags"
import { updateCustomerProfileWorkflow } from "../../src/workflows/update-customer-profile"
import { CUSTOMER_PROFILE_MODULE } from "../../src/modules/customer-profile"
import type CustomerProfileModuleService from "../../src/modules/customer-profile/service"
import { expireCustomerTags } from "../../src/jobs/expire-customer-tags"
import { CUSTOMER_NOTE_MODULE } from "../../src/modules/customer-note"
import type CustomerNoteModuleService from "../../src/modules/customer-note/service"
import { CUSTOMER_TAG_MODULE } from "../../src/modules/customer-tag"
import type CustomerTagModuleService from "../../src/modules/customer-tag/service"
import { createAdminUser, settle } from "../helpers/admin"
import { createGroupPromotion, createTestStore, registerStoreCustomer } from "../helpers/store"

jest.setTimeout(120 * 1000)

// Workflows that run ours and then fail, to prove the compensations undo everything.
const failStep = createStep("test-fail-after", async () => {
  throw new Error("failure after the workflow under test")
})
const assignThenFail = createWorkflow("test-assign-then-fail", (input: any) => {
  assignCustomerTagsWorkflow.runAsStep({ input })
  failStep()
  return new WorkflowResponse(void 0)
})
const removeThenFail = createWorkflow("test-remove-then-fail", (input: any) => {
  removeCustomerTagsWorkflow.runAsStep({ input })
  failStep()
  return new WorkflowResponse(void 0)
})
const profileThenFail = createWorkflow("test-profile-then-fail", (input: any) => {
  updateCustomerProfileWorkflow.runAsStep({ input })
  failStep()
  return new WorkflowResponse(void 0)
})

/** Runs a workflow that must fail in the step after ours, and checks that it did. */
async function expectFailureAfter(run: Promise<{ errors: { error: { message: string } }[] }>) {
  const { errors } = await run
  expect(errors.map((e) => e.error.message)).toEqual(["failure after the workflow under test"])
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let userId: string
    let customerId: string
    let otherId: string
    let groupId: string

    const customers = () => getContainer().resolve<ICustomerModuleService>(Modules.CUSTOMER)
    const tagService = () => getContainer().resolve<CustomerTagModuleService>(CUSTOMER_TAG_MODULE)
    const groupIdsOf = async (id: string) => {
      const customer = await customers().retrieveCustomer(id, { relations: ["groups"] })
      return (customer.groups ?? []).map((g) => g.id)
    }
    const systemNotes = async (customer_id: string) => {
      const notes = getContainer().resolve<CustomerNoteModuleService>(CUSTOMER_NOTE_MODULE)
      return (
        await notes.listCustomerNotes({ customer_id, kind: "system" }, { order: { created_at: "ASC" } })
      ).map((n) => n.body)
    }
    const noteService = () => getContainer().resolve<CustomerNoteModuleService>(CUSTOMER_NOTE_MODULE)
    const createDefinition = async (body: Record<string, unknown>) =>
      (await api.post("/admin/crm/tags", body, { headers })).data.tag

    beforeEach(async () => {
      const admin = await createAdminUser(getContainer())
      headers = admin.headers
      userId = admin.userId
      const a = await api.post("/admin/customers", { email: "jane@example.com", first_name: "Jane" }, { headers })
      const b = await api.post("/admin/customers", { email: "john@example.com", first_name: "John" }, { headers })
      customerId = a.data.customer.id
      otherId = b.data.customer.id
      const g = await api.post("/admin/customer-groups", { name: "Staff benefit" }, { headers })
      groupId = g.data.customer_group.id
    })

    describe("tag definitions", () => {
      it("creates, lists with counts, updates and deletes a definition", async () => {
        const created = await api.post(
          "/admin/crm/tags",
          {
            key: "USER_AFFILIATION",
            label: "Affiliation",
            description: "How the customer is related to us",
            color: "blue",
            value_mode: "list",
            allowed_values: ["CUSTOMER", "INVESTOR", "EMPLOYEE", "CUSTOMER"],
          },
          { headers }
        )
        expect(created.status).toBe(201)
        expect(created.data.tag).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^ctagdef_/),
            key: "USER_AFFILIATION",
            value_mode: "list",
            allowed_values: ["CUSTOMER", "INVESTOR", "EMPLOYEE"],
            customer_count: 0,
            usage: expect.objectContaining({ customer_count: 0, benefit_order_count: 0 }),
          })
        )
        const id = created.data.tag.id
        await api.post(`/admin/customers/${customerId}/tags`, { key: "USER_AFFILIATION", value: "CUSTOMER" }, { headers })

        const list = await api.get("/admin/crm/tags?q=affil", { headers })
        expect(list.data).toEqual(expect.objectContaining({ count: 1, offset: 0 }))
        expect(list.data.tags[0]).toEqual(expect.objectContaining({ id, customer_count: 1 }))

        const updated = await api.post(`/admin/crm/tags/${id}`, { label: "Relation", color: "purple" }, { headers })
        expect(updated.data.tag).toEqual(expect.objectContaining({ label: "Relation", color: "purple" }))

        // A value customers carry cannot be dropped from the list.
        const dropping = await settle(
          api.post(`/admin/crm/tags/${id}`, { allowed_values: ["INVESTOR"] }, { headers })
        )
        expect(dropping.status).toBe(400)
        expect(dropping.data.message).toContain("USER_AFFILIATION = CUSTOMER")

        const deleted = await api.delete(`/admin/crm/tags/${id}`, { headers })
        expect(deleted.data).toEqual({ id, object: "customer_tag_definition", deleted: true })
        expect(await tagService().listCustomerTags({})).toHaveLength(0)
        expect(await systemNotes(customerId)).toEqual([
          "Tag USER_AFFILIATION = CUSTOMER added",
          "Tag USER_AFFILIATION = CUSTOMER removed",
        ])
        expect((await settle(api.get(`/admin/crm/tags/${id}`, { headers }))).status).toBe(404)
      })

      it.each([
        ["a key with spaces", { key: "two words", label: "x", value_mode: "flag" }, "key must be"],
        ["a missing label", { key: "vip", value_mode: "flag" }, "label"],
        ["an unknown value mode", { key: "vip", label: "VIP", value_mode: "number" }, "value_mode"],
        ["an unknown colour", { key: "vip", label: "VIP", value_mode: "flag", color: "pink" }, "color"],
        ["a list without values", { key: "tier", label: "Tier", value_mode: "list" }, "allowed_values"],
        ["values on a flag", { key: "vip", label: "VIP", value_mode: "flag", allowed_values: ["a"] }, "only for tags"],
        ["an unknown group", { key: "vip", label: "VIP", value_mode: "flag", customer_group_id: "cusgroup_nope" }, "does not exist"],
      ])("rejects %s with a 400 and creates nothing", async (_, body, message) => {
        const res = await settle(api.post("/admin/crm/tags", body, { headers }))
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(message)
        expect(await tagService().listCustomerTagDefinitions({})).toHaveLength(0)
      })

      it("refuses a duplicate key with a 409", async () => {
        await createDefinition({ key: "vip", label: "VIP", value_mode: "flag" })
        const res = await settle(
          api.post("/admin/crm/tags", { key: "vip", label: "Again", value_mode: "flag" }, { headers })
        )
        expect(res.status).toBe(409)
        expect(res.data.code).toBe("tag_key_taken")
        expect(res.data.message).toContain("already exists")
      })

      it("answers 401 without a session and 404 for unknown ids", async () => {
        expect((await settle(api.get("/admin/crm/tags"))).status).toBe(401)
        expect((await settle(api.post("/admin/crm/tags", { key: "a", label: "a", value_mode: "flag" }))).status).toBe(401)
        expect((await settle(api.post("/admin/crm/tags/ctagdef_nope", { label: "x" }, { headers }))).status).toBe(404)
        expect((await settle(api.delete("/admin/crm/tags/ctagdef_nope", { headers }))).status).toBe(404)
        expect(
          (await settle(api.post("/admin/crm/tags/ctagdef_nope/customers", { add: [customerId] }, { headers }))).status
        ).toBe(404)
      })
    })

    describe("a customer's tags", () => {
      it("adds a tag with its benefit group, lists it, and removes both", async () => {
        await createDefinition({ key: "staff", label: "Staff", value_mode: "flag", customer_group_id: groupId })
        const added = await api.post(`/admin/customers/${customerId}/tags`, { key: "staff" }, { headers })
        expect(added.status).toBe(201)
        expect(added.data.tag).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^ctag_/),
            key: "staff",
            value: null,
            source: "admin",
            assigned_by: userId,
            definition: expect.objectContaining({ key: "staff", customer_group_id: groupId }),
          })
        )
        expect(await groupIdsOf(customerId)).toEqual([groupId])

        const list = await api.get(`/admin/customers/${customerId}/tags`, { headers })
        expect(list.data.count).toBe(1)
        expect(list.data.tags[0].key).toBe("staff")

        const removed = await api.delete(`/admin/customers/${customerId}/tags/${added.data.tag.id}`, { headers })
        expect(removed.data).toEqual({ id: added.data.tag.id, object: "customer_tag", deleted: true })
        expect(await groupIdsOf(customerId)).toEqual([])
        expect(await systemNotes(customerId)).toEqual(["Tag staff added", "Tag staff removed"])
      })

      it("leaves a group membership an admin made by hand", async () => {
        await createDefinition({ key: "staff", label: "Staff", value_mode: "flag", customer_group_id: groupId })
        await api.post(`/admin/customer-groups/${groupId}/customers`, { add: [customerId] }, { headers })
        const added = await api.post(`/admin/customers/${customerId}/tags`, { key: "staff" }, { headers })
        await api.delete(`/admin/customers/${customerId}/tags/${added.data.tag.id}`, { headers })
        expect(await groupIdsOf(customerId)).toEqual([groupId])
      })

      it("keeps the customer in the group while another tag still gives it", async () => {
        await createDefinition({ key: "staff", label: "Staff", value_mode: "flag", customer_group_id: groupId })
        await createDefinition({ key: "crew", label: "Crew", value_mode: "flag", customer_group_id: groupId })
        const staff = await api.post(`/admin/customers/${customerId}/tags`, { key: "staff" }, { headers })
        const crew = await api.post(`/admin/customers/${customerId}/tags`, { key: "crew" }, { headers })
        await api.delete(`/admin/customers/${customerId}/tags/${staff.data.tag.id}`, { headers })
        expect(await groupIdsOf(customerId)).toEqual([groupId])
        await api.delete(`/admin/customers/${customerId}/tags/${crew.data.tag.id}`, { headers })
        expect(await groupIdsOf(customerId)).toEqual([])
      })

      it.each([
        ["an unknown key", { key: "nope" }, 400, "No tag with key nope"],
        ["a value on a flag", { key: "vip", value: "yes" }, 400, "takes no value"],
        ["a value outside the list", { key: "tier", value: "PLATINUM" }, 400, "takes one of: GOLD, SILVER"],
        ["no value for a list", { key: "tier" }, 400, "takes one of"],
        ["no value for free text", { key: "employer" }, 400, "needs a value"],
        ["an expiry in the past", { key: "vip", expires_at: "2020-01-01T00:00:00Z" }, 400, "in the future"],
        ["an expiry that is not a date", { key: "vip", expires_at: "soon" }, 400, "expires_at"],
        ["an unknown field", { key: "vip", source: "hack" }, 400, "source"],
      ])("refuses %s (%s) and changes nothing", async (_, body, status, message) => {
        await createDefinition({ key: "vip", label: "VIP", value_mode: "flag", customer_group_id: groupId })
        await createDefinition({ key: "tier", label: "Tier", value_mode: "list", allowed_values: ["GOLD", "SILVER"] })
        await createDefinition({ key: "employer", label: "Employer", value_mode: "text" })
        const res = await settle(api.post(`/admin/customers/${customerId}/tags`, body, { headers }))
        expect(res.status).toBe(status)
        expect(res.data.message).toContain(message)
        expect(await tagService().listCustomerTags({})).toHaveLength(0)
        expect(await groupIdsOf(customerId)).toEqual([])
        expect(await systemNotes(customerId)).toEqual([])
      })

      it("refuses a tag the customer already has with a 409", async () => {
        await createDefinition({ key: "tier", label: "Tier", value_mode: "list", allowed_values: ["GOLD", "SILVER"] })
        await api.post(`/admin/customers/${customerId}/tags`, { key: "tier", value: "GOLD" }, { headers })
        const res = await settle(
          api.post(`/admin/customers/${customerId}/tags`, { key: "tier", value: "SILVER" }, { headers })
        )
        expect(res.status).toBe(409)
        expect(res.data.code).toBe("tag_already_assigned")
        expect(res.data.message).toContain("already has tag tier")
        expect(await tagService().listCustomerTags({})).toHaveLength(1)
      })

      it("changes a tag's value and expiry, checked against the definition", async () => {
        await createDefinition({ key: "tier", label: "Tier", value_mode: "list", allowed_values: ["GOLD", "SILVER"] })
        const added = await api.post(`/admin/customers/${customerId}/tags`, { key: "tier", value: "GOLD" }, { headers })
        const url = `/admin/customers/${customerId}/tags/${added.data.tag.id}`
        const expires = new Date(Date.now() + 86400_000).toISOString()
        const res = await api.post(url, { value: "SILVER", expires_at: expires }, { headers })
        expect(res.data.tag).toEqual(expect.objectContaining({ value: "SILVER", expires_at: expires }))
        const bad = await settle(api.post(url, { value: "BRONZE" }, { headers }))
        expect(bad.status).toBe(400)
        expect((await tagService().listCustomerTags({}))[0].value).toBe("SILVER")
        // Another customer's page cannot reach it.
        const foreign = await settle(
          api.post(`/admin/customers/${otherId}/tags/${added.data.tag.id}`, { value: "GOLD" }, { headers })
        )
        expect(foreign.status).toBe(404)
        expect((await settle(api.delete(`/admin/customers/${otherId}/tags/${added.data.tag.id}`, { headers }))).status).toBe(404)
        expect(await systemNotes(customerId)).toEqual(["Tag tier = GOLD added", "Tag tier = SILVER changed"])
      })

      it("answers 404 for an unknown customer and 401 without a session", async () => {
        await createDefinition({ key: "vip", label: "VIP", value_mode: "flag" })
        expect((await settle(api.get("/admin/customers/cus_nope/tags", { headers }))).status).toBe(404)
        expect((await settle(api.post("/admin/customers/cus_nope/tags", { key: "vip" }, { headers }))).status).toBe(404)
        expect((await settle(api.get(`/admin/customers/${customerId}/tags`))).status).toBe(401)
        const unknownParam = await settle(api.get(`/admin/customers/${customerId}/tags?sort=key`, { headers }))
        expect(unknownParam.status).toBe(400)
        expect(unknownParam.data.message).toContain("sort")
        expect((await settle(api.post(`/admin/customers/${customerId}/tags`, { key: "vip" }))).status).toBe(401)
        expect(await tagService().listCustomerTags({})).toHaveLength(0)
      })
    })

    describe("bulk, expiry and group changes", () => {
      it("tags a list of customers, skips those who have it, refuses unknown ids, and removes in bulk", async () => {
        const def = await createDefinition({ key: "vip", label: "VIP", value_mode: "flag", customer_group_id: groupId })
        await api.post(`/admin/customers/${customerId}/tags`, { key: "vip" }, { headers })

        const unknown = await settle(
          api.post(`/admin/crm/tags/${def.id}/customers`, { add: [otherId, "cus_nope"] }, { headers })
        )
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toContain("cus_nope")
        expect(await groupIdsOf(otherId)).toEqual([])

        const res = await api.post(`/admin/crm/tags/${def.id}/customers`, { add: [customerId, otherId] }, { headers })
        expect(res.data).toEqual(expect.objectContaining({ added: 1, skipped: 1, removed: 0 }))
        expect(res.data.tag.customer_count).toBe(2)
        expect(await groupIdsOf(otherId)).toEqual([groupId])
        expect((await tagService().listCustomerTags({ customer_id: otherId }))[0].source).toBe("bulk")

        const empty = await settle(api.post(`/admin/crm/tags/${def.id}/customers`, {}, { headers }))
        expect(empty.status).toBe(400)

        const removed = await api.post(
          `/admin/crm/tags/${def.id}/customers`,
          { remove: [customerId, otherId] },
          { headers }
        )
        expect(removed.data).toEqual(expect.objectContaining({ removed: 2 }))
        expect(await groupIdsOf(customerId)).toEqual([])
        expect(await groupIdsOf(otherId)).toEqual([])
      })

      it("the expiry job removes expired tags and their group, once, whoever runs it", async () => {
        await createDefinition({ key: "vip", label: "VIP", value_mode: "flag", customer_group_id: groupId })
        const soon = new Date(Date.now() + 60_000).toISOString()
        await api.post(`/admin/customers/${customerId}/tags`, { key: "vip", expires_at: soon }, { headers })
        await api.post(`/admin/customers/${otherId}/tags`, { key: "vip" }, { headers })

        expect(await expireCustomerTags(getContainer())).toBe(0)
        const later = new Date(Date.now() + 120_000)
        const runs = await Promise.all([
          expireCustomerTags(getContainer(), later),
          expireCustomerTags(getContainer(), later),
        ])
        expect(runs.reduce((a, b) => a + b, 0)).toBe(1)
        expect(await groupIdsOf(customerId)).toEqual([])
        expect(await groupIdsOf(otherId)).toEqual([groupId])
        expect(await systemNotes(customerId)).toEqual([
          expect.stringMatching(/^Tag vip added \(expires /),
          "Tag vip expired",
        ])
        expect(await expireCustomerTags(getContainer(), later)).toBe(0)
      })

      it("a system note carries what happened as an event key and values, in the timeline and notes APIs", async () => {
        await createDefinition({ key: "vip", label: "VIP", value_mode: "flag", customer_group_id: groupId })
        const expires = new Date(Date.UTC(2031, 5, 30, 12)).toISOString()
        await api.post(`/admin/customers/${customerId}/tags`, { key: "vip", expires_at: expires }, { headers })

        const timeline = await api.get(`/admin/customers/${customerId}/timeline?type=system_note`, { headers })
        expect(timeline.data.timeline).toHaveLength(1)
        expect(timeline.data.timeline[0].note).toEqual(
          expect.objectContaining({
            kind: "system",
            body: "Tag vip added (expires 2031-06-30)",
            event: { key: "tag_added_expiring", values: { tag: "vip", tag_label: "VIP", expires_at: "2031-06-30" } },
          })
        )
        const notes = await api.get(`/admin/customers/${customerId}/notes?kind=system`, { headers })
        expect(notes.data.notes.map((n: any) => n.event)).toEqual([
          { key: "tag_added_expiring", values: { tag: "vip", tag_label: "VIP", expires_at: "2031-06-30" } },
        ])

        // A manual note has no event; an older system note without one keeps its body.
        await api.post(`/admin/customers/${customerId}/notes`, { body: "Prefers aisle seats" }, { headers })
        await noteService().createCustomerNotes({ customer_id: customerId, body: "Tag old added", kind: "system" })
        const all = await api.get(`/admin/customers/${customerId}/notes?order=created_at`, { headers })
        expect(all.data.notes.map((n: any) => [n.body, n.event?.key ?? null])).toEqual([
          ["Tag vip added (expires 2031-06-30)", "tag_added_expiring"],
          ["Prefers aisle seats", null],
          ["Tag old added", null],
        ])
      })

      it("moves tagged customers when the benefit group changes", async () => {
        const def = await createDefinition({ key: "vip", label: "VIP", value_mode: "flag", customer_group_id: groupId })
        await api.post(`/admin/customers/${customerId}/tags`, { key: "vip" }, { headers })
        const g2 = (await api.post("/admin/customer-groups", { name: "VIP benefit" }, { headers })).data.customer_group.id
        await api.post(`/admin/crm/tags/${def.id}`, { customer_group_id: g2 }, { headers })
        expect(await groupIdsOf(customerId)).toEqual([g2])
        await api.post(`/admin/crm/tags/${def.id}`, { customer_group_id: null }, { headers })
        expect(await groupIdsOf(customerId)).toEqual([])
      })
    })

    describe("the benefit", () => {
      it("a promotion for the benefit group applies to a tagged customer's cart, not to an untagged one's, and counts as usage", async () => {
        const container = getContainer()
        const store = await createTestStore(container)
        await createGroupPromotion(container, "STAFF10", groupId)
        const def = await createDefinition({ key: "staff", label: "Staff", value_mode: "flag", customer_group_id: groupId })

        const tagged = await registerStoreCustomer(api, store.publishableKey, "tagged@example.com")
        const untagged = await registerStoreCustomer(api, store.publishableKey, "untagged@example.com")
        await api.post(`/admin/customers/${tagged.customerId}/tags`, { key: "staff" }, { headers })

        const cartWithCode = async (h: Record<string, string>) => {
          const {
            data: { cart },
          } = await api.post(
            "/store/carts",
            {
              region_id: store.regionId,
              sales_channel_id: store.salesChannelId,
              items: [{ variant_id: store.variantId, quantity: 1 }],
            },
            { headers: h }
          )
          const res = await settle(
            api.post(`/store/carts/${cart.id}/promotions`, { promo_codes: ["STAFF10"] }, { headers: h })
          )
          return res.data.cart ?? (await api.get(`/store/carts/${cart.id}`, { headers: h })).data.cart
        }

        const taggedCart = await cartWithCode(tagged.headers)
        expect(taggedCart.promotions.map((p: { code: string }) => p.code)).toEqual(["STAFF10"])
        expect(taggedCart.discount_total).toBe(10)

        const untaggedCart = await cartWithCode(untagged.headers)
        expect(untaggedCart.promotions ?? []).toEqual([])
        expect(untaggedCart.discount_total).toBe(0)

        // An order with the code for the tagged customer counts as benefit use in its channel.
        await createOrderWorkflow(container).run({
          input: {
            region_id: store.regionId,
            sales_channel_id: store.salesChannelId,
            customer_id: tagged.customerId,
            email: "tagged@example.com",
            items: [{ variant_id: store.variantId, quantity: 1 }] as never,
            promo_codes: ["STAFF10"],
          },
        })
        const usage = await api.get(`/admin/crm/tags/${def.id}`, { headers })
        expect(usage.data.tag.usage).toEqual({
          customer_count: 1,
          benefit_order_count: 1,
          by_sales_channel: [{ sales_channel_id: store.salesChannelId, name: "Webshop", order_count: 1 }],
        })
      })
    })

    describe("compensation", () => {
      it("a failure after assigning undoes the tags, the group memberships and the notes", async () => {
        await createDefinition({ key: "staff", label: "Staff", value_mode: "flag", customer_group_id: groupId })
        await expectFailureAfter(
          assignThenFail(getContainer()).run({
            input: { assignments: [{ customer_id: customerId, key: "staff" }, { customer_id: otherId, key: "staff" }] },
            throwOnError: false,
          })
        )
        expect(await tagService().listCustomerTags({})).toHaveLength(0)
        expect(await groupIdsOf(customerId)).toEqual([])
        expect(await groupIdsOf(otherId)).toEqual([])
        expect(await systemNotes(customerId)).toEqual([])
      })

      it("a failure after removing puts the tags and group memberships back", async () => {
        await createDefinition({ key: "staff", label: "Staff", value_mode: "flag", customer_group_id: groupId })
        const added = await api.post(`/admin/customers/${customerId}/tags`, { key: "staff" }, { headers })
        await expectFailureAfter(
          removeThenFail(getContainer()).run({ input: { ids: [added.data.tag.id] }, throwOnError: false })
        )
        const [tag] = await tagService().listCustomerTags({})
        expect(tag).toEqual(expect.objectContaining({ id: added.data.tag.id, joined_group: true }))
        expect(await groupIdsOf(customerId)).toEqual([groupId])
        expect(await systemNotes(customerId)).toEqual(["Tag staff added"])
      })

      it("a failure after a profile change restores the old values and stores", async () => {
        const profiles = getContainer().resolve<CustomerProfileModuleService>(CUSTOMER_PROFILE_MODULE)
        const { data: sc } = await api.post("/admin/sales-channels", { name: "Box office" }, { headers })
        await api.post(`/admin/customers/${customerId}/profile`, { gender: "female", nationality: "NL" }, { headers })
        await expectFailureAfter(
          profileThenFail(getContainer()).run({
            input: { customer_id: customerId, gender: "male", nationality: null, sales_channel_ids: [sc.sales_channel.id] },
            throwOnError: false,
          })
        )
        const [profile] = await profiles.listCustomerProfiles({ customer_id: customerId })
        expect(profile).toEqual(expect.objectContaining({ gender: "female", nationality: "NL" }))
        expect(await profiles.listCustomerStores({ customer_id: customerId })).toHaveLength(0)
        expect(await systemNotes(customerId)).toEqual(["Profile updated: gender, nationality"])

        // A customer without a profile has none again.
        await expectFailureAfter(
          profileThenFail(getContainer()).run({ input: { customer_id: otherId, gender: "male" }, throwOnError: false })
        )
        expect(await profiles.listCustomerProfiles({ customer_id: otherId })).toHaveLength(0)
      })
    })
  },
})
