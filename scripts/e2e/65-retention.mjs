import path from "node:path"

/**
 * Retention on Customers › Privacy: the section loads with its settings, a dry run lists the
 * customers with their outcome and adds a dry run to the runs table; screenshots of both.
 */
export default async function retention(ctx) {
  const { page, baseUrl, step, check, artifacts, uiTimeout } = ctx

  await step("Customers › Privacy: a retention dry run lists who would go and who stays", async () => {
    await page.goto(`${baseUrl}/app/crm-privacy`)
    const section = page.getByTestId("crm-retention")
    await section.waitFor({ timeout: 60_000 })
    check((await page.getByTestId("crm-retention-months").inputValue()) !== "", "the retention period is empty")
    await page.getByTestId("crm-retention-months").fill("1")
    await page.getByTestId("crm-retention-dry-run").click()
    const results = page.getByTestId("crm-retention-dry-run-results")
    await results.waitFor({ timeout: uiTimeout })
    await page.locator('[data-testid="crm-retention-run-row"]').first().waitFor({ timeout: uiTimeout })
    await section.screenshot({ path: path.join(artifacts, "privacy-retention.png") })
  })
}
