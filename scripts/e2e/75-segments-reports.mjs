import path from "node:path"

/**
 * Customers › Segments and Customers › Reports. A segment made through the API (the customer's own
 * e-mail as its filter, synced into a new group) shows its live count and its one member; "Sync now"
 * adds a manual sync to the history. A report on that segment to the file destination is created
 * in the form, run by hand, and its run succeeds with one row; screenshots of each page.
 */
export default async function segmentsAndReports(ctx) {
  const { page, baseUrl, customerUrl, step, check, artifacts, uiTimeout, adminApi } = ctx
  const stamp = Date.now().toString(36)
  const customerId = customerUrl.split("/").filter(Boolean).pop()

  const segment = await step("A segment of one customer, synced into a new group, made through the API", async () => {
    const customer = await adminApi(`/admin/customers/${customerId}`)
    check(customer.status === 200, `reading the customer answered ${customer.status}`)
    const res = await adminApi("/admin/crm/segments", "POST", {
      name: `E2E segment ${stamp}`,
      description: "The browser test's customer",
      filter: { q: customer.body.customer.email, field: "email" },
      create_group: true,
      manual_members: "remove",
    })
    check(res.status === 200 || res.status === 201, `creating the segment answered ${res.status} ${JSON.stringify(res.body)}`)
    return res.body.segment
  })

  await step("Customers › Segments lists it with its live count and group", async () => {
    await page.goto(`${baseUrl}/app/crm-segments`)
    await page.getByTestId("crm-segments").waitFor({ timeout: 60_000 })
    await page.getByTestId("crm-segments-search").locator("input").fill(segment.name)
    const name = page.locator(`[data-testid="crm-segment-row-name"][data-segment-id="${segment.id}"]`)
    await name.waitFor({ timeout: uiTimeout })
    const row = page.locator("tr").filter({ has: name })
    await row.locator('[data-testid="crm-segment-row-count"][data-count="1"]').waitFor({ timeout: uiTimeout })
    await row.locator(`a[data-testid="crm-segment-row-group"]`).waitFor({ timeout: uiTimeout })
    await page.getByTestId("crm-segments-page").screenshot({ path: path.join(artifacts, "segments-list.png") })
    await name.click()
    await page.waitForURL(new RegExp(`/app/crm-segments/${segment.id}$`))
  })

  await step("The segment page shows its filter, its count and its member", async () => {
    const detail = page.getByTestId("crm-segment-detail")
    await detail.waitFor({ timeout: uiTimeout })
    await page.locator('[data-testid="crm-segment-detail-count"][data-count="1"]').waitFor({ timeout: uiTimeout })
    await page.locator('[data-testid="crm-segment-filter-chip"][data-key="q"]').waitFor({ timeout: uiTimeout })
    await page.locator(`[data-testid="crm-segment-member"][data-customer-id="${customerId}"]`).waitFor({ timeout: uiTimeout })
    const open = await page.getByTestId("crm-segment-open-in-list").getAttribute("href")
    check(open?.endsWith(`/crm-customers?segment=${segment.id}`), `"Open in customer list" links to ${open}`)
  })

  await step("Sync now: a manual sync succeeds and the group holds the one member", async () => {
    await page.getByTestId("crm-segment-sync-now").click()
    const manual = page
      .locator("tr")
      .filter({ has: page.locator('[data-testid="crm-segment-sync-trigger"][data-trigger="manual"]') })
      .filter({ has: page.locator('[data-testid="crm-segment-sync-status"][data-status="succeeded"]') })
    await manual.first().waitFor({ timeout: 60_000 })
    const members = await manual.first().getByTestId("crm-segment-sync-members").textContent()
    check(members?.trim() === "1", `the sync left ${members} members in the group`)
    await page.getByTestId("crm-segment-detail").screenshot({ path: path.join(artifacts, "segment-detail.png") })
  })

  const reportName = `E2E report ${stamp}`
  await step("Customers › Reports: create a report on the segment to the file destination", async () => {
    await page.goto(`${baseUrl}/app/crm-reports`)
    await page.getByTestId("crm-reports").waitFor({ timeout: 60_000 })
    await page.getByTestId("crm-report-create").click()
    const drawer = page.getByTestId("crm-report-form-drawer")
    await drawer.waitFor({ timeout: uiTimeout })
    await page.getByTestId("crm-report-form-name").fill(reportName)
    await page.getByTestId("crm-report-form-segment").click()
    await page.locator(`[data-testid="crm-report-form-segment-option"][data-value="${segment.id}"]`).click()
    check(
      (await page.getByTestId("crm-report-form-destination-type").getAttribute("data-value")) === "file",
      "the destination is not the file by default"
    )
    await drawer.screenshot({ path: path.join(artifacts, "report-form.png") })
    await page.getByTestId("crm-report-form-submit").click()
    await page.waitForURL(/\/app\/crm-reports\/[^/]+$/, { timeout: uiTimeout })
    await page.getByTestId("crm-report-detail").waitFor({ timeout: uiTimeout })
    const name = await page.getByTestId("crm-report-detail-name").textContent()
    check(name === reportName, `the report page shows ${name}`)
  })

  await step("Run now: the run succeeds with the segment's one row, and its file can be downloaded", async () => {
    await page.getByTestId("crm-report-run-now").click()
    const succeeded = page
      .locator("tr")
      .filter({ has: page.locator('[data-testid="crm-report-run-trigger"][data-trigger="manual"]') })
      .filter({ has: page.locator('[data-testid="crm-report-run-status"][data-status="succeeded"]') })
    await succeeded.first().waitFor({ timeout: 90_000 })
    const rows = await succeeded.first().getByTestId("crm-report-run-rows").getAttribute("data-rows")
    check(rows === "1", `the run wrote ${rows} rows`)
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: uiTimeout }),
      succeeded.first().getByTestId("crm-report-run-download").click(),
    ])
    const file = await download.path()
    check(!!file, "the run's file did not download")
    await page.getByTestId("crm-report-detail").screenshot({ path: path.join(artifacts, "report-detail.png") })
    await page.goto(`${baseUrl}/app/crm-reports`)
    await page.locator('[data-testid="crm-report-row-last-run"][data-status="succeeded"]').first().waitFor({ timeout: uiTimeout })
    await page.getByTestId("crm-reports-page").screenshot({ path: path.join(artifacts, "reports-list.png") })
  })
}
