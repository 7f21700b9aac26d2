// The data set at scale, for `npm run gen:scale` and the benchmarks (`npm run bench`, `bench:list`,
// `bench:export`): N customers (100,000) and M orders (300,000) in a database of their own
// (`medusa_crm_bench_list`) on an embedded Postgres kept in .data/bench-list-pg (or the server of
// DATABASE_URL), with products, line items, taxes, shipping, payments as Medusa's order module
// records them, and the plugin's rows: tags, consents, groups, archived customers, stores, loyalty
// points, memberships, metrics. Sizes: `prepareListDataset({ customers, orders })`, else the env
// BENCH_CUSTOMERS / BENCH_ORDERS, else 100,000 / 300,000.
//
// Resumable: the build runs in stages (reference rows, customers, orders, membership lines, order
// totals, plugin rows, loyalty, memberships, stores, metrics), each in batches of 10,000. A batch
// and the stage's progress marker (`crm_bench_dataset.stages`) commit in one transaction, and every
// row has a deterministic id written with ON CONFLICT DO NOTHING: an interrupted run continues at
// the first batch that did not commit, and redoing a batch writes nothing twice. A marker
// (`completed_at`) says the build finished; later runs reuse it (`rebuild` starts over).
//
// How the rows stay valid (bulk SQL, no workflows: those take hours at this size):
// - Every NOT NULL column Medusa's and the plugin's migrations declare, enum values from the
//   models, prefixed ids (`cus_bl…`, `order_bl…`), deterministic pseudo-random choices (hashtext),
//   so two builds give the same data.
// - Orders look like those Medusa's order module writes when a cart completes: version 1, region
//   and sales channel rows that exist, line items with product and variant ids of real products,
//   `order_item` rows (quantities), a tax line per item, a shipping method with its tax line for
//   webshop orders, an `order_transaction` for each capture and refund. Medusa computes an order's
//   totals from its lines on every read; `order_summary.totals` is what its order module stored at
//   creation (`OrderChangeProcessing`: original/current/accounting total = the order's total,
//   paid/refunded/transaction totals from the transactions, pending difference = total minus
//   transactions). The summary here is computed by SQL from the very rows Medusa reads (exact
//   numeric arithmetic, no rounding, as Medusa's BigNumber math), so the two agree by construction;
//   `npm run gen:scale -- --check` compares them through Medusa's own admin routes.
// - The plugin's rows that follow from orders are derived from them by the plugin's rules:
//   loyalty points per order by the program's earn rule (`pointsForAmount`: rate x the item
//   subtotal after discounts, tax and shipping excluded, rounded down; a canceled order's earn
//   reversed, a refund taking back its share, `pointsToReverseForRefund`), memberships from order
//   lines of a plan's variant (`purchaseMemberships`: one membership per line, from the order's
//   date for the plan's period, expired once that is past), stores from the orders' channels,
//   and the metrics by the plugin's own recompute (`medusa exec src/scripts/scale-check.ts
//   metrics`: the statement and service call the rebuild and the order subscribers run). Tags,
//   consents, groups and archived customers are random, valid rows of the plugin's tables.
import path from "node:path"
import { startEmbeddedPostgres } from "./embedded-pg.mjs"
import { medusaSync, ROOT, withClient } from "./demo-db.mjs"

export const LIST_DATASET_DB = "medusa_crm_bench_list"
export const LIST_DATASET_CUSTOMERS = Number(process.env.BENCH_CUSTOMERS || 100_000)
export const LIST_DATASET_ORDERS = Number(process.env.BENCH_ORDERS || 300_000)
/** Customers with at least one order: the first 85%. */
const BUYERS_SHARE = 0.85
const BATCH = 10_000
/** Customers per metrics page (one recompute transaction each). */
const METRICS_PAGE = 2_000

/** A text progress bar: `[#####.....] 120/240 (50%)`. */
export function progressBar(done, total, width = 30) {
  const share = total ? Math.min(1, done / total) : 1
  const filled = Math.round(share * width)
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} (${Math.round(share * 100)}%)`
}

const FIRST_NAMES = ["Anna", "Bram", "Chloé", "Daan", "Emma", "Finn", "Greet", "Hugo", "Iris", "Jan", "Karlijn", "Lars", "Marie", "Noah", "Olivia", "Pieter", "Quinten", "Roos", "Sven", "Tess", "Umut", "Vera", "Wout", "Xander", "Yara", "Zoë", "Lucas", "Sophie", "Milan", "Julia", "Thomas", "Lotte", "Sem", "Fleur", "Luuk", "Sara", "Jesse", "Eva", "Ruben", "Nina"]
const LAST_NAMES = ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "Huisman", "Peeters", "Maes", "Willems", "Claes", "Goossens", "Wouters", "Dubois", "Lambert", "Martin"]
const COMPANIES = ["Acme", "Brightwave", "Canal Works", "Delta Foods", "Elm & Oak", "Fjord Trading", "Gouda Imports", "Harbor Tech"]

const sqlArray = (values) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")}]`
/** A deterministic pseudo-random whole number 0..n-1 from a salt and a row number, in SQL. */
const pick = (salt, i, n) => `(abs(hashtext('${salt}' || ${i})) % ${n})`

/** Ids padded to 7 digits (`cus_bl0000042`), more when the data set needs them. */
const widthFor = (n) => Math.max(7, String(n).length)

/** The loyalty program the data set earns by: one point per unit of EUR or USD, 100 points = 1.00. */
const PROGRAM_RATES = [
  { currency_code: "eur", earn_points_per_unit: 1, redeem_points: 100, redeem_value: 1 },
  { currency_code: "usd", earn_points_per_unit: 1, redeem_points: 100, redeem_value: 1 },
]

async function marker(c) {
  await c.query(`CREATE TABLE IF NOT EXISTS crm_bench_dataset (
    name text PRIMARY KEY, customers int NOT NULL, orders int NOT NULL, completed_at timestamptz)`)
  await c.query(`ALTER TABLE crm_bench_dataset ADD COLUMN IF NOT EXISTS built_at timestamptz`)
  await c.query(`ALTER TABLE crm_bench_dataset ADD COLUMN IF NOT EXISTS stages jsonb NOT NULL DEFAULT '{}'`)
  await c.query(`ALTER TABLE crm_bench_dataset ADD COLUMN IF NOT EXISTS format int NOT NULL DEFAULT 1`)
  const { rows } = await c.query(`SELECT * FROM crm_bench_dataset WHERE name = 'list'`)
  return rows[0] ?? null
}

/** The data set's layout; a marker of another format is rebuilt (the rows differ). */
const FORMAT = 2

/** Tables and the data set's rows in them, children first. */
const DATASET_ROWS = {
  customer_metric: "customer_id LIKE 'cus_bl%'",
  customer_metric_day: "customer_id LIKE 'cus_bl%'",
  customer_metric_month: "customer_id LIKE 'cus_bl%'",
  membership_event: "id LIKE 'mevent_bl%'",
  membership: "id LIKE 'mship_bl%'",
  membership_plan: "id LIKE 'mplan_bl%'",
  loyalty_entry: "id LIKE 'lyent_bl%'",
  loyalty_account: "id LIKE 'lyacc_bl%'",
  customer_tag: "id LIKE 'ctag_bl%'",
  customer_tag_definition: "id LIKE 'ctagdef_bl%'",
  privacy_consent: "id LIKE 'pcon_bl%'",
  privacy_consent_text: "id LIKE 'ptxt_bl%'",
  privacy_consent_purpose: "id LIKE 'ppur_bl%'",
  customer_store: "id LIKE 'cstore_bl%'",
  customer_group_customer: "id LIKE 'cusgc_bl%'",
  customer_group: "id LIKE 'cusgroup_bl%'",
  customer_archive: "id LIKE 'carch_bl%'",
  order_transaction: "id LIKE 'ordtrx_bl%'",
  order_summary: "id LIKE 'ordsum_bl%'",
  order_shipping: "id LIKE 'ordship_bl%'",
  order_shipping_method_tax_line: "id LIKE 'ordsmtl_bl%'",
  order_shipping_method: "id LIKE 'ordsm_bl%'",
  order_item: "id LIKE 'orditem_bl%'",
  order_line_item_tax_line: "id LIKE 'ordlitl_bl%'",
  order_line_item: "id LIKE 'ordli_bl%'",
  order: "id LIKE 'order_bl%'",
  customer: "id LIKE 'cus_bl%'",
  product_variant: "id LIKE 'variant_bl%'",
  product: "id LIKE 'prod_bl%'",
  region: "id LIKE 'reg_bl%'",
  sales_channel: "id LIKE 'sc_bl%'",
}

async function clear(c) {
  const tables = Object.entries(DATASET_ROWS)
  for (const [n, [table, where]] of tables.entries()) {
    await c.query(`DELETE FROM "${table}" WHERE ${where}`)
    process.stdout.write(`\r  ${"clearing".padEnd(22)} ${progressBar(n + 1, tables.length)}`)
  }
  process.stdout.write("\n")
  await c.query(`DELETE FROM crm_bench_dataset WHERE name = 'list'`)
}

async function inTransaction(c, fn) {
  await c.query("BEGIN")
  try {
    const result = await fn()
    await c.query("COMMIT")
    return result
  } catch (e) {
    await c.query("ROLLBACK").catch(() => undefined)
    throw e
  }
}

/**
 * Runs a stage's batches over 1..total with a progress bar. Each batch commits together with the
 * stage's marker (`stages.<name>` = last number done), so a run that stops continues after it.
 */
async function stage(c, name, total, step, batch = BATCH) {
  const { rows } = await c.query(`SELECT (stages->>$1)::int AS done FROM crm_bench_dataset WHERE name = 'list'`, [name])
  const done = rows[0]?.done ?? 0
  const label = `  ${name.padEnd(22)}`
  if (done >= total) {
    console.log(`${label} ${progressBar(total, total)} (done before)`)
    return
  }
  const started = Date.now()
  process.stdout.write(`${label} ${progressBar(done, total)}`)
  for (let from = done + 1; from <= total; from += batch) {
    const to = Math.min(total, from + batch - 1)
    await inTransaction(c, async () => {
      await step(from, to)
      await c.query(
        `UPDATE crm_bench_dataset SET stages = stages || jsonb_build_object($1::text, $2::int) WHERE name = 'list'`,
        [name, to]
      )
    })
    process.stdout.write(`\r${label} ${progressBar(to, total)}`)
  }
  process.stdout.write(` ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
}

const money = (expr) => `jsonb_build_object('value', (${expr})::text, 'precision', 20)`

/** The rows everything else refers to: channels, regions, products, groups, tags, plans, purposes, program. */
async function referenceRows(c) {
  await c.query(`INSERT INTO sales_channel (id, name, is_disabled, created_at, updated_at) VALUES
    ('sc_bl_web', 'Webshop', false, now(), now()), ('sc_bl_shop', 'Shop Amsterdam', false, now(), now()),
    ('sc_bl_box', 'Box office', false, now(), now()) ON CONFLICT DO NOTHING`)
  await c.query(`INSERT INTO region (id, name, currency_code, automatic_taxes, created_at, updated_at) VALUES
    ('reg_bl_eur', 'Europe (data set)', 'eur', true, now(), now()), ('reg_bl_usd', 'United States (data set)', 'usd', true, now(), now())
    ON CONFLICT DO NOTHING`)
  await c.query(`INSERT INTO product (id, title, handle, status, is_giftcard, discountable, created_at, updated_at) VALUES
    ('prod_bl_ticket', 'Concert ticket', 'bl-concert-ticket', 'published', false, true, now(), now()),
    ('prod_bl_gold', 'Gold Club membership', 'bl-gold-club', 'published', false, true, now(), now()),
    ('prod_bl_friends', 'Friends membership', 'bl-friends', 'published', false, true, now(), now())
    ON CONFLICT DO NOTHING`)
  await c.query(`INSERT INTO product_variant (id, title, sku, product_id, allow_backorder, manage_inventory, variant_rank, created_at, updated_at) VALUES
    ('variant_bl_std', 'Standard', 'BL-TICKET-STD', 'prod_bl_ticket', false, false, 0, now(), now()),
    ('variant_bl_vip', 'VIP', 'BL-TICKET-VIP', 'prod_bl_ticket', false, false, 1, now(), now()),
    ('variant_bl_gold', '1 year', 'BL-GOLD-1Y', 'prod_bl_gold', false, false, 0, now(), now()),
    ('variant_bl_friends', '1 year', 'BL-FRIENDS-1Y', 'prod_bl_friends', false, false, 0, now(), now())
    ON CONFLICT DO NOTHING`)
  await c.query(`INSERT INTO customer_group (id, name, created_at, updated_at) VALUES
    ('cusgroup_bl_press', 'Press', now(), now()), ('cusgroup_bl_staff', 'Staff', now(), now()),
    ('cusgroup_bl_b2b', 'Business', now(), now()) ON CONFLICT DO NOTHING`)
  const tagKeys = ["vip", "level", "newsletter", "wholesale", "staff", ...Array.from({ length: 15 }, (_, i) => `interest_${i + 1}`)]
  await c.query(
    `INSERT INTO customer_tag_definition (id, key, label, color, value_mode, allowed_values, created_at, updated_at)
     SELECT 'ctagdef_bl_' || k, k, initcap(replace(k, '_', ' ')), 'grey',
       CASE WHEN k = 'level' THEN 'list' ELSE 'flag' END,
       CASE WHEN k = 'level' THEN ARRAY['gold', 'silver', 'bronze'] END, now(), now()
     FROM unnest($1::text[]) k ON CONFLICT DO NOTHING`,
    [tagKeys]
  )
  // Plans sold by the membership products' variants: an order line of one buys a membership.
  await c.query(`INSERT INTO membership_plan (id, name, level, duration_unit, duration_value, variant_id, created_at, updated_at) VALUES
    ('mplan_bl_gold', 'Gold Club', 2, 'year', 1, 'variant_bl_gold', now(), now()),
    ('mplan_bl_friends', 'Friends', 1, 'year', 1, 'variant_bl_friends', now(), now()) ON CONFLICT DO NOTHING`)
  await c.query(`INSERT INTO privacy_consent_purpose (id, handle, name, current_version, rank, created_at, updated_at) VALUES
    ('ppur_bl_news', 'bench_newsletter', 'Newsletter', 1, 1, now(), now()),
    ('ppur_bl_prof', 'bench_profiling', 'Profiling', 1, 2, now(), now()),
    ('ppur_bl_part', 'bench_partners', 'Partners', 1, 3, now(), now()) ON CONFLICT DO NOTHING`)
  // Each purpose's text (version 1): the privacy module shows a purpose with its current text only.
  await c.query(`INSERT INTO privacy_consent_text (id, purpose_id, version, text, created_at, updated_at)
    SELECT 'ptxt_bl_' || substr(id, 9), id, 1, 'I agree to ' || lower(name) || ' (data set).', now(), now()
    FROM privacy_consent_purpose WHERE id LIKE 'ppur_bl%' ON CONFLICT DO NOTHING`)
  // The program as the plugin creates it (`retrieveProgram`), with rates for the data set's currencies.
  await c.query(
    `INSERT INTO loyalty_program (id, enabled, enrollment, earn_on, pending_days, expiry_months, expiry_reminder_days,
       min_redeem_points, redemption_hold_hours, rates, created_at, updated_at)
     VALUES ('loyalty_program', true, 'all', 'placed', 0, NULL, 14, 0, 72, $1::jsonb, now(), now())
     ON CONFLICT (id) DO UPDATE SET rates = EXCLUDED.rates WHERE loyalty_program.rates IS NULL OR loyalty_program.rates = '[]'::jsonb`,
    [JSON.stringify(PROGRAM_RATES)]
  )
  const { rows } = await c.query(`SELECT enabled, enrollment, earn_on, pending_days, expiry_months FROM loyalty_program WHERE id = 'loyalty_program'`)
  const p = rows[0]
  if (!p.enabled || p.enrollment !== "all" || p.earn_on !== "placed" || p.pending_days !== 0 || p.expiry_months !== null) {
    throw new Error("The database's loyalty program differs from the data set's (enabled, enrollment all, earn on placed, no pending days, no expiry): use a fresh database")
  }
}

async function build(c, customers, orders) {
  const buyers = Math.max(1, Math.floor(customers * BUYERS_SHARE))
  const wc = widthFor(customers)
  const wo = widthFor(orders)
  const cid = (expr) => `'cus_bl' || lpad((${expr})::text, ${wc}, '0')`
  const oid = (expr) => `'order_bl' || lpad((${expr})::text, ${wo}, '0')`
  /** The order number k of a data set order id. */
  const kOf = (col) => `substr(${col}, 9)::int`

  await stage(c, "reference rows", 1, () => referenceRows(c))

  await stage(c, "customers", customers, (from, to) =>
    c.query(`INSERT INTO customer (id, first_name, last_name, email, phone, company_name, has_account, created_at, updated_at)
      SELECT ${cid("i")}, f, l,
        lower(replace(f || '.' || l, ' ', '')) || i || '@' || (ARRAY['example.com', 'mail.test', 'shop.test'])[1 + i % 3],
        CASE WHEN i % 3 = 0 THEN NULL ELSE '+31 6 ' || lpad(${pick("p", "i", 100000000)}::text, 8, '0') END,
        CASE WHEN i % 12 = 0 THEN (${sqlArray(COMPANIES)})[1 + ${pick("co", "i", COMPANIES.length)}] END,
        i % 4 <> 0, created, created
      FROM (SELECT i, (${sqlArray(FIRST_NAMES)})[1 + ${pick("f", "i", FIRST_NAMES.length)}] AS f,
          (${sqlArray(LAST_NAMES)})[1 + ${pick("l", "i", LAST_NAMES.length)}] AS l,
          now() - make_interval(hours => 24 * 30 + ${pick("c", "i", 3 * 365 * 24)}) AS created
        FROM generate_series(${from}, ${to}) i) s
      ON CONFLICT DO NOTHING`)
  )

  // Orders: customer 1 + hash % buyers, so the first 85% buy, some often; 90% in EUR. One or two
  // ticket lines (1-3 each), taxed at 21% / 9% (EUR) or 8.875% (USD); webshop orders ship (4.95).
  await stage(c, "orders", orders, async (from, to) => {
    await c.query(`CREATE TEMP TABLE b_o ON COMMIT DROP AS
      SELECT k, ${oid("k")} AS id, ${cid(`1 + ${pick("o", "k", buyers)}`)} AS customer_id,
        CASE WHEN ${pick("cur", "k", 10)} = 0 THEN 'usd' ELSE 'eur' END AS currency,
        (ARRAY['sc_bl_web', 'sc_bl_web', 'sc_bl_shop', 'sc_bl_box'])[1 + ${pick("sc", "k", 4)}] AS channel,
        now() - make_interval(mins => ${pick("t", "k", 3 * 365 * 24 * 60)}) AS at,
        ${pick("s", "k", 100)} AS roll
      FROM generate_series(${from}, ${to}) k`)
    await c.query(`CREATE TEMP TABLE b_l ON COMMIT DROP AS
      SELECT o.id AS order_id, o.at, 'ordli_bl' || substr(o.id, 9) || '_' || j AS line_id,
        'orditem_bl' || substr(o.id, 9) || '_' || j AS item_id, 'ordlitl_bl' || substr(o.id, 9) || '_' || j AS tax_id,
        (5 + ${pick("u", "k || '_' || j", 9500)} / 100.0)::numeric(12, 2) AS unit_price,
        1 + ${pick("q", "k || '_' || j", 3)} AS qty,
        CASE WHEN j = 1 THEN 'std' ELSE 'vip' END AS variant,
        CASE WHEN o.currency = 'usd' THEN 8.875 WHEN j = 1 THEN 21 ELSE 9 END::numeric AS rate,
        CASE WHEN o.currency = 'usd' THEN 'US-SALES' WHEN j = 1 THEN 'NL-VAT-21' ELSE 'NL-VAT-9' END AS code
      FROM b_o o, generate_series(1, 1 + ${pick("n", "o.k", 2)}) j`)
    await c.query(`INSERT INTO "order" (id, region_id, customer_id, version, sales_channel_id, status, is_draft_order, email,
        currency_code, no_notification, created_at, updated_at)
      SELECT id, 'reg_bl_' || currency, customer_id, 1, channel,
        (CASE WHEN roll < 3 THEN 'canceled' ELSE 'pending' END)::order_status_enum, false,
        replace(customer_id, 'cus_bl', 'buyer') || '@example.com', currency, false, at, at
      FROM b_o ON CONFLICT DO NOTHING`)
    await c.query(`INSERT INTO order_line_item (id, title, subtitle, product_id, variant_id, product_title, product_handle,
        variant_title, variant_sku, unit_price, raw_unit_price, requires_shipping, is_discountable, is_tax_inclusive,
        created_at, updated_at)
      SELECT line_id, 'Concert ticket', CASE WHEN variant = 'std' THEN 'Standard' ELSE 'VIP' END, 'prod_bl_ticket',
        'variant_bl_' || variant, 'Concert ticket', 'bl-concert-ticket', CASE WHEN variant = 'std' THEN 'Standard' ELSE 'VIP' END,
        'BL-TICKET-' || upper(variant), unit_price, ${money("unit_price")}, false, true, false, at, at
      FROM b_l ON CONFLICT DO NOTHING`)
    await c.query(`INSERT INTO order_item (id, order_id, version, item_id, quantity, raw_quantity, fulfilled_quantity,
        shipped_quantity, return_requested_quantity, return_received_quantity, return_dismissed_quantity,
        written_off_quantity, delivered_quantity, created_at, updated_at)
      SELECT item_id, order_id, 1, line_id, qty, ${money("qty")}, 0, 0, 0, 0, 0, 0, 0, at, at
      FROM b_l ON CONFLICT DO NOTHING`)
    await c.query(`INSERT INTO order_line_item_tax_line (id, item_id, code, rate, raw_rate, description, provider_id, created_at, updated_at)
      SELECT tax_id, line_id, code, rate, ${money("rate")}, code, 'tp_system', at, at
      FROM b_l ON CONFLICT DO NOTHING`)
    await c.query(`INSERT INTO order_shipping_method (id, name, amount, raw_amount, is_tax_inclusive, is_custom_amount, created_at, updated_at)
      SELECT 'ordsm_bl' || substr(id, 9), 'Standard shipping', 4.95, ${money("4.95")}, false, false, at, at
      FROM b_o WHERE channel = 'sc_bl_web' ON CONFLICT DO NOTHING`)
    await c.query(`INSERT INTO order_shipping_method_tax_line (id, shipping_method_id, code, rate, raw_rate, description, provider_id, created_at, updated_at)
      SELECT 'ordsmtl_bl' || substr(id, 9), 'ordsm_bl' || substr(id, 9), code, rate, ${money("rate")}, code, 'tp_system', at, at
      FROM (SELECT id, at, CASE WHEN currency = 'usd' THEN 'US-SALES' ELSE 'NL-VAT-21' END AS code,
          CASE WHEN currency = 'usd' THEN 8.875 ELSE 21 END::numeric AS rate FROM b_o WHERE channel = 'sc_bl_web') s
      ON CONFLICT DO NOTHING`)
    await c.query(`INSERT INTO order_shipping (id, order_id, version, shipping_method_id, created_at, updated_at)
      SELECT 'ordship_bl' || substr(id, 9), id, 1, 'ordsm_bl' || substr(id, 9), at, at
      FROM b_o WHERE channel = 'sc_bl_web' ON CONFLICT DO NOTHING`)
  })

  // Memberships are bought: one customer in eight adds a plan to their first order that was
  // neither canceled nor refunded (a line of the plan's variant, 120.00 or 45.00, taxed as a ticket).
  const refundedRoll = (col) => `${pick("s", kOf(col), 100)} BETWEEN 3 AND 7`
  await stage(c, "membership lines", customers, async (from, to) => {
    await c.query(`CREATE TEMP TABLE b_m ON COMMIT DROP AS
      SELECT DISTINCT ON (o.customer_id) o.id AS order_id, o.currency_code, o.created_at AS at,
        CASE WHEN ${pick("mp", "i", 3)} = 0 THEN 'gold' ELSE 'friends' END AS plan
      FROM generate_series(${from}, ${Math.min(to, buyers)}) i
      JOIN "order" o ON o.customer_id = ${cid("i")} AND o.status <> 'canceled' AND NOT (${refundedRoll("o.id")})
      WHERE ${pick("mb", "i", 8)} = 0
      ORDER BY o.customer_id, o.created_at, o.id`)
    await c.query(`INSERT INTO order_line_item (id, title, subtitle, product_id, variant_id, product_title, product_handle,
        variant_title, variant_sku, unit_price, raw_unit_price, requires_shipping, is_discountable, is_tax_inclusive,
        created_at, updated_at)
      SELECT 'ordli_bl' || substr(order_id, 9) || '_m', title, '1 year', 'prod_bl_' || plan, 'variant_bl_' || plan, title,
        'bl-' || CASE WHEN plan = 'gold' THEN 'gold-club' ELSE 'friends' END, '1 year', 'BL-' || upper(plan) || '-1Y',
        price, ${money("price")}, false, true, false, at, at
      FROM (SELECT *, CASE WHEN plan = 'gold' THEN 'Gold Club membership' ELSE 'Friends membership' END AS title,
          CASE WHEN plan = 'gold' THEN 120 ELSE 45 END::numeric AS price FROM b_m) m
      ON CONFLICT DO NOTHING`)
    await c.query(`INSERT INTO order_item (id, order_id, version, item_id, quantity, raw_quantity, fulfilled_quantity,
        shipped_quantity, return_requested_quantity, return_received_quantity, return_dismissed_quantity,
        written_off_quantity, delivered_quantity, created_at, updated_at)
      SELECT 'orditem_bl' || substr(order_id, 9) || '_m', order_id, 1, 'ordli_bl' || substr(order_id, 9) || '_m', 1,
        ${money("1")}, 0, 0, 0, 0, 0, 0, 0, at, at
      FROM b_m ON CONFLICT DO NOTHING`)
    await c.query(`INSERT INTO order_line_item_tax_line (id, item_id, code, rate, raw_rate, description, provider_id, created_at, updated_at)
      SELECT 'ordlitl_bl' || substr(order_id, 9) || '_m', 'ordli_bl' || substr(order_id, 9) || '_m', code, rate, ${money("rate")},
        code, 'tp_system', at, at
      FROM (SELECT *, CASE WHEN currency_code = 'usd' THEN 'US-SALES' ELSE 'NL-VAT-21' END AS code,
          CASE WHEN currency_code = 'usd' THEN 8.875 ELSE 21 END::numeric AS rate FROM b_m) m
      ON CONFLICT DO NOTHING`)
  })

  // The summary Medusa's order module stores, from the rows it reads; captures and refunds as
  // order transactions: 90% of the orders not canceled are paid, 5% of all refunded by half.
  await stage(c, "order totals", orders, async (from, to) => {
    await c.query(`CREATE TEMP TABLE b_t ON COMMIT DROP AS
      SELECT o.id, o.currency_code, o.created_at AS at, total,
        CASE WHEN o.status <> 'canceled' AND roll < 90 THEN total ELSE 0 END AS paid,
        CASE WHEN o.status <> 'canceled' AND roll BETWEEN 3 AND 7 THEN round(total / 2, 2) ELSE 0 END AS refunded
      FROM generate_series(${from}, ${to}) k
      JOIN "order" o ON o.id = ${oid("k")}
      CROSS JOIN LATERAL (SELECT ${pick("s", "k", 100)} AS roll) r
      CROSS JOIN LATERAL (
        SELECT COALESCE(SUM(li.unit_price * oi.quantity * (1 + COALESCE(tl.rate, 0) / 100)), 0) AS items
        FROM order_item oi JOIN order_line_item li ON li.id = oi.item_id
        LEFT JOIN order_line_item_tax_line tl ON tl.item_id = li.id AND tl.deleted_at IS NULL
        WHERE oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL) i
      CROSS JOIN LATERAL (
        SELECT COALESCE(SUM(sm.amount * (1 + COALESCE(st.rate, 0) / 100)), 0) AS shipping
        FROM order_shipping os JOIN order_shipping_method sm ON sm.id = os.shipping_method_id
        LEFT JOIN order_shipping_method_tax_line st ON st.shipping_method_id = sm.id AND st.deleted_at IS NULL
        WHERE os.order_id = o.id AND os.version = o.version AND os.deleted_at IS NULL) s
      CROSS JOIN LATERAL (SELECT trim_scale(i.items + s.shipping) AS total) t`)
    const totals = {
      original_order_total: "total", current_order_total: "total", accounting_total: "total",
      paid_total: "paid", refunded_total: "refunded", transaction_total: "paid - refunded",
      pending_difference: "total - (paid - refunded)", credit_line_total: "0",
    }
    const json = Object.entries(totals)
      .flatMap(([key, expr]) => [`'${key}', ${expr}`, `'raw_${key}', ${money(expr)}`])
      .join(", ")
    await c.query(`INSERT INTO order_summary (id, order_id, version, totals, created_at, updated_at)
      SELECT 'ordsum_bl' || substr(id, 9), id, 1, jsonb_build_object(${json}), at, at FROM b_t ON CONFLICT DO NOTHING`)
    await c.query(`INSERT INTO order_transaction (id, order_id, version, amount, raw_amount, currency_code, reference, reference_id, created_at, updated_at)
      SELECT 'ordtrx_bl' || substr(id, 9) || '_c', id, 1, paid, ${money("paid")}, currency_code, 'capture',
        'capt_bl' || substr(id, 9), at, at FROM b_t WHERE paid > 0
      UNION ALL
      SELECT 'ordtrx_bl' || substr(id, 9) || '_r', id, 1, -refunded, ${money("-refunded")}, currency_code, 'refund',
        'ref_bl' || substr(id, 9), at + interval '2 days', at + interval '2 days' FROM b_t WHERE refunded > 0
      ON CONFLICT DO NOTHING`)
  })

  await stage(c, "tags, consents, groups", customers, async (from, to) => {
    const ids = `SELECT i, ${cid("i")} AS cid FROM generate_series(${from}, ${to}) i`
    // vip 5%, level 30% (gold/silver/bronze), newsletter 40%, wholesale 3%, staff 1%, interests 2% each.
    await c.query(`INSERT INTO customer_tag (id, customer_id, definition_id, value, source, joined_group, created_at, updated_at)
      SELECT 'ctag_bl' || substr(cid, 7) || '_' || key, cid, 'ctagdef_bl_' || key,
        CASE WHEN key = 'level' THEN (ARRAY['gold', 'silver', 'silver', 'bronze', 'bronze', 'bronze'])[1 + ${pick("lv", "i", 6)}] END,
        'import', false, now(), now()
      FROM (${ids}) s, LATERAL (VALUES ('vip', 5), ('level', 30), ('newsletter', 40), ('wholesale', 3), ('staff', 1),
        ${Array.from({ length: 15 }, (_, n) => `('interest_${n + 1}', 2)`).join(", ")}) t(key, share)
      WHERE abs(hashtext(key || i)) % 100 < share ON CONFLICT DO NOTHING`)
    // Consents: each purpose recorded for half the customers, granted for most, a tenth changed their mind.
    await c.query(`INSERT INTO privacy_consent (id, customer_id, purpose_id, granted, source, text_version, occurred_at, created_at, updated_at)
      SELECT 'pcon_bl' || substr(cid, 7) || '_' || p || '_' || v, cid, p, granted, 'storefront', 1, at, at, at
      FROM (${ids}) s, LATERAL unnest(ARRAY['ppur_bl_news', 'ppur_bl_prof', 'ppur_bl_part']) p,
        LATERAL (VALUES (1, ${pick("cg", "i || p", 10)} < 8, now() - interval '300 days'),
                        (2, ${pick("cg", "i || p", 10)} >= 8, now() - interval '30 days')) r(v, granted, at)
      WHERE ${pick("cp", "i || p", 2)} = 0 AND (v = 1 OR ${pick("cc", "i || p", 10)} = 0) ON CONFLICT DO NOTHING`)
    // Native groups: 3% each; archived: 1%.
    await c.query(`INSERT INTO customer_group_customer (id, customer_id, customer_group_id, created_at, updated_at)
      SELECT 'cusgc_bl' || substr(cid, 7) || '_' || g, cid, 'cusgroup_bl_' || g, now(), now()
      FROM (${ids}) s, unnest(ARRAY['press', 'staff', 'b2b']) g WHERE abs(hashtext(g || i)) % 100 < 3 ON CONFLICT DO NOTHING`)
    await c.query(`INSERT INTO customer_archive (id, customer_id, archived_at, reason, created_at, updated_at)
      SELECT 'carch_bl' || substr(cid, 7), cid, now(), 'Old record', now(), now()
      FROM (${ids}) s WHERE ${pick("ar", "i", 100)} = 0 ON CONFLICT DO NOTHING`)
  })

  // Points, as order.placed / order.canceled / payment.refunded leave them (src/workflows/steps/
  // loyalty-orders.ts): an available earn of floor(rate x item subtotal + 1e-9) per order; a
  // canceled order's earn reversed in full; a refund reverses floor(earned x refunded / paid + 1e-9).
  await stage(c, "loyalty points", orders, async (from, to) => {
    await c.query(`CREATE TEMP TABLE b_y ON COMMIT DROP AS
      SELECT o.id AS order_id, substr(o.id, 9) AS n, o.customer_id, o.currency_code, o.status, o.display_id,
        o.created_at AS at, sc.name AS channel, i.base,
        floor(i.base * (r.rate->>'earn_points_per_unit')::numeric + 0.000000001) AS points,
        COALESCE((s.totals->>'paid_total')::numeric, 0) AS paid, COALESCE((s.totals->>'refunded_total')::numeric, 0) AS refunded
      FROM generate_series(${from}, ${to}) k
      JOIN "order" o ON o.id = ${oid("k")}
      LEFT JOIN sales_channel sc ON sc.id = o.sales_channel_id
      JOIN order_summary s ON s.order_id = o.id AND s.version = o.version
      JOIN LATERAL (SELECT rate FROM loyalty_program p, jsonb_array_elements(p.rates) rate
        WHERE p.id = 'loyalty_program' AND rate->>'currency_code' = o.currency_code) r ON true
      CROSS JOIN LATERAL (SELECT COALESCE(SUM(li.unit_price * oi.quantity), 0) AS base
        FROM order_item oi JOIN order_line_item li ON li.id = oi.item_id
        WHERE oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL) i
      WHERE o.customer_id IS NOT NULL`)
    await c.query(`INSERT INTO loyalty_account (id, customer_id, enrolled, created_at, updated_at)
      SELECT DISTINCT ON (customer_id) 'lyacc_bl' || substr(customer_id, 7), customer_id, false, MIN(at) OVER (PARTITION BY customer_id), now()
      FROM b_y WHERE points > 0 ON CONFLICT DO NOTHING`)
    const label = `COALESCE(channel || ' order', 'Order') || ' #' || display_id`
    const values = `jsonb_build_object('channel', channel, 'display_id', display_id)`
    await c.query(`INSERT INTO loyalty_entry (id, account_id, customer_id, type, points, raw_points, status, description, detail,
        order_id, currency_code, amount, raw_amount, reference_id, created_at, updated_at)
      SELECT 'lyent_bl' || n || '_e', a.id, y.customer_id, 'earn', points, ${money("points")}, 'available', ${label},
        jsonb_build_object('key', 'order_earn', 'values', ${values}), order_id, currency_code, base, ${money("base")}, NULL, at, at
      FROM b_y y JOIN loyalty_account a ON a.customer_id = y.customer_id AND a.deleted_at IS NULL WHERE points > 0
      UNION ALL
      SELECT 'lyent_bl' || n || '_x', a.id, y.customer_id, 'reverse', -points, ${money("-points")}, 'available', ${label} || ' canceled',
        jsonb_build_object('key', 'order_reversed', 'values', ${values} || jsonb_build_object('reason', 'canceled')),
        order_id, NULL, NULL, NULL, 'lyent_bl' || n || '_e', at + interval '1 hour', at + interval '1 hour'
      FROM b_y y JOIN loyalty_account a ON a.customer_id = y.customer_id AND a.deleted_at IS NULL
      WHERE points > 0 AND status = 'canceled'
      UNION ALL
      SELECT 'lyent_bl' || n || '_r', a.id, y.customer_id, 'reverse', -back, ${money("-back")}, 'available', ${label} || ' refunded',
        jsonb_build_object('key', 'order_reversed', 'values', ${values} || jsonb_build_object('reason', 'refunded')),
        order_id, NULL, NULL, NULL, 'lyent_bl' || n || '_e', at + interval '2 days', at + interval '2 days'
      FROM (SELECT *, CASE WHEN refunded >= paid THEN points ELSE LEAST(points, floor(points * refunded / paid + 0.000000001)) END AS back
        FROM b_y WHERE points > 0 AND status <> 'canceled' AND refunded > 0 AND paid > 0) y
      JOIN loyalty_account a ON a.customer_id = y.customer_id AND a.deleted_at IS NULL WHERE back > 0
      ON CONFLICT DO NOTHING`)
  })

  // Memberships, as order.placed leaves them (src/workflows/steps/membership-actions/purchase.ts):
  // each line of a plan's variant (quantity 1, no active membership of the plan before) creates one
  // from the order's date for the plan's period, with its "created" event keyed on the line;
  // expired once that is past, as the expiry job leaves it. Numbers in the plugin's alphabet.
  await stage(c, "memberships", orders, async (from, to) => {
    await c.query(`CREATE TEMP TABLE b_s ON COMMIT DROP AS
      SELECT o.id AS order_id, substr(o.id, 9) AS n, o.customer_id, o.created_at AS at, li.id AS line_id, li.quantity,
        p.id AS plan_id, o.created_at + make_interval(years => p.duration_value * GREATEST(1, li.quantity)::int) AS expires_at
      FROM generate_series(${from}, ${to}) k
      JOIN "order" o ON o.id = ${oid("k")} AND o.status <> 'canceled'
      JOIN LATERAL (SELECT l.id, l.variant_id, oi.quantity FROM order_item oi JOIN order_line_item l ON l.id = oi.item_id
        WHERE oi.order_id = o.id AND oi.version = o.version AND l.variant_id IN ('variant_bl_gold', 'variant_bl_friends')) li ON true
      JOIN membership_plan p ON p.variant_id = li.variant_id AND p.deleted_at IS NULL AND p.duration_unit = 'year'`)
    await c.query(`INSERT INTO membership (id, number, plan_id, customer_id, status, starts_at, expires_at, cancel_at_period_end,
        source, order_id, joined_group, card_version, created_at, updated_at)
      SELECT 'mship_bl' || n, 'M-' || substr(code, 1, 4) || '-' || substr(code, 5, 4), plan_id, customer_id,
        CASE WHEN expires_at <= now() THEN 'expired' ELSE 'active' END, at, expires_at, false, 'purchase', order_id, false, 1, at, at
      FROM (SELECT *, translate(lpad(n, 8, '0'), '0123456789', '23456789AB') AS code FROM b_s) s
      ON CONFLICT DO NOTHING`)
    await c.query(`INSERT INTO membership_event (id, membership_id, type, actor_type, actor_id, line_item_id, data, created_at, updated_at)
      SELECT 'mevent_bl' || n, 'mship_bl' || n, 'created', 'customer', customer_id, line_id,
        jsonb_build_object('plan_id', plan_id, 'order_id', order_id, 'periods', GREATEST(1, quantity)), at, at
      FROM b_s ON CONFLICT DO NOTHING`)
  })

  // Stores: where each customer bought (as the plugin's order subscriber records them).
  await stage(c, "stores", 1, () =>
    c.query(`INSERT INTO customer_store (id, customer_id, sales_channel_id, source, created_at, updated_at)
      SELECT 'cstore_bl' || substr(md5(customer_id || sales_channel_id), 1, 16), customer_id, sales_channel_id, 'order', now(), now()
      FROM (SELECT DISTINCT customer_id, sales_channel_id FROM "order" WHERE id LIKE 'order_bl%') o
      ON CONFLICT DO NOTHING`)
  )
}

/** Which database to use on the server of DATABASE_URL (or the embedded one). */
function databaseName(opts) {
  return opts.database ?? LIST_DATASET_DB
}

/**
 * Starts Postgres, migrates the data set's database, and builds the data set unless a finished one
 * of the same size is there (resuming an interrupted build). Returns its URL and a stop function.
 * @param {{ rebuild?: boolean, customers?: number, orders?: number, database?: string, checkOnly?: boolean }} opts
 */
export async function prepareListDataset(opts = {}) {
  const customers = opts.customers ?? LIST_DATASET_CUSTOMERS
  const orders = opts.orders ?? LIST_DATASET_ORDERS
  if (!(customers >= 1 && orders >= 1 && Number.isInteger(customers) && Number.isInteger(orders))) {
    throw new Error(`The data set needs whole numbers of customers and orders (got ${customers}, ${orders})`)
  }
  const dbName = databaseName(opts)
  let embedded = null
  let databaseUrl
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL)
    u.pathname = `/${dbName}`
    databaseUrl = u.toString()
    const admin = new URL(process.env.DATABASE_URL)
    admin.pathname = "/postgres"
    await withClient(admin.toString(), async (c) => {
      const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName])
      if (!rowCount) await c.query(`CREATE DATABASE "${dbName.replace(/"/g, '""')}"`)
    })
    console.log(`Using the Postgres server of DATABASE_URL, database ${dbName}`)
  } else {
    const dir = path.join(ROOT, ".data", "bench-list-pg")
    embedded = await startEmbeddedPostgres({ dir, fast: true, quiet: true })
    await embedded.ensureDatabase(dbName)
    databaseUrl = embedded.url(dbName)
    console.log(`Embedded Postgres on port ${embedded.port}, data in ${path.relative(ROOT, dir)}, database ${dbName}`)
  }
  const stop = async () => {
    await embedded?.stop()
  }
  if (opts.checkOnly) {
    // The data set that is there, as its marker describes it; nothing is built.
    const found = await withClient(databaseUrl, (c) => marker(c)).catch(async (e) => {
      await stop()
      throw e
    })
    if (!found?.completed_at) {
      await stop()
      throw new Error(`No finished data set in database ${dbName}: run \`npm run gen:scale\` first`)
    }
    return { databaseUrl, customers: found.customers, orders: found.orders, stop }
  }
  try {
    const started = Date.now()
    medusaSync(["db:migrate"], { DATABASE_URL: databaseUrl }, { stdio: "ignore" })
    console.log(`Migrations done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    const done = await withClient(databaseUrl, async (c) => {
      // Dates are added in UTC, as the plugin does (`addMonths`).
      await c.query("SET TIME ZONE 'UTC'")
      const found = await marker(c)
      const same = found && found.customers === customers && found.orders === orders && found.format === FORMAT
      if (!opts.rebuild && same && found.completed_at) {
        console.log(`Reusing the data set built ${found.completed_at.toISOString()}: ${customers} customers, ${orders} orders`)
        return true
      }
      if (!opts.rebuild && same) {
        console.log(`Resuming the data set: ${customers} customers, ${orders} orders`)
      } else {
        console.log(`Building the data set: ${customers} customers, ${orders} orders`)
        await clear(c)
        await c.query(`INSERT INTO crm_bench_dataset (name, customers, orders, format) VALUES ('list', $1, $2, $3)`, [
          customers,
          orders,
          FORMAT,
        ])
      }
      await build(c, customers, orders)
      await c.query(`UPDATE crm_bench_dataset SET built_at = COALESCE(built_at, now()) WHERE name = 'list'`)
      return false
    })
    if (!done) {
      // The metrics by the plugin's own recompute, in the app (resumable by its own marker).
      medusaSync(["exec", "./src/scripts/scale-check.ts", "metrics", String(customers), String(METRICS_PAGE)], {
        DATABASE_URL: databaseUrl,
      })
      await withClient(databaseUrl, async (c) => {
        process.stdout.write("  analyze…")
        await c.query("VACUUM ANALYZE")
        process.stdout.write(" done\n")
        await c.query(`UPDATE crm_bench_dataset SET completed_at = now() WHERE name = 'list'`)
      })
      console.log(`Data set built in ${((Date.now() - started) / 1000).toFixed(0)} s`)
    }
  } catch (e) {
    await stop()
    throw e
  }
  return { databaseUrl, customers, orders, stop }
}
