import { countMoved, type MergeMoved, type MergeMovedV2, toMergeMovedV2 } from "../../customer-merge"

/** A merge as the first shape of `customer_merge.moved` recorded it. */
const firstShape: MergeMoved = {
  order_ids: ["order_1"],
  addresses: [{ id: "addr_1", is_default_shipping: true, is_default_billing: false }],
  note_ids: ["cnote_1", "cnote_2"],
  tag_ids: ["ctag_1"],
  membership_ids: ["mship_1"],
  share_ids: ["mshare_1"],
  loyalty: {
    account_id: null,
    entry_ids: ["lyent_1", "lyent_2"],
    source_account_id: "lyacc_src",
    survivor_account_id: "lyacc_surv",
    points: 150,
  },
  alternate_email_ids: ["calt_1"],
  new_alternate_email: "pat.old@example.com",
  new_alternate_email_source: "claim",
  new_alternate_email_id: "calt_new",
  group_ids: ["cusgroup_1"],
  store_ids: ["cstore_1"],
  profile_id: null,
  hidden: {
    address_ids: ["addr_2"],
    tag_ids: ["ctag_2"],
    note_ids: ["cnote_pinned"],
    store_ids: ["cstore_2"],
    profile_ids: ["cprof_src"],
    loyalty_account_ids: ["lyacc_src"],
    share_ids: ["mshare_between"],
  },
}

describe("a merge's moved records in the first shape", () => {
  it("become the handlers' parts, every id in its handler's state", () => {
    expect(toMergeMovedV2(firstShape)).toEqual({
      version: 2,
      order_ids: ["order_1"],
      addresses: [{ id: "addr_1", is_default_shipping: true, is_default_billing: false }],
      hidden_address_ids: ["addr_2"],
      group_ids: ["cusgroup_1"],
      new_alternate_email: "pat.old@example.com",
      parts: {
        customer_note: { note_ids: ["cnote_1", "cnote_2"], hidden_note_ids: ["cnote_pinned"] },
        customer_tag: { tag_ids: ["ctag_1"], hidden_tag_ids: ["ctag_2"] },
        customer_profile: {
          profile_id: null,
          store_ids: ["cstore_1"],
          hidden_profile_ids: ["cprof_src"],
          hidden_store_ids: ["cstore_2"],
        },
        loyalty: {
          account_id: null,
          entry_ids: ["lyent_1", "lyent_2"],
          source_account_id: "lyacc_src",
          survivor_account_id: "lyacc_surv",
          points: 150,
          hidden_account_ids: ["lyacc_src"],
        },
        membership: { membership_ids: ["mship_1"], share_ids: ["mshare_1"], hidden_share_ids: ["mshare_between"] },
        customer_identity: {
          alternate_email_ids: ["calt_1"],
          new_alternate_email: "pat.old@example.com",
          new_alternate_email_source: "claim",
          new_alternate_email_id: "calt_new",
        },
      },
    })
  })

  it("loses nothing: every id of the first shape is in the converted one", () => {
    const ids = (value: unknown): string[] =>
      typeof value === "string"
        ? [value]
        : Array.isArray(value)
          ? value.flatMap(ids)
          : value && typeof value === "object"
            ? Object.values(value).flatMap(ids)
            : []
    const before = new Set(ids(firstShape))
    const after = new Set(ids(toMergeMovedV2(firstShape)))
    expect([...before].filter((id) => !after.has(id))).toEqual([])
  })

  it("reads merges recorded before anything stayed hidden, or before the primary e-mail became an alternate", () => {
    const { hidden: _hidden, new_alternate_email_source: _s, new_alternate_email_id: _i, ...older } = firstShape
    const converted = toMergeMovedV2({ ...older, new_alternate_email: null } as MergeMoved)
    expect(converted.hidden_address_ids).toEqual([])
    expect(converted.parts.customer_note).toEqual({ note_ids: ["cnote_1", "cnote_2"], hidden_note_ids: [] })
    expect(converted.parts.customer_identity).toEqual({
      alternate_email_ids: ["calt_1"],
      new_alternate_email: null,
      new_alternate_email_source: "merge",
      new_alternate_email_id: null,
    })
    expect((converted.parts.loyalty as { hidden_account_ids: string[] }).hidden_account_ids).toEqual([])
  })

  it("leaves a merge recorded in the current shape as it is", () => {
    const current: MergeMovedV2 = {
      version: 2,
      order_ids: [],
      addresses: [],
      hidden_address_ids: [],
      group_ids: [],
      new_alternate_email: null,
      parts: { wishlist: { item_ids: ["w1"] } },
    }
    expect(toMergeMovedV2(current)).toBe(current)
  })

  it("keeps the counts the first shape recorded", () => {
    expect(countMoved(firstShape)).toEqual(
      expect.objectContaining({ orders: 1, notes: 2, loyalty_entries: 2, loyalty_points: 150, alternate_emails: 2 })
    )
  })
})
