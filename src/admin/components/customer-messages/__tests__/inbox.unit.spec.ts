import en from "../../../i18n/json/en.json"
import nl from "../../../i18n/json/nl.json"
import type { TranslateFn } from "../../../lib/i18n"
import { systemNoteText } from "../../../lib/system-notes"
import type { CustomerNote, InboxEntry, LoyaltyEntry } from "../../../lib/types"
import { entryText } from "../../customer-loyalty/loyalty-history"
import {
  canRemoveOffer,
  entryKind,
  previewText,
  statusDate,
} from "../format"

// The admin's SDK reads Vite's `import.meta.env`; nothing here calls the API.
jest.mock("../../../lib/sdk", () => ({ sdk: {} }))

type Tree = { [key: string]: string | Tree }

/** `t` and `has` over one language's strings, interpolating `{{name}}` as i18next does. */
const translator = (json: Tree, locale: "en" | "nl") => {
  const lookup = (key: string) =>
    key
      .split(".")
      .reduce<string | Tree | undefined>(
        (node, part) => (node && typeof node === "object" ? node[part] : undefined),
        json.crm as Tree
      )
  const t = ((key: string, vars?: Record<string, string | number>) => {
    const text = lookup(key)
    if (typeof text !== "string") {
      return key
    }
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) =>
      String(vars?.[name] ?? `{{${name}}}`)
    )
  }) as TranslateFn
  const has = (key: string): key is never => typeof lookup(key) === "string"
  return { t, has, locale }
}

const entry = (over: Partial<InboxEntry> = {}): InboxEntry => ({
  id: "cinb_1",
  campaign_id: "ccmp_1",
  kind: "offer",
  origin: "distribution",
  title: "Summer deal",
  short_description: "10% off",
  body: null,
  body_format: "text",
  image_url: null,
  status: "new",
  distributed_at: "2026-05-01T10:00:00.000Z",
  read_at: null,
  redeemed_at: null,
  redeemed_order_id: null,
  removed_at: null,
  expires_at: null,
  code: null,
  points_cost: null,
  points_spent: null,
  ...over,
})

describe("customer inbox formatting", () => {
  it("cuts a long short description at a word, with an ellipsis", () => {
    expect(previewText("Short one")).toBe("Short one")
    expect(previewText("  two\nlines  ")).toBe("two lines")
    const long = "word ".repeat(40).trim()
    const preview = previewText(long)
    expect(preview.endsWith("word…")).toBe(true)
    expect(preview.length).toBeLessThanOrEqual(81)
  })

  it("labels rewards by their origin, other entries by their kind", () => {
    expect(entryKind(entry())).toBe("offer")
    expect(entryKind(entry({ kind: "loyalty_offer" }))).toBe("loyalty_offer")
    expect(entryKind(entry({ origin: "redemption" }))).toBe("reward")
  })

  it("lets staff remove only what is still in the inbox", () => {
    expect(canRemoveOffer(entry({ status: "new" }))).toBe(true)
    expect(canRemoveOffer(entry({ status: "read" }))).toBe(true)
    for (const status of ["redeemed", "removed", "expired"] as const) {
      expect(canRemoveOffer(entry({ status }))).toBe(false)
    }
  })

  it("dates the status: read, removed, expired on; new until its end", () => {
    const at = "2026-06-01T00:00:00.000Z"
    expect(statusDate(entry({ status: "read", read_at: at }))).toEqual({ kind: "on", date: at })
    expect(statusDate(entry({ status: "removed", removed_at: at }))).toEqual({ kind: "on", date: at })
    expect(statusDate(entry({ status: "expired", expires_at: at }))).toEqual({ kind: "on", date: at })
    expect(statusDate(entry({ status: "new", expires_at: at }))).toEqual({ kind: "until", date: at })
    expect(statusDate(entry({ status: "new" }))).toBeNull()
    expect(statusDate(entry({ status: "redeemed", redeemed_at: at }))).toBeNull()
  })
})

describe("texts of offers elsewhere on the customer page", () => {
  const ledgerEntry = (over: Partial<LoyaltyEntry> = {}) =>
    ({
      id: "cle_1",
      type: "redeem",
      points: -50,
      status: "available",
      description: "Free coffee",
      detail: {
        key: "offer_redeemed",
        values: { title: "Free coffee", campaign_id: "ccmp_1" },
      },
      reason: null,
      ...over,
    }) as LoyaltyEntry

  it("names the redeemed loyalty offer in the loyalty history, in English and Dutch", () => {
    const enT = translator(en as Tree, "en")
    const nlT = translator(nl as Tree, "nl")
    expect(entryText(ledgerEntry(), enT.t, "en")).toBe("Loyalty offer: Free coffee")
    expect(entryText(ledgerEntry(), nlT.t, "nl")).toBe("Spaaraanbieding: Free coffee")
    // Without a title the stored description stays.
    expect(
      entryText(
        ledgerEntry({ detail: { key: "offer_redeemed", values: {} } }),
        enT.t,
        "en"
      )
    ).toBe("Free coffee")
  })

  it("renders the offer_removed system note of the timeline", () => {
    const note = {
      id: "cnote_1",
      kind: "system",
      body: "Offer removed",
      event: { key: "offer_removed", values: { title: "Summer deal" } },
    } as unknown as CustomerNote
    expect(systemNoteText(note, translator(en as Tree, "en") as never)).toBe(
      "Offer “Summer deal” removed from the inbox"
    )
    expect(systemNoteText(note, translator(nl as Tree, "nl") as never)).toBe(
      "Aanbieding “Summer deal” uit de inbox verwijderd"
    )
  })
})
