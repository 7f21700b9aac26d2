import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  ANONYMIZED_TEXT,
  customerDataHandlers,
  exportWithHandlers,
  inCustomerDataTransaction,
  type Person,
} from "../../src/lib/customer-data"
import { deleteCustomerCrmDataWorkflow } from "../../src/workflows/delete-customer-crm-data"
import { createAdminUser } from "../helpers/admin"
import { createTestStore, placeStoreOrder, registerStoreCustomer, type TestStore } from "../helpers/store"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240 * 1000)

const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="

/** The plugin's handlers (the privacy module's belongs to another part of the registry's tests). */
const PLUGIN_HANDLERS = [
  "customer_note",
  "customer_tag",
  "customer_profile",
  "loyalty",
  "membership",
  "customer_identity",
  "customer_insight",
  "crm_request",
]

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: TestStore

    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const rows = async (sql: string, bindings: any[] = []) => (await pg().raw(sql, bindings)).rows as any[]
    const handlers = () => customerDataHandlers(["plugin"]).filter((h) => PLUGIN_HANDLERS.includes(h.name))
    const ctx = () => ({ container: getContainer(), sql: pg() })

    /**
     * A customer with something in every plugin module, made through the routes an admin and a
     * storefront use: a note e-mailed to them, a tag with a free value, a profile with a photo,
     * loyalty points, a membership shared with a co-member in its benefit group, an alternate
     * e-mail, an identity claim, an archive mark, an order (metrics) and a replayed answer.
     */
    const fullCustomer = async (email: string) => {
      const pat = await registerStoreCustomer(api, store.publishableKey, email)
      const id = pat.customerId
      const coMember = (await api.post("/admin/customers", { email: `co.${email}` }, { headers })).data.customer.id as string
      const group = (await api.post("/admin/customer-groups", { name: `Members ${email}` }, { headers })).data.customer_group.id
      const key = `employer_${Math.random().toString(36).slice(2, 8)}`
      await api.post("/admin/crm/tags", { key, label: "Employer", value_mode: "text" }, { headers })
      await api.post(`/admin/customers/${id}/tags`, { key, value: "Museum of Pat" }, { headers })
      const note = (await api.post(`/admin/customers/${id}/notes`, { body: `Called ${email} about seats` }, { headers })).data.note
      await api.post(`/admin/customers/${id}/notes/${note.id}/email`, {}, { headers })
      await api.post(`/admin/customers/${id}/profile`, { nationality: "NL", gate_code: "4711", birth_date: "1980-02-03" }, { headers })
      await api.post(`/admin/customers/${id}/profile/photo`, { filename: "pat.png", mime_type: "image/png", content: PNG }, { headers })
      await api.post(`/admin/customers/${id}/loyalty/adjustments`, { points: 300, reason: `Welcome ${email}` }, { headers })
      const plan = (
        await api.post(
          "/admin/crm/membership-plans",
          { name: `Duo ${email}`, level: 1, duration_unit: "year", duration_value: 1, max_shares: 1, customer_group_id: group },
          { headers }
        )
      ).data.plan
      const membership = (await api.post(`/admin/customers/${id}/memberships`, { plan_id: plan.id }, { headers })).data.membership
      await api.post(`/admin/customers/${id}/memberships/${membership.id}/shares`, { customer_id: coMember }, { headers })
      await api.post(`/admin/customers/${id}/identity/emails`, { email: `work.${email}` }, { headers })
      await api.post("/store/customers/me/identity/claims", { email: `guest.${email}` }, { headers: pat.headers })
      await api.post(`/admin/customers/${id}/identity/archive`, { reason: `Moved, said ${email}` }, { headers })
      // An admin write with a key: its answer (naming the customer) is kept for a retry.
      await api.post(`/admin/customers/${id}/notes`, { body: "Second note" }, { headers: { ...headers, "Idempotency-Key": `k-${id}` } })
      await placeStoreOrder(api, store, pat.headers)
      await waitFor(
        () =>
          rows(
            `SELECT (SELECT count(*) FROM customer_metric WHERE customer_id = ?)::int AS metrics,
                    (SELECT count(*) FROM customer_store WHERE customer_id = ?)::int AS stores`,
            [id, id]
          ),
        (r) => r[0].metrics === 1 && r[0].stores === 1,
        "the order's metrics and store"
      )
      const person: Person = {
        customer_id: id,
        customer_ids: [id],
        emails: [email, `work.${email}`, `guest.${email}`],
        phones: [],
      }
      return { id, coMember, group, membershipId: membership.id as string, person }
    }

    const counts = async (ids: string[]) => {
      const out: Record<string, number> = {}
      for (const handler of handlers()) {
        out[handler.name] = await handler.count(ctx(), ids)
      }
      return out
    }

    /** Every row of every claimed table that names the customer, or mentions them (replays). */
    const claimedRows = async (customerId: string) => {
      const out: Record<string, number> = {}
      for (const handler of handlers()) {
        for (const claim of handler.claims) {
          const columns = (
            await rows(
              `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?`,
              [claim.table]
            )
          ).map((c) => c.column_name as string)
          const where = ["customer_id", "survivor_id", "source_id"].filter((c) => columns.includes(c))
          if (claim.table === "crm_request_replay") {
            out[claim.table] = (await rows(`SELECT count(*)::int AS n FROM crm_request_replay WHERE response_body LIKE ?`, [`%${customerId}%`]))[0].n
          } else if (where.length) {
            out[claim.table] = (
              await rows(`SELECT count(*)::int AS n FROM "${claim.table}" WHERE ${where.map((c) => `"${c}" = ?`).join(" OR ")}`, where.map(() => customerId))
            )[0].n
          }
        }
      }
      return out
    }

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      store = await createTestStore(getContainer())
    })

    it("counts, lists and exports what every plugin module holds about a customer, never a code's hash", async () => {
      const pat = await fullCustomer("pat@example.com")
      const other = (await api.post("/admin/customers", { email: "other@example.com" }, { headers })).data.customer.id

      expect(handlers().map((h) => h.name).sort()).toEqual([...PLUGIN_HANDLERS].sort())
      // The two notes written by hand, and the system notes the other changes wrote.
      const notes = (await rows("SELECT kind, count(*)::int AS n FROM customer_note WHERE customer_id = ? GROUP BY kind ORDER BY kind", [pat.id]))
      expect(notes).toEqual([{ kind: "manual", n: 2 }, { kind: "system", n: expect.any(Number) }])
      expect(await counts([pat.id])).toEqual({
        customer_note: notes[0].n + notes[1].n,
        customer_tag: 1,
        // The profile and the order's store.
        customer_profile: 2,
        // The account, the adjustment and what the order earned.
        loyalty: expect.any(Number),
        membership: 1,
        // Alternate e-mail, claim, archive mark.
        customer_identity: 3,
        // Total, day and month.
        customer_insight: 3,
        // The keyed answer, and the latest answer without a key.
        crm_request: expect.any(Number),
      })
      expect((await counts([pat.id])).crm_request).toBeGreaterThanOrEqual(1)
      expect((await counts([pat.id])).loyalty).toBeGreaterThanOrEqual(2)
      // The co-member's place on the membership is theirs.
      expect((await counts([pat.coMember])).membership).toBe(1)
      expect(Object.values(await counts([other])).every((n) => n === 0)).toBe(true)

      for (const handler of handlers()) {
        const listed = await handler.list(ctx(), [pat.id])
        expect({ [handler.name]: listed.length }).toEqual({ [handler.name]: await handler.count(ctx(), [pat.id]) })
        expect(listed.every((r) => r.customer_id === pat.id && !!r.id && !!r.kind)).toBe(true)
      }

      const document: Record<string, unknown[]> = {}
      for (const handler of handlers()) {
        Object.assign(document, await handler.export(ctx(), pat.person, { include_notes: true }))
      }
      expect(document.notes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ body: "Called pat@example.com about seats", emails: [expect.objectContaining({ to: "pat@example.com" })] }),
        ])
      )
      expect(document.tags).toEqual([expect.objectContaining({ label: "Employer", value: "Museum of Pat" })])
      expect(document.profile).toEqual([expect.objectContaining({ nationality: "NL", gate_code: "4711", birth_date: "1980-02-03" })])
      expect(document.stores).toHaveLength(1)
      expect(document.loyalty_entries).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: "adjust", points: 300, reason: "Welcome pat@example.com" })])
      )
      expect(document.memberships).toEqual([expect.objectContaining({ id: pat.membershipId, plan: "Duo pat@example.com" })])
      expect(document.alternate_emails).toEqual([expect.objectContaining({ email: "work.pat@example.com" })])
      expect(document.identity_claims).toEqual([expect.objectContaining({ email: "guest.pat@example.com", status: "pending" })])
      expect(document.archive).toEqual([expect.objectContaining({ reason: "Moved, said pat@example.com" })])
      expect(document.metrics).toEqual([expect.objectContaining({ orders: 1 })])
      expect(JSON.stringify(document)).not.toMatch(/code_hash|token_hash/)

      // The registry joins the same sections (with every registered handler's).
      const joined = await exportWithHandlers(ctx(), pat.person, { include_notes: true })
      expect(joined.notes).toEqual(document.notes)
    })

    it("anonymizes a person in one transaction: the texts and addresses go, points and metrics stay, and twice changes nothing", async () => {
      const pat = await fullCustomer("sam@example.com")
      const photo = (await rows("SELECT photo_file_id FROM customer_profile WHERE customer_id = ?", [pat.id]))[0].photo_file_id
      expect(photo).toEqual(expect.any(String))

      const pointsBefore = await rows("SELECT sum(points)::int AS points FROM loyalty_entry WHERE customer_id = ?", [pat.id])
      const run = () =>
        inCustomerDataTransaction(getContainer(), async (trx) => {
          const files: string[] = []
          for (const handler of handlers()) {
            const effects = await handler.anonymize(trx, pat.person)
            files.push(...((effects && effects.file_ids) || []))
          }
          return files
        })
      expect(await run()).toEqual([photo])

      const state = async () => ({
        notes: await rows("SELECT body, event FROM customer_note WHERE customer_id = ? ORDER BY created_at", [pat.id]),
        sent: await rows(`SELECT e.id, e."to" FROM customer_note_email e JOIN customer_note n ON n.id = e.note_id WHERE n.customer_id = ?`, [pat.id]),
        tags: await rows("SELECT value FROM customer_tag WHERE customer_id = ?", [pat.id]),
        profile: await rows(
          "SELECT birth_date, gender, nationality, anniversary, external_id, gate_code, photo_file_id, photo_url FROM customer_profile WHERE customer_id = ?",
          [pat.id]
        ),
        entries: await rows(
          "SELECT points::int AS points, description, reason FROM loyalty_entry WHERE customer_id = ? AND type = 'adjust'",
          [pat.id]
        ),
        points: await rows("SELECT sum(points)::int AS points FROM loyalty_entry WHERE customer_id = ?", [pat.id]),
        memberships: await rows("SELECT count(*)::int AS n FROM membership WHERE customer_id = ?", [pat.id]),
        alternate: await rows("SELECT count(*)::int AS n FROM customer_alternate_email WHERE customer_id = ?", [pat.id]),
        claims: await rows("SELECT count(*)::int AS n FROM customer_identity_claim WHERE customer_id = ?", [pat.id]),
        archive: await rows("SELECT reason FROM customer_archive WHERE customer_id = ?", [pat.id]),
        metrics: await rows("SELECT orders FROM customer_metric WHERE customer_id = ?", [pat.id]),
        replays: await rows("SELECT count(*)::int AS n FROM crm_request_replay WHERE response_body LIKE ?", [`%${pat.id}%`]),
      })
      const after = await state()
      expect(after.notes.length).toBeGreaterThan(2)
      expect(new Set(after.notes.map((n) => n.body))).toEqual(new Set([ANONYMIZED_TEXT]))
      // A system note's event keeps its key, not its values.
      expect(after.notes.every((n) => n.event === null || Object.keys(n.event).join() === "key")).toBe(true)
      expect(after.sent).toEqual([{ id: after.sent[0].id, to: `${after.sent[0].id.toLowerCase()}@anonymized.invalid` }])
      expect(after.tags).toEqual([{ value: null }])
      expect(after.profile).toEqual([
        { birth_date: null, gender: null, nationality: null, anniversary: null, external_id: null, gate_code: null, photo_file_id: null, photo_url: null },
      ])
      expect(after.entries).toEqual([{ points: 300, description: null, reason: null }])
      expect(after.points).toEqual(pointsBefore)
      expect(after.memberships).toEqual([{ n: 1 }])
      expect(after.alternate).toEqual([{ n: 0 }])
      expect(after.claims).toEqual([{ n: 0 }])
      expect(after.archive).toEqual([{ reason: null }])
      expect(after.metrics).toEqual([{ orders: 1 }])
      expect(after.replays).toEqual([{ n: 0 }])
      const everything = JSON.stringify(after)
      expect(everything).not.toContain("sam@example.com")

      // Twice: nothing left to change, and no file released again.
      expect(await run()).toEqual([])
      expect(await state()).toEqual(after)
    })

    it("takes the person's e-mail out of notes on other customers: a system note about them goes whole, a staff note keeps its other words", async () => {
      const quoted = (await api.post("/admin/customers", { email: "quoted@example.com", first_name: "Quinn" }, { headers })).data.customer.id
      const other = (await api.post("/admin/customers", { email: "keeper@example.com", first_name: "Kees" }, { headers })).data.customer.id
      await api.post(`/admin/customers/${other}/notes`, { body: "Called QUOTED@example.com about the seats" }, { headers })
      await rows(
        `INSERT INTO customer_note (id, customer_id, kind, body, event) VALUES ('cnote_quote_test', ?, 'system', ?, ?::jsonb)`,
        [other, "Merge with Quinn quoted@example.com undone: its records moved back", JSON.stringify({ key: "merge_undone", values: { customer: "Quinn quoted@example.com" } })]
      )
      const person = { customer_id: quoted, customer_ids: [quoted], emails: ["quoted@example.com"], phones: [] }
      await inCustomerDataTransaction(getContainer(), async (trx) => {
        for (const handler of handlers()) {
          await handler.anonymize(trx, person)
        }
      })
      expect(await rows("SELECT kind, body, event FROM customer_note WHERE customer_id = ? ORDER BY kind", [other])).toEqual([
        { kind: "manual", body: `Called ${ANONYMIZED_TEXT} about the seats`, event: null },
        { kind: "system", body: ANONYMIZED_TEXT, event: { key: "merge_undone" } },
      ])
    })

    it("deletes a customer's data in every plugin module for good, takes the co-member out of the benefit group, and removes the photo", async () => {
      const pat = await fullCustomer("kim@example.com")
      const photo = (await rows("SELECT photo_file_id FROM customer_profile WHERE customer_id = ?", [pat.id]))[0].photo_file_id
      const inGroup = async (customerId: string) =>
        (await rows("SELECT count(*)::int AS n FROM customer_group_customer WHERE customer_id = ? AND customer_group_id = ? AND deleted_at IS NULL", [customerId, pat.group]))[0].n
      expect(await inGroup(pat.coMember)).toBe(1)
      const before = await claimedRows(pat.id)
      expect(Object.values(before).filter((n) => n > 0).length).toBeGreaterThanOrEqual(12)

      // Deleted in the admin: the customer.deleted subscriber runs the workflow after the request.
      expect((await api.delete(`/admin/customers/${pat.id}`, { headers })).status).toBe(200)
      const none = Object.fromEntries(Object.keys(before).map((t) => [t, 0]))
      const after = await waitFor(
        () => claimedRows(pat.id),
        (r) => Object.values(r).every((n) => n === 0),
        "the deleted customer's rows to go"
      )
      expect(after).toEqual(none)
      // Rows reached through a parent went too: the note's e-mails, the membership's history and shares.
      expect((await rows("SELECT count(*)::int AS n FROM membership_event WHERE membership_id = ?", [pat.membershipId]))[0].n).toBe(0)
      expect((await rows("SELECT count(*)::int AS n FROM membership_share WHERE membership_id = ?", [pat.membershipId]))[0].n).toBe(0)
      expect(await inGroup(pat.coMember)).toBe(0)
      await expect(getContainer().resolve(Modules.FILE).retrieveFile(photo)).rejects.toThrow()
      expect(await counts([pat.id])).toEqual(Object.fromEntries(PLUGIN_HANDLERS.map((n) => [n, 0])))

      // Again: nothing to find, nothing changes.
      await deleteCustomerCrmDataWorkflow(getContainer()).run({ input: { customer_ids: [pat.id] } })
      expect(await claimedRows(pat.id)).toEqual(after)
    })

    it("undoes a merge recorded in the first shape of `moved` through the handlers", async () => {
      const source = (await api.post("/admin/customers", { email: "old.record@example.com" }, { headers })).data.customer.id
      const survivor = (await api.post("/admin/customers", { email: "new.record@example.com" }, { headers })).data.customer.id
      await api.post("/admin/crm/tags", { key: "vip_undo", label: "VIP", value_mode: "flag" }, { headers })
      await api.post("/admin/crm/tags", { key: "friend_undo", label: "Friend", value_mode: "flag" }, { headers })
      await api.post(`/admin/customers/${source}/tags`, { key: "vip_undo" }, { headers })
      await api.post(`/admin/customers/${source}/tags`, { key: "friend_undo" }, { headers })
      await api.post(`/admin/customers/${survivor}/tags`, { key: "vip_undo" }, { headers })
      await api.post(`/admin/customers/${source}/notes`, { body: "Old record's note" }, { headers })
      await api.post(`/admin/customers/${source}/loyalty/adjustments`, { points: 120, reason: "Welcome" }, { headers })
      await api.post(`/admin/customers/${source}/identity/emails`, { email: "old.work@example.com" }, { headers })
      const plan = (await api.post("/admin/crm/membership-plans", { name: "Solo", level: 1, duration_unit: "year", duration_value: 1 }, { headers })).data.plan
      await api.post(`/admin/customers/${source}/memberships`, { plan_id: plan.id }, { headers })
      const holdings = async (id: string) => ({
        notes: (await rows("SELECT body FROM customer_note WHERE customer_id = ? AND kind = 'manual' AND deleted_at IS NULL", [id])).map((r) => r.body),
        tags: (await rows("SELECT d.key FROM customer_tag t JOIN customer_tag_definition d ON d.id = t.definition_id WHERE t.customer_id = ? AND t.deleted_at IS NULL ORDER BY d.key", [id])).map((r) => r.key),
        points: (await rows("SELECT coalesce(sum(points), 0)::int AS p FROM loyalty_entry WHERE customer_id = ? AND deleted_at IS NULL", [id]))[0].p,
        accounts: (await rows("SELECT count(*)::int AS n FROM loyalty_account WHERE customer_id = ? AND deleted_at IS NULL", [id]))[0].n,
        memberships: (await rows("SELECT count(*)::int AS n FROM membership WHERE customer_id = ? AND deleted_at IS NULL", [id]))[0].n,
        emails: (await rows("SELECT email FROM customer_alternate_email WHERE customer_id = ? AND deleted_at IS NULL ORDER BY email", [id])).map((r) => r.email),
      })
      const before = { source: await holdings(source), survivor: await holdings(survivor) }

      const merged = await api.post(`/admin/customers/${source}/identity/merge`, { other_id: survivor, survivor_id: survivor }, { headers })
      const mergeId = merged.data.merge.id
      expect((await holdings(survivor)).emails).toEqual(["old.record@example.com", "old.work@example.com"])
      const [{ moved }] = await rows("SELECT moved FROM customer_merge WHERE id = ?", [mergeId])
      expect(moved).toEqual(expect.objectContaining({ version: 2, parts: expect.objectContaining({ customer_note: expect.anything() }) }))

      // The record as a release before the registry wrote it.
      const p = moved.parts
      const firstShape = {
        order_ids: moved.order_ids,
        addresses: moved.addresses,
        note_ids: p.customer_note.note_ids,
        tag_ids: p.customer_tag.tag_ids,
        membership_ids: p.membership.membership_ids,
        share_ids: p.membership.share_ids,
        loyalty: {
          account_id: p.loyalty.account_id,
          entry_ids: p.loyalty.entry_ids,
          source_account_id: p.loyalty.source_account_id,
          survivor_account_id: p.loyalty.survivor_account_id,
          points: p.loyalty.points,
        },
        alternate_email_ids: p.customer_identity.alternate_email_ids,
        new_alternate_email: p.customer_identity.new_alternate_email,
        new_alternate_email_source: p.customer_identity.new_alternate_email_source,
        new_alternate_email_id: p.customer_identity.new_alternate_email_id,
        group_ids: moved.group_ids,
        store_ids: p.customer_profile.store_ids,
        profile_id: p.customer_profile.profile_id,
        hidden: {
          address_ids: moved.hidden_address_ids,
          tag_ids: p.customer_tag.hidden_tag_ids,
          note_ids: p.customer_note.hidden_note_ids,
          store_ids: p.customer_profile.hidden_store_ids,
          profile_ids: p.customer_profile.hidden_profile_ids,
          loyalty_account_ids: p.loyalty.hidden_account_ids,
          share_ids: p.membership.hidden_share_ids,
        },
      }
      expect(firstShape.tag_ids).toHaveLength(1)
      expect(firstShape.hidden.tag_ids).toHaveLength(1)
      await rows("UPDATE customer_merge SET moved = ?::jsonb WHERE id = ?", [JSON.stringify(firstShape), mergeId])

      const undone = await api.post(`/admin/customers/${survivor}/identity/merges/${mergeId}/undo`, {}, { headers })
      expect(undone.data.merge).toEqual(expect.objectContaining({ status: "undone" }))
      expect({ source: await holdings(source), survivor: await holdings(survivor) }).toEqual(before)
    })

    it("puts every row that names the customer back when a step after the delete fails", async () => {
      const pat = await fullCustomer("lee@example.com")
      const before = await claimedRows(pat.id)
      const workflow = deleteCustomerCrmDataWorkflow(getContainer())
      workflow.appendAction("fail-after-delete", "delete-customer-data", {
        invoke: async () => {
          throw new Error("boom")
        },
      })
      const { errors } = await workflow.run({ input: { customer_ids: [pat.id] }, throwOnError: false })
      expect(errors[0].error.message).toBe("boom")
      const after = await claimedRows(pat.id)
      // Replayed answers are not put back (short-lived, and not worth keeping a copy of).
      expect(after).toEqual({ ...before, crm_request_replay: 0 })
      const { data } = await api.get(`/admin/customers/${pat.id}/identity`, { headers })
      expect(data.identity.alternate_emails.map((e: any) => e.email)).toEqual(["work.lee@example.com"])
    })
  },
})
