// The CRM list's big data set, for `npm run bench:list` and `npm run bench:export`: BENCH_CUSTOMERS
// (100,000) customers and BENCH_ORDERS (300,000) orders in a database of their own
// (`medusa_crm_bench_list`) on an embedded Postgres kept in .data/bench-list-pg (or the server of
// DATABASE_URL), with tags, memberships, loyalty points, consents, stores, groups, a few archived
// customers, and metrics. Built once: a marker row (`crm_bench_dataset`) says the build finished,
// and later runs reuse it (`--rebuild` starts over).
//
// How the rows stay valid: customers, orders and the plugin's rows are written by set-based SQL
// (generate_series), with every NOT NULL column Medusa's and the plugin's migrations declare, enum
// values from the models, prefixed ids (`cus_bl…`, `order_bl…`) and deterministic pseudo-random
// choices (hashtext), so two builds give the same data. Each order has what Medusa's own order
// pages and the plugin's metrics read: the order row (region, sales channel, currency, status,
// version 1), its summary (`order_summary.totals`: original, current, paid and refunded totals),
// one line item and its `order_item` (quantity). The metrics are derived from those orders by the
// statement the plugin's rebuild runs (see `metrics` below), not written by hand.
import path from "node:path"
import pg from "pg"
import { startEmbeddedPostgres } from "./embedded-pg.mjs"
import { medusaSync, ROOT } from "./demo-db.mjs"

export const LIST_DATASET_DB = "medusa_crm_bench_list"
export const LIST_DATASET_CUSTOMERS = Number(process.env.BENCH_CUSTOMERS || 100_000)
export const LIST_DATASET_ORDERS = Number(process.env.BENCH_ORDERS || 300_000)
/** Customers with at least one order: the first 85%. */
const BUYERS_SHARE = 0.85
const BATCH = 10_000

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

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** Runs `step(from, to)` over 1..total in batches, with a progress bar. */
async function batched(label, total, step) {
  for (let from = 1; from <= total; from += BATCH) {
    const to = Math.min(total, from + BATCH - 1)
    await step(from, to)
    process.stdout.write(`\r  ${label.padEnd(24)} ${progressBar(to, total)}`)
  }
  process.stdout.write("\n")
}

async function marker(c) {
  await c.query(`CREATE TABLE IF NOT EXISTS crm_bench_dataset (
    name text PRIMARY KEY, customers int NOT NULL, orders int NOT NULL, completed_at timestamptz)`)
  await c.query(`ALTER TABLE crm_bench_dataset ADD COLUMN IF NOT EXISTS built_at timestamptz`)
  const { rows } = await c.query(`SELECT * FROM crm_bench_dataset WHERE name = 'list'`)
  return rows[0] ?? null
}

async function clear(c) {
  const tables = {
    customer: "id LIKE 'cus_bl%'",
    order: "id LIKE 'order_bl%'",
    order_summary: "id LIKE 'ordsum_bl%'",
    order_item: "id LIKE 'orditem_bl%'",
    order_line_item: "id LIKE 'ordli_bl%'",
    customer_tag: "id LIKE 'ctag_bl%'",
    customer_tag_definition: "id LIKE 'ctagdef_bl%'",
    membership: "id LIKE 'mship_bl%'",
    membership_plan: "id LIKE 'mplan_bl%'",
    loyalty_entry: "id LIKE 'lyent_bl%'",
    loyalty_account: "id LIKE 'lyacc_bl%'",
    privacy_consent: "id LIKE 'pcon_bl%'",
    privacy_consent_purpose: "id LIKE 'ppur_bl%'",
    customer_store: "id LIKE 'cstore_bl%'",
    customer_group_customer: "id LIKE 'cusgc_bl%'",
    customer_group: "id LIKE 'cusgroup_bl%'",
    customer_archive: "id LIKE 'carch_bl%'",
    sales_channel: "id LIKE 'sc_bl%'",
    customer_metric: "customer_id LIKE 'cus_bl%'",
    customer_metric_day: "customer_id LIKE 'cus_bl%'",
    customer_metric_month: "customer_id LIKE 'cus_bl%'",
  }
  for (const [table, where] of Object.entries(tables)) {
    await c.query(`DELETE FROM "${table}" WHERE ${where}`)
  }
  await c.query(`DELETE FROM crm_bench_dataset WHERE name = 'list'`)
}

async function build(c, customers, orders) {
  const buyers = Math.max(1, Math.floor(customers * BUYERS_SHARE))
  // Reference rows: stores, groups, tag definitions, plans, consent purposes.
  await c.query(`INSERT INTO sales_channel (id, name, is_disabled, created_at, updated_at) VALUES
    ('sc_bl_web', 'Webshop', false, now(), now()), ('sc_bl_shop', 'Shop Amsterdam', false, now(), now()),
    ('sc_bl_box', 'Box office', false, now(), now())`)
  await c.query(`INSERT INTO customer_group (id, name, created_at, updated_at) VALUES
    ('cusgroup_bl_press', 'Press', now(), now()), ('cusgroup_bl_staff', 'Staff', now(), now()),
    ('cusgroup_bl_b2b', 'Business', now(), now())`)
  const tagKeys = ["vip", "level", "newsletter", "wholesale", "staff", ...Array.from({ length: 15 }, (_, i) => `interest_${i + 1}`)]
  await c.query(
    `INSERT INTO customer_tag_definition (id, key, label, color, value_mode, allowed_values, created_at, updated_at)
     SELECT 'ctagdef_bl_' || k, k, initcap(replace(k, '_', ' ')), 'grey',
       CASE WHEN k = 'level' THEN 'list' ELSE 'flag' END,
       CASE WHEN k = 'level' THEN ARRAY['gold', 'silver', 'bronze'] END, now(), now()
     FROM unnest($1::text[]) k`,
    [tagKeys]
  )
  await c.query(`INSERT INTO membership_plan (id, name, level, duration_unit, duration_value, created_at, updated_at) VALUES
    ('mplan_bl_gold', 'Gold Club', 2, 'year', 1, now(), now()), ('mplan_bl_friends', 'Friends', 1, 'year', 1, now(), now())`)
  await c.query(`INSERT INTO privacy_consent_purpose (id, handle, name, current_version, rank, created_at, updated_at) VALUES
    ('ppur_bl_news', 'bench_newsletter', 'Newsletter', 1, 1, now(), now()),
    ('ppur_bl_prof', 'bench_profiling', 'Profiling', 1, 2, now(), now()),
    ('ppur_bl_part', 'bench_partners', 'Partners', 1, 3, now(), now())`)

  await batched("customers", customers, (from, to) =>
    c.query(`INSERT INTO customer (id, first_name, last_name, email, phone, company_name, has_account, created_at, updated_at)
      SELECT 'cus_bl' || lpad(i::text, 7, '0'), f, l,
        lower(replace(f || '.' || l, ' ', '')) || i || '@' || (ARRAY['example.com', 'mail.test', 'shop.test'])[1 + i % 3],
        CASE WHEN i % 3 = 0 THEN NULL ELSE '+31 6 ' || lpad(${pick("p", "i", 100000000)}::text, 8, '0') END,
        CASE WHEN i % 12 = 0 THEN (${sqlArray(COMPANIES)})[1 + ${pick("co", "i", COMPANIES.length)}] END,
        i % 4 <> 0, created, created
      FROM (SELECT i, (${sqlArray(FIRST_NAMES)})[1 + ${pick("f", "i", FIRST_NAMES.length)}] AS f,
          (${sqlArray(LAST_NAMES)})[1 + ${pick("l", "i", LAST_NAMES.length)}] AS l,
          now() - make_interval(hours => 24 * 30 + ${pick("c", "i", 3 * 365 * 24)}) AS created
        FROM generate_series(${from}, ${to}) i) s`)
  )

  // Orders: customer 1 + hash % buyers, so the first 85% buy, some often; 90% in EUR.
  await batched("orders", orders, async (from, to) => {
    const src = `SELECT k, 'cus_bl' || lpad((1 + ${pick("o", "k", buyers)})::text, 7, '0') AS customer_id,
        CASE WHEN ${pick("cur", "k", 10)} = 0 THEN 'usd' ELSE 'eur' END AS currency,
        (ARRAY['sc_bl_web', 'sc_bl_web', 'sc_bl_shop', 'sc_bl_box'])[1 + ${pick("sc", "k", 4)}] AS channel,
        now() - make_interval(mins => ${pick("t", "k", 3 * 365 * 24 * 60)}) AS at,
        (10 + ${pick("a", "k", 49000)} / 100.0)::numeric(12, 2) AS total,
        1 + ${pick("q", "k", 3)} AS qty,
        ${pick("s", "k", 100)} AS roll
      FROM generate_series(${from}, ${to}) k`
    await c.query(`INSERT INTO "order" (id, region_id, customer_id, version, sales_channel_id, status, is_draft_order, email,
        currency_code, no_notification, created_at, updated_at)
      SELECT 'order_bl' || lpad(k::text, 7, '0'), 'reg_bl_' || currency, customer_id, 1, channel,
        (CASE WHEN roll < 3 THEN 'canceled' ELSE 'pending' END)::order_status_enum, false,
        replace(customer_id, 'cus_bl', 'buyer') || '@example.com', currency, false, at, at
      FROM (${src}) o`)
    await c.query(`INSERT INTO order_summary (id, order_id, version, totals, created_at, updated_at)
      SELECT 'ordsum_bl' || lpad(k::text, 7, '0'), 'order_bl' || lpad(k::text, 7, '0'), 1,
        jsonb_build_object('original_order_total', total, 'current_order_total', total, 'accounting_total', total,
          'paid_total', CASE WHEN roll < 90 THEN total ELSE 0 END,
          'refunded_total', CASE WHEN roll < 6 THEN round(total / 2, 2) ELSE 0 END,
          'transaction_total', CASE WHEN roll < 90 THEN total ELSE 0 END,
          'pending_difference', CASE WHEN roll < 90 THEN 0 ELSE total END,
          'credit_line_total', 0),
        at, at
      FROM (${src}) o`)
    await c.query(`INSERT INTO order_line_item (id, title, product_title, variant_title, unit_price, raw_unit_price,
        requires_shipping, is_discountable, is_tax_inclusive, created_at, updated_at)
      SELECT 'ordli_bl' || lpad(k::text, 7, '0'), 'Concert ticket', 'Concert ticket', 'Standard', round(total / qty, 2),
        jsonb_build_object('value', round(total / qty, 2)::text, 'precision', 20), false, true, true, at, at
      FROM (${src}) o`)
    await c.query(`INSERT INTO order_item (id, order_id, version, item_id, quantity, raw_quantity, fulfilled_quantity,
        shipped_quantity, return_requested_quantity, return_received_quantity, return_dismissed_quantity,
        written_off_quantity, delivered_quantity, unit_price, raw_unit_price, created_at, updated_at)
      SELECT 'orditem_bl' || lpad(k::text, 7, '0'), 'order_bl' || lpad(k::text, 7, '0'), 1, 'ordli_bl' || lpad(k::text, 7, '0'),
        qty, jsonb_build_object('value', qty::text, 'precision', 20), 0, 0, 0, 0, 0, 0, 0, round(total / qty, 2),
        jsonb_build_object('value', round(total / qty, 2)::text, 'precision', 20), at, at
      FROM (${src}) o`)
  })

  await batched("tags, points, consents", customers, async (from, to) => {
    const ids = `SELECT i, 'cus_bl' || lpad(i::text, 7, '0') AS cid FROM generate_series(${from}, ${to}) i`
    // vip 5%, level 30% (gold/silver/bronze), newsletter 40%, wholesale 3%, staff 1%, interests 2% each.
    await c.query(`INSERT INTO customer_tag (id, customer_id, definition_id, value, source, joined_group, created_at, updated_at)
      SELECT 'ctag_bl' || lpad(i::text, 7, '0') || '_' || key, cid, 'ctagdef_bl_' || key,
        CASE WHEN key = 'level' THEN (ARRAY['gold', 'silver', 'silver', 'bronze', 'bronze', 'bronze'])[1 + ${pick("lv", "i", 6)}] END,
        'import', false, now(), now()
      FROM (${ids}) s, LATERAL (VALUES ('vip', 5), ('level', 30), ('newsletter', 40), ('wholesale', 3), ('staff', 1),
        ${Array.from({ length: 15 }, (_, n) => `('interest_${n + 1}', 2)`).join(", ")}) t(key, share)
      WHERE abs(hashtext(key || i)) % 100 < share`)
    // Memberships: 10%, mostly active.
    await c.query(`INSERT INTO membership (id, number, plan_id, customer_id, status, starts_at, expires_at, source, created_at, updated_at)
      SELECT 'mship_bl' || lpad(i::text, 7, '0'), 'BL' || lpad(i::text, 8, '0'),
        CASE WHEN ${pick("mp", "i", 3)} = 0 THEN 'mplan_bl_gold' ELSE 'mplan_bl_friends' END, cid,
        (ARRAY['active', 'active', 'active', 'expired', 'cancelled'])[1 + ${pick("ms", "i", 5)}],
        now() - interval '200 days', now() + interval '165 days', 'admin', now(), now()
      FROM (${ids}) s WHERE ${pick("m", "i", 10)} = 0`)
    // Loyalty: 40% have an account with one to four entries.
    await c.query(`INSERT INTO loyalty_account (id, customer_id, enrolled, enrolled_at, created_at, updated_at)
      SELECT 'lyacc_bl' || lpad(i::text, 7, '0'), cid, true, now(), now(), now()
      FROM (${ids}) s WHERE ${pick("la", "i", 10)} < 4`)
    await c.query(`INSERT INTO loyalty_entry (id, account_id, customer_id, type, points, raw_points, status, created_at, updated_at)
      SELECT 'lyent_bl' || lpad(i::text, 7, '0') || '_' || n, 'lyacc_bl' || lpad(i::text, 7, '0'), cid,
        CASE WHEN n = 4 THEN 'redeem' ELSE 'earn' END, pts, jsonb_build_object('value', pts::text, 'precision', 20),
        CASE WHEN n = 3 THEN 'pending' ELSE 'available' END, now() - make_interval(days => n * 20), now()
      FROM (${ids}) s, LATERAL generate_series(1, 1 + ${pick("ln", "i", 4)}) n,
        LATERAL (SELECT CASE WHEN n = 4 THEN -50 ELSE 10 + ${pick("lp", "i + n", 500)} END AS pts) p
      WHERE ${pick("la", "i", 10)} < 4`)
    // Consents: each purpose recorded for half the customers, granted for most, a tenth changed their mind.
    await c.query(`INSERT INTO privacy_consent (id, customer_id, purpose_id, granted, source, text_version, occurred_at, created_at, updated_at)
      SELECT 'pcon_bl' || lpad(i::text, 7, '0') || '_' || p || '_' || v, cid, p, granted, 'storefront', 1, at, at, at
      FROM (${ids}) s, LATERAL unnest(ARRAY['ppur_bl_news', 'ppur_bl_prof', 'ppur_bl_part']) p,
        LATERAL (VALUES (1, ${pick("cg", "i || p", 10)} < 8, now() - interval '300 days'),
                        (2, ${pick("cg", "i || p", 10)} >= 8, now() - interval '30 days')) r(v, granted, at)
      WHERE ${pick("cp", "i || p", 2)} = 0 AND (v = 1 OR ${pick("cc", "i || p", 10)} = 0)`)
    // Native groups: 3% each; archived: 1%.
    await c.query(`INSERT INTO customer_group_customer (id, customer_id, customer_group_id, created_at, updated_at)
      SELECT 'cusgc_bl' || lpad(i::text, 7, '0') || '_' || g, cid, 'cusgroup_bl_' || g, now(), now()
      FROM (${ids}) s, unnest(ARRAY['press', 'staff', 'b2b']) g WHERE abs(hashtext(g || i)) % 100 < 3`)
    await c.query(`INSERT INTO customer_archive (id, customer_id, archived_at, reason, created_at, updated_at)
      SELECT 'carch_bl' || lpad(i::text, 7, '0'), cid, now(), 'Old record', now(), now()
      FROM (${ids}) s WHERE ${pick("ar", "i", 100)} = 0`)
  })
  // Stores: where each buyer bought (as the plugin's order subscriber records them).
  await c.query(`INSERT INTO customer_store (id, customer_id, sales_channel_id, source, created_at, updated_at)
    SELECT 'cstore_bl' || substr(md5(customer_id || sales_channel_id), 1, 16), customer_id, sales_channel_id, 'order', now(), now()
    FROM (SELECT DISTINCT customer_id, sales_channel_id FROM "order" WHERE id LIKE 'order_bl%') o`)
}

/**
 * The metrics of the data set's customers, derived from their orders by the same totals the
 * plugin's rebuild computes (src/lib/queries/customer-metrics.ts: orders not canceled nor drafts,
 * the latest summary's original, paid and refunded totals, items from order_item), set-based over
 * a batch of customers at a time instead of the rebuild's workflow per 500 customers (which takes
 * tens of minutes here). The list reads only `customer_metric`; day and month rows are left out.
 */
async function metrics(c, customers) {
  await batched("metrics", customers, (from, to) =>
    c.query(`INSERT INTO customer_metric (id, customer_id, currency_code, orders, visits, items, sales, raw_sales, paid, raw_paid,
        lifetime_value, raw_lifetime_value, refunded, raw_refunded, first_order_at, last_order_at, computed_at, created_at, updated_at)
      SELECT 'cmet_bl' || substr(md5(customer_id || currency_code), 1, 20), customer_id, currency_code, COUNT(*),
        COUNT(DISTINCT (created_at AT TIME ZONE 'UTC')::date), SUM(items),
        SUM(total), jsonb_build_object('value', SUM(total)::text, 'precision', 20),
        SUM(paid), jsonb_build_object('value', SUM(paid)::text, 'precision', 20),
        SUM(paid - refunded), jsonb_build_object('value', SUM(paid - refunded)::text, 'precision', 20),
        SUM(refunded), jsonb_build_object('value', SUM(refunded)::text, 'precision', 20),
        MIN(created_at), MAX(created_at), now(), now(), now()
      FROM (
        SELECT o.customer_id, o.currency_code, o.created_at,
          COALESCE((s.totals->>'original_order_total')::numeric, 0) AS total,
          COALESCE((s.totals->>'paid_total')::numeric, 0) AS paid,
          COALESCE((s.totals->>'refunded_total')::numeric, 0) AS refunded,
          COALESCE((SELECT SUM(oi.quantity) FROM order_item oi
            WHERE oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL), 0) AS items
        FROM "order" o
        JOIN LATERAL (SELECT totals FROM order_summary s WHERE s.order_id = o.id AND s.deleted_at IS NULL
          ORDER BY s.version DESC LIMIT 1) s ON true
        WHERE o.customer_id BETWEEN 'cus_bl' || lpad('${from}', 7, '0') AND 'cus_bl' || lpad('${to}', 7, '0')
          AND o.deleted_at IS NULL AND o.is_draft_order = false AND o.status NOT IN ('canceled', 'draft')
      ) counted
      GROUP BY customer_id, currency_code
      ON CONFLICT DO NOTHING`)
  )
}

/**
 * Starts Postgres, migrates the data set's database, and builds the data set unless a finished one
 * of the same size is there. Returns its URL and a stop function.
 * @param {{ rebuild?: boolean }} opts
 */
export async function prepareListDataset(opts = {}) {
  const customers = LIST_DATASET_CUSTOMERS
  const orders = LIST_DATASET_ORDERS
  let embedded = null
  let databaseUrl
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL)
    u.pathname = `/${LIST_DATASET_DB}`
    databaseUrl = u.toString()
    const admin = new URL(process.env.DATABASE_URL)
    admin.pathname = "/postgres"
    await withClient(admin.toString(), async (c) => {
      const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [LIST_DATASET_DB])
      if (!rowCount) await c.query(`CREATE DATABASE "${LIST_DATASET_DB}"`)
    })
    console.log(`Using the Postgres server of DATABASE_URL, database ${LIST_DATASET_DB}`)
  } else {
    const dir = path.join(ROOT, ".data", "bench-list-pg")
    embedded = await startEmbeddedPostgres({ dir, fast: true, quiet: true })
    await embedded.ensureDatabase(LIST_DATASET_DB)
    databaseUrl = embedded.url(LIST_DATASET_DB)
    console.log(`Embedded Postgres on port ${embedded.port}, data in ${path.relative(ROOT, dir)}, database ${LIST_DATASET_DB}`)
  }
  const stop = async () => {
    await embedded?.stop()
  }
  try {
    const started = Date.now()
    medusaSync(["db:migrate"], { DATABASE_URL: databaseUrl }, { stdio: "ignore" })
    console.log(`Migrations done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    const done = await withClient(databaseUrl, async (c) => {
      const found = await marker(c)
      if (!opts.rebuild && found?.completed_at && found.customers === customers && found.orders === orders) {
        console.log(`Reusing the data set built ${found.completed_at.toISOString()}: ${customers} customers, ${orders} orders`)
        return true
      }
      if (!opts.rebuild && found?.built_at && found.customers === customers && found.orders === orders) {
        // The rows are there; an interrupted run stopped before the metrics.
        console.log("Resuming the data set: the metrics")
        return false
      }
      console.log(`Building the data set: ${customers} customers, ${orders} orders`)
      await clear(c)
      await c.query(`INSERT INTO crm_bench_dataset (name, customers, orders) VALUES ('list', $1, $2)`, [customers, orders])
      await build(c, customers, orders)
      await c.query(`UPDATE crm_bench_dataset SET built_at = now() WHERE name = 'list'`)
      return false
    })
    if (!done) {
      await withClient(databaseUrl, async (c) => {
        await metrics(c, customers)
        await c.query("VACUUM ANALYZE")
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
