import path from "node:path"

/**
 * Customers › Messages & offers. A customer with an online account gets a fresh tag
 * (`E2E_AFFILIATION_<stamp> = CUSTOMER`) through the API; a message campaign for that tag is made in
 * the form, which shows the audience's size (one customer) before saving. The worker distributes it
 * at once: the campaign page counts one recipient, and the customer's page shows the message in its
 * Messages tab with status New, beside the demo's loyalty offer in the Offers tab. Screenshots of the
 * form, the campaign page, the list and the customer's two tabs.
 */
export default async function messages(ctx) {
  const { page, baseUrl, step, check, artifacts, uiTimeout, adminApi, sql } = ctx
  const stamp = Date.now().toString(36).toUpperCase()
  const key = `E2E_AFFILIATION_${stamp}`
  const title = `Members' evening ${stamp}`

  const customerId = await step("A customer with an online account gets a fresh tag through the API", async () => {
    const [row] = await sql(
      `SELECT c.id FROM customer c
        WHERE c.has_account = true AND c.deleted_at IS NULL AND c.email IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM privacy_erasure e WHERE e.customer_id = c.id AND e.deleted_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM customer_archive a WHERE a.customer_id = c.id AND a.deleted_at IS NULL)
        ORDER BY c.created_at LIMIT 1`
    )
    check(row, "the demo store has no customer with an online account")
    const definition = await adminApi("/admin/crm/tags", "POST", {
      key,
      label: `Affiliation ${stamp}`,
      value_mode: "text",
    })
    check(definition.status === 200 || definition.status === 201, `creating the tag answered ${definition.status}`)
    const tagged = await adminApi(`/admin/customers/${row.id}/tags`, "POST", { key, value: "CUSTOMER" })
    check(tagged.status === 200 || tagged.status === 201, `tagging the customer answered ${tagged.status} ${JSON.stringify(tagged.body)}`)
    return row.id
  })

  await step("Customers › Messages & offers: create a message for the tag; the form counts one customer", async () => {
    await page.goto(`${baseUrl}/app/crm-messages`)
    await page.getByTestId("campaigns-page").waitFor({ timeout: 60_000 })
    await page.getByTestId("campaign-create").click()
    const drawer = page.getByTestId("campaign-form-drawer")
    await drawer.waitFor({ timeout: uiTimeout })
    await page.getByTestId("campaign-form-title").fill(title)
    await page.getByTestId("campaign-form-short-description").fill("Doors open at seven; members bring a guest for free.")
    await page.getByTestId("campaign-form-body").fill("Join us on the stage after the show.")
    await page.getByTestId("campaign-form-audience-tags").click()
    const tagInput = page.getByTestId("campaign-form-tag-input")
    await tagInput.fill(`${key}=CUSTOMER`)
    await tagInput.press("Enter")
    await page.locator(`[data-testid="campaign-form-tag"][data-tag="${key}:CUSTOMER"]`).waitFor({ timeout: uiTimeout })
    await page.locator('[data-testid="campaign-audience-count"][data-count="1"]').waitFor({ timeout: uiTimeout })
    await drawer.screenshot({ path: path.join(artifacts, "campaign-form.png") })
    await page.getByTestId("campaign-save").click()
    await page.waitForURL(/\/app\/crm-messages\/ccmp_[A-Za-z0-9]+$/, { timeout: uiTimeout })
  })

  await step("The campaign page shows it active, and the worker distributes it to the one customer", async () => {
    await page.locator('[data-testid="campaign-detail"][data-status="active"]').waitFor({ timeout: uiTimeout })
    await page.locator('[data-testid="campaign-count-distributed"][data-count="1"]').waitFor({ timeout: 60_000 })
    await page.locator(`[data-testid="campaign-entry-customer"][data-customer-id="${customerId}"]`).waitFor({ timeout: uiTimeout })
    await page.getByTestId("campaign-detail").screenshot({ path: path.join(artifacts, "campaign-detail.png") })
  })

  await step("Customers › Messages & offers lists the campaign with its one recipient", async () => {
    await page.goto(`${baseUrl}/app/crm-messages`)
    await page.getByTestId("campaigns-page").waitFor({ timeout: 60_000 })
    const name = page.getByTestId("campaign-row").filter({ hasText: title })
    await name.waitFor({ timeout: uiTimeout })
    const row = page.locator("tr").filter({ has: name })
    await row.locator('[data-testid="campaign-row-distributed"][data-count="1"]').waitFor({ timeout: uiTimeout })
    await row.locator('[data-testid="campaign-row-status"][data-status="active"]').waitFor({ timeout: uiTimeout })
    await page.getByTestId("campaigns-page").screenshot({ path: path.join(artifacts, "campaigns-list.png") })
  })

  await step("The customer's page shows the message in the Messages tab, status New", async () => {
    await page.goto(`${baseUrl}/app/customers/${customerId}`)
    await page.getByTestId("crm-tab-messages").click()
    const row = page.getByTestId("customer-message-row").filter({ hasText: title })
    await row.waitFor({ timeout: uiTimeout })
    const status = await row.getAttribute("data-status")
    check(status === "new", `the message's status is ${status}`)
    await page.getByTestId("crm-messages-tab").screenshot({ path: path.join(artifacts, "customer-messages.png") })
    // The demo's loyalty offer for everyone is in the Offers tab, with its price in points.
    await page.getByTestId("crm-tab-offers").click()
    const offer = page.locator('[data-testid="customer-offer-row"][data-kind="loyalty_offer"]').filter({ hasText: "Programme booklet" })
    await offer.waitFor({ timeout: uiTimeout })
    await page.getByTestId("crm-offers-tab").screenshot({ path: path.join(artifacts, "customer-offers.png") })
    // Leave the panel on its first tab for the groups after this one.
    await page.getByTestId("crm-tab-overview").click()
  })
}
