import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { customerDataHandlers } from "../../src/lib/customer-data"
import { CrmEvents } from "../../src/lib/events"
import { selectRows } from "../../src/lib/queries/sql"
import { distributeCampaignWorkflow } from "../../src/workflows/campaigns/distribute-campaign"
import { distributeRunningCampaigns } from "../../src/workflows/campaigns/run"
import { createAdminUser, settle } from "../helpers/admin"
import { recordSentNotifications } from "../helpers/notifications"

jest.setTimeout(240 * 1000)

const failStep = createStep("test-campaign-fail-after", async () => {
  throw new Error("failure after the workflow under test")
})
const distributeThenFail = createWorkflow("test-distribute-campaign-then-fail", (input: { id: string }) => {
  distributeCampaignWorkflow.runAsStep({ input })
  failStep()
  return new WorkflowResponse(void 0)
})

const sorted = (ids: string[]) => [...ids].sort()
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString()
const tomorrow = () => new Date(Date.now() + 86400_000).toISOString()

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    /**
     * a: USER_AFFILIATION=CUSTOMER and VIP; b: USER_AFFILIATION=INVESTOR; c: no tags;
     * guest: USER_AFFILIATION=CUSTOMER without an online account; archived: VIP, archived.
     */
    let a: string, b: string, c: string, guest: string, archived: string

    const rows = (sql: string, values: Record<string, unknown> = {}) => selectRows(getContainer(), sql, values)
    const post = (url: string, body: unknown = {}) => settle(api.post(url, body, { headers }))
    const get = (url: string) => settle(api.get(url, { headers }))
    const eventBus = () => getContainer().resolve(Modules.EVENT_BUS)
    const recipients = async (campaignId: string) =>
      sorted(
        (
          await rows(
            `SELECT customer_id FROM customer_inbox_entry WHERE campaign_id = :id AND origin = 'distribution' AND deleted_at IS NULL`,
            { id: campaignId }
          )
        ).map((r) => r.customer_id as string)
      )
    const createCustomer = async (email: string, hasAccount = true) => {
      const customers = getContainer().resolve(Modules.CUSTOMER)
      const customer = await customers.createCustomers({ email, first_name: "Camp", last_name: email.split("@")[0], has_account: hasAccount })
      return customer.id
    }
    const tag = async (customerId: string, key: string, value?: string) => {
      const res = await post(`/admin/customers/${customerId}/tags`, value ? { key, value } : { key })
      expect(res.status).toBe(201)
    }
    /** Creates a campaign through the route and, when it has started, waits for the worker's distribution. */
    const createCampaign = async (body: Record<string, unknown>) => {
      const started = !body.starts_at || Date.parse(body.starts_at as string) <= Date.now()
      const done = started
        ? TestEventUtils.waitSubscribersExecution(CrmEvents.CAMPAIGN_DISTRIBUTION_REQUESTED, eventBus())
        : Promise.resolve()
      const res = await post("/admin/crm/campaigns", { kind: "message", title: "Hello", short_description: "A message", ...body })
      expect(res.status).toBe(201)
      await done
      return res.data.campaign
    }
    const audienceCount = async (audience: unknown) => {
      const res = await post("/admin/crm/campaigns/audience", { audience })
      expect(res.status).toBe(200)
      return res.data.count as number
    }
    const createPromotion = async (code: string | null, automatic = false) => {
      const {
        result: [promotion],
      } = await createPromotionsWorkflow(getContainer()).run({
        input: {
          promotionsData: [
            {
              code: code ?? `AUTO${Math.random().toString(36).slice(2, 8)}`,
              type: "standard",
              status: "active",
              is_automatic: automatic,
              application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10, currency_code: "eur" },
            },
          ],
        },
      })
      return promotion
    }

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      await post("/admin/crm/tags", { key: "USER_AFFILIATION", label: "Affiliation", value_mode: "text" })
      await post("/admin/crm/tags", { key: "VIP", label: "VIP", value_mode: "flag" })
      a = await createCustomer("a@camp.test")
      b = await createCustomer("b@camp.test")
      c = await createCustomer("c@camp.test")
      guest = await createCustomer("guest@camp.test", false)
      archived = await createCustomer("archived@camp.test")
      await tag(a, "USER_AFFILIATION", "CUSTOMER")
      await tag(a, "VIP")
      await tag(b, "USER_AFFILIATION", "INVESTOR")
      await tag(guest, "USER_AFFILIATION", "CUSTOMER")
      await tag(archived, "VIP")
      const done = TestEventUtils.waitSubscribersExecution(CrmEvents.CUSTOMER_ARCHIVED, eventBus())
      await post(`/admin/customers/${archived}/identity/archive`, { reason: "moved away" })
      await done
    })

    it("counts and distributes audiences by tag key, key=value, segment and list to the expected customers", async () => {
      expect(await audienceCount({ type: "everyone" })).toBe(3)
      expect(await audienceCount({ type: "tags", tags: ["USER_AFFILIATION"] })).toBe(2)
      expect(await audienceCount({ type: "tags", tags: ["USER_AFFILIATION = CUSTOMER"] })).toBe(1)
      expect(await audienceCount({ type: "tags", tags: ["user_affiliation=customer"] })).toBe(0)
      expect(await audienceCount({ type: "tags", tags: ["USER_AFFILIATION:investor", "VIP"] })).toBe(2)
      expect(await audienceCount({ type: "tags", tags: ["USER_AFFILIATION=INVESTOR", "VIP"], match: "all" })).toBe(0)
      expect(await audienceCount({ type: "tags", tags: ["USER_AFFILIATION=CUSTOMER", "VIP"], match: "all" })).toBe(1)
      expect(await audienceCount({ type: "customers", customer_ids: [a, c, guest, archived, "cus_unknown"] })).toBe(2)
      const segment = (await post("/admin/crm/segments", { name: "Affiliated", filter: { tags: ["USER_AFFILIATION"] } })).data
        .segment
      expect(await audienceCount({ type: "segment", segment_id: segment.id })).toBe(2)

      const byKey = await createCampaign({ title: "By key", audience: { type: "tags", tags: ["USER_AFFILIATION"] } })
      expect(byKey).toMatchObject({ status: "active", audience: { type: "tags", tags: ["USER_AFFILIATION"] } })
      const byValue = await createCampaign({
        title: "By value",
        audience: { type: "tags", tags: ["USER_AFFILIATION = CUSTOMER", "USER_AFFILIATION=CUSTOMER"] },
      })
      // Stored as the list writes tags, once.
      expect(byValue.audience).toEqual({ type: "tags", tags: ["USER_AFFILIATION:CUSTOMER"] })
      const bySegment = await createCampaign({ title: "By segment", audience: { type: "segment", segment_id: segment.id } })
      const byList = await createCampaign({ title: "By list", audience: { type: "customers", customer_ids: [a, c, guest, archived] } })
      const everyone = await createCampaign({ title: "Everyone", audience: { type: "everyone" } })

      expect(await recipients(byKey.id)).toEqual(sorted([a, b]))
      expect(await recipients(byValue.id)).toEqual([a])
      expect(await recipients(bySegment.id)).toEqual(sorted([a, b]))
      expect(await recipients(byList.id)).toEqual(sorted([a, c]))
      expect(await recipients(everyone.id)).toEqual(sorted([a, b, c]))

      const fetched = (await get(`/admin/crm/campaigns/${everyone.id}`)).data.campaign
      expect(fetched.counts).toEqual({ distributed: 3, read: 0, redeemed: 0, removed: 0, emailed: 0 })
      expect(fetched.distributed_at).toBeTruthy()
      expect(fetched.created_by).toBeTruthy()

      const list = await get("/admin/crm/campaigns?order=title&limit=2")
      expect(list.status).toBe(200)
      expect(list.data).toMatchObject({ count: 5, limit: 2, offset: 0 })
      expect(list.data.campaigns.map((k: any) => k.title)).toEqual(["By key", "By list"])
      expect((await get("/admin/crm/campaigns?q=segment")).data.campaigns.map((k: any) => k.id)).toEqual([bySegment.id])

      const entries = await get(`/admin/crm/campaigns/${byKey.id}/entries`)
      expect(entries.data.count).toBe(2)
      expect(sorted(entries.data.entries.map((e: any) => e.customer_id))).toEqual(sorted([a, b]))
      expect(entries.data.entries.find((e: any) => e.customer_id === a)).toMatchObject({
        email: "a@camp.test",
        last_name: "a",
        status: "new",
        origin: "distribution",
      })
    })

    it("adds customers who come to match while it runs, idempotently, and shows expiry once it ends", async () => {
      const campaign = await createCampaign({ title: "VIP news", audience: { type: "tags", tags: ["VIP"] }, ends_at: tomorrow() })
      expect(await recipients(campaign.id)).toEqual([a])

      // b starts matching: the next pass gives b an entry, and a keeps the one it has.
      await tag(b, "VIP")
      const firstEntry = (await rows(`SELECT id FROM customer_inbox_entry WHERE customer_id = :a`, { a }))[0].id
      const outcomes = await distributeRunningCampaigns(getContainer())
      expect(outcomes).toEqual([expect.objectContaining({ status: "succeeded", id: campaign.id, added: 1 })])
      expect(await recipients(campaign.id)).toEqual(sorted([a, b]))
      expect((await rows(`SELECT id FROM customer_inbox_entry WHERE customer_id = :a`, { a }))[0].id).toBe(firstEntry)

      // Passes and requests again: nothing changes.
      expect(await distributeRunningCampaigns(getContainer())).toEqual([
        expect.objectContaining({ status: "succeeded", added: 0, emailed: 0 }),
      ])
      for (let i = 0; i < 2; i++) {
        const done = TestEventUtils.waitSubscribersExecution(CrmEvents.CAMPAIGN_DISTRIBUTION_REQUESTED, eventBus())
        await eventBus().emit({ name: CrmEvents.CAMPAIGN_DISTRIBUTION_REQUESTED, data: { id: campaign.id } })
        await done
      }
      expect((await rows(`SELECT COUNT(*) AS n FROM customer_inbox_entry WHERE campaign_id = :id`, { id: campaign.id }))[0].n).toBe("2")

      // Ended early: it shows as ended, its entries as expired, and nobody is added any more.
      const ended = await post(`/admin/crm/campaigns/${campaign.id}/end`)
      expect(ended.status).toBe(200)
      expect(ended.data.campaign.status).toBe("ended")
      expect(ended.data.campaign.ended_at).toBeTruthy()
      const entries = await get(`/admin/crm/campaigns/${campaign.id}/entries`)
      expect(entries.data.entries.map((e: any) => e.status)).toEqual(["expired", "expired"])
      expect((await get(`/admin/crm/campaigns/${campaign.id}/entries?status=new`)).data.count).toBe(0)
      await tag(c, "VIP")
      expect(await distributeRunningCampaigns(getContainer())).toEqual([])
      expect(await recipients(campaign.id)).toEqual(sorted([a, b]))
      const again = await post(`/admin/crm/campaigns/${campaign.id}/end`)
      expect(again.status).toBe(409)
      expect(again.data.code).toBe("campaign_ended")

      // Past its end date: the same.
      const dated = await createCampaign({ title: "Dated", audience: { type: "everyone" }, ends_at: inAnHour() })
      await rows(`UPDATE customer_campaign SET ends_at = now() - interval '1 minute' WHERE id = :id`, { id: dated.id })
      expect((await get(`/admin/crm/campaigns/${dated.id}`)).data.campaign.status).toBe("ended")
      expect(new Set((await get(`/admin/crm/campaigns/${dated.id}/entries`)).data.entries.map((e: any) => e.status))).toEqual(
        new Set(["expired"])
      )
    })

    it("e-mails each recipient once, only those granting the consent, with ids only in the data", async () => {
      const mail = recordSentNotifications()
      try {
        const purpose = (await post("/admin/crm/privacy/purposes", { handle: "newsletter", name: "Newsletter", text: "News by mail" }))
          .data.purpose
        await post(`/admin/customers/${a}/consents`, { purpose_id: purpose.id, granted: true, reason: "Asked" })
        const campaign = await createCampaign({
          title: "Spring news",
          short_description: "Flowers & more",
          body: "Line one\n\nLine <two>",
          audience: { type: "everyone" },
          send_email: true,
          email_consent: "newsletter",
        })
        const campaignMails = () => mail.sent().filter((n) => n.template === "crm-campaign-message")
        expect(campaignMails().map((n) => n.to)).toEqual(["a@camp.test"])
        const [sent] = campaignMails()
        const entry = (await rows(`SELECT id, emailed_at FROM customer_inbox_entry WHERE campaign_id = :id AND customer_id = :a`, { id: campaign.id, a }))[0]
        expect(sent.data).toEqual({ campaign_id: campaign.id, entry_id: entry.id })
        expect(sent.content).toMatchObject({ subject: "Spring news", text: "Flowers & more\n\nLine one\n\nLine <two>" })
        expect(sent.content?.html).toContain("Line &lt;two&gt;")
        expect(entry.emailed_at).toBeTruthy()

        // Another pass: nobody twice.
        await distributeRunningCampaigns(getContainer())
        expect(campaignMails()).toHaveLength(1)

        // b grants the consent: b's e-mail goes at the next pass, a's not again.
        await post(`/admin/customers/${b}/consents`, { purpose_id: purpose.id, granted: true, reason: "Asked" })
        await distributeRunningCampaigns(getContainer())
        expect(campaignMails().map((n) => n.to)).toEqual(["a@camp.test", "b@camp.test"])
        expect((await get(`/admin/crm/campaigns/${campaign.id}`)).data.campaign.counts).toMatchObject({ distributed: 3, emailed: 2 })
        // Medusa's notification records hold ids only.
        const stored = await rows(`SELECT data FROM notification WHERE template = 'crm-campaign-message' ORDER BY created_at`)
        expect(stored.map((n) => Object.keys(n.data as object).sort())).toEqual([
          ["campaign_id", "entry_id"],
          ["campaign_id", "entry_id"],
        ])
      } finally {
        mail.restore()
      }
    })

    it("refuses bad input with 400 naming the field, writes nothing, and answers 404 for unknown campaigns", async () => {
      const automatic = await createPromotion(null, true)
      const usable = await createPromotion("SPRING10")
      const base = { kind: "message", title: "T", short_description: "S", audience: { type: "everyone" } }
      const cases: [Record<string, unknown>, string, string][] = [
        [{ ...base, title: "" }, "invalid_data", "title"],
        [{ ...base, kind: "sms" }, "invalid_data", "kind"],
        [{ ...base, audience: { type: "nobody" } }, "invalid_data", "audience"],
        [{ ...base, audience: { type: "tags", tags: ["bad key!"] } }, "invalid_data", "audience.tags.0"],
        [{ ...base, audience: { type: "tags", tags: ["KEY="] } }, "invalid_data", "audience.tags.0"],
        [{ ...base, audience: { type: "tags", tags: [] } }, "invalid_data", "audience.tags"],
        [{ ...base, audience: { type: "customers", customer_ids: [] } }, "invalid_data", "audience.customer_ids"],
        [{ ...base, audience: { type: "segment", segment_id: "cseg_unknown" } }, "audience_segment_not_found", "segment_id"],
        [{ ...base, starts_at: "2030-01-02", ends_at: "2030-01-01" }, "invalid_data", "ends_at"],
        [{ ...base, starts_at: "next week" }, "invalid_data", "starts_at"],
        [{ ...base, surprise: true }, "invalid_data", "surprise"],
        [{ ...base, kind: "offer" }, "invalid_data", "promotion_id"],
        [{ ...base, kind: "offer", promotion_id: "promo_unknown" }, "promotion_not_found", "promotion_id"],
        [{ ...base, kind: "offer", promotion_id: automatic.id }, "promotion_not_usable", "promotion_id"],
        [{ ...base, kind: "loyalty_offer", promotion_id: usable.id }, "invalid_data", "points_cost"],
        [{ ...base, kind: "loyalty_offer", promotion_id: usable.id, points_cost: 0 }, "invalid_data", "points_cost"],
        [{ ...base, kind: "loyalty_offer", promotion_id: usable.id, points_cost: 1.5 }, "invalid_data", "points_cost"],
        [{ ...base, points_cost: 10 }, "invalid_data", "points_cost"],
        [{ ...base, promotion_id: usable.id }, "invalid_data", "promotion_id"],
        [{ ...base, email_consent: "unknown-purpose", send_email: true }, "invalid_data", "email_consent"],
      ]
      for (const [body, code, field] of cases) {
        const res = await post("/admin/crm/campaigns", body)
        expect({ body, status: res.status, code: res.data.code }).toEqual({ body, status: 400, code })
        expect(res.data.message).toContain(field)
      }
      const bad = await post("/admin/crm/campaigns/audience", { audience: { type: "segment", segment_id: "cseg_unknown" } })
      expect([bad.status, bad.data.code]).toEqual([400, "audience_segment_not_found"])
      const badTags = await post("/admin/crm/campaigns/audience", { audience: { type: "tags", tags: ["a b"] } })
      expect([badTags.status, badTags.data.code]).toEqual([400, "invalid_data"])
      expect(await rows(`SELECT id FROM customer_campaign`)).toEqual([])

      // A usable promotion: an offer and a loyalty offer are made, with the promotion's code.
      const offer = await createCampaign({ kind: "offer", promotion_id: usable.id, personal: true, audience: { type: "everyone" } })
      expect(offer).toMatchObject({ kind: "offer", personal: true, promotion: { id: usable.id, code: "SPRING10" } })
      const loyalty = await createCampaign({
        kind: "loyalty_offer",
        promotion_id: usable.id,
        points_cost: 50,
        reward_valid_days: 30,
        audience: { type: "customers", customer_ids: [a] },
      })
      expect(loyalty).toMatchObject({ kind: "loyalty_offer", points_cost: 50, reward_valid_days: 30 })
      expect(await recipients(loyalty.id)).toEqual([a])
      expect((await rows(`SELECT kind FROM customer_inbox_entry WHERE campaign_id = :id`, { id: offer.id }))[0].kind).toBe("offer")

      for (const [method, url] of [
        ["get", "/admin/crm/campaigns/ccmp_unknown"],
        ["post", "/admin/crm/campaigns/ccmp_unknown"],
        ["delete", "/admin/crm/campaigns/ccmp_unknown"],
        ["post", "/admin/crm/campaigns/ccmp_unknown/end"],
        ["get", "/admin/crm/campaigns/ccmp_unknown/entries"],
      ]) {
        const res =
          method === "get"
            ? await get(url)
            : method === "delete"
              ? await settle(api.delete(url, { headers }))
              : await post(url, method === "post" && !url.endsWith("/end") ? { title: "X" } : {})
        expect({ url, method, status: res.status, code: res.data.code }).toEqual({ url, method, status: 404, code: "campaign_not_found" })
      }
      const badQuery = await get("/admin/crm/campaigns?limit=0")
      expect([badQuery.status, badQuery.data.code]).toEqual([400, "invalid_data"])
    })

    it("edits everything before the start, only the end after it, and deletes only before the start", async () => {
      const scheduled = await createCampaign({ title: "Later", audience: { type: "everyone" }, starts_at: tomorrow() })
      expect(scheduled.status).toBe("scheduled")
      expect(await distributeRunningCampaigns(getContainer())).toEqual([])
      expect(await recipients(scheduled.id)).toEqual([])
      const edited = await post(`/admin/crm/campaigns/${scheduled.id}`, {
        title: "Later, edited",
        audience: { type: "tags", tags: ["VIP"] },
      })
      expect(edited.status).toBe(200)
      expect(edited.data.campaign).toMatchObject({ title: "Later, edited", audience: { type: "tags", tags: ["VIP"] } })
      const badEnd = await post(`/admin/crm/campaigns/${scheduled.id}`, { ends_at: new Date(Date.now() + 3600_000).toISOString() })
      expect([badEnd.status, badEnd.data.code]).toEqual([400, "invalid_data"])

      // Moved to now: it starts and is distributed at once.
      const done = TestEventUtils.waitSubscribersExecution(CrmEvents.CAMPAIGN_DISTRIBUTION_REQUESTED, eventBus())
      const started = await post(`/admin/crm/campaigns/${scheduled.id}`, { starts_at: new Date().toISOString() })
      expect(started.status).toBe(200)
      await done
      expect(started.data.campaign.status).toBe("active")
      expect(await recipients(scheduled.id)).toEqual([a])

      // Started: only the end changes; the whole form sent back unchanged is fine.
      const refused = await post(`/admin/crm/campaigns/${scheduled.id}`, { title: "Too late" })
      expect([refused.status, refused.data.code]).toEqual([409, "campaign_started"])
      const resent = await post(`/admin/crm/campaigns/${scheduled.id}`, { title: "Later, edited", ends_at: tomorrow() })
      expect(resent.status).toBe(200)
      expect(resent.data.campaign.ends_at).toBeTruthy()
      const notDeleted = await settle(api.delete(`/admin/crm/campaigns/${scheduled.id}`, { headers }))
      expect([notDeleted.status, notDeleted.data.code]).toEqual([409, "campaign_started"])
      expect((await get(`/admin/crm/campaigns/${scheduled.id}`)).data.campaign.title).toBe("Later, edited")

      // Ended: nothing changes.
      await post(`/admin/crm/campaigns/${scheduled.id}/end`)
      const afterEnd = await post(`/admin/crm/campaigns/${scheduled.id}`, { ends_at: new Date(Date.now() + 7 * 86400_000).toISOString() })
      expect([afterEnd.status, afterEnd.data.code]).toEqual([409, "campaign_ended"])

      // Not started: deleted.
      const other = await createCampaign({ title: "Never", audience: { type: "everyone" }, starts_at: tomorrow() })
      const deleted = await settle(api.delete(`/admin/crm/campaigns/${other.id}`, { headers }))
      expect(deleted.status).toBe(200)
      expect(deleted.data).toEqual({ id: other.id, object: "customer_campaign", deleted: true })
      expect((await get(`/admin/crm/campaigns/${other.id}`)).status).toBe(404)
    })

    it("gives anonymized customers nothing and removes their entries; a failed pass leaves nothing behind", async () => {
      const first = await createCampaign({ title: "Before", audience: { type: "everyone" } })
      expect(await recipients(first.id)).toEqual(sorted([a, b, c]))
      const handler = customerDataHandlers().find((h) => h.name === "customer_message")!
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const exported = await handler.export({ container: getContainer(), sql: pg }, { customer_id: a, customer_ids: [a], emails: [], phones: [] })
      expect(exported.inbox).toEqual([expect.objectContaining({ campaign_id: first.id, campaign: "Before", status: "new" })])

      const anonymized = await post(`/admin/customers/${a}/privacy/anonymize`, { confirm: "anonymize" })
      expect(anonymized.status).toBe(200)
      expect(await recipients(first.id)).toEqual(sorted([b, c]))
      expect((await get(`/admin/crm/campaigns/${first.id}`)).data.campaign.counts).toEqual(
        expect.objectContaining({ distributed: 2 })
      )
      await distributeRunningCampaigns(getContainer())
      expect(await recipients(first.id)).toEqual(sorted([b, c]))
      const second = await createCampaign({ title: "After", audience: { type: "customers", customer_ids: [a, b] } })
      expect(await recipients(second.id)).toEqual([b])

      // A pass whose workflow fails afterwards: its entries and marks are undone.
      const later = await createCampaign({ title: "Undone", audience: { type: "everyone" }, starts_at: tomorrow() })
      await rows(`UPDATE customer_campaign SET starts_at = now() - interval '1 minute' WHERE id = :id`, { id: later.id })
      const failed = await distributeThenFail(getContainer()).run({ input: { id: later.id }, throwOnError: false })
      expect(failed.errors.map((e: any) => e.error?.message)).toEqual(["failure after the workflow under test"])
      expect(await recipients(later.id)).toEqual([])
      expect((await get(`/admin/crm/campaigns/${later.id}`)).data.campaign.distributed_at).toBeNull()
      expect((await get(`/admin/crm/campaigns/${later.id}`)).data.campaign.counts.distributed).toBe(0)
    })

    it("moves a merged record's inbox to the survivor, keeps one entry per campaign, and gives it back on undo", async () => {
      const source = await createCustomer("merge.source@camp.test")
      const survivor = await createCustomer("merge.survivor@camp.test")
      const both = await createCampaign({ title: "Both", audience: { type: "customers", customer_ids: [source, survivor] } })
      const only = await createCampaign({ title: "Source only", audience: { type: "customers", customer_ids: [source] } })
      await rows(`UPDATE customer_inbox_entry SET read_at = now() WHERE campaign_id = :id AND customer_id = :source`, {
        id: only.id,
        source,
      })
      const inbox = async (customerId: string) =>
        (
          await rows(
            `SELECT campaign_id, read_at IS NOT NULL AS read FROM customer_inbox_entry
              WHERE customer_id = :customerId AND deleted_at IS NULL ORDER BY campaign_id`,
            { customerId }
          )
        ).map((r) => `${r.campaign_id}:${r.read}`)
      const before = { source: await inbox(source), survivor: await inbox(survivor) }
      expect(before.source).toEqual(sorted([`${both.id}:false`, `${only.id}:true`]))
      // Only a guest record merges into an account: the source lost its login after the campaigns reached it.
      await rows(`UPDATE customer SET has_account = false WHERE id = :source`, { source })

      const merged = await post(`/admin/customers/${survivor}/identity/merge`, { other_id: source, survivor_id: survivor })
      expect(merged.status).toBe(200)
      // The survivor keeps its own entry of the shared campaign and gets the other (read) one.
      expect(await inbox(survivor)).toEqual(sorted([`${both.id}:false`, `${only.id}:true`]))
      expect(await inbox(source)).toEqual([])
      // Another pass adds nothing: the survivor already has both.
      await distributeRunningCampaigns(getContainer())
      expect(await recipients(both.id)).toEqual(sorted([survivor]))
      expect(await recipients(only.id)).toEqual([survivor])
      const countsOf = async (id: string) => (await get(`/admin/crm/campaigns/${id}`)).data.campaign.counts
      // The survivor's duplicate entry is hidden: the shared campaign counts one recipient; the moved one stays read.
      expect(await countsOf(both.id)).toEqual({ distributed: 1, read: 0, redeemed: 0, removed: 0, emailed: 0 })
      expect(await countsOf(only.id)).toEqual({ distributed: 1, read: 1, redeemed: 0, removed: 0, emailed: 0 })

      const undone = await post(`/admin/customers/${survivor}/identity/merges/${merged.data.merge.id}/undo`)
      expect(undone.status).toBe(200)
      expect({ source: await inbox(source), survivor: await inbox(survivor) }).toEqual(before)
      expect((await countsOf(both.id)).distributed).toBe(2)
      expect(await countsOf(only.id)).toEqual({ distributed: 1, read: 1, redeemed: 0, removed: 0, emailed: 0 })
    })
  },
})
