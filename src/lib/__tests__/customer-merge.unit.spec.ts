import { countMoved, describeCounts, type MergeMoved } from "../customer-merge"

const nothing: MergeMoved = {
  order_ids: [],
  addresses: [],
  note_ids: [],
  tag_ids: [],
  membership_ids: [],
  share_ids: [],
  loyalty: { account_id: null, entry_ids: [], source_account_id: null, survivor_account_id: null, points: 0 },
  alternate_email_ids: [],
  new_alternate_email: null,
  group_ids: [],
  store_ids: [],
  profile_id: null,
  hidden: { tag_ids: [], note_ids: [], store_ids: [], profile_ids: [], loyalty_account_ids: [] },
}

describe("merge counts", () => {
  it("counts what moved, the primary e-mail that becomes an alternate among the e-mails", () => {
    const counts = countMoved({
      ...nothing,
      order_ids: ["o1", "o2"],
      addresses: [{ id: "a1", is_default_shipping: true, is_default_billing: false }],
      alternate_email_ids: ["e1"],
      new_alternate_email: "pat@example.com",
      loyalty: { ...nothing.loyalty, entry_ids: ["l1", "l2", "l3"], points: 150 },
      profile_id: "p1",
      // What stays hidden on the merged-away record is not counted as moved.
      hidden: { ...nothing.hidden, tag_ids: ["t1"] },
    })
    expect(counts).toEqual({
      orders: 2,
      addresses: 1,
      notes: 0,
      tags: 0,
      memberships: 0,
      shares: 0,
      loyalty_entries: 3,
      loyalty_points: 150,
      alternate_emails: 2,
      groups: 0,
      stores: 0,
      profile: 1,
    })
  })

  it("describes them in one line for the timeline", () => {
    expect(describeCounts(countMoved(nothing))).toBe("nothing")
    expect(describeCounts(countMoved({ ...nothing, order_ids: ["o1"] }))).toBe("1 order")
    expect(
      describeCounts(
        countMoved({
          ...nothing,
          order_ids: ["o1", "o2"],
          addresses: [{ id: "a1", is_default_shipping: false, is_default_billing: false }, { id: "a2", is_default_shipping: false, is_default_billing: false }],
          note_ids: ["n1"],
          loyalty: { ...nothing.loyalty, points: 1 },
        })
      )
    ).toBe("2 orders, 2 addresses, 1 note and 1 point")
  })
})
