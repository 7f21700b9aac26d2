/**
 * The fixed part of the demo store: regions, tax rates, sales channels and the ~20 products
 * (tickets, museum passes, merchandise and vouchers). Everything here is looked up by name,
 * handle or SKU, so the seed can tell what already exists.
 */

export const STORE_NAME = "Medusa CRM Demo"
export const SEED_MARKER_KEY = "medusa_crm_demo_seed"
export const SEED_VERSION = 6

export const WEBSHOP = "Webshop"
export const BOX_OFFICE = "Box office"
export const SALES_CHANNELS = [
  {
    name: WEBSHOP,
    description: "Online tickets, passes, merchandise and vouchers",
  },
  { name: BOX_OFFICE, description: "Sales at the venue desk" },
]
export const PUBLISHABLE_KEY_TITLE = "Medusa CRM Demo storefront"
/** A publishable key per sales channel, by title. */
export const PUBLISHABLE_KEYS: {
  title: string
  channel: "webshop" | "box_office"
}[] = [
  { title: PUBLISHABLE_KEY_TITLE, channel: "webshop" },
  { title: "Medusa CRM Demo box office", channel: "box_office" },
]

export const EUROPE = "Europe"
export const UNITED_STATES = "United States"

/** Country → VAT rate (percent) of the tax region's default rate. */
export const EUROPE_TAX: Record<string, { rate: number; name: string }> = {
  nl: { rate: 21, name: "BTW" },
  be: { rate: 21, name: "BTW/TVA" },
  de: { rate: 19, name: "MwSt" },
  at: { rate: 20, name: "USt" },
  fr: { rate: 20, name: "TVA" },
  es: { rate: 21, name: "IVA" },
  it: { rate: 22, name: "IVA" },
  gb: { rate: 20, name: "VAT" },
}
export const EUROPE_COUNTRIES = Object.keys(EUROPE_TAX)
export const US_COUNTRIES = ["us"]

export const REGIONS = [
  {
    name: EUROPE,
    currency_code: "eur",
    countries: EUROPE_COUNTRIES,
    is_tax_inclusive: true,
  },
  {
    name: UNITED_STATES,
    currency_code: "usd",
    countries: US_COUNTRIES,
    is_tax_inclusive: false,
  },
]

export const STOCK_LOCATION_NAME = "Amsterdam Warehouse"
export const FULFILLMENT_SET_NAME = "Amsterdam Warehouse shipping"
export const SHIPPING_PROFILE_NAME = "Default Shipping Profile"
export const MANUAL_FULFILLMENT_PROVIDER = "manual_manual"

/** Flat-rate shipping per service zone, amounts in major units. */
export const SHIPPING_ZONES = [
  {
    zone: EUROPE,
    countries: EUROPE_COUNTRIES,
    option: "Standard Shipping (Europe)",
    currency_code: "eur",
    amount: 4.95,
  },
  {
    zone: UNITED_STATES,
    countries: US_COUNTRIES,
    option: "Standard Shipping (US)",
    currency_code: "usd",
    amount: 9.95,
  },
]

export type ProductKind = "ticket" | "pass" | "merch" | "voucher"

export const CATEGORIES: { name: string; handle: string; kind: ProductKind }[] =
  [
    { name: "Concert & show tickets", handle: "tickets", kind: "ticket" },
    { name: "Museum passes", handle: "museum-passes", kind: "pass" },
    { name: "Merchandise", handle: "merchandise", kind: "merch" },
    { name: "Gift vouchers", handle: "gift-vouchers", kind: "voucher" },
  ]

export type CatalogVariant = {
  title: string
  sku: string
  options: Record<string, string>
  eur: number
  usd: number
}

export type CatalogProduct = {
  handle: string
  title: string
  subtitle?: string
  description: string
  kind: ProductKind
  /** Relative popularity when the seed picks line items. */
  popularity: number
  options: { title: string; values: string[] }[]
  variants: CatalogVariant[]
}

const usd = (eur: number) => Math.round(eur * 1.1 * 2) / 2

/** One option, one variant per value. */
function single(
  skuPrefix: string,
  option: string,
  values: [string, number][]
): Pick<CatalogProduct, "options" | "variants"> {
  return {
    options: [{ title: option, values: values.map(([v]) => v) }],
    variants: values.map(([value, eur]) => ({
      title: value,
      sku: `${skuPrefix}-${value.toUpperCase().replace(/[^A-Z0-9]+/g, "-")}`,
      options: { [option]: value },
      eur,
      usd: usd(eur),
    })),
  }
}

function sizesAndColors(
  skuPrefix: string,
  sizes: string[],
  colors: string[],
  eur: number
): Pick<CatalogProduct, "options" | "variants"> {
  const variants: CatalogVariant[] = []
  for (const size of sizes) {
    for (const color of colors) {
      variants.push({
        title: `${size} / ${color}`,
        sku: `${skuPrefix}-${size}-${color.toUpperCase()}`,
        options: { Size: size, Color: color },
        eur,
        usd: usd(eur),
      })
    }
  }
  return {
    options: [
      { title: "Size", values: sizes },
      { title: "Color", values: colors },
    ],
    variants,
  }
}

export const PRODUCTS: CatalogProduct[] = [
  {
    handle: "amsterdam-jazz-night",
    title: "Amsterdam Jazz Night",
    subtitle: "Concert ticket",
    description: "An evening of modern and classic jazz in the main hall.",
    kind: "ticket",
    popularity: 9,
    ...single("TCK-JAZZ", "Seat", [
      ["Standing", 32.5],
      ["Seated", 45],
      ["VIP", 89],
    ]),
  },
  {
    handle: "philharmonic-mahler-5",
    title: "Philharmonic: Mahler 5",
    subtitle: "Concert ticket",
    description: "The city philharmonic plays Mahler's Fifth Symphony.",
    kind: "ticket",
    popularity: 7,
    ...single("TCK-MAHLER", "Seat", [
      ["Balcony", 29],
      ["Stalls", 49],
      ["Box", 75],
    ]),
  },
  {
    handle: "techno-weekender",
    title: "Techno Weekender",
    subtitle: "Festival ticket",
    description: "Two nights of electronic music in a former power station.",
    kind: "ticket",
    popularity: 8,
    ...single("TCK-TECHNO", "Day", [
      ["Friday", 39],
      ["Saturday", 45],
      ["Weekend", 75],
    ]),
  },
  {
    handle: "summer-open-air-festival",
    title: "Summer Open Air Festival",
    subtitle: "Festival ticket",
    description:
      "Three stages, forty acts, one long summer weekend in the park.",
    kind: "ticket",
    popularity: 10,
    ...single("TCK-OPENAIR", "Ticket", [
      ["Day ticket", 59],
      ["Weekend ticket", 119],
      ["Camping add-on", 35],
    ]),
  },
  {
    handle: "stand-up-comedy-evening",
    title: "Stand-up Comedy Evening",
    subtitle: "Show ticket",
    description: "Five comedians, one microphone, no mercy.",
    kind: "ticket",
    popularity: 6,
    ...single("TCK-COMEDY", "Seat", [
      ["Regular", 24.5],
      ["Front row", 34.5],
    ]),
  },
  {
    handle: "musical-the-tulip-queen",
    title: "Musical: The Tulip Queen",
    subtitle: "Show ticket",
    description: "The musical about the tulip mania of 1637.",
    kind: "ticket",
    popularity: 7,
    ...single("TCK-TULIP", "Category", [
      ["Category 1", 79],
      ["Category 2", 59],
      ["Category 3", 39],
    ]),
  },
  {
    handle: "symphony-under-the-stars",
    title: "Symphony Under the Stars",
    subtitle: "Open-air concert ticket",
    description: "Film music by the harbour, with fireworks at the finale.",
    kind: "ticket",
    popularity: 5,
    ...single("TCK-STARS", "Ticket", [
      ["Lawn", 27.5],
      ["Seated", 42.5],
    ]),
  },
  {
    handle: "city-museum-day-pass",
    title: "City Museum Day Pass",
    subtitle: "Museum pass",
    description:
      "One day of unlimited entry to the city museum and its exhibitions.",
    kind: "pass",
    popularity: 9,
    ...single("PASS-DAY", "Visitor", [
      ["Adult", 22.5],
      ["Student", 12.5],
      ["Child", 5],
    ]),
  },
  {
    handle: "museum-annual-pass",
    title: "Museum Annual Pass",
    subtitle: "Museum pass",
    description: "A year of free entry to more than 400 museums.",
    kind: "pass",
    popularity: 6,
    ...single("PASS-YEAR", "Visitor", [
      ["Adult", 75],
      ["Youth", 37.5],
    ]),
  },
  {
    handle: "modern-art-gallery-entry",
    title: "Modern Art Gallery Entry",
    subtitle: "Museum pass",
    description: "Timed entry to the modern art gallery.",
    kind: "pass",
    popularity: 5,
    ...single("PASS-MODERN", "Visitor", [
      ["Adult", 19],
      ["Senior", 15],
      ["Child", 7.5],
    ]),
  },
  {
    handle: "canal-and-museum-tour",
    title: "Guided Canal & Museum Tour",
    subtitle: "Tour ticket",
    description: "A one-hour canal cruise followed by a guided museum visit.",
    kind: "pass",
    popularity: 4,
    ...single("PASS-TOUR", "Time slot", [
      ["Morning", 39],
      ["Afternoon", 39],
      ["Evening", 45],
    ]),
  },
  {
    handle: "family-museum-pass",
    title: "Family Museum Pass",
    subtitle: "Two adults and up to three children",
    description: "Day entry for the whole family.",
    kind: "pass",
    popularity: 4,
    ...single("PASS-FAMILY", "Pass", [["Family", 55]]),
  },
  {
    handle: "festival-t-shirt",
    title: "Festival T-Shirt",
    description: "Organic cotton T-shirt with this year's line-up on the back.",
    kind: "merch",
    popularity: 5,
    ...sizesAndColors(
      "MRCH-TEE",
      ["S", "M", "L", "XL"],
      ["Black", "White"],
      25
    ),
  },
  {
    handle: "tour-hoodie",
    title: "Tour Hoodie",
    description: "Heavyweight hoodie with the tour dates on the sleeve.",
    kind: "merch",
    popularity: 3,
    ...sizesAndColors("MRCH-HOODIE", ["S", "M", "L", "XL"], ["Black"], 55),
  },
  {
    handle: "canvas-tote-bag",
    title: "Canvas Tote Bag",
    description: "Sturdy tote bag for your concert programme and more.",
    kind: "merch",
    popularity: 3,
    ...single("MRCH-TOTE", "Color", [
      ["Natural", 12.5],
      ["Black", 12.5],
    ]),
  },
  {
    handle: "enamel-pin-set",
    title: "Enamel Pin Set",
    description: "Five enamel pins from the museum collection.",
    kind: "merch",
    popularity: 2,
    ...single("MRCH-PINS", "Set", [["Set of 5", 14.95]]),
  },
  {
    handle: "signed-concert-poster",
    title: "Signed Concert Poster",
    description: "Screen-printed poster, signed by the artists.",
    kind: "merch",
    popularity: 2,
    ...single("MRCH-POSTER", "Size", [
      ["A2", 29],
      ["A1", 45],
    ]),
  },
  {
    handle: "vinyl-live-at-the-hall",
    title: "Vinyl LP: Live at the Hall",
    description: "Recorded live during last season's concerts.",
    kind: "merch",
    popularity: 2,
    ...single("MRCH-LP", "Edition", [
      ["Standard", 27.5],
      ["Limited coloured", 39.5],
    ]),
  },
  {
    handle: "gift-voucher",
    title: "Gift Voucher",
    description: "Spend it on any ticket, pass or merchandise.",
    kind: "voucher",
    popularity: 4,
    ...single("VCHR-GIFT", "Value", [
      ["25", 25],
      ["50", 50],
      ["100", 100],
    ]),
  },
  {
    handle: "dinner-and-show-voucher",
    title: "Experience Voucher: Dinner & Show",
    description: "A three-course dinner and a show of your choice, for two.",
    kind: "voucher",
    popularity: 2,
    ...single("VCHR-DINNER", "Guests", [["For two", 149]]),
  },
  {
    handle: "museum-gift-card",
    title: "Museum Gift Card",
    description: "A gift card for the museum shop and entry tickets.",
    kind: "voucher",
    popularity: 2,
    ...single("VCHR-MUSEUM", "Value", [
      ["15", 15],
      ["30", 30],
    ]),
  },
]
