// What the app benchmarks (scripts/bench-parts/*.mjs) share: databases on the benchmark's Postgres
// server, a Medusa app started in its own process group and timed until /health answers, its
// peak memory, an admin token, a store a storefront can check out in (set up through Medusa's
// own admin API, so it works on any Medusa app, with or without the plugin), shoppers over
// Medusa's JS SDK, and a throwaway host Medusa app (with or without the plugin) in a temp dir.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import Medusa from "@medusajs/js-sdk"
import jwt from "jsonwebtoken"
import { ROOT, withClient } from "./demo-db.mjs"
import { freePort } from "./embedded-pg.mjs"

export { ROOT, freePort }

/** The JWT secret of the repo's app and of the host apps below in development (the demo secret). */
export const DEV_JWT_SECRET = "supersecret"

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** The nearest-rank percentile `p` (0-100) of `values`. */
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]
}

// ---------------------------------------------------------------------------------------------
// Databases
// ---------------------------------------------------------------------------------------------

/** Runs `fn` with a connected client of `url` (demo-db's `withClient`). */
export const withDb = withClient

/** The URL of database `name` on the server of `url`. */
export function databaseUrlOf(url, name) {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

export const databaseNameOf = (url) => decodeURIComponent(new URL(url).pathname.replace(/^\//, ""))

const ident = (name) => `"${name.replace(/"/g, '""')}"`

/**
 * Creates database `name` (dropping one left over by an earlier run), empty or as a copy of
 * `template`. A template with another session open refuses to be copied: retried for a minute.
 */
export async function createDatabase(adminUrl, name, template) {
  await dropDatabase(adminUrl, name)
  await withDb(adminUrl, async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`)
        return
      } catch (e) {
        if (!/being accessed by other users/.test(e.message) || attempt >= 30) throw e
        await sleep(2_000)
      }
    }
  })
  return databaseUrlOf(adminUrl, name)
}

export async function dropDatabase(adminUrl, name) {
  await withDb(adminUrl, async (c) => {
    await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name])
    await c.query(`DROP DATABASE IF EXISTS ${ident(name)}`)
  })
}

const medusaBin = (cwd) => path.join(cwd, "node_modules", ".bin", "medusa")

export const childEnv = (extra = {}) => ({ ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", ...extra })

/** Runs the medusa CLI of the app in `cwd` to completion; throws with its output's tail. */
export function medusaRun(args, { cwd = ROOT, env = {} } = {}) {
  const result = spawnSync(medusaBin(cwd), args, { cwd, env: childEnv(env), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0) {
    const tail = `${result.stdout ?? ""}\n${result.stderr ?? ""}`.trim().split("\n").slice(-20).join("\n")
    throw new Error(`medusa ${args[0]} in ${cwd} failed (${result.status}):\n${tail}`)
  }
  return result
}

/** Migrates the database with the app in `cwd` (its modules, links and migration scripts). */
export const migrate = (databaseUrl, cwd = ROOT) => medusaRun(["db:migrate"], { cwd, env: { DATABASE_URL: databaseUrl } })

// ---------------------------------------------------------------------------------------------
// Running an app
// ---------------------------------------------------------------------------------------------

/**
 * The largest resident set any process of the app's process group reached (VmHWM, in MB):
 * `medusa develop` serves from a child process, `medusa start` from itself.
 */
export function peakMemoryMb(groupId) {
  let peakKb = 0
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      if (Number(fields[2]) !== groupId) continue
      const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]))
    } catch {
      // gone meanwhile
    }
  }
  return Math.round(peakKb / 1024)
}

/**
 * Starts `medusa <command>` in `cwd` in its own process group and waits for GET /health to answer
 * 200. `bootMs`: from the spawn to that answer. Output goes to `logFile` (or nowhere).
 */
export async function startApp({ databaseUrl, cwd = ROOT, bin = medusaBin(cwd), command = ["develop"], env = {}, logFile = process.env.BENCH_APP_LOG, timeoutMs = 300_000 }) {
  const port = await freePort()
  const baseUrl = `http://localhost:${port}`
  const out = logFile ? fs.openSync(logFile, "a") : "ignore"
  const started = performance.now()
  const child = spawn(bin, command, {
    cwd,
    detached: true,
    stdio: ["ignore", out, out],
    env: childEnv({ DATABASE_URL: databaseUrl, PORT: String(port), MEDUSA_ADMIN_DISABLED: "true", ...env }),
  })
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })))
  let gone = null
  exited.then((r) => (gone = r))
  const stop = async () => {
    if (!gone) {
      try {
        process.kill(-child.pid, "SIGTERM")
      } catch {
        // already gone
      }
      await Promise.race([exited, sleep(10_000)])
    }
    try {
      process.kill(-child.pid, "SIGKILL") // whatever the group left behind
    } catch {
      // group is empty
    }
    if (typeof out === "number") fs.closeSync(out)
  }
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (gone) {
      await stop()
      throw new Error(`medusa ${command.join(" ")} in ${cwd} exited (${gone.code ?? gone.signal}) before /health answered${logFile ? `; see ${logFile}` : ""}`)
    }
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) })
      if (res.status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${baseUrl}/health did not answer within ${timeoutMs / 1000} s`)
    }
    await sleep(25)
  }
  const bootMs = performance.now() - started
  return { baseUrl, child, bootMs, stop, peakMb: () => peakMemoryMb(child.pid) }
}

// ---------------------------------------------------------------------------------------------
// Admin
// ---------------------------------------------------------------------------------------------

/**
 * An admin user written straight into the database and a token signed with the app's JWT secret:
 * what `POST /auth/user/emailpass` would hand out, without a CLI boot per database.
 */
export async function adminHeaders(databaseUrl, secret = DEV_JWT_SECRET) {
  const userId = "user_benchapp"
  await withDb(databaseUrl, (c) =>
    c.query(
      `INSERT INTO "user" (id, email, first_name, last_name, created_at, updated_at)
       VALUES ($1, 'bench-admin@medusa-crm.test', 'Bench', 'Admin', now(), now()) ON CONFLICT (id) DO NOTHING`,
      [userId]
    )
  )
  const token = jwt.sign(
    { actor_id: userId, actor_type: "user", auth_identity_id: "authid_benchapp", app_metadata: { user_id: userId } },
    secret,
    { expiresIn: "1d" }
  )
  return { authorization: `Bearer ${token}` }
}

/** A JSON client for one app: `api.get/post(path, body)`; throws with the answer on an error status. */
export function apiClient(baseUrl, headers = {}) {
  const call = async (method, urlPath, body) => {
    const res = await fetch(`${baseUrl}${urlPath}`, {
      method,
      headers: { accept: "application/json", ...(body !== undefined && { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let json
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    if (!res.ok) throw new Error(`${method} ${urlPath}: ${res.status} ${text.slice(0, 400)}`)
    return json
  }
  return {
    get: (p) => call("GET", p),
    post: (p, body = {}) => call("POST", p, body),
    /** A GET timed from the request to the parsed answer. */
    async timed(p) {
      const t = performance.now()
      const json = await call("GET", p)
      return { ms: performance.now() - t, json }
    },
  }
}

// ---------------------------------------------------------------------------------------------
// A store to check out in
// ---------------------------------------------------------------------------------------------

export const VARIANT_PRICE = 19.95
export const SHIPPING_PRICE = 4.95
const ADDRESS = {
  first_name: "Bench",
  last_name: "Shopper",
  address_1: "Damrak 1",
  city: "Amsterdam",
  postal_code: "1012 LG",
  country_code: "nl",
}

/** Turns the plugin's loyalty program on for everyone in EUR: 1 point a euro, 100 points pay 1 euro, no waiting. */
export async function enableLoyalty(api) {
  await api.post("/admin/crm/loyalty", {
    enabled: true,
    enrollment: "all",
    pending_days: 0,
    rates: [{ currency_code: "eur", earn_points_per_unit: 1, redeem_points: 100, redeem_value: 1 }],
  })
}

/**
 * A store a storefront can check out in, made through the admin API: a region "Bench Europe"
 * (EUR, nl, Medusa's system payment provider), a sales channel with a publishable key, a
 * warehouse shipping to nl with a flat 4.95 option, one product at 19.95 without inventory.
 */
export async function createCheckoutStore(api, label = "Bench") {
  const { regions } = await api.get(`/admin/regions?limit=100&fields=id,countries.iso_2`)
  let region = regions.find((r) => r.countries?.some((c) => c.iso_2 === "nl"))
  if (!region) {
    region = (
      await api.post("/admin/regions", {
        name: `${label} Europe`,
        currency_code: "eur",
        countries: ["nl"],
        payment_providers: ["pp_system_default"],
        is_tax_inclusive: true,
      })
    ).region
  }
  const { sales_channel: channel } = await api.post("/admin/sales-channels", { name: `${label} storefront` })
  const { api_key: key } = await api.post("/admin/api-keys", { title: `${label} storefront`, type: "publishable" })
  await api.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [channel.id] })
  const { shipping_profile: profile } = await api.post("/admin/shipping-profiles", { name: `${label} profile ${Date.now()}`, type: "default" })
  const { stock_location: location } = await api.post("/admin/stock-locations", {
    name: `${label} warehouse`,
    address: { address_1: "Museumplein 1", city: "Amsterdam", country_code: "NL" },
  })
  await api.post(`/admin/stock-locations/${location.id}/fulfillment-providers`, { add: ["manual_manual"] })
  await api.post(`/admin/stock-locations/${location.id}/sales-channels`, { add: [channel.id] })
  const { stock_location: withSet } = await api.post(
    `/admin/stock-locations/${location.id}/fulfillment-sets?fields=id,*fulfillment_sets`,
    { name: `${label} shipping ${Date.now()}`, type: "shipping" }
  )
  const setId = withSet.fulfillment_sets[0].id
  const { fulfillment_set: set } = await api.post(`/admin/fulfillment-sets/${setId}/service-zones`, {
    name: `${label} nl`,
    geo_zones: [{ type: "country", country_code: "nl" }],
  })
  const { shipping_option: option } = await api.post("/admin/shipping-options", {
    name: `${label} standard`,
    price_type: "flat",
    provider_id: "manual_manual",
    service_zone_id: set.service_zones[0].id,
    shipping_profile_id: profile.id,
    type: { label: "Standard", description: "Delivered in 2-5 days.", code: "standard" },
    prices: [
      { currency_code: "eur", amount: SHIPPING_PRICE },
      { region_id: region.id, amount: SHIPPING_PRICE },
    ],
    rules: [
      { attribute: "enabled_in_store", value: "true", operator: "eq" },
      { attribute: "is_return", value: "false", operator: "eq" },
    ],
  })
  const { product } = await api.post("/admin/products", {
    title: `${label} tote bag`,
    status: "published",
    shipping_profile_id: profile.id,
    options: [{ title: "Colour", values: ["Black"] }],
    variants: [
      {
        title: "Black",
        options: { Colour: "Black" },
        manage_inventory: false,
        prices: [{ amount: VARIANT_PRICE, currency_code: "eur" }],
      },
    ],
    sales_channels: [{ id: channel.id }],
  })
  return {
    publishableKey: key.token,
    salesChannelId: channel.id,
    regionId: region.id,
    shippingOptionId: option.id,
    variantId: product.variants[0].id,
  }
}

/**
 * One shopper over Medusa's JS SDK (publishable key on every request, the customer's token kept
 * in memory after `register`), with the calls a storefront makes at checkout.
 */
export function shopper(baseUrl, store) {
  const sdk = new Medusa({
    baseUrl,
    publishableKey: store.publishableKey,
    auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
  })
  const password = "bench-secret"
  let email
  return {
    sdk,
    async register(address) {
      await sdk.auth.register("customer", "emailpass", { email: address, password })
      const { customer } = await sdk.store.customer.create({ email: address, first_name: "Bench", last_name: "Shopper" })
      await sdk.auth.login("customer", "emailpass", { email: address, password })
      email = address
      return customer
    },
    /**
     * The whole checkout of one unit: cart, item, address, shipping, payment collection and
     * session with the system provider, completion. Returns the order, the checkout's duration
     * and that of the completion call alone (the order's own placement), in ms.
     */
    async checkout() {
      const started = performance.now()
      const { cart } = await sdk.store.cart.create({ region_id: store.regionId })
      await sdk.store.cart.createLineItem(cart.id, { variant_id: store.variantId, quantity: 1 })
      await sdk.store.cart.update(cart.id, { ...(email && { email }), shipping_address: ADDRESS, billing_address: ADDRESS })
      await sdk.store.cart.addShippingMethod(cart.id, { option_id: store.shippingOptionId })
      const { cart: withCollection } = await sdk.store.cart.retrieve(cart.id, { fields: "id,*payment_collection" })
      await sdk.store.payment.initiatePaymentSession(withCollection, { provider_id: "pp_system_default" })
      const completing = performance.now()
      const result = await sdk.store.cart.complete(cart.id)
      const done = performance.now()
      if (result.type !== "order") throw new Error(`cart ${cart.id} did not complete: ${JSON.stringify(result.error)}`)
      return { order: result.order, checkoutMs: done - started, placementMs: done - completing, completedAt: Date.now() }
    },
    /** Any store route with the shopper's headers; never throws on an error status. */
    async settle(urlPath, { method = "GET", body } = {}) {
      const token = await sdk.client.getToken()
      const res = await fetch(`${baseUrl}${urlPath}`, {
        method,
        headers: {
          "content-type": "application/json",
          "x-publishable-api-key": store.publishableKey,
          ...(token && { authorization: `Bearer ${token}` }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      })
      return { status: res.status, body: await res.json().catch(() => ({})) }
    },
  }
}

// ---------------------------------------------------------------------------------------------
// A host app, with or without the plugin
// ---------------------------------------------------------------------------------------------

/** The modules the repo's own app configures besides the plugin's: the host apps get the same. */
const hostMedusaConfig = (withPlugin) => `import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// A throwaway host app of medusa-crm's app benchmark, ${withPlugin ? "with" : "without"} the plugin.
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseLogging: false,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "${DEV_JWT_SECRET}",
      cookieSecret: process.env.COOKIE_SECRET || "${DEV_JWT_SECRET}",
    },
  },
  admin: { disable: true },
  modules: [
    {
      resolve: "@medusajs/medusa/file",
      options: { providers: [{ resolve: "@medusajs/medusa/file-local", id: "local", options: {} }] },
    },
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [{ resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["email"] } }],
      },
    },
  ],
  plugins: [${withPlugin ? `{ resolve: "medusa-crm", options: {} }` : ""}],
})
`

/**
 * Builds the plugin once (`medusa plugin:build`, as a release does) into the repo's .medusa/server.
 * Skipped when BENCH_SKIP_PLUGIN_BUILD=1 and a build is there.
 */
export function buildPlugin(log = () => {}) {
  if (process.env.BENCH_SKIP_PLUGIN_BUILD === "1" && fs.existsSync(path.join(ROOT, ".medusa", "server", "src"))) {
    log("plugin build: reusing .medusa/server (BENCH_SKIP_PLUGIN_BUILD=1)")
    return
  }
  const t = Date.now()
  medusaRun(["plugin:build"], { cwd: ROOT })
  log(`plugin build: ${((Date.now() - t) / 1000).toFixed(0)} s`)
}

/**
 * A host Medusa app in a temp dir: package.json, tsconfig, medusa-config with the repo app's core
 * modules, and node_modules made of symlinks to the repo's packages (nothing downloaded). With the
 * plugin, `node_modules/medusa-crm` is a real folder holding what the package ships (package.json,
 * .medusa/server, schemas), as `npm install` of the tarball would leave it, so the plugin's own
 * imports resolve through the host's node_modules. Then `medusa build` (server only, admin off).
 * @returns {{ dir: string, serverDir: string, bin: string, remove: () => void }}
 */
export function makeHostApp({ withPlugin, parent = os.tmpdir() }) {
  const dir = fs.mkdtempSync(path.join(parent, `medusa-crm-host-${withPlugin ? "plugin" : "bare"}-`))
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))
  const deps = { ...pkg.peerDependencies, ...pkg.devDependencies }
  const pick = (names) => Object.fromEntries(names.filter((n) => deps[n]).map((n) => [n, deps[n]]))
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify(
      {
        name: `bench-host-${withPlugin ? "plugin" : "bare"}`,
        version: "0.0.0",
        private: true,
        dependencies: {
          ...(withPlugin && { [pkg.name]: pkg.version }),
          ...pick(["@medusajs/medusa", "@medusajs/framework", "@medusajs/cli", "@medusajs/js-sdk"]),
        },
      },
      null,
      2
    )
  )
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2021",
          module: "Node16",
          moduleResolution: "Node16",
          esModuleInterop: true,
          emitDecoratorMetadata: true,
          experimentalDecorators: true,
          skipLibCheck: true,
          declaration: false,
          outDir: "./.medusa/server",
          rootDir: "./",
          resolveJsonModule: true,
        },
        "ts-node": { swc: true },
        include: ["**/*"],
        exclude: ["node_modules", ".medusa"],
      },
      null,
      2
    )
  )
  fs.writeFileSync(path.join(dir, "medusa-config.ts"), hostMedusaConfig(withPlugin))
  fs.mkdirSync(path.join(dir, "src"))
  fs.writeFileSync(path.join(dir, "src", "README.md"), "Empty on purpose.\n")

  // node_modules: one symlink per package of the repo's node_modules (scopes entry by entry).
  const repoModules = fs.realpathSync(path.join(ROOT, "node_modules"))
  const modules = path.join(dir, "node_modules")
  fs.mkdirSync(modules)
  for (const entry of fs.readdirSync(repoModules)) {
    if (entry === pkg.name) continue
    const from = path.join(repoModules, entry)
    if (entry.startsWith("@") || entry === ".bin") {
      fs.mkdirSync(path.join(modules, entry))
      for (const sub of fs.readdirSync(from)) {
        fs.symlinkSync(path.join(from, sub), path.join(modules, entry, sub))
      }
    } else if (!entry.startsWith(".")) {
      fs.symlinkSync(from, path.join(modules, entry))
    }
  }
  if (withPlugin) {
    const target = path.join(modules, pkg.name)
    fs.mkdirSync(target)
    fs.copyFileSync(path.join(ROOT, "package.json"), path.join(target, "package.json"))
    fs.cpSync(path.join(ROOT, ".medusa", "server"), path.join(target, ".medusa", "server"), {
      recursive: true,
      filter: (src) => !src.endsWith("medusa-config.js"),
    })
    if (fs.existsSync(path.join(ROOT, "schemas"))) fs.cpSync(path.join(ROOT, "schemas"), path.join(target, "schemas"), { recursive: true })
  }
  medusaRun(["build"], { cwd: dir, env: { NODE_ENV: "production" } })
  const serverDir = path.join(dir, ".medusa", "server")
  return {
    dir,
    serverDir,
    bin: medusaBin(dir),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  }
}
