// `npm run seed`: migrates and seeds the demo store (idempotent: a second run adds nothing).
// `npm run seed -- --reset` drops the demo database first and seeds from scratch.
// `--small` seeds a small store (used by the browser test).
import { prepareDatabase, seedDemo } from "./lib/demo-db.mjs"

const reset = process.argv.includes("--reset")
const size = process.argv.includes("--small") ? "small" : undefined

const db = await prepareDatabase({ reset })
let code = 0
try {
  seedDemo(db.databaseUrl, size)
} catch (e) {
  console.error(e.message)
  code = 1
} finally {
  await db.stop()
}
process.exit(code)
