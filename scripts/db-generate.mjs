// Generates migrations for the plugin's modules (`medusa plugin:db:generate` needs a live database).
import { spawnSync } from "node:child_process"
import { startEmbeddedPostgres } from "./lib/embedded-pg.mjs"

const pg = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ fast: true, quiet: true })
let status = 1
try {
  if (pg) {
    await pg.ensureDatabase("medusa_crm_generate")
  }
  const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" }
  if (pg) {
    // The generator reads DB_* and lets an empty DB_USERNAME override the URL's user.
    Object.assign(env, {
      DATABASE_URL: pg.url("medusa_crm_generate"),
      DB_HOST: "localhost",
      DB_PORT: String(pg.port),
      DB_USERNAME: pg.user,
      DB_PASSWORD: pg.password,
    })
  }
  status = spawnSync("npx", ["medusa", "plugin:db:generate"], { stdio: "inherit", env }).status ?? 1
} finally {
  await pg?.stop()
}
process.exit(status)
