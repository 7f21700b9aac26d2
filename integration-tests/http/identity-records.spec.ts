import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdminUser } from "../helpers/admin"
import { createTestStore, placeGuestOrder, type TestStore } from "../helpers/store"

jest.setTimeout(180 * 1000)

/** Merging two records of one person: telling them apart in the preview, and their addresses. */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: TestStore

    const customer = async (body: Record<string, unknown>) =>
      (await api.post("/admin/customers", body, { headers })).data.customer.id as string
    const addAddress = (id: string, address: Record<string, unknown>) =>
      api.post(`/admin/customers/${id}/addresses`, address, { headers })

    /** A guest checkout with `email`, as a storefront does it without a login; returns its customer. */
    const guestOrder = async (email: string) => (await placeGuestOrder(api, store, getContainer(), email)).customer_id

    /** A customer's live addresses, as the admin lists them: street and default flags. */
    const addressesOf = async (id: string) => {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "customer_address",
          fields: ["id", "address_1", "postal_code", "is_default_shipping", "is_default_billing"],
          filters: { customer_id: id },
        })
      return (data as any[])
        .map((a) => ({ id: a.id, address_1: a.address_1, postal_code: a.postal_code, shipping: a.is_default_shipping, billing: a.is_default_billing }))
        .sort((a, b) => a.id.localeCompare(b.id))
    }

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
      store = await createTestStore(getContainer())
    })

    it("keeps one of two identical addresses on merge, and an undo gives both records theirs back", async () => {
      const kept = await customer({ email: "karlijn@example.com", first_name: "Karlijn", last_name: "Huisman" })
      const guest = await customer({ email: "k.huisman@example.com", first_name: "Karlijn", last_name: "Huisman" })
      const home = { first_name: "Karlijn", last_name: "Huisman", address_1: "Kerkstraat 1", city: "Utrecht", postal_code: "3511 AB", country_code: "nl" }
      await addAddress(kept, { ...home, is_default_shipping: true })
      // The same place written a little differently, as the box office typed it; and another one.
      await addAddress(guest, { ...home, address_1: "kerkstraat  1", postal_code: "3511ab", country_code: "NL", is_default_shipping: true, is_default_billing: true })
      await addAddress(guest, { ...home, address_1: "Dorpsstraat 9" })
      const keptBefore = await addressesOf(kept)
      const guestBefore = await addressesOf(guest)

      const { data: { preview } } = await api.get(
        `/admin/customers/${kept}/identity/merge-preview?other_id=${guest}&survivor_id=${kept}`,
        { headers }
      )
      expect(preview.moves.addresses).toBe(1)
      expect(preview.stays.addresses).toBe(1)

      const merged = await api.post(`/admin/customers/${kept}/identity/merge`, { other_id: guest, survivor_id: kept }, { headers })
      expect(merged.status).toBe(200)
      expect(merged.data.merge.counts.addresses).toBe(1)
      const after = await addressesOf(kept)
      expect(after.map((a) => a.address_1).sort()).toEqual(["Dorpsstraat 9", "Kerkstraat 1"])
      // The survivor's own stays as it was, default flags included.
      expect(after).toContainEqual(keptBefore[0])
      const { data: page } = await api.get(`/admin/customers/${kept}?fields=*addresses`, { headers })
      expect(page.customer.addresses).toHaveLength(2)

      const undone = await api.post(`/admin/customers/${kept}/identity/merges/${merged.data.merge.id}/undo`, {}, { headers })
      expect(undone.status).toBe(200)
      expect(await addressesOf(kept)).toEqual(keptBefore)
      expect(await addressesOf(guest)).toEqual(guestBefore)
    })

    it("shows both records side by side in the preview: account or guest, created, orders and lifetime value", async () => {
      const guest = await guestOrder("karlijn@example.com")
      await guestOrder("karlijn@example.com")
      await api.post(`/admin/customers/${guest}`, { first_name: "Karlijn", last_name: "Huisman", phone: "011195429" }, { headers })
      const boxOffice = await customer({ first_name: "Karlijn", last_name: "Huisman", phone: "+32 11 19 54 29" })

      const { data: { preview } } = await api.get(`/admin/customers/${boxOffice}/identity/merge-preview?other_id=${guest}`, { headers })
      expect(preview.survivor).toEqual(
        expect.objectContaining({
          id: boxOffice,
          first_name: "Karlijn",
          email: null,
          phone: "+32 11 19 54 29",
          has_account: false,
          order_count: 0,
          lifetime_value: [],
        })
      )
      expect(preview.source).toEqual(
        expect.objectContaining({ id: guest, email: "karlijn@example.com", phone: "011195429", has_account: false, order_count: 2 })
      )
      expect(Date.parse(preview.source.created_at)).toBeLessThanOrEqual(Date.parse(preview.survivor.created_at))
      // The figure the customer page shows (Lifetime value: money received; these orders are not captured yet).
      const { data: { metrics } } = await api.get(`/admin/customers/${guest}/metrics`, { headers })
      expect(metrics.length).toBe(1)
      expect(preview.source.lifetime_value).toEqual([
        { currency_code: metrics[0].currency_code, amount: metrics[0].lifetime_value },
      ])
    })
  },
})
