import fs from "node:fs"
import path from "node:path"

/**
 * Consents and the data export: create a consent purpose on Customers › Privacy; turn "include
 * internal notes" on and see the warning (then off again); on a customer's Privacy tab grant the
 * purpose with a reason (state, history, the timeline's system note) and download the export, whose
 * JSON holds the grant with the text agreed to and, with notes off, no internal note.
 */
export default async function consentsAndExport(ctx) {
  const { page, panel, baseUrl, step, check, artifacts, uiTimeout, adminApi } = ctx
  const stamp = Date.now().toString(36)
  const handle = `newsletter_${stamp}`
  const text = `Send me the weekly newsletter (${stamp}).`

  await step("Customers › Privacy: create a consent purpose with the text customers agree to", async () => {
    await page.goto(`${baseUrl}/app/crm-privacy`)
    await page.getByTestId("crm-purposes").waitFor({ timeout: 60_000 })
    await page.getByTestId("crm-purposes-add").click()
    const drawer = page.getByTestId("crm-purpose-drawer")
    await drawer.waitFor({ timeout: uiTimeout })
    await drawer.getByTestId("crm-purpose-handle").fill(handle)
    await drawer.getByTestId("crm-purpose-name").fill(`Newsletter ${stamp}`)
    await drawer.getByTestId("crm-purpose-text").fill(text)
    await drawer.getByTestId("crm-purpose-submit").click()
    await drawer.waitFor({ state: "detached", timeout: uiTimeout })
    const row = page.getByTestId("crm-purpose-row").filter({ hasText: `Newsletter ${stamp}` })
    await row.waitFor({ timeout: uiTimeout })
    const saved = await adminApi(`/admin/crm/privacy/purposes?q=${handle}`)
    check(saved.body?.purposes?.[0]?.text === text, `the purpose's text is ${JSON.stringify(saved.body?.purposes?.[0])}`)
    await page.getByTestId("crm-purposes").screenshot({ path: path.join(artifacts, "privacy-purposes.png") })
  })

  await step("Including internal notes in exports shows the warning, and saves", async () => {
    const notes = page.getByTestId("crm-privacy-setting-export_include_notes")
    await notes.waitFor({ timeout: uiTimeout })
    if ((await notes.getAttribute("data-checked")) === "true") {
      await notes.click()
      await page.locator('[data-testid="crm-privacy-setting-export_include_notes"][data-checked="false"]:not([disabled])').waitFor({ timeout: uiTimeout })
    }
    await notes.click()
    await page.locator('[data-testid="crm-privacy-setting-export_include_notes"][data-checked="true"]:not([disabled])').waitFor({ timeout: uiTimeout })
    await page.getByTestId("crm-privacy-notes-warning").waitFor({ timeout: uiTimeout })
    const on = await adminApi("/admin/crm/privacy/settings")
    check(on.body?.settings?.export_include_notes === true, `export_include_notes is ${JSON.stringify(on.body?.settings)}`)
    await page.getByTestId("crm-privacy-settings").screenshot({ path: path.join(artifacts, "privacy-settings-notes-warning.png") })
    await notes.click()
    await page.locator('[data-testid="crm-privacy-setting-export_include_notes"][data-checked="false"]:not([disabled])').waitFor({ timeout: uiTimeout })
    const off = await adminApi("/admin/crm/privacy/settings")
    check(off.body?.settings?.export_include_notes === false, `export_include_notes is ${JSON.stringify(off.body?.settings)}`)
  })

  const customer = await step("Create a customer with an internal note", async () => {
    const email = `consent.${stamp}@example.com`
    const res = await adminApi("/admin/customers", "POST", { first_name: "Fenna", last_name: `Consent ${stamp}`, email })
    check(res.status === 200, `creating a customer answered ${res.status}`)
    const id = res.body.customer.id
    const note = await adminApi(`/admin/customers/${id}/notes`, "POST", { body: `Internal remark ${stamp}` })
    check(note.status === 200 || note.status === 201, `adding a note answered ${note.status}`)
    return { id, email }
  })

  const openPrivacyTab = async () => {
    await page.goto(`${baseUrl}/app/customers/${customer.id}`)
    await panel.waitFor({ timeout: 60_000 })
    await panel.getByTestId("crm-tab-privacy").click()
    await panel.getByTestId("crm-privacy-tab").waitFor({ timeout: uiTimeout })
    await panel.getByTestId("crm-consents").waitFor({ timeout: uiTimeout })
  }

  await step("Privacy tab: grant the purpose with a reason; the state, the history and the timeline show it", async () => {
    await openPrivacyTab()
    const selector = `[data-testid="crm-consent"][data-purpose="${handle}"]`
    const consent = panel.locator(selector)
    await consent.waitFor({ timeout: uiTimeout })
    check((await consent.getAttribute("data-granted")) === "null", "the purpose is not yet asked")
    // The filter's inner locator is matched inside each row.
    const row = panel.locator("tr").filter({ has: page.locator(selector) })
    await row.getByTestId("crm-consent-grant").click()
    const drawer = page.getByTestId("crm-consent-change-drawer")
    await drawer.waitFor({ timeout: uiTimeout })
    check((await drawer.getByTestId("crm-consent-change-text").innerText()).includes(text), "the drawer shows the text agreed to")
    await drawer.getByTestId("crm-consent-change-reason").fill("Asked at the box office")
    await drawer.getByTestId("crm-consent-change-submit").click()
    await drawer.waitFor({ state: "detached", timeout: uiTimeout })
    await panel.locator(`[data-testid="crm-consent"][data-purpose="${handle}"][data-granted="true"]`).waitFor({ timeout: uiTimeout })
    await panel.getByTestId("crm-consent-history-entry").first().waitFor({ timeout: uiTimeout })
    const saved = await adminApi(`/admin/customers/${customer.id}/consents`)
    const entry = saved.body?.history?.find((h) => h.granted === true && h.reason === "Asked at the box office")
    check(entry?.source === "admin" && entry?.text_version === 1, `the log holds ${JSON.stringify(saved.body?.history)}`)
    const timeline = await adminApi(`/admin/customers/${customer.id}/notes?kind=system`)
    check(
      (timeline.body?.notes ?? []).some((n) => /consent|newsletter/i.test(n.body)),
      `no system note about the consent: ${JSON.stringify(timeline.body?.notes?.map((n) => n.body))}`
    )
    await panel.getByTestId("crm-consents").screenshot({ path: path.join(artifacts, "privacy-consents.png") })
  })

  await step("Privacy tab: Download the export: the JSON holds the grant and, with notes off, no internal note", async () => {
    const section = panel.getByTestId("crm-privacy-export")
    await section.waitFor({ timeout: uiTimeout })
    await section.screenshot({ path: path.join(artifacts, "privacy-export.png") })
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: uiTimeout }),
      panel.getByTestId("crm-privacy-export-download").click(),
    ])
    check(/^customer-export-.*\.json$/.test(download.suggestedFilename()), `file name ${download.suggestedFilename()}`)
    const file = path.join(artifacts, "privacy-export.json")
    await download.saveAs(file)
    const doc = JSON.parse(fs.readFileSync(file, "utf8"))
    check(doc.version === 1 && doc.customer_id === customer.id, `document head ${JSON.stringify({ version: doc.version, customer_id: doc.customer_id })}`)
    const grant = (doc.sections?.consents ?? []).find((c) => c.purpose === handle)
    check(grant?.granted === true && grant?.text === text, `consents section ${JSON.stringify(doc.sections?.consents)}`)
    check(!JSON.stringify(doc.sections?.notes ?? []).includes(`Internal remark ${stamp}`), "the internal note is in the export with notes off")
    const requests = await adminApi(`/admin/crm/privacy/requests?customer_id=${customer.id}&kind=export`)
    check(requests.body?.requests?.[0]?.status === "completed", `the export request is ${JSON.stringify(requests.body?.requests)}`)
  })
}
