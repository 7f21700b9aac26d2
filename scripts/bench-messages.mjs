// `npm run bench:messages`: distributing a campaign to 100,000 recipients. Builds a light data set
// on a throwaway embedded Postgres (BENCH_CUSTOMERS customers with an online account, a few
// archived, guests and anonymized ones the audience leaves out, tags on half), then, inside Medusa
// (`medusa exec`), distributes a campaign for everyone through the distribution workflow (the
// job's path) BENCH_MESSAGES_RUNS times from scratch, each beside a plain INSERT … SELECT of the
// same row count into the same table, and prints the medians (target: under 10 s for 100,000). It
// prints figures; it asserts nothing but that every recipient got exactly one entry.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { figure, isMain, medusaExec, runOnThrowawayDatabase } from "./lib/bench-report.mjs"
import { progressBar } from "./lib/list-dataset.mjs"

/** Recipients of the campaign. (BENCH_CUSTOMERS, as before; it also sizes the scale data set.) */
const RECIPIENTS = Number(process.env.BENCH_MESSAGES_RECIPIENTS || process.env.BENCH_CUSTOMERS || 100_000)
const RUNS = Number(process.env.BENCH_MESSAGES_RUNS || 3)
const BATCH = 10_000
/** Customers the audience leaves out, one in this many of each kind: guests, archived, anonymized. */
const LEFT_OUT_EVERY = 1000

/**
 * `customers` recipients (online accounts) plus, for every LEFT_OUT_EVERY of them, a guest, an
 * archived and an anonymized customer the audience must leave out; half tagged `VIP`. Set-based
 * SQL, BATCH customers a statement, with a progress bar.
 */
async function buildDataset(databaseUrl, customers) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    console.log(`Building the data set: ${customers} recipients`)
    await client.query(`INSERT INTO customer_tag_definition (id, key, label, value_mode)
      VALUES ('ctagdef_bench_vip', 'VIP', 'VIP', 'flag') ON CONFLICT DO NOTHING`)
    for (let from = 1; from <= customers; from += BATCH) {
      const to = Math.min(customers, from + BATCH - 1)
      const range = `generate_series(${from}, ${to}) g`
      await client.query(`INSERT INTO customer (id, email, first_name, last_name, has_account, created_at, updated_at)
        SELECT 'cus_bm' || lpad(g::text, 7, '0'), 'recipient' || g || '@example.com', 'Anna', 'de Jong', true, now(), now() FROM ${range}`)
      await client.query(`INSERT INTO customer_tag (id, customer_id, definition_id, value)
        SELECT 'ctag_bm' || g, 'cus_bm' || lpad(g::text, 7, '0'), 'ctagdef_bench_vip', NULL FROM ${range} WHERE g % 2 = 0`)
      process.stdout.write(`\r  customers ${progressBar(to, customers)}`)
    }
    process.stdout.write("\n")
    const out = Math.max(1, Math.floor(customers / LEFT_OUT_EVERY))
    await client.query(`INSERT INTO customer (id, email, has_account, created_at, updated_at)
      SELECT 'cus_bmout' || k || '_' || g, 'out' || k || '_' || g || '@example.com', k <> 'guest', now(), now()
        FROM generate_series(1, ${out}) g, unnest(ARRAY['guest', 'archived', 'erased']) k`)
    await client.query(`INSERT INTO customer_archive (id, customer_id, archived_at, reason, created_at, updated_at)
      SELECT 'carch_bm' || g, 'cus_bmoutarchived_' || g, now(), 'bench', now(), now() FROM generate_series(1, ${out}) g`)
    await client.query(`INSERT INTO privacy_erasure (id, customer_id, kind, erased_at, created_at, updated_at)
      SELECT 'perase_bm' || g, 'cus_bmouterased_' || g, 'anonymized', now(), now(), now() FROM generate_series(1, ${out}) g`)
    await client.query("VACUUM ANALYZE")
  } finally {
    await client.end()
  }
}

/** Customers the "everyone" audience reaches: online accounts, not archived, not anonymized. */
async function countRecipients(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(`SELECT COUNT(*)::int AS n FROM customer c
      WHERE c.deleted_at IS NULL AND c.has_account
        AND NOT EXISTS (SELECT 1 FROM customer_archive a WHERE a.customer_id = c.id AND a.deleted_at IS NULL)
        AND NOT EXISTS (SELECT 1 FROM privacy_erasure e WHERE e.customer_id = c.id AND e.deleted_at IS NULL)`)
    return rows[0].n
  } finally {
    await client.end()
  }
}

/**
 * Part `messages`: a campaign for everyone distributed to RECIPIENTS (100,000) customers, `ctx.runs`
 * times from scratch (at most 3), each beside a plain INSERT of the same rows. On a copy of the
 * scale data set the recipients it already has (its online accounts) are topped up to RECIPIENTS
 * with the light customers of `buildDataset`; on an empty database all of them are made.
 * @param {{ databaseUrl: string, report: Function, runs: number, log?: Function }} ctx
 */
export async function run(ctx) {
  const runs = Math.max(1, Math.min(ctx.runs, 3))
  const resultPath = path.join(os.tmpdir(), `bench-messages-${process.pid}.json`)
  try {
    const existing = await countRecipients(ctx.databaseUrl)
    if (existing < RECIPIENTS) {
      if (existing) console.log(`The database has ${existing} recipients; adding ${RECIPIENTS - existing}`)
      await buildDataset(ctx.databaseUrl, RECIPIENTS - existing)
    }
    console.log(`Distributing a campaign for everyone, ${runs} runs (each: the distribution workflow, then a plain INSERT of the same rows):`)
    const exec = await medusaExec("./src/scripts/bench-messages.ts", {
      DATABASE_URL: ctx.databaseUrl,
      BENCH_MESSAGES_RESULT: resultPath,
      BENCH_MESSAGES_RUNS: String(runs),
      LOG_LEVEL: "error",
    })
    const result = JSON.parse(fs.readFileSync(resultPath, "utf8"))
    const s = (ms) => `${(ms / 1000).toFixed(2)} s`
    console.log("")
    for (const [i, r] of result.runs.entries()) {
      console.log(`  run ${i + 1}: distribution ${s(r.distribution_ms)} (${r.added} entries), second pass ${s(r.second_pass_ms)} (0 added), plain INSERT ${s(r.plain_ms)} (${r.plain_rows} rows)`)
    }
    const recipients = result.runs[0].added
    console.log("")
    console.log(`Recipients: ${recipients} (of ${Math.max(existing, RECIPIENTS)} online accounts; guests, archived and anonymized customers left out)`)
    console.log(`Distribution to ${recipients} recipients: ${s(result.median.distribution_ms)} (median of ${result.runs.length}; target < 10 s)`)
    console.log(`Plain INSERT of ${recipients} rows:      ${s(result.median.plain_ms)} (median; the physical limit)`)
    console.log(`Ratio: ${(result.median.distribution_ms / result.median.plain_ms).toFixed(1)}x the plain INSERT; a pass with nobody missing: ${s(result.median.second_pass_ms)}`)
    console.log(`The campaign's counts (distributed, read, redeemed, removed, e-mailed) over ${recipients} entries: ${Math.round(result.median.counts_ms)} ms (median; the admin computes them per request)`)
    const complete = recipients === Math.max(existing, RECIPIENTS)
    if (!complete) {
      console.error(`Expected ${Math.max(existing, RECIPIENTS)} recipients, got ${recipients}`)
    }
    ctx.report({
      what: `Campaign to ${recipients} recipients (distribution workflow)`,
      value: result.median.distribution_ms / 1000,
      unit: "s",
      baseline: "plain INSERT of the same rows",
      baseline_value: result.median.plain_ms / 1000,
      target: "< 10 s",
      ok: result.median.distribution_ms < 10_000 && complete,
      runs: result.runs.length,
      peak_mb: exec.peak_mb,
      note: `second pass ${s(result.median.second_pass_ms)}; counts ${Math.round(result.median.counts_ms)} ms${complete ? "" : `; expected ${Math.max(existing, RECIPIENTS)} recipients`}; peak MB: the medusa exec process (VmHWM)`,
    })
    ctx.report({
      what: `Campaign counts over ${recipients} entries (per admin request)`,
      value: result.median.counts_ms,
      unit: "ms",
      runs: result.runs.length,
    })
    return { complete }
  } finally {
    fs.rmSync(resultPath, { force: true })
  }
}

if (isMain(import.meta.url)) {
  const code = await runOnThrowawayDatabase("messages", async (databaseUrl) => {
    const { complete } = await run({ databaseUrl, report: figure, runs: RUNS, log: console.log })
    return complete
  })
  process.exit(code)
}
