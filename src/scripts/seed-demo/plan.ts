/**
 * Plans the demo customers and orders without touching the database: a pure function of the
 * seed size. Every record gets a stable `key` (stored as `metadata.seed_key`), so a re-run can
 * see what exists and create only what is missing.
 *
 * The full plan is always generated; `small` picks a fixed subset of it, so the small demo is
 * part of the full one and upgrading a small database to full only adds records.
 *
 * Dates are kept as offsets ("milliseconds before now") and turned into dates when the records
 * are written, so the data always covers the last 18 months.
 */
// @faker-js/faker v10 is an ES module: loaded with a dynamic import from this CommonJS script.
type FakerModule = typeof import("@faker-js/faker", {
  with: { "resolution-mode": "import" },
})
type Faker = FakerModule["faker"]
import { PRODUCTS, type CatalogProduct, type ProductKind } from "./catalog"

export type SeedSize = "full" | "small"

export type CustomerKind =
  "registered" | "guest" | "guest_duplicate" | "phone_only"

export type SalesChannelKey = "webshop" | "box_office"

export type PlannedAddress = {
  first_name: string
  last_name: string
  company?: string
  address_1: string
  address_2?: string
  city: string
  postal_code: string
  province?: string
  country_code: string
  phone?: string
}

export type PlannedCustomer = {
  key: string
  kind: CustomerKind
  first_name: string
  last_name: string
  /** null for customers the box office registered with a phone number only */
  email: string | null
  phone: string | null
  company_name: string | null
  country_code: string
  /** Used as the shipping address of the customer's orders. */
  address: PlannedAddress | null
  /** A separate invoice address (companies); `address` otherwise. */
  billing_address: PlannedAddress | null
  /** Whether the addresses are also stored on the customer record. */
  save_addresses: boolean
  created_offset_ms: number
  /** For `guest_duplicate`: the registered customer with the same e-mail. */
  registered_key?: string
}

export type PlannedOrder = {
  key: string
  customer_key: string
  offset_ms: number
  channel: SalesChannelKey
  items: { sku: string; quantity: number }[]
  /** A Webshop order with merchandise gets a shipping method. */
  ships: boolean
  cancel: boolean
}

export type DemoPlan = {
  customers: PlannedCustomer[]
  orders: PlannedOrder[]
}

const SEED = 20240517
const HOUR = 3_600_000
const DAY = 24 * HOUR
const WINDOW_DAYS = 547 // about 18 months

const FULL = {
  registered: 110,
  guests: 60,
  duplicates: 10,
  phoneOnly: 20,
  orders: 2000,
  cancelRate: 0.05,
}
const SMALL = {
  registered: 10,
  guests: 6,
  duplicates: 2,
  phoneOnly: 2,
  orders: 60,
}
/** Registered customers (by index) who also have an older guest record. */
const DUPLICATE_TARGETS = [1, 5, 17, 28, 39, 50, 61, 72, 83, 94]

const EMAIL_DOMAINS = ["example.com", "example.org", "example.net"]

type CountryProfile = {
  code: string
  weight: number
  faker: Faker
  province?: boolean
}

const COUNTRY_LOCALES: {
  code: string
  weight: number
  locale: keyof FakerModule
}[] = [
  { code: "nl", weight: 34, locale: "fakerNL" },
  { code: "de", weight: 16, locale: "fakerDE" },
  { code: "be", weight: 8, locale: "fakerNL_BE" },
  { code: "gb", weight: 12, locale: "fakerEN_GB" },
  { code: "fr", weight: 6, locale: "fakerFR" },
  { code: "es", weight: 3, locale: "fakerES" },
  { code: "it", weight: 3, locale: "fakerIT" },
  { code: "at", weight: 3, locale: "fakerDE_AT" },
  { code: "us", weight: 15, locale: "fakerEN_US" },
]

/** The seeded generators of one planning run. */
let faker: Faker
let COUNTRIES: CountryProfile[]

async function seedAll(): Promise<void> {
  const fakers = await import("@faker-js/faker")
  faker = fakers.faker
  faker.seed(SEED)
  COUNTRIES = COUNTRY_LOCALES.map((c, i) => {
    const localized = fakers[c.locale] as Faker
    localized.seed(SEED + 1 + i)
    return {
      code: c.code,
      weight: c.weight,
      faker: localized,
      province: c.code === "us",
    }
  })
}

const BOX_OFFICE_COUNTRIES = ["nl", "nl", "nl", "be", "de"]

const KIND_WEIGHTS: Record<
  SalesChannelKey,
  { value: ProductKind; weight: number }[]
> = {
  webshop: [
    { value: "ticket", weight: 45 },
    { value: "pass", weight: 25 },
    { value: "merch", weight: 18 },
    { value: "voucher", weight: 12 },
  ],
  box_office: [
    { value: "ticket", weight: 55 },
    { value: "pass", weight: 30 },
    { value: "merch", weight: 12 },
    { value: "voucher", weight: 3 },
  ],
}
const QUANTITY_WEIGHTS: Record<
  ProductKind,
  { value: number; weight: number }[]
> = {
  ticket: [
    { value: 1, weight: 25 },
    { value: 2, weight: 45 },
    { value: 3, weight: 12 },
    { value: 4, weight: 18 },
  ],
  pass: [
    { value: 1, weight: 30 },
    { value: 2, weight: 40 },
    { value: 3, weight: 15 },
    { value: 4, weight: 15 },
  ],
  merch: [
    { value: 1, weight: 80 },
    { value: 2, weight: 20 },
  ],
  voucher: [
    { value: 1, weight: 90 },
    { value: 2, weight: 10 },
  ],
}
const LINE_COUNT_WEIGHTS = [
  { value: 1, weight: 45 },
  { value: 2, weight: 30 },
  { value: 3, weight: 15 },
  { value: 4, weight: 10 },
]

const pad = (n: number, width: number) => String(n).padStart(width, "0")

/** Lower-case ASCII for e-mail local parts ("Jürgen" → "jurgen", "Groß" → "gross"). */
function slug(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "")
}

function between(minMs: number, maxMs: number): number {
  return (
    minMs + faker.number.float({ min: 0, max: 1 }) * Math.max(0, maxMs - minMs)
  )
}

function countryProfile(code: string): CountryProfile {
  return COUNTRIES.find((c) => c.code === code) ?? COUNTRIES[0]
}

function pickCountry(): CountryProfile {
  return faker.helpers.weightedArrayElement(
    COUNTRIES.map((c) => ({ value: c, weight: c.weight }))
  )
}

function makeAddress(
  country: CountryProfile,
  person: { first_name: string; last_name: string; phone: string | null },
  company?: string
): PlannedAddress {
  const f = country.faker
  const address: PlannedAddress = {
    first_name: person.first_name,
    last_name: person.last_name,
    address_1: f.location.streetAddress(),
    city: f.location.city(),
    postal_code: f.location.zipCode(),
    country_code: country.code,
  }
  if (country.province) {
    address.province = f.location.state({ abbreviated: true })
  }
  if (company) {
    address.company = company
  }
  if (person.phone) {
    address.phone = person.phone
  }
  return address
}

class EmailBook {
  private taken = new Set<string>()

  make(first: string, last: string): string {
    const domain = faker.helpers.arrayElement(EMAIL_DOMAINS)
    const f = slug(first) || "guest"
    const l = slug(last) || "customer"
    const style = faker.number.int({ min: 0, max: 3 })
    const base = [`${f}.${l}`, `${f[0]}${l}`, `${f}${l}`, `${f}_${l}`][style]
    let email = `${base}@${domain}`
    for (let n = 2; this.taken.has(email); n++) {
      email = `${base}${n}@${domain}`
    }
    this.taken.add(email)
    return email
  }
}

function makePerson(
  kind: CustomerKind,
  index: number,
  emails: EmailBook
): PlannedCustomer {
  const country =
    kind === "phone_only"
      ? countryProfile(faker.helpers.arrayElement(BOX_OFFICE_COUNTRIES))
      : pickCountry()
  const f = country.faker
  const sex = faker.helpers.arrayElement(["female", "male"] as const)
  const first_name = f.person.firstName(sex)
  const last_name = f.person.lastName(sex)
  const phoneChance = {
    registered: 0.7,
    guest: 0.5,
    guest_duplicate: 0.5,
    phone_only: 1,
  }[kind]
  const phone =
    faker.number.float({ min: 0, max: 1 }) < phoneChance
      ? f.phone.number({ style: "international" })
      : null
  const email =
    kind === "phone_only" ? null : emails.make(first_name, last_name)
  const isCompany =
    kind !== "phone_only" && faker.number.float({ min: 0, max: 1 }) < 0.1
  const company_name = isCompany ? f.company.name() : null
  const person = { first_name, last_name, phone }
  const hasAddress =
    kind !== "phone_only" || faker.number.float({ min: 0, max: 1 }) < 0.5
  const address = hasAddress ? makeAddress(country, person) : null
  const billing_address =
    company_name && address
      ? makeAddress(country, person, company_name)
      : address
  const saveChance = {
    registered: 0.9,
    guest: 0.8,
    guest_duplicate: 0.8,
    phone_only: 1,
  }[kind]
  return {
    key: `demo-customer-${pad(index, 4)}`,
    kind,
    first_name,
    last_name,
    email,
    phone,
    company_name,
    country_code: country.code,
    address,
    billing_address,
    save_addresses:
      !!address && faker.number.float({ min: 0, max: 1 }) < saveChance,
    created_offset_ms: 0,
  }
}

/** Standard normal variate (Box-Muller) from the seeded generator. */
function normal(): number {
  const u = faker.number.float({ min: 1e-9, max: 1 })
  const v = faker.number.float({ min: 0, max: 1 })
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** Splits `total` over `weights` proportionally, with the largest-remainder method. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1
  const raw = weights.map((w) => (w / sum) * total)
  const counts = raw.map(Math.floor)
  let rest = total - counts.reduce((a, b) => a + b, 0)
  const order = raw
    .map((r, i) => ({ i, frac: r - Math.floor(r) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i)
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) {
    counts[order[k].i]++
  }
  return counts
}

const productsByKind = (kind: ProductKind): CatalogProduct[] =>
  PRODUCTS.filter((p) => p.kind === kind)

function pickItems(channel: SalesChannelKey): {
  items: PlannedOrder["items"]
  ships: boolean
} {
  const lines = faker.helpers.weightedArrayElement(LINE_COUNT_WEIGHTS)
  const items: PlannedOrder["items"] = []
  let ships = false
  for (let attempt = 0; items.length < lines && attempt < 20; attempt++) {
    const kind = faker.helpers.weightedArrayElement(KIND_WEIGHTS[channel])
    const product = faker.helpers.weightedArrayElement(
      productsByKind(kind).map((p) => ({ value: p, weight: p.popularity }))
    )
    const variant = faker.helpers.arrayElement(product.variants)
    if (items.some((i) => i.sku === variant.sku)) {
      continue
    }
    items.push({
      sku: variant.sku,
      quantity: faker.helpers.weightedArrayElement(QUANTITY_WEIGHTS[kind]),
    })
    ships ||= channel === "webshop" && kind === "merch"
  }
  return { items, ships }
}

type Draft = Omit<PlannedOrder, "key" | "cancel">

function draftOrders(
  customer: PlannedCustomer,
  count: number,
  fromMs: number,
  toMs: number
): Draft[] {
  const drafts: Draft[] = []
  for (let i = 0; i < count; i++) {
    const channel: SalesChannelKey =
      customer.kind === "phone_only" ||
      faker.number.float({ min: 0, max: 1 }) >= 0.6
        ? "box_office"
        : "webshop"
    drafts.push({
      customer_key: customer.key,
      offset_ms: Math.round(between(fromMs, toMs)),
      channel,
      ...pickItems(channel),
    })
  }
  return drafts
}

async function planFull(): Promise<DemoPlan> {
  await seedAll()
  const emails = new EmailBook()
  let index = 0
  const registered = Array.from({ length: FULL.registered }, () =>
    makePerson("registered", ++index, emails)
  )
  const guests = Array.from({ length: FULL.guests }, () =>
    makePerson("guest", ++index, emails)
  )
  const duplicates = DUPLICATE_TARGETS.slice(0, FULL.duplicates).map(
    (target) => {
      const account = registered[target]
      const guest = makePerson("guest_duplicate", ++index, emails)
      const address = account.address && {
        ...account.address,
        phone: guest.phone ?? undefined,
      }
      const billing =
        account.billing_address === account.address
          ? address
          : account.billing_address && { ...account.billing_address }
      // The same person, who ordered as a guest (from the same home) before creating an account.
      return {
        ...guest,
        first_name: account.first_name,
        last_name: account.last_name,
        email: account.email,
        company_name: account.company_name,
        country_code: account.country_code,
        address,
        billing_address: billing,
        save_addresses: !!account.address && guest.save_addresses,
        registered_key: account.key,
      }
    }
  )
  const phoneOnly = Array.from({ length: FULL.phoneOnly }, () =>
    makePerson("phone_only", ++index, emails)
  )

  // When the registered customers signed up: a quarter before the 18-month window.
  registered.forEach((c, i) => {
    const isTarget = DUPLICATE_TARGETS.includes(i)
    c.created_offset_ms = Math.round(
      isTarget
        ? between(30 * DAY, 420 * DAY)
        : faker.number.float({ min: 0, max: 1 }) < 0.25
          ? between((WINDOW_DAYS + 1) * DAY, 730 * DAY)
          : between(1 * DAY, WINDOW_DAYS * DAY)
    )
  })

  const drafts: Draft[] = []
  for (const guest of guests) {
    const count = faker.helpers.weightedArrayElement([
      { value: 1, weight: 60 },
      { value: 2, weight: 30 },
      { value: 3, weight: 10 },
    ])
    const mine = draftOrders(guest, count, 1 * HOUR, WINDOW_DAYS * DAY)
    drafts.push(...mine)
    // A guest record is created with its first order.
    guest.created_offset_ms =
      Math.max(...mine.map((o) => o.offset_ms)) +
      Math.round(between(HOUR / 12, HOUR))
  }
  for (const dup of duplicates) {
    const account = registered.find((c) => c.key === dup.registered_key)!
    const count = faker.helpers.weightedArrayElement([
      { value: 1, weight: 50 },
      { value: 2, weight: 50 },
    ])
    const from = account.created_offset_ms + DAY
    const mine = draftOrders(
      dup,
      count,
      from,
      Math.min(from + 120 * DAY, WINDOW_DAYS * DAY)
    )
    drafts.push(...mine)
    dup.created_offset_ms =
      Math.max(...mine.map((o) => o.offset_ms)) +
      Math.round(between(HOUR / 12, HOUR))
  }
  for (const walkIn of phoneOnly) {
    walkIn.created_offset_ms = Math.round(between(2 * DAY, WINDOW_DAYS * DAY))
    const count = faker.number.int({ min: 0, max: 4 })
    drafts.push(
      ...draftOrders(walkIn, count, HOUR, walkIn.created_offset_ms - HOUR)
    )
  }

  // The rest goes to registered customers: a long tail, 10% never bought anything, and
  // the earlier someone signed up, the more they ordered.
  const weights = registered.map((c) => {
    if (faker.number.float({ min: 0, max: 1 }) < 0.1) {
      return 0
    }
    const window =
      Math.min(c.created_offset_ms, WINDOW_DAYS * DAY) / (WINDOW_DAYS * DAY)
    return Math.exp(0.75 * normal()) * (0.2 + window)
  })
  const counts = apportion(FULL.orders - drafts.length, weights)
  registered.forEach((c, i) => {
    const to = Math.min(c.created_offset_ms - HOUR, WINDOW_DAYS * DAY)
    drafts.push(...draftOrders(c, counts[i], HOUR, to))
  })

  // Oldest first, so that keys and display ids follow the order dates.
  drafts.sort(
    (a, b) =>
      b.offset_ms - a.offset_ms || a.customer_key.localeCompare(b.customer_key)
  )
  const cancel = new Set(
    faker.helpers.arrayElements(
      drafts.map((_, i) => i),
      Math.round(drafts.length * FULL.cancelRate)
    )
  )
  const orders: PlannedOrder[] = drafts.map((d, i) => ({
    key: `demo-order-${pad(i + 1, 5)}`,
    ...d,
    cancel: cancel.has(i),
  }))

  return {
    customers: [...registered, ...guests, ...duplicates, ...phoneOnly],
    orders,
  }
}

/** Evenly spaced picks of `n` from `list`. */
function spread<T>(list: T[], n: number): T[] {
  if (n >= list.length) {
    return list
  }
  return Array.from(
    { length: n },
    (_, i) => list[Math.floor((i * list.length) / n)]
  )
}

function planSmall(full: DemoPlan): DemoPlan {
  const of = (kind: CustomerKind, n: number) =>
    full.customers.filter((c) => c.kind === kind).slice(0, n)
  const customers = [
    ...of("registered", SMALL.registered),
    ...of("guest", SMALL.guests),
    ...of("guest_duplicate", SMALL.duplicates),
    ...of("phone_only", SMALL.phoneOnly),
  ]
  const byKey = new Map(customers.map((c) => [c.key, c]))
  const candidates = full.orders.filter((o) => byKey.has(o.customer_key))
  const guestOrders = candidates.filter(
    (o) => byKey.get(o.customer_key)!.kind !== "registered"
  )
  const accountOrders = candidates.filter(
    (o) => byKey.get(o.customer_key)!.kind === "registered"
  )
  const picked = new Set([
    ...guestOrders.slice(0, SMALL.orders / 3),
    ...spread(
      accountOrders,
      SMALL.orders - Math.min(guestOrders.length, SMALL.orders / 3)
    ),
  ])
  return { customers, orders: full.orders.filter((o) => picked.has(o)) }
}

/*
 * What happened to each order after it was placed. A pure function of the planned order (a hash
 * of its key, its age and channel), so that the small demo, a part of the full one, gives its
 * orders the same fate; it leaves the faker sequence of the plan untouched.
 */
export type RefundKind = "none" | "return_all" | "return_line" | "goodwill"

export type OrderLifecycle = {
  paid: boolean
  fulfilled: boolean
  shipped: boolean
  delivered: boolean
  refund: RefundKind
}

/** A stable number in [0, 1) for a key (FNV-1a, mixed), independent of the faker sequence of the plan. */
export function keyRoll(key: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  // Murmur3's finalizer: keys that differ in their last character land far apart.
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return (hash >>> 0) / 0x1_0000_0000
}

const NO_LIFECYCLE: OrderLifecycle = {
  paid: false,
  fulfilled: false,
  shipped: false,
  delivered: false,
  refund: "none",
}

/**
 * - Canceled orders were canceled before payment.
 * - The box office takes payment and hands tickets over at the desk: paid and fulfilled.
 * - Webshop orders of the last three days: about half still await payment, the others are paid
 *   and not yet fulfilled. Older ones are fulfilled (tickets and vouchers by e-mail); a parcel with
 *   merchandise is shipped, and delivered once it is older than six days.
 * - Of the orders older than ten days, about 0.6% were returned in full and refunded, 0.8% had
 *   one line returned and refunded, and 0.6% got a goodwill refund of 10% without a return.
 */
export function orderLifecycle(order: PlannedOrder): OrderLifecycle {
  if (order.cancel) {
    return NO_LIFECYCLE
  }
  const roll = keyRoll(order.key)
  if (order.channel === "webshop" && order.offset_ms < 3 * DAY) {
    return { ...NO_LIFECYCLE, paid: roll >= 0.5 }
  }
  const refund: RefundKind =
    order.offset_ms < 10 * DAY
      ? "none"
      : roll < 0.006
        ? "return_all"
        : roll < 0.014
          ? "return_line"
          : roll < 0.02
            ? "goodwill"
            : "none"
  return {
    paid: true,
    fulfilled: true,
    shipped: order.ships,
    delivered: order.ships && order.offset_ms >= 6 * DAY,
    refund,
  }
}

/** The deterministic demo plan for `size`. */
export async function planDemo(size: SeedSize): Promise<DemoPlan> {
  const full = await planFull()
  return size === "full" ? full : planSmall(full)
}
