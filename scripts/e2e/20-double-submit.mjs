// Double submits: a double click (two clicks in the same instant, before React can disable the
// button) on a note's Save, on Start basket's submit, on the loyalty adjustment's submit and on an
// alternate e-mail's Add makes one record each, counted through the admin API and on screen. Then the Customers › Insights page
// with its store overview.
import path from "node:path"

/** Two clicks dispatched in one go: the second lands before any re-render could disable the button. */
const doubleClick = (page, testId) =>
  page.evaluate((id) => {
    const button = document.querySelector(`[data-testid="${id}"]`)
    if (!button) {
      throw new Error(`no ${id}`)
    }
    button.click()
    button.click()
  }, testId)

/** GET an admin route with the session cookie. */
const adminGet = (page, url) =>
  page.evaluate(async (u) => {
    const res = await fetch(u, { credentials: "include" })
    if (!res.ok) {
      throw new Error(`${u}: ${res.status}`)
    }
    return res.json()
  }, url)

export default async function doubleSubmit(ctx) {
  const { page, panel, customerUrl, step, check, artifacts, uiTimeout, openNotesTab } = ctx
  const customerId = new URL(customerUrl).pathname.split("/").pop()
  const stamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`

  await step("Double-clicking a note's Save makes one note", async () => {
    await openNotesTab()
    const text = `E2E double save ${stamp}`
    await panel.getByTestId("crm-note-input").fill(text)
    await doubleClick(page, "crm-note-save")
    const item = panel.getByTestId("crm-note-item").filter({ hasText: text })
    await item.first().waitFor({ timeout: uiTimeout })
    await page.waitForLoadState("networkidle")
    const { notes } = await adminGet(page, `/admin/customers/${customerId}/notes?limit=100`)
    const stored = notes.filter((n) => n.body === text)
    check(stored.length === 1, `the admin API lists ${stored.length} notes "${text}", expected 1`)
    check((await item.count()) === 1, `the notes tab shows ${await item.count()} notes "${text}", expected 1`)
    await panel.screenshot({ path: path.join(artifacts, "double-submit-note.png") })
  })

  await step("Double-clicking the loyalty adjustment's submit adjusts once", async () => {
    await panel.getByTestId("crm-tab-loyalty").click()
    const tab = panel.getByTestId("crm-loyalty-tab")
    await tab.getByTestId("crm-loyalty-available").waitFor({ timeout: uiTimeout })
    await tab.getByTestId("crm-loyalty-adjust").click()
    const drawer = page.getByTestId("crm-loyalty-adjust-drawer")
    await drawer.waitFor()
    await drawer.getByTestId("crm-loyalty-adjust-direction-add").click()
    await drawer.getByTestId("crm-loyalty-adjust-points").fill("15")
    const reason = `E2E double adjust ${stamp}`
    await drawer.getByTestId("crm-loyalty-adjust-reason").fill(reason)
    await doubleClick(page, "crm-loyalty-adjust-submit")
    await drawer.waitFor({ state: "detached", timeout: uiTimeout })
    const rows = tab.locator('[data-testid="crm-loyalty-entry"][data-entry-type="adjust"]').filter({ hasText: reason })
    await rows.first().waitFor({ timeout: uiTimeout })
    await page.waitForLoadState("networkidle")
    const { entries } = await adminGet(page, `/admin/customers/${customerId}/loyalty?limit=100`)
    const stored = entries.filter((e) => e.type === "adjust" && e.reason === reason)
    check(stored.length === 1, `the admin API lists ${stored.length} adjustments "${reason}", expected 1`)
    check((await rows.count()) === 1, `the loyalty history shows ${await rows.count()} adjustments "${reason}", expected 1`)
    await panel.screenshot({ path: path.join(artifacts, "double-submit-loyalty.png") })
  })

  await step("Double-clicking Start basket's submit makes one draft order", async () => {
    // Medusa's own list: a basket just started is an empty draft, which the CRM's transactions leave out.
    const drafts = async () =>
      (await adminGet(page, `/admin/draft-orders?customer_id=${customerId}&limit=100&fields=id`)).draft_orders.map(
        (d) => d.id
      )
    const before = await drafts()
    await page.getByTestId("crm-start-basket").click()
    const drawer = page.getByTestId("crm-start-basket-drawer")
    await drawer.waitFor()
    await drawer.getByTestId("crm-start-basket-submit").waitFor()
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="crm-start-basket-submit"]')?.hasAttribute("disabled"),
      undefined,
      { timeout: uiTimeout }
    )
    await doubleClick(page, "crm-start-basket-submit")
    await page.waitForURL(/\/app\/draft-orders\/order_[A-Za-z0-9]+/, { timeout: uiTimeout })
    await page.waitForLoadState("networkidle")
    const opened = new URL(page.url()).pathname.split("/").pop()
    const added = (await drafts()).filter((id) => !before.includes(id))
    check(
      added.length === 1 && added[0] === opened,
      `Start basket made ${added.length} draft orders (${added.join(", ")}), expected 1: ${opened}`
    )
    await page.screenshot({ path: path.join(artifacts, "double-submit-basket.png") })
  })

  await step("Double-clicking Add on an alternate e-mail adds it once, with no refusal", async () => {
    await page.goto(customerUrl)
    await panel.waitFor({ timeout: 60_000 })
    await panel.getByTestId("crm-tab-identity").click()
    const tab = panel.getByTestId("crm-identity-tab")
    await tab.getByTestId("crm-identity-add-email").waitFor({ timeout: uiTimeout })
    await tab.getByTestId("crm-identity-add-email").click()
    const drawer = page.getByTestId("crm-identity-email-drawer")
    await drawer.waitFor()
    const email = `double.${stamp}@example.com`
    await drawer.getByTestId("crm-identity-email-input").fill(email)
    await doubleClick(page, "crm-identity-email-submit")
    // A second request that ran would be refused as "already this customer's" and keep the drawer open.
    await drawer.waitFor({ state: "detached", timeout: uiTimeout })
    const rows = tab.locator(`[data-testid="crm-identity-email"][data-email="${email}"]`)
    await rows.first().waitFor({ timeout: uiTimeout })
    await page.waitForLoadState("networkidle")
    const { identity } = await adminGet(page, `/admin/customers/${customerId}/identity`)
    const stored = identity.alternate_emails.filter((a) => a.email === email)
    check(stored.length === 1, `the admin API lists ${stored.length} alternate e-mails ${email}, expected 1`)
    check((await rows.count()) === 1, `the Identity tab shows ${await rows.count()} rows for ${email}, expected 1`)
    await panel.screenshot({ path: path.join(artifacts, "double-submit-email.png") })
  })

  await step("Customers › Insights shows the store overview above the rebuild", async () => {
    await page.goto(`${ctx.baseUrl}/app/crm-insights`)
    const overview = page.getByTestId("crm-insights-overview")
    await overview.waitFor({ timeout: uiTimeout })
    const data = (await adminGet(page, "/admin/crm/insights/overview")).overview
    const shown = await page.getByTestId("crm-insights-overview-customers").innerText()
    check(
      shown.replace(/[^0-9]/g, "").includes(String(data.totals.customers)),
      `the customers tile shows ${JSON.stringify(shown)}, the API ${data.totals.customers}`
    )
    const top = page.getByTestId("crm-insights-top-row")
    check(
      (await top.count()) === data.top_customers.length,
      `${await top.count()} top customers on screen, ${data.top_customers.length} from the API`
    )
    check((await page.getByTestId("crm-insights-month").count()) === 12, "twelve months of new and returning customers")
    await page.getByTestId("crm-insights-at-risk").waitFor()
    await page.screenshot({ path: path.join(artifacts, "insights-overview.png"), fullPage: true })
    await page.goto(customerUrl)
    await panel.waitFor({ timeout: 60_000 })
  })
}
