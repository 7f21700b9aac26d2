// Shared by `npm run dev`, `npm run seed`, the browser test and the install check: a database for
// the demo store (embedded Postgres unless DATABASE_URL is set), migrations, the demo seed, and
// running Medusa in its own process group so that stopping it leaves no orphans.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { startEmbeddedPostgres } from "./embedded-pg.mjs"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
export const DEMO_DB_NAME = "medusa_crm"
export const DEMO_PG_PORT = Number(process.env.CRM_PG_PORT || 54329)
export const ADMIN_EMAIL = process.env.CRM_ADMIN_EMAIL || "admin@medusa-crm.test"
export const ADMIN_PASSWORD = process.env.CRM_ADMIN_PASSWORD || "supersecret"
export const SEED_MARKER_KEY = "medusa_crm_demo_seed"

const baseEnv = () => ({
  ...process.env,
  MEDUSA_DISABLE_TELEMETRY: "true",
  CRM_ADMIN_EMAIL: ADMIN_EMAIL,
  CRM_ADMIN_PASSWORD: ADMIN_PASSWORD,
})

const medusaBin = () => path.join(ROOT, "node_modules", ".bin", "medusa")

/** Runs the medusa CLI to completion; throws when it fails. */
export function medusaSync(args, env = {}, opts = {}) {
  const result = spawnSync(medusaBin(), args, {
    cwd: opts.cwd ?? ROOT,
    stdio: opts.stdio ?? "inherit",
    env: { ...baseEnv(), ...env },
  })
  if (result.status !== 0) {
    throw new Error(`medusa ${args.join(" ")} failed with exit code ${result.status}`)
  }
  return result
}

/** Runs `fn` with a connected client of `url`, closed afterwards. */
export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

function adminUrl(databaseUrl) {
  const u = new URL(databaseUrl)
  const name = decodeURIComponent(u.pathname.replace(/^\//, ""))
  u.pathname = "/postgres"
  return { admin: u.toString(), name }
}

async function createDatabaseIfMissing(databaseUrl) {
  const { admin, name } = adminUrl(databaseUrl)
  await withClient(admin, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (!rowCount) {
      await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
    }
  })
}

async function dropDatabase(databaseUrl) {
  const { admin, name } = adminUrl(databaseUrl)
  await withClient(admin, async (c) => {
    await c.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [name]
    )
    await c.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}"`)
  })
}

/**
 * Starts (or reuses) the demo database and migrates it.
 * @param {{ reset?: boolean, dataDir?: string, throwaway?: boolean, migrate?: boolean }} opts
 * @returns {Promise<{ databaseUrl: string, embedded: boolean, stop: () => Promise<void> }>}
 */
export async function prepareDatabase(opts = {}) {
  let embedded = null
  let databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    const dir = opts.throwaway ? undefined : (opts.dataDir ?? path.join(ROOT, ".data", "pg"))
    if (dir) fs.mkdirSync(path.dirname(dir), { recursive: true })
    embedded = await startEmbeddedPostgres({
      dir,
      port: opts.throwaway ? 0 : DEMO_PG_PORT,
      fast: !!opts.throwaway,
      quiet: true,
    })
    databaseUrl = embedded.url(DEMO_DB_NAME)
    console.log(`Embedded Postgres ${opts.throwaway ? "(throwaway) " : ""}on port ${embedded.port}${dir ? `, data in ${path.relative(ROOT, dir)}` : ""}`)
  } else {
    console.log("Using the Postgres named by DATABASE_URL")
  }
  const stop = async () => {
    await embedded?.stop()
  }
  try {
    if (opts.reset) {
      console.log("Reset: dropping the demo database")
      await dropDatabase(databaseUrl)
    }
    await createDatabaseIfMissing(databaseUrl)
    if (opts.migrate !== false) {
      const started = Date.now()
      medusaSync(["db:migrate", "--skip-scripts"], { DATABASE_URL: databaseUrl }, { stdio: opts.quietMigrate ? "ignore" : "inherit" })
      console.log(`Migrations done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    }
  } catch (e) {
    await stop()
    throw e
  }
  return { databaseUrl, embedded: !!embedded, dataDir: embedded?.dir ?? null, stop }
}

/** Whether the demo seed has completed on this database. */
export async function isSeeded(databaseUrl) {
  return withClient(databaseUrl, async (c) => {
    const { rows } = await c
      .query(`SELECT metadata FROM store WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1`)
      .catch(() => ({ rows: [] }))
    return !!rows[0]?.metadata?.[SEED_MARKER_KEY]
  })
}

/**
 * Runs the demo seed (idempotent; resumes an interrupted seed). `size`: "full" or "small".
 * `opts.env`: more environment for the seed (e.g. `{ REDIS_URL: "" }`); `opts.stdio`: as for spawn.
 */
export function seedDemo(databaseUrl, size = process.env.CRM_SEED_SIZE || "full", opts = {}) {
  medusaSync(
    ["exec", "./src/scripts/seed-demo.ts"],
    { ...opts.env, DATABASE_URL: databaseUrl, CRM_SEED_SIZE: size },
    opts.stdio ? { stdio: opts.stdio } : {}
  )
}

/**
 * Starts `medusa develop` (or another medusa command) in its own process group.
 * @returns {{ child: import("node:child_process").ChildProcess, stop: () => Promise<void> }}
 */
export function startMedusa(databaseUrl, { command = ["develop"], port = 9000, env = {}, cwd = ROOT, stdio = "inherit" } = {}) {
  const child = spawn(medusaBin(), command, {
    cwd,
    stdio,
    detached: true,
    env: { ...baseEnv(), DATABASE_URL: databaseUrl, PORT: String(port), ...env },
  })
  const exited = new Promise((resolve) => child.once("exit", resolve))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {
      return
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {
        // already gone
      }
    }, 10_000)
    await exited
    clearTimeout(timer)
    // Children of the group (esbuild, the server) may outlive the leader for a moment.
    try {
      process.kill(-child.pid, "SIGKILL")
    } catch {
      // group is empty
    }
  }
  return { child, stop, exited }
}

/** Polls `${baseUrl}/health` until it answers 200. */
export async function waitForHealth(baseUrl, timeoutMs = 180_000, child) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`Medusa exited with code ${child.exitCode} before it became healthy`)
    }
    try {
      const res = await fetch(`${baseUrl}/health`)
      if (res.ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${baseUrl}/health did not answer within ${timeoutMs / 1000} s`)
}
