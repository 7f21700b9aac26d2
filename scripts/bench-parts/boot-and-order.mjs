// Benchmark part "boot-and-order": what installing the plugin costs an app. Two throwaway host
// Medusa apps that differ only in the plugin (scripts/lib/host-app.mjs: the same medusa-config
// with the repo app's file and notification modules, admin disabled, node_modules linked to the
// repo's; one lists `medusa-crm` under `plugins`, installed from `medusa plugin:build`'s output as
// npm would), both built with `medusa build` and run with `medusa start` from .medusa/server, each
// on an empty database of its own migrated by itself.
//   - boot: spawn of `medusa start` to the first 200 from /health; BOOTS boots each, alternating
//     the two apps, median;
//   - an order: a registered shopper's full checkout over Medusa's JS SDK (cart, item, address,
//     shipping, payment collection and session, complete); two warm-up orders, then the median of
//     ORDERS, one after the other (the plugin's order subscribers run meanwhile, as in a store).
// The 100k copy the orchestrator hands over is not used: the pair runs on empty databases.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import {
  adminHeaders,
  apiClient,
  buildPlugin,
  createCheckoutStore,
  createDatabase,
  databaseNameOf,
  dropDatabase,
  makeHostApp,
  median,
  migrate,
  shopper,
  startApp,
} from "../lib/host-app.mjs"

const BOOTS = Number(process.env.BENCH_BOOTS || 5)
const BOOT_TARGET = 1.25
const ORDER_TARGET = 1.1

export async function run({ databaseUrl, adminDatabaseUrl, report, runs, log }) {
  const orders = Number(process.env.BENCH_ORDERS || runs || 9)
  buildPlugin(log)
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-crm-bench-hosts-"))
  const apps = []
  try {
    for (const withPlugin of [false, true]) {
      const label = withPlugin ? "with the plugin" : "without the plugin"
      const t = Date.now()
      const host = makeHostApp({ withPlugin, parent })
      const name = `${databaseNameOf(databaseUrl)}_${withPlugin ? "plugin" : "bare"}`
      const url = await createDatabase(adminDatabaseUrl, name)
      apps.push({ label, withPlugin, host, name, url, boots: [], checkouts: [], placements: [] })
      migrate(url, host.dir)
      log(`host app ${label}: built and migrated in ${((Date.now() - t) / 1000).toFixed(0)} s (${host.dir})`)
    }
    const start = (app) =>
      startApp({
        databaseUrl: app.url,
        cwd: app.host.serverDir,
        bin: app.host.bin,
        command: ["start"],
        env: { NODE_ENV: "production" },
        logFile: path.join(parent, `${app.withPlugin ? "plugin" : "bare"}.log`),
      })

    // A first boot of each makes Medusa's defaults (store, channel) and the checkout store.
    for (const app of apps) {
      const running = await start(app)
      try {
        const api = apiClient(running.baseUrl, await adminHeaders(app.url))
        app.store = await createCheckoutStore(api, "Boot")
      } finally {
        await running.stop()
      }
    }
    for (let i = 0; i < BOOTS; i++) {
      for (const app of i % 2 ? [...apps].reverse() : apps) {
        const running = await start(app)
        app.boots.push(running.bootMs)
        await running.stop()
      }
    }
    for (const app of apps) {
      const running = await start(app)
      try {
        const s = shopper(running.baseUrl, app.store)
        await s.register(`boot-${Date.now()}@bench.test`)
        await s.checkout()
        await s.checkout()
        for (let i = 0; i < orders; i++) {
          const { checkoutMs, placementMs } = await s.checkout()
          app.checkouts.push(checkoutMs)
          app.placements.push(placementMs)
        }
        app.peakMb = running.peakMb()
      } finally {
        await running.stop()
      }
    }
  } finally {
    for (const app of apps) await dropDatabase(adminDatabaseUrl, app.name)
    if (process.env.BENCH_KEEP_HOSTS !== "1") fs.rmSync(parent, { recursive: true, force: true })
    else log(`kept the host apps in ${parent}`)
  }

  const [bare, plugin] = apps
  const ms = (v) => Math.round(v)
  const bootRatio = median(plugin.boots) / median(bare.boots)
  log(`boots without: ${bare.boots.map(ms).join(", ")} ms; with: ${plugin.boots.map(ms).join(", ")} ms`)
  report({
    what: "app boot (medusa start to /health 200), with the plugin",
    value: ms(median(plugin.boots)),
    unit: "ms",
    baseline: "the same host app without the plugin",
    baseline_value: ms(median(bare.boots)),
    target: `< ${BOOT_TARGET}x`,
    ok: bootRatio < BOOT_TARGET,
    runs: BOOTS,
    peak_mb: plugin.peakMb,
    note: `${bootRatio.toFixed(2)}x; peak memory without the plugin ${bare.peakMb} MB; empty databases, admin disabled`,
  })
  const orderRatio = median(plugin.checkouts) / median(bare.checkouts)
  const completeRatio = median(plugin.placements) / median(bare.placements)
  report({
    what: "placing an order (full storefront checkout), with the plugin",
    value: ms(median(plugin.checkouts)),
    unit: "ms",
    baseline: "the same host app without the plugin",
    baseline_value: ms(median(bare.checkouts)),
    target: `< ${ORDER_TARGET}x`,
    ok: orderRatio < ORDER_TARGET,
    runs: orders,
    peak_mb: plugin.peakMb,
    note: `${orderRatio.toFixed(2)}x; the complete call alone ${ms(median(plugin.placements))} vs ${ms(median(bare.placements))} ms (${completeRatio.toFixed(2)}x)`,
  })
}
