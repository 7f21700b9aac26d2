// Gives every integration test a real PostgreSQL: the one named by DB_HOST/DB_PORT/DB_USERNAME/
// DB_PASSWORD when DB_HOST is set, otherwise a throwaway embedded Postgres that lives as long as
// the jest run. The test runners create and drop their own databases inside it.
import { startEmbeddedPostgres } from "../scripts/lib/embedded-pg.mjs"

export default async function globalSetup() {
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  if (process.env.DB_HOST) {
    if (!process.env.DB_HOST.includes("localhost")) {
      // @medusajs/test-utils turns SSL on for any other host name.
      console.warn(`DB_HOST=${process.env.DB_HOST}: the Medusa test runner enables SSL unless the host contains "localhost"`)
    }
    return
  }
  const pg = await startEmbeddedPostgres({ fast: true, quiet: true })
  globalThis.__CRM_EMBEDDED_PG__ = pg
  process.env.DB_HOST = "localhost"
  process.env.DB_PORT = String(pg.port)
  process.env.DB_USERNAME = pg.user
  process.env.DB_PASSWORD = pg.password
}
