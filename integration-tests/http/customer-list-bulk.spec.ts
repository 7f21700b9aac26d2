import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import {
  createStep,
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { bulkUpdateCustomerTagsWorkflow } from "../../src/workflows/bulk-update-customer-tags"
import { CUSTOMER_NOTE_MODULE } from "../../src/modules/customer-note"
import type CustomerNoteModuleService from "../../src/modules/customer-note/service"
import { CUSTOMER_TAG_MODULE } from "../../src/modules/customer-tag"
import type CustomerTagModuleService from "../../src/modules/customer-tag/service"
import { createAdminUser, settle } from "../helpers/admin"

jest.setTimeout(120 * 1000)

// A workflow that runs the bulk one and then fails: its compensations must undo everything.
const failStep = createStep("test-bulk-fail-after", async () => {
  throw new Error("failure after the bulk tags")
})
const bulkThenFail = createWorkflow("test-bulk-tags-then-fail", (input: any) => {
  bulkUpdateCustomerTagsWorkflow.runAsStep({ input })
  failStep()
  return new WorkflowResponse(void 0)
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let ids: string[]
    let groupId: string

    const tagService = () => getContainer().resolve<CustomerTagModuleService>(CUSTOMER_TAG_MODULE)
    const customers = () => getContainer().resolve<ICustomerModuleService>(Modules.CUSTOMER)
    const noteService = () => getContainer().resolve<CustomerNoteModuleService>(CUSTOMER_NOTE_MODULE)

    /** `customer_id → [key or key=value]` of every tag, sorted. */
    const tagsByCustomer = async () => {
      const tags = await tagService().listCustomerTags({}, { relations: ["definition"] })
      const out: Record<string, string[]> = {}
      for (const t of tags) {
        ;(out[t.customer_id] ??= []).push(t.value ? `${t.definition.key}=${t.value}` : t.definition.key)
      }
      for (const k of Object.keys(out)) out[k].sort()
      return out
    }
    const groupMembers = async (group: string) => {
      const list = await customers().listCustomers({ groups: { id: group } } as any, { select: ["id"] })
      return list.map((c) => c.id).sort()
    }
    const systemNotes = async (customer_id: string) =>
      (await noteService().listCustomerNotes({ customer_id, kind: "system" }, { order: { created_at: "ASC" } })).map(
        (n) => n.body
      )
    const bulk = (body: unknown) => settle(api.post("/admin/crm/customers/tags", body, { headers }))

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      ids = []
      for (const name of ["Ada", "Bram", "Cor"]) {
        const res = await api.post(
          "/admin/customers",
          { email: `${name.toLowerCase()}@example.com`, first_name: name },
          { headers }
        )
        ids.push(res.data.customer.id)
      }
      groupId = (await api.post("/admin/customer-groups", { name: "VIP benefit" }, { headers })).data.customer_group.id
      await api.post("/admin/crm/tags", { key: "vip", label: "VIP", value_mode: "flag", customer_group_id: groupId }, { headers })
      await api.post("/admin/crm/tags", { key: "lead", label: "Lead", value_mode: "flag" }, { headers })
      await api.post(
        "/admin/crm/tags",
        { key: "level", label: "Level", value_mode: "list", allowed_values: ["gold", "silver"] },
        { headers }
      )
    })

    it("adds a tag to a selection: skips who has it, joins the benefit group, notes it, answers how many changed", async () => {
      const [ada, bram, cor] = ids
      await api.post(`/admin/customers/${ada}/tags`, { key: "vip" }, { headers })

      const res = await bulk({ customer_ids: [ada, bram, bram], add: { key: "vip" } })
      expect(res.status).toBe(200)
      expect(res.data).toEqual({ updated: 1 })
      expect(await tagsByCustomer()).toEqual({ [ada]: ["vip"], [bram]: ["vip"] })
      expect(await groupMembers(groupId)).toEqual([ada, bram].sort())
      expect(await systemNotes(bram)).toEqual(["Tag vip added"])
      expect(await systemNotes(cor)).toEqual([])

      // A tag with a value: the value is checked against the tag.
      const gold = await bulk({ customer_ids: [bram, cor], add: { key: "level", value: "gold" } })
      expect(gold.data).toEqual({ updated: 2 })
      expect(await tagsByCustomer()).toEqual({ [ada]: ["vip"], [bram]: ["level=gold", "vip"], [cor]: ["level=gold"] })
      const platinum = await bulk({ customer_ids: [ada], add: { key: "level", value: "platinum" } })
      expect(platinum.status).toBe(400)
      expect(platinum.data.code).toBe("tag_value_invalid")
      expect((await tagsByCustomer())[ada]).toEqual(["vip"])
    })

    it("removes a tag from a selection and adds another in one request; others keep theirs", async () => {
      const [ada, bram, cor] = ids
      for (const id of ids) {
        await api.post(`/admin/customers/${id}/tags`, { key: "vip" }, { headers })
      }
      expect(await groupMembers(groupId)).toEqual([...ids].sort())

      const res = await bulk({ customer_ids: [ada, bram], remove: { key: "vip" }, add: { key: "lead" } })
      expect(res.status).toBe(200)
      expect(res.data).toEqual({ updated: 2 })
      expect(await tagsByCustomer()).toEqual({ [ada]: ["lead"], [bram]: ["lead"], [cor]: ["vip"] })
      // The tag's benefit group follows the tag.
      expect(await groupMembers(groupId)).toEqual([cor])
      expect(await systemNotes(ada)).toEqual(["Tag vip added", "Tag lead added", "Tag vip removed"])

      // Removing a tag nobody in the selection has changes nothing.
      const none = await bulk({ customer_ids: [ada, bram], remove: { key: "vip" } })
      expect(none.data).toEqual({ updated: 0 })
      expect((await tagsByCustomer())[cor]).toEqual(["vip"])
    })

    it("404 for an unknown customer or tag key, and nothing changes", async () => {
      const [ada] = ids
      const unknownCustomer = await bulk({ customer_ids: [ada, "cus_missing"], add: { key: "vip" } })
      expect(unknownCustomer.status).toBe(404)
      expect(unknownCustomer.data.code).toBe("customer_not_found")
      expect(unknownCustomer.data.message).toContain("cus_missing")

      const unknownKey = await bulk({ customer_ids: [ada], add: { key: "vip" }, remove: { key: "nope" } })
      expect(unknownKey.status).toBe(404)
      expect(unknownKey.data.code).toBe("tag_definition_not_found")
      expect(unknownKey.data.message).toContain("nope")

      expect(await tagsByCustomer()).toEqual({})
      expect(await groupMembers(groupId)).toEqual([])
    })

    it("400 for bad bodies, naming the field", async () => {
      const [ada] = ids
      const cases: [unknown, string][] = [
        [{ customer_ids: [], add: { key: "vip" } }, "customer_ids"],
        [{ customer_ids: Array.from({ length: 1001 }, (_, i) => `cus_${i}`), add: { key: "vip" } }, "customer_ids"],
        [{ customer_ids: [ada] }, "add"],
        [{ customer_ids: [ada], add: { key: "bad key!" } }, "key"],
        [{ customer_ids: [ada], add: { key: "vip" }, remove: { key: "vip" } }, "remove"],
        [{ customer_ids: [ada], add: { key: "vip", extra: 1 } }, "extra"],
        [{ customer_ids: [ada], add: { key: "vip" }, tag: "x" }, "tag"],
      ]
      for (const [body, field] of cases) {
        const res = await bulk(body)
        expect({ field, status: res.status, code: res.data.code }).toEqual({ field, status: 400, code: "invalid_data" })
        expect(res.data.message).toContain(field)
      }
      expect(await tagsByCustomer()).toEqual({})
    })

    it("a failure after the workflow undoes the tags, the group memberships and the notes", async () => {
      const [ada, bram, cor] = ids
      await api.post(`/admin/customers/${cor}/tags`, { key: "lead" }, { headers })
      const { errors } = await bulkThenFail(getContainer()).run({
        input: { customer_ids: [ada, bram, cor], add: { key: "vip" }, remove: { key: "lead" } },
        throwOnError: false,
      })
      expect(errors.map((e) => e.error.message)).toEqual(["failure after the bulk tags"])
      expect(await tagsByCustomer()).toEqual({ [cor]: ["lead"] })
      expect(await groupMembers(groupId)).toEqual([])
      expect(await systemNotes(ada)).toEqual([])
      expect(await systemNotes(cor)).toEqual(["Tag lead added"])
    })
  },
})
