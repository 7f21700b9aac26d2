// `npm run dev`: the demo store in one command. Starts embedded Postgres (or uses DATABASE_URL),
// migrates, seeds the demo data on the first run, then runs `medusa develop` with the admin.
// Ctrl-C stops Medusa and Postgres. `npm run dev -- --reset` starts from an empty database.
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  isSeeded,
  prepareDatabase,
  seedDemo,
  startMedusa,
  waitForHealth,
} from "./lib/demo-db.mjs"

const reset = process.argv.includes("--reset")
const port = Number(process.env.PORT || 9000)
const startedAt = Date.now()
const seconds = () => ((Date.now() - startedAt) / 1000).toFixed(1)

const db = await prepareDatabase({ reset })
let medusa = null
let stopping = false

async function shutdown(code) {
  if (stopping) return
  stopping = true
  console.log("\nStopping Medusa and Postgres...")
  await medusa?.stop()
  await db.stop()
  process.exit(code)
}
process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))
process.on("SIGHUP", () => shutdown(0))

try {
  if (await isSeeded(db.databaseUrl)) {
    console.log("Demo data found: not seeding again (npm run seed -- --reset starts over)")
  } else {
    seedDemo(db.databaseUrl)
  }
} catch (e) {
  console.error(e.message)
  await shutdown(1)
}

medusa = startMedusa(db.databaseUrl, { command: ["develop"], port })
medusa.exited.then((code) => {
  if (!stopping) {
    console.error(`medusa develop exited (${code})`)
    shutdown(code ?? 1)
  }
})

waitForHealth(`http://localhost:${port}`, 300_000, medusa.child).then(
  () => {
    console.log(
      [
        "",
        "  medusa-crm demo store is up",
        `  Admin:  http://localhost:${port}/app`,
        `  Login:  ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}`,
        `  Ready in ${seconds()} s. Ctrl-C stops Medusa and Postgres.`,
        "",
      ].join("\n")
    )
  },
  (e) => console.error(e.message)
)
