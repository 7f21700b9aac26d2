#!/usr/bin/env node
// `npm run verify:install`: proves that a developer can install medusa-crm into their own Medusa app.
//
//  1. builds the plugin (`medusa plugin:build`) and packs it (`npm pack`), as a release would;
//  2. writes a throwaway host Medusa app in a temp dir that depends on the tarball and lists the
//     plugin under `plugins`, and installs it with `npm install`;
//  3. migrates a throwaway embedded Postgres with the host's `medusa db:migrate` and checks the
//     plugin's tables exist;
//  4. builds the host (admin included) and boots it, or runs `medusa develop` (VERIFY_MODE=develop);
//  5. calls the plugin's admin routes over HTTP and checks the admin bundle picked up the plugin.
//
// Environment:
//   KEEP_TMP=1              keep the temp dir (host app, tarball, logs) for a look afterwards
//   VERIFY_MODE=start       `medusa build` + `medusa start` from .medusa/server (default)
//   VERIFY_MODE=develop     `medusa develop` instead (quicker, but the admin is not bundled)
//   VERIFY_ADMIN=0          host with `admin.disable: true` (skips the admin build and checks)
//   VERIFY_SKIP_BUILD=1     pack the existing .medusa/server without running plugin:build first
//   VERIFY_VERBOSE=1        stream every child process's output
//
// Children get MEDUSA_DISABLE_TELEMETRY=true. Every child runs in its own process group, which is
// ended on exit, on failure and on SIGINT/SIGTERM, together with the embedded Postgres.
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { freePort, startEmbeddedPostgres } from "./lib/embedded-pg.mjs"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const require = createRequire(path.join(ROOT, "package.json"))
const { Client } = require("pg")

const KEEP_TMP = process.env.KEEP_TMP === "1"
const MODE = (process.env.VERIFY_MODE || "start").toLowerCase()
const ADMIN = process.env.VERIFY_ADMIN !== "0"
const SKIP_BUILD = process.env.VERIFY_SKIP_BUILD === "1"
const VERBOSE = process.env.VERIFY_VERBOSE === "1"
const HEALTH_TIMEOUT_MS = 180_000
const ADMIN_EMAIL = "verify@example.com"
const CUSTOMER_EMAIL = "verify-customer@example.com"
const DB_NAME = "medusa_crm_verify"

if (!["start", "develop"].includes(MODE)) {
  console.error(`VERIFY_MODE must be "start" or "develop", not "${MODE}"`)
  process.exit(2)
}

// Host dependencies: these exact names, with the versions the plugin itself develops against.
const HOST_DEPENDENCIES = [
  "@medusajs/medusa",
  "@medusajs/framework",
  "@medusajs/cli",
  "@medusajs/admin-sdk",
  "@medusajs/icons",
  "@medusajs/js-sdk",
  "@medusajs/ui",
  "react",
  "react-dom",
]
const HOST_DEV_DEPENDENCIES = [
  "@medusajs/test-utils",
  "@swc/core",
  "@types/node",
  "@types/react",
  "@types/react-dom",
  "ts-node",
  "typescript",
  "vite",
]

// Secrets of this run only; never printed.
const secrets = {
  adminPassword: `Vi-${crypto.randomBytes(18).toString("base64url")}`,
  jwtSecret: crypto.randomBytes(32).toString("hex"),
  cookieSecret: crypto.randomBytes(32).toString("hex"),
}
const redact = (text) =>
  Object.values(secrets).reduce((out, secret) => out.split(secret).join("***"), String(text))

// ---------------------------------------------------------------------------------------------
// Bookkeeping: steps, timings, warnings, cleanup
// ---------------------------------------------------------------------------------------------

const runStart = Date.now()
const results = [] // { name, ms, ok, note }
const warnings = []
const children = new Set() // live ChildProcess objects, each the leader of its own process group
let tmpDir
let pgServer

const fmt = (ms) => (ms >= 60_000 ? `${Math.floor(ms / 60_000)}m${((ms % 60_000) / 1000).toFixed(0).padStart(2, "0")}s` : `${(ms / 1000).toFixed(1)}s`)
const log = (msg = "") => console.log(`[verify-install] ${redact(msg)}`)
const warn = (msg) => {
  warnings.push(msg)
  log(`  WARN ${msg}`)
}

class StepError extends Error {}

async function step(name, fn) {
  log(`→ ${name}`)
  const started = Date.now()
  try {
    const note = await fn()
    const ms = Date.now() - started
    results.push({ name, ms, ok: true, note })
    log(`  ok ${fmt(ms)}${note ? ` (${note})` : ""}`)
    return note
  } catch (error) {
    const ms = Date.now() - started
    results.push({ name, ms, ok: false, note: error?.message })
    if (interrupted) log(`  interrupted after ${fmt(ms)}`)
    else log(`  FAILED after ${fmt(ms)}: ${error?.message ?? error}`)
    throw new StepError(`${name}: ${error?.message ?? error}`)
  }
}

function killGroup(child, signal) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

async function stopChild(child, graceMs = 10_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    children.delete(child)
    return
  }
  const exited = new Promise((resolve) => child.once("exit", resolve))
  killGroup(child, "SIGTERM")
  const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)])
  if (timedOut) {
    killGroup(child, "SIGKILL")
    await Promise.race([exited, sleep(2_000)])
  }
  // Anything the group left behind (esbuild, workers) goes too.
  try {
    process.kill(-child.pid, "SIGKILL")
  } catch {
    // group is empty
  }
  children.delete(child)
}

/** `rm -rf` (several times faster than fs.rmSync on ~700 MB of node_modules), fs.rm elsewhere. */
async function removeDir(dir) {
  if (process.platform !== "win32") {
    const code = await new Promise((resolve) => {
      const rm = spawn("rm", ["-rf", dir], { stdio: "ignore" })
      rm.on("error", () => resolve(1))
      rm.on("exit", (status) => resolve(status))
    })
    if (code === 0) return
  }
  await fs.promises.rm(dir, { recursive: true, force: true }).catch((error) => log(`could not remove ${dir}: ${error.message}`))
}

let interrupted = false
let cleanupPromise
function cleanup() {
  cleanupPromise ??= (async () => {
    for (const child of [...children]) {
      await stopChild(child, 5_000)
    }
    if (pgServer) {
      await pgServer.stop().catch(() => undefined)
      pgServer = undefined
    }
    if (tmpDir) {
      if (KEEP_TMP) {
        log(`KEEP_TMP=1: kept ${tmpDir}`)
      } else {
        log(`removing ${tmpDir} (KEEP_TMP=1 keeps it)...`)
        await removeDir(tmpDir)
      }
    }
  })()
  return cleanupPromise
}

for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
]) {
  process.on(signal, () => {
    interrupted = true
    log(`${signal}: cleaning up...`)
    // A second signal while cleaning up ends at once.
    process.once(signal, () => process.exit(code))
    cleanup().finally(() => process.exit(code))
  })
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

// ---------------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------------

/** The environment for children: no npm-run leftovers pointing at /work/main, no stray DB_* vars. */
function childEnv(extra = {}) {
  const env = {}
  const keepNpm = /^npm_config_(cache|userconfig|globalconfig|registry|cafile|proxy|https_proxy|http_proxy|noproxy|strict_ssl|.*:registry)$/i
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !keepNpm.test(key)) continue
    if (/^(INIT_CWD|DATABASE_URL|DB_HOST|DB_PORT|DB_USERNAME|DB_PASSWORD|DB_NAME|DB_TEMP_NAME|PORT|NODE_ENV)$/.test(key)) continue
    env[key] = value
  }
  return { ...env, MEDUSA_DISABLE_TELEMETRY: "true", ...extra }
}

/**
 * Spawns `cmd args` in its own process group, output to `logs/<logName>.log`.
 * `label` is what gets printed instead of the command line (which may carry a password).
 */
function spawnLogged(cmd, args, { cwd, env, logName }) {
  const logFile = path.join(tmpDir, "logs", `${logName}.log`)
  const out = fs.createWriteStream(logFile, { flags: "a" })
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
  children.add(child)
  const tail = []
  const stdout = []
  child.stdout.on("data", (chunk) => stdout.push(chunk))
  const onData = (chunk) => {
    const text = redact(chunk.toString())
    out.write(text)
    if (VERBOSE) process.stdout.write(text.replace(/^/gm, `    [${logName}] `))
    for (const line of text.split("\n")) {
      if (!line.trim() || /Unknown user config "nodedir"/.test(line)) continue
      tail.push(line)
      if (tail.length > 60) tail.shift()
    }
  }
  child.stdout.on("data", onData)
  child.stderr.on("data", onData)
  const exited = new Promise((resolve) => {
    child.on("error", (error) => {
      tail.push(`spawn error: ${error.message}`)
      resolve({ code: 127, signal: null })
    })
    child.on("exit", (code, signal) => {
      children.delete(child)
      resolve({ code, signal })
    })
  }).then((result) => new Promise((resolve) => out.end(() => resolve(result))))
  return { child, exited, tail, logFile, stdout: () => Buffer.concat(stdout).toString("utf8") }
}

function tailText(tail, lines = 40) {
  return tail
    .slice(-lines)
    .map((line) => `      | ${line.replace(/\x1b\[[0-9;]*m/g, "")}`)
    .join("\n")
}

/** Runs a command to completion; throws (with the output's tail) on a non-zero exit or a timeout. */
async function run(cmd, args, { cwd, env = childEnv(), logName, timeoutMs = 600_000 }) {
  const proc = spawnLogged(cmd, args, { cwd, env, logName })
  let timer
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs)
  })
  const result = await Promise.race([proc.exited, timeout])
  clearTimeout(timer)
  if (result === "timeout") {
    await stopChild(proc.child, 5_000)
    throw new Error(`${logName} timed out after ${fmt(timeoutMs)}\n${tailText(proc.tail)}`)
  }
  if (result.code !== 0) {
    throw new Error(
      `${logName} exited with ${result.code ?? result.signal}\n${tailText(proc.tail)}`
    )
  }
  return proc
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"))
const hostBin = (hostDir, name) => path.join(hostDir, "node_modules", ".bin", name)

async function http(base, method, urlPath, { token, body } = {}) {
  const headers = { accept: "application/json" }
  if (body !== undefined) headers["content-type"] = "application/json"
  if (token) headers.authorization = `Bearer ${token}`
  const response = await fetch(`${base}${urlPath}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  })
  const text = await response.text()
  let json
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: response.status, json, text, headers: response.headers }
}

function expectStatus(res, expected, what) {
  if (res.status !== expected) {
    const detail = res.json?.message ?? res.text?.slice(0, 300)
    throw new Error(`${what}: expected HTTP ${expected}, got ${res.status}${detail ? ` (${redact(detail)})` : ""}`)
  }
}

async function withDb(url, fn) {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

function listFiles(dir, filter = () => true, out = []) {
  if (!fs.existsSync(dir)) return out
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) listFiles(full, filter, out)
    else if (filter(full)) out.push(full)
  }
  return out
}

/** `<pkg>/node_modules/<name>/package.json` one level below the top (where npm nests conflicts). */
function nestedCopies(nodeModules, name) {
  const packages = []
  for (const entry of fs.readdirSync(nodeModules)) {
    if (entry.startsWith(".")) continue
    if (entry.startsWith("@")) {
      for (const sub of fs.readdirSync(path.join(nodeModules, entry))) packages.push(path.join(nodeModules, entry, sub))
    } else {
      packages.push(path.join(nodeModules, entry))
    }
  }
  return packages
    .map((dir) => path.join(dir, "node_modules", name, "package.json"))
    .filter((file) => fs.existsSync(file))
}

/** Checks every non-wildcard target of the package's `exports` exists among the packed files. */
function checkExports(pkg, packedFiles) {
  const missing = []
  const targets = []
  const collect = (value) => {
    if (typeof value === "string") targets.push(value)
    else if (value && typeof value === "object") Object.values(value).forEach(collect)
  }
  collect(pkg.exports ?? {})
  for (const target of targets) {
    const rel = target.replace(/^\.\//, "")
    // A wildcard may match nothing yet (the starter's "./providers/*" with no providers).
    if (!rel.includes("*") && !packedFiles.includes(rel)) {
      missing.push(target)
    }
  }
  return missing
}

// ---------------------------------------------------------------------------------------------
// Host app files
// ---------------------------------------------------------------------------------------------

function hostPackageJson(pluginPkg, tarball) {
  const versions = { ...pluginPkg.peerDependencies, ...pluginPkg.devDependencies }
  const pick = (names) =>
    Object.fromEntries(
      names.map((name) => {
        if (!versions[name]) throw new Error(`package.json has no version for ${name} to mirror`)
        return [name, versions[name]]
      })
    )
  return {
    name: "medusa-crm-verify-host",
    version: "0.0.0",
    private: true,
    description: "Throwaway Medusa app written by medusa-crm's scripts/verify-install.mjs",
    license: "UNLICENSED",
    scripts: {
      build: "medusa build",
      dev: "medusa develop",
      start: "medusa start",
    },
    dependencies: {
      [pluginPkg.name]: `file:${tarball}`,
      ...pick(HOST_DEPENDENCIES),
    },
    devDependencies: pick(HOST_DEV_DEPENDENCIES),
    engines: { node: ">=20" },
    ...(pluginPkg.allowScripts ? { allowScripts: pluginPkg.allowScripts } : {}),
  }
}

const HOST_TSCONFIG = {
  compilerOptions: {
    target: "ES2021",
    esModuleInterop: true,
    module: "Node16",
    moduleResolution: "Node16",
    emitDecoratorMetadata: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    skipDefaultLibCheck: true,
    declaration: false,
    sourceMap: false,
    inlineSourceMap: true,
    outDir: "./.medusa/server",
    rootDir: "./",
    jsx: "react-jsx",
    forceConsistentCasingInFileNames: true,
    resolveJsonModule: true,
    checkJs: false,
    strictNullChecks: true,
  },
  "ts-node": { swc: true },
  include: ["**/*", ".medusa/types/*"],
  exclude: ["node_modules", ".medusa/server", ".medusa/admin", ".cache", "storefront"],
}

// A storefront's TypeScript that uses the plugin's HTTP contract and client, compiled in the host
// with the exports a storefront resolves (`medusa-crm/types`, `medusa-crm/client`).
const storefrontSource = (pluginName) => `import Medusa from "@medusajs/js-sdk"
import { createCrmClient, type CrmClient } from "${pluginName}/client"
import { LoyaltyErrorCodes, type MembershipCard, type StoreCustomerLoyaltyResponse } from "${pluginName}/types"

const sdk = new Medusa({ baseUrl: "http://localhost:9000", publishableKey: "pk_storefront" })
const crm: CrmClient = createCrmClient(sdk)

export async function availablePoints(): Promise<number | undefined> {
  const answer: StoreCustomerLoyaltyResponse = await crm.store.loyalty.retrieve({ limit: 5 })
  return answer.loyalty.balance?.available
}

export const cardLabel = (card: MembershipCard): string => \`\${card.plan_name} \${card.number}\`

export const refusal: string = LoyaltyErrorCodes.INSUFFICIENT_POINTS

// The types are real, not \`any\`: a count is a number.
// @ts-expect-error
export const wrong: StoreCustomerLoyaltyResponse["count"] = "many"
`

const STOREFRONT_TSCONFIG = {
  compilerOptions: {
    target: "ES2021",
    module: "Node16",
    moduleResolution: "Node16",
    esModuleInterop: true,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  files: ["storefront/index.ts"],
}

const hostMedusaConfig = (pluginName) => `import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// A developer's app with ${pluginName} installed from npm: nothing but the plugin entry.
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseLogging: false,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:5173,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
  },
  plugins: [
    {
      resolve: "${pluginName}",
      options: {},
    },
  ],
})
`

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  const pluginPkg = readJson(path.join(ROOT, "package.json"))
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-crm-verify-"))
  const packDir = path.join(tmpDir, "pack")
  const hostDir = path.join(tmpDir, "host")
  fs.mkdirSync(path.join(tmpDir, "logs"), { recursive: true })
  fs.mkdirSync(packDir)
  log(`${pluginPkg.name}@${pluginPkg.version}: mode=${MODE}, admin=${ADMIN ? "enabled" : "disabled"}, temp dir ${tmpDir}`)

  // 1. Build and pack -------------------------------------------------------------------------
  if (SKIP_BUILD) {
    log("→ Build the plugin: skipped (VERIFY_SKIP_BUILD=1)")
  } else {
    await step("Build the plugin (medusa plugin:build)", async () => {
      await run(path.join(ROOT, "node_modules", ".bin", "medusa"), ["plugin:build"], {
        cwd: ROOT,
        logName: "plugin-build",
        timeoutMs: 300_000,
      })
    })
  }

  let tarball
  let packedFiles
  await step("Pack the plugin (npm pack)", async () => {
    const proc = await run("npm", ["pack", "--json", "--pack-destination", packDir], {
      cwd: ROOT,
      logName: "npm-pack",
      timeoutMs: 120_000,
    })
    const [info] = JSON.parse(proc.stdout())
    tarball = path.join(packDir, info.filename)
    if (!fs.existsSync(tarball)) throw new Error(`npm pack wrote no ${info.filename}`)
    packedFiles = info.files.map((file) => file.path)

    const required = [
      ["package.json", (f) => f === "package.json"],
      ["a module (.medusa/server/src/modules/*/index.js)", (f) => /^\.medusa\/server\/src\/modules\/[^/]+\/index\.js$/.test(f)],
      ["a migration (.medusa/server/src/modules/*/migrations/Migration*.js)", (f) => /\/migrations\/Migration[^/]*\.js$/.test(f)],
      ["API routes (.medusa/server/src/api/**/route.js)", (f) => /^\.medusa\/server\/src\/api\/.*route\.js$/.test(f)],
    ]
    const absent = required.filter(([, test]) => !packedFiles.some(test)).map(([what]) => what)
    if (absent.length) throw new Error(`the tarball lacks ${absent.join(", ")}`)
    const missingExports = checkExports(pluginPkg, packedFiles)
    if (missingExports.length) {
      throw new Error(`package.json "exports" point at files the tarball lacks: ${missingExports.join(", ")}`)
    }
    const stray = packedFiles.filter((f) => /__tests__|\.(spec|test)\.[cm]?js$|\.ts$/.test(f) && !f.endsWith(".d.ts"))
    if (stray.length) warn(`the tarball ships test or TypeScript source files: ${stray.slice(0, 5).join(", ")}${stray.length > 5 ? ", ..." : ""}`)
    return `${info.filename}, ${packedFiles.length} files, ${(info.size / 1024).toFixed(1)} kB packed`
  })

  // 2. Host app ---------------------------------------------------------------------------------
  await step("Write the host app", async () => {
    fs.mkdirSync(path.join(hostDir, "src"), { recursive: true })
    const files = {
      "package.json": JSON.stringify(hostPackageJson(pluginPkg, tarball), null, 2) + "\n",
      "tsconfig.json": JSON.stringify(HOST_TSCONFIG, null, 2) + "\n",
      "medusa-config.ts": hostMedusaConfig(pluginPkg.name),
      ".gitignore": "node_modules\n.medusa\n.env\n",
      // An app's own extension folders; empty, so everything served comes from the plugin.
      "src/README.md": "The host's own customizations would live here. Empty on purpose.\n",
    }
    for (const [file, content] of Object.entries(files)) {
      fs.writeFileSync(path.join(hostDir, file), content)
    }
    return Object.keys(files).join(", ")
  })

  await step("Install the host (npm install)", async () => {
    await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], {
      cwd: hostDir,
      logName: "npm-install",
      timeoutMs: 900_000,
    })
    const installed = readJson(path.join(hostDir, "node_modules", pluginPkg.name, "package.json"))
    if (installed.version !== pluginPkg.version) {
      throw new Error(`installed ${pluginPkg.name}@${installed.version}, expected ${pluginPkg.version}`)
    }
    for (const name of ["@medusajs/framework", "@medusajs/medusa", "@medusajs/ui"]) {
      const want = pluginPkg.devDependencies?.[name] ?? pluginPkg.peerDependencies?.[name]
      const got = readJson(path.join(hostDir, "node_modules", name, "package.json")).version
      if (want && /^\d/.test(want) && got !== want) throw new Error(`host got ${name}@${got}, expected ${want}`)
    }
    // A second, nested copy of @medusajs/ui breaks the admin (see MEDUSA-NOTES.md).
    const nestedUi = nestedCopies(path.join(hostDir, "node_modules"), "@medusajs/ui")
    if (nestedUi.length) warn(`nested @medusajs/ui copies: ${nestedUi.map((f) => path.relative(hostDir, f)).join(", ")}`)
    const du = await run("du", ["-sm", "node_modules"], { cwd: hostDir, logName: "du", timeoutMs: 120_000 })
    const mb = Number(du.stdout().split(/\s/)[0]) || 0
    return `${pluginPkg.name}@${installed.version} from the tarball, node_modules ${mb} MB`
  })

  await step("Compile a storefront's TypeScript against medusa-crm/types and medusa-crm/client (tsc)", async () => {
    fs.mkdirSync(path.join(hostDir, "storefront"), { recursive: true })
    fs.writeFileSync(path.join(hostDir, "storefront", "index.ts"), storefrontSource(pluginPkg.name))
    fs.writeFileSync(path.join(hostDir, "tsconfig.storefront.json"), JSON.stringify(STOREFRONT_TSCONFIG, null, 2) + "\n")
    await run(hostBin(hostDir, "tsc"), ["-p", "tsconfig.storefront.json"], {
      cwd: hostDir,
      logName: "storefront-tsc",
      timeoutMs: 300_000,
    })
    return "storefront/index.ts compiles"
  })

  // 3. Database ---------------------------------------------------------------------------------
  let databaseUrl
  await step("Start embedded Postgres", async () => {
    pgServer = await startEmbeddedPostgres({ fast: true, quiet: true })
    await pgServer.ensureDatabase(DB_NAME)
    databaseUrl = pgServer.url(DB_NAME)
    return `port ${pgServer.port}, database ${DB_NAME}`
  })

  const hostEnv = (extra = {}) =>
    childEnv({
      DATABASE_URL: databaseUrl,
      JWT_SECRET: secrets.jwtSecret,
      COOKIE_SECRET: secrets.cookieSecret,
      MEDUSA_ADMIN_DISABLED: ADMIN ? "false" : "true",
      ...extra,
    })

  await step("Migrate (medusa db:migrate)", async () => {
    await run(hostBin(hostDir, "medusa"), ["db:migrate"], {
      cwd: hostDir,
      env: hostEnv(),
      logName: "db-migrate",
      timeoutMs: 600_000,
    })
    const tables = await withDb(databaseUrl, async (client) => {
      const { rows } = await client.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
      )
      return rows.map((row) => row.table_name)
    })
    if (!tables.includes("customer_note")) {
      throw new Error(`no customer_note table after migrating (${tables.length} tables)`)
    }
    const migrations = await withDb(databaseUrl, async (client) => {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM mikro_orm_migrations WHERE name IN (SELECT unnest($1::text[]))",
        [
          packedFiles
            .filter((f) => /\/migrations\/Migration[^/]*\.js$/.test(f))
            .map((f) => path.basename(f, ".js")),
        ]
      )
      return rows[0].n
    })
    // The e-mail lookup indexes on Medusa's tables: by the plugin's migration when those tables
    // came first, else by its migration script after every migration.
    const indexes = await withDb(databaseUrl, async (client) => {
      const { rows } = await client.query(
        "SELECT indexname FROM pg_indexes WHERE indexname IN ('IDX_crm_customer_email_lower', 'IDX_crm_order_email_lower')"
      )
      return rows.length
    })
    if (indexes !== 2) {
      throw new Error(`the plugin's e-mail lookup indexes are missing after migrating (${indexes} of 2)`)
    }
    return `${tables.length} tables, customer_note present, ${migrations} plugin migration(s) recorded, e-mail lookup indexes present`
  })

  // 4. Boot -------------------------------------------------------------------------------------
  let serverDir = hostDir
  if (MODE === "start") {
    await step(`Build the host (medusa build${ADMIN ? ", admin included" : ", admin disabled"})`, async () => {
      await run(hostBin(hostDir, "medusa"), ["build"], {
        cwd: hostDir,
        env: hostEnv({ NODE_ENV: "production" }),
        logName: "host-build",
        timeoutMs: 900_000,
      })
      serverDir = path.join(hostDir, ".medusa", "server")
      if (!fs.existsSync(path.join(serverDir, "medusa-config.js"))) {
        throw new Error(".medusa/server/medusa-config.js missing after medusa build")
      }
      if (ADMIN && !fs.existsSync(path.join(serverDir, "public", "admin", "index.html"))) {
        throw new Error(".medusa/server/public/admin/index.html missing after medusa build")
      }
    })
  }

  await step("Create an admin user (medusa user)", async () => {
    await run(hostBin(hostDir, "medusa"), ["user", "-e", ADMIN_EMAIL, "-p", secrets.adminPassword], {
      cwd: hostDir,
      env: hostEnv(),
      logName: "create-user",
      timeoutMs: 300_000,
    })
    return ADMIN_EMAIL
  })

  await step("Rebuild the customer metrics with the plugin's script (medusa exec)", async () => {
    const script = path.join("node_modules", "medusa-crm", ".medusa", "server", "src", "scripts", "rebuild-insights.js")
    if (!fs.existsSync(path.join(hostDir, script))) {
      throw new Error(`${script} is not in the package`)
    }
    await run(hostBin(hostDir, "medusa"), ["exec", `./${script}`], {
      cwd: hostDir,
      env: hostEnv(),
      logName: "rebuild-insights",
      timeoutMs: 300_000,
    })
    return script
  })

  const port = await freePort()
  const base = `http://localhost:${port}`
  let server
  await step(`Boot the host (medusa ${MODE}) until GET /health is 200`, async () => {
    server = spawnLogged(hostBin(hostDir, "medusa"), [MODE, "--port", String(port)], {
      cwd: serverDir,
      env: hostEnv({ PORT: String(port), ...(MODE === "start" ? { NODE_ENV: "production" } : {}) }),
      logName: `medusa-${MODE}`,
    })
    let exited = null
    server.exited.then((result) => {
      exited = result
    })
    const deadline = Date.now() + HEALTH_TIMEOUT_MS
    while (Date.now() < deadline) {
      if (exited) {
        throw new Error(`medusa ${MODE} exited with ${exited.code ?? exited.signal}\n${tailText(server.tail)}`)
      }
      try {
        const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5_000) })
        if (res.status === 200) return `port ${port}`
      } catch {
        // not listening yet
      }
      await sleep(1_000)
    }
    throw new Error(`no 200 from /health within ${fmt(HEALTH_TIMEOUT_MS)}\n${tailText(server.tail)}`)
  })

  // 5. The plugin's admin API in the host ------------------------------------------------------
  await step("Call the plugin's admin routes", async () => {
    const login = await http(base, "POST", "/auth/user/emailpass", {
      body: { email: ADMIN_EMAIL, password: secrets.adminPassword },
    })
    expectStatus(login, 200, "POST /auth/user/emailpass")
    const token = login.json?.token
    if (!token) throw new Error("login returned no token")
    secrets.token = token

    const created = await http(base, "POST", "/admin/customers", { token, body: { email: CUSTOMER_EMAIL } })
    expectStatus(created, 200, "POST /admin/customers")
    const customerId = created.json?.customer?.id
    if (!customerId) throw new Error("POST /admin/customers returned no customer id")

    const notePost = await http(base, "POST", `/admin/customers/${customerId}/notes`, {
      token,
      body: { body: "installed" },
    })
    expectStatus(notePost, 201, "POST /admin/customers/:id/notes")
    if (notePost.json?.note?.body !== "installed") throw new Error("POST .../notes did not return the note")

    const list = await http(base, "GET", `/admin/customers/${customerId}/notes`, { token })
    expectStatus(list, 200, "GET /admin/customers/:id/notes")
    if (list.json?.count !== 1) throw new Error(`GET .../notes: expected count 1, got ${list.json?.count}`)

    const unknown = await http(base, "GET", "/admin/customers/cus_unknown/notes", { token })
    expectStatus(unknown, 404, "GET /admin/customers/cus_unknown/notes")

    // The plugin's middlewares (body validation) are applied in the host.
    const invalid = await http(base, "POST", `/admin/customers/${customerId}/notes`, { token, body: {} })
    expectStatus(invalid, 400, "POST .../notes with no body (validation middleware)")

    const unauthenticated = await http(base, "GET", `/admin/customers/${customerId}/notes`)
    expectStatus(unauthenticated, 401, "GET .../notes without a token")

    const checks = ["201 create", "200 list (count 1)", "404 unknown customer", "400 invalid body", "401 no token"]

    // The plugin's links: the default fields include the author (a read-only link to the user).
    const author = list.json?.notes?.[0]?.author
    if (author?.email === ADMIN_EMAIL) checks.push("author link resolved")
    else warn("GET .../notes did not resolve notes[0].author through the plugin's link (fields may have changed)")

    // The other modules' tables and routes: a tag with a native customer group as its benefit,
    // a profile through `additional_data` hooks, and the timeline.
    const group = await http(base, "POST", "/admin/customer-groups", { token, body: { name: "Installed staff" } })
    expectStatus(group, 200, "POST /admin/customer-groups")
    const groupId = group.json?.customer_group?.id
    const definition = await http(base, "POST", "/admin/crm/tags", {
      token,
      body: { key: "installed", label: "Installed", value_mode: "flag", customer_group_id: groupId },
    })
    expectStatus(definition, 201, "POST /admin/crm/tags")
    const tagged = await http(base, "POST", `/admin/customers/${customerId}/tags`, { token, body: { key: "installed" } })
    expectStatus(tagged, 201, "POST /admin/customers/:id/tags")
    const inGroup = await http(base, "GET", `/admin/customers/${customerId}?fields=groups.id`, { token })
    if (!inGroup.json?.customer?.groups?.some((g) => g.id === groupId)) {
      throw new Error("the tag did not put the customer into its benefit group")
    }
    const profile = await http(base, "POST", `/admin/customers/${customerId}`, {
      token,
      body: { additional_data: { nationality: "nl" } },
    })
    expectStatus(profile, 200, "POST /admin/customers/:id with additional_data")
    const readProfile = await http(base, "GET", `/admin/customers/${customerId}/profile`, { token })
    expectStatus(readProfile, 200, "GET /admin/customers/:id/profile")
    if (readProfile.json?.profile?.nationality !== "NL") {
      throw new Error("the profile from additional_data was not saved (hook not run?)")
    }
    const timeline = await http(base, "GET", `/admin/customers/${customerId}/timeline`, { token })
    expectStatus(timeline, 200, "GET /admin/customers/:id/timeline")
    const types = (timeline.json?.timeline ?? []).map((e) => e.type)
    if (!types.includes("system_note") || !types.includes("note")) {
      throw new Error(`the timeline lacks the note or the system notes: ${JSON.stringify(types)}`)
    }

    // The CRM list, a segment and a list export: the segment and report modules' tables, the
    // export subscriber and the file module of the host.
    const listed = await http(base, "GET", "/admin/crm/customers?tags=installed&order=-lifetime_value", { token })
    expectStatus(listed, 200, "GET /admin/crm/customers?tags=installed")
    if (listed.json?.customers?.map((c) => c.id).join() !== customerId) {
      throw new Error(`the CRM list filtered by the tag holds ${JSON.stringify(listed.json?.customers?.map((c) => c.id))}`)
    }
    const segment = await http(base, "POST", "/admin/crm/segments", {
      token,
      body: { name: "Installed", filter: { tags: ["installed"] } },
    })
    expectStatus(segment, 201, "POST /admin/crm/segments")
    const segmentId = segment.json?.segment?.id
    const readSegment = await http(base, "GET", `/admin/crm/segments/${segmentId}`, { token })
    expectStatus(readSegment, 200, "GET /admin/crm/segments/:id")
    if (readSegment.json?.segment?.count !== 1) {
      throw new Error(`the segment counts ${readSegment.json?.segment?.count} customers, expected 1`)
    }
    const listExport = await http(base, "POST", "/admin/crm/exports", { token, body: { segment_id: segmentId } })
    expectStatus(listExport, 202, "POST /admin/crm/exports")
    const exportId = listExport.json?.export?.id
    let exported
    for (const until = Date.now() + 60_000; Date.now() < until; await sleep(500)) {
      exported = await http(base, "GET", `/admin/crm/exports/${exportId}`, { token })
      if (["done", "failed"].includes(exported.json?.export?.status)) break
    }
    if (exported?.json?.export?.status !== "done") {
      throw new Error(`the list export is ${exported?.json?.export?.status} after 60 s (${exported?.json?.export?.error ?? ""})`)
    }
    const file = await http(base, "GET", `/admin/crm/exports/${exportId}/download`, { token })
    expectStatus(file, 200, "GET /admin/crm/exports/:id/download")
    if (!file.text.includes(customerId)) {
      throw new Error("the exported file does not hold the segment's customer")
    }
    checks.push("CRM list filter, a segment and its export")

    // Messages: the customer_message module's tables and routes. The customer is a guest record
    // (made by staff), so the audience counts nobody: only online accounts receive messages.
    const campaign = await http(base, "POST", "/admin/crm/campaigns", {
      token,
      body: {
        kind: "message",
        title: "Installed",
        short_description: "The plugin is installed",
        audience: { type: "tags", tags: ["installed"] },
      },
    })
    expectStatus(campaign, 201, "POST /admin/crm/campaigns")
    const audience = await http(base, "POST", "/admin/crm/campaigns/audience", {
      token,
      body: { audience: { type: "tags", tags: ["installed"] } },
    })
    expectStatus(audience, 200, "POST /admin/crm/campaigns/audience")
    if (audience.json?.count !== 0) {
      throw new Error(`the audience of a guest record counts ${audience.json?.count}, expected 0`)
    }
    const campaigns = await http(base, "GET", "/admin/crm/campaigns?kind=message", { token })
    expectStatus(campaigns, 200, "GET /admin/crm/campaigns")
    if (campaigns.json?.campaigns?.[0]?.id !== campaign.json?.campaign?.id) {
      throw new Error(`the campaign list holds ${JSON.stringify(campaigns.json?.campaigns?.map((c) => c.id))}`)
    }
    const inbox = await http(base, "GET", `/admin/customers/${customerId}/messages`, { token })
    expectStatus(inbox, 200, "GET /admin/customers/:id/messages")
    checks.push("a message campaign and the customer's inbox")
    checks.push("tag benefit group joined", "profile via additional_data", "timeline")

    // Loyalty: program settings, a manual adjustment (row-locked ledger write) and the balance.
    const program = await http(base, "POST", "/admin/crm/loyalty", {
      token,
      body: { rates: [{ currency_code: "eur", earn_points_per_unit: 1, redeem_points: 100, redeem_value: 1 }] },
    })
    expectStatus(program, 200, "POST /admin/crm/loyalty")
    const adjusted = await http(base, "POST", `/admin/customers/${customerId}/loyalty/adjustments`, {
      token,
      body: { points: 250, reason: "Installed" },
    })
    expectStatus(adjusted, 201, "POST /admin/customers/:id/loyalty/adjustments")
    const loyalty = await http(base, "GET", `/admin/customers/${customerId}/loyalty`, { token })
    expectStatus(loyalty, 200, "GET /admin/customers/:id/loyalty")
    if (loyalty.json?.loyalty?.balance?.available !== 250 || loyalty.json?.loyalty?.values?.[0]?.value !== 2.5) {
      throw new Error(`the loyalty balance is wrong: ${JSON.stringify(loyalty.json?.loyalty)}`)
    }
    checks.push("loyalty adjustment and balance")

    // Memberships: a plan with the benefit group, a membership, its signed card and the door check.
    const plan = await http(base, "POST", "/admin/crm/membership-plans", {
      token,
      body: { name: "Installed friends", level: 1, duration_unit: "year", duration_value: 1, customer_group_id: groupId },
    })
    expectStatus(plan, 201, "POST /admin/crm/membership-plans")
    const membership = await http(base, "POST", `/admin/customers/${customerId}/memberships`, {
      token,
      body: { plan_id: plan.json?.plan?.id },
    })
    expectStatus(membership, 201, "POST /admin/customers/:id/memberships")
    const card = await http(base, "GET", `/admin/customers/${customerId}/memberships/${membership.json?.membership?.id}/card`, { token })
    expectStatus(card, 200, "GET /admin/customers/:id/memberships/:membership_id/card")
    if (!/^<svg/.test(card.json?.card?.qr_svg ?? "")) {
      throw new Error("the membership card has no QR code (is the qrcode dependency installed?)")
    }
    const door = await http(base, "GET", `/admin/crm/memberships/verify?code=${encodeURIComponent(card.json.card.code)}`, { token })
    expectStatus(door, 200, "GET /admin/crm/memberships/verify")
    if (door.json?.result !== "valid") {
      throw new Error(`the door check says ${door.json?.result} for a fresh card`)
    }
    checks.push("membership with a signed card")

    // Insights: the customer's metrics and transactions answer (no orders yet: empty figures).
    const metrics = await http(base, "GET", `/admin/customers/${customerId}/metrics`, { token })
    expectStatus(metrics, 200, "GET /admin/customers/:id/metrics")
    const transactions = await http(base, "GET", `/admin/customers/${customerId}/transactions`, { token })
    expectStatus(transactions, 200, "GET /admin/customers/:id/transactions")
    checks.push("metrics and transactions")

    // Identity: a second record of the customer merged into it, then the merge undone.
    const twin = await http(base, "POST", "/admin/customers", { token, body: { email: `twin.${CUSTOMER_EMAIL}` } })
    expectStatus(twin, 200, "POST /admin/customers (a duplicate)")
    const twinId = twin.json?.customer?.id
    const preview = await http(base, "GET", `/admin/customers/${customerId}/identity/merge-preview?other_id=${twinId}`, { token })
    expectStatus(preview, 200, "GET /admin/customers/:id/identity/merge-preview")
    const merged = await http(base, "POST", `/admin/customers/${customerId}/identity/merge`, {
      token,
      body: { other_id: twinId, survivor_id: customerId },
    })
    expectStatus(merged, 200, "POST /admin/customers/:id/identity/merge")
    const undone = await http(base, "POST", `/admin/customers/${customerId}/identity/merges/${merged.json?.merge?.id}/undo`, {
      token,
      body: {},
    })
    expectStatus(undone, 200, "POST /admin/customers/:id/identity/merges/:merge_id/undo")
    if (undone.json?.merge?.status !== "undone") throw new Error("the merge was not undone")
    checks.push("merge and undo")

    // Privacy: the other record (no orders) is anonymized, and the erasure log leaves the database
    // through the plugin's script, as the README's restore procedure does it.
    const anonymized = await http(base, "POST", `/admin/customers/${twinId}/privacy/anonymize`, {
      token,
      body: { confirm: "anonymize" },
    })
    expectStatus(anonymized, 200, "POST /admin/customers/:id/privacy/anonymize")
    const gone = await http(base, "GET", `/admin/customers/${twinId}`, { token })
    if (!String(gone.json?.customer?.email).endsWith("@anonymized.invalid")) {
      throw new Error(`the anonymized customer still has the e-mail ${gone.json?.customer?.email}`)
    }
    const logFile = path.join(tmpDir, "erasures.ndjson")
    const exportScript = path.join("node_modules", "medusa-crm", ".medusa", "server", "src", "scripts", "export-erasures.js")
    await run(hostBin(hostDir, "medusa"), ["exec", `./${exportScript}`, logFile], {
      cwd: hostDir,
      env: hostEnv(),
      logName: "export-erasures",
      timeoutMs: 300_000,
    })
    if (!fs.readFileSync(logFile, "utf8").includes(twinId)) {
      throw new Error("the exported erasure log does not name the anonymized customer")
    }
    // Re-applying it (what follows a restore) finds the customer anonymized already.
    const reapplyScript = path.join("node_modules", "medusa-crm", ".medusa", "server", "src", "scripts", "reapply-erasures.js")
    await run(hostBin(hostDir, "medusa"), ["exec", `./${reapplyScript}`, logFile], {
      cwd: hostDir,
      env: hostEnv(),
      logName: "reapply-erasures",
      timeoutMs: 300_000,
    })
    const again = await http(base, "GET", `/admin/customers/${twinId}`, { token })
    if (!String(again.json?.customer?.email).endsWith("@anonymized.invalid")) {
      throw new Error("re-applying the erasure log brought the customer's e-mail back")
    }
    checks.push("anonymize, and the erasure log exported and re-applied (medusa exec)")

    // The plugin's subscribers: deleting the customer deletes their notes.
    const del = await http(base, "DELETE", `/admin/customers/${customerId}`, { token })
    expectStatus(del, 200, "DELETE /admin/customers/:id")
    const until = Date.now() + 20_000
    let left = -1
    while (Date.now() < until) {
      left = await withDb(databaseUrl, async (client) => {
        const { rows } = await client.query(
          "SELECT count(*)::int AS n FROM customer_note WHERE customer_id = $1 AND deleted_at IS NULL",
          [customerId]
        )
        return rows[0].n
      })
      if (left === 0) break
      await sleep(500)
    }
    if (left === 0) checks.push("customer.deleted subscriber removed the note")
    else warn(`the customer's note was still there 20 s after deleting the customer (subscriber not run?)`)
    return checks.join(", ")
  })

  // 6. Admin ------------------------------------------------------------------------------------
  if (ADMIN) {
    await step("Check the admin picked up the plugin", async () => {
      const notes = []
      const res = await fetch(`${base}/app`, { redirect: "follow", signal: AbortSignal.timeout(120_000) })
      const html = await res.text()
      if (res.status !== 200) throw new Error(`GET /app: expected 200, got ${res.status}`)
      if (!html.includes('id="medusa"')) throw new Error("GET /app did not return the admin's index.html")
      notes.push("GET /app 200")

      // The admin entry imports the plugin through its "./admin" export.
      const entry = path.join(hostDir, ".medusa", "client", "entry.jsx")
      if (fs.existsSync(entry)) {
        if (!fs.readFileSync(entry, "utf8").includes(`from "${pluginPkg.name}/admin"`)) {
          throw new Error(`.medusa/client/entry.jsx does not import "${pluginPkg.name}/admin"`)
        }
        notes.push(`entry imports ${pluginPkg.name}/admin`)
      } else {
        warn(".medusa/client/entry.jsx not found; could not check the admin imports the plugin")
      }

      // What the plugin ships for the admin, and whether the bundle contains it (tolerant: the
      // widgets are work in progress, so no extensions is a warning, not a failure).
      const pluginAdmin = path.join(hostDir, "node_modules", pluginPkg.name, ".medusa", "server", "src", "admin", "index.mjs")
      const adminSource = fs.existsSync(pluginAdmin) ? fs.readFileSync(pluginAdmin, "utf8") : ""
      const zones = [...new Set([...adminSource.matchAll(/zone:\s*\[([^\]]*)\]/g)].flatMap((m) => m[1].match(/[\w.]+(?=["'])/g) ?? []))]
      const empty = /widgets:\s*\[\s*\]/.test(adminSource) && /routes:\s*\[\s*\]/.test(adminSource)
      if (!adminSource) {
        warn("the package has no .medusa/server/src/admin/index.mjs")
      } else if (empty || !zones.length) {
        warn("the plugin's admin bundle has no widgets or routes yet; nothing to look for in the host's admin")
      } else if (MODE === "start") {
        const found = findPluginStringsInBundle(hostDir, adminSource)
        if (found.candidates === 0) {
          warn("no distinctive strings in the plugin's admin code to look for in the host's bundle")
        } else if (found.hits === 0) {
          throw new Error(
            `none of ${found.candidates} strings from the plugin's admin code are in the host's admin bundle`
          )
        } else {
          notes.push(`${found.hits}/${found.candidates} plugin admin strings in the bundle`)
        }
        notes.push(`widget zones: ${zones.join(", ")}`)
      } else {
        notes.push(`widget zones: ${zones.join(", ")} (develop mode: not bundled, not grepped)`)
      }
      return notes.join(", ")
    })
  }

  await step(`Stop the host`, async () => {
    await stopChild(server.child)
  })
}

/**
 * String literals from the plugin's admin code that the dashboard itself does not contain, and how
 * many of them made it into the host's built admin assets.
 */
function findPluginStringsInBundle(hostDir, adminSource) {
  const literals = new Set()
  for (const match of adminSource.matchAll(/(["'`])((?:(?!\1)[^\\\n$]){10,120})\1/g)) {
    const text = match[2]
    if (/^[\w .,:;!?()'\-/]+$/.test(text) && /[a-z]/i.test(text) && !/^[@.\w/-]+$/.test(text)) literals.add(text)
  }
  const dashboardDir = path.join(hostDir, "node_modules", "@medusajs", "dashboard", "dist")
  const dashboard = listFiles(dashboardDir, (f) => /\.(m?js|json)$/.test(f))
    .map((f) => fs.readFileSync(f, "utf8"))
    .join("\n")
  const candidates = [...literals].filter((text) => !dashboard.includes(text))
  const assets = listFiles(path.join(hostDir, ".medusa", "server", "public", "admin"), (f) => /\.js$/.test(f))
    .map((f) => fs.readFileSync(f, "utf8"))
    .join("\n")
  const hits = candidates.filter((text) => assets.includes(text)).length
  return { candidates: candidates.length, hits }
}

let failure
try {
  await main()
} catch (error) {
  failure = error
  if (!(error instanceof StepError)) log(`error: ${error?.stack ?? error}`)
} finally {
  const cleanupStarted = Date.now()
  await cleanup()
  results.push({ name: "Clean up", ms: Date.now() - cleanupStarted, ok: true })
}

log("")
log("Summary")
for (const { name, ms, ok } of results) {
  log(`  ${ok ? "ok  " : "FAIL"} ${fmt(ms).padStart(7)}  ${name}`)
}
for (const message of warnings) log(`  warn: ${message}`)
const total = fmt(Date.now() - runStart)
if (failure) {
  log(`FAIL verify:install in ${total}: ${String(failure.message ?? failure).split("\n")[0]}`)
  process.exit(1)
}
log(`PASS verify:install in ${total}${warnings.length ? ` (${warnings.length} warning(s))` : ""}`)
process.exit(0)
