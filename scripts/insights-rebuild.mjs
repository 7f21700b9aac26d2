// `npm run insights:rebuild`: recomputes every customer's metrics in the demo database, with a
// progress bar (the nightly job and the admin's "Rebuild now" do the same).
import { medusaSync, prepareDatabase } from "./lib/demo-db.mjs"

const db = await prepareDatabase({ quietMigrate: true })
let code = 0
try {
  medusaSync(["exec", "./src/scripts/rebuild-insights.ts"], { DATABASE_URL: db.databaseUrl })
} catch (e) {
  console.error(e.message)
  code = 1
} finally {
  await db.stop()
}
process.exit(code)
