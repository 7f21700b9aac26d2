import path from "node:path"

/**
 * Retention on Customers › Privacy: two customers inactive for three years, one of them on legal
 * hold; a dry run over one year lists the first as going (inactive) and the second as kept (legal
 * hold), changes nobody, and adds a dry run to the runs table; screenshots of both.
 */
export default async function retention(ctx) {
  const { page, baseUrl, step, check, artifacts, uiTimeout, adminApi, sql } = ctx
  const stamp = Date.now().toString(36)

  const oldCustomer = async (firstName) => {
    const res = await adminApi("/admin/customers", "POST", {
      first_name: firstName,
      last_name: `Retention ${stamp}`,
      email: `${firstName.toLowerCase()}.retention.${stamp}@example.com`,
    })
    check(res.status === 200, `creating a customer answered ${res.status}`)
    const id = res.body.customer.id
    await sql(`UPDATE customer SET created_at = now() - interval '3 years', updated_at = now() - interval '3 years' WHERE id = $1`, [id])
    return id
  }

  const [gone, held] = await step("Two customers inactive for three years, one on legal hold", async () => {
    const ids = [await oldCustomer("Olga"), await oldCustomer("Henk")]
    const hold = await adminApi(`/admin/customers/${ids[1]}/privacy/legal-hold`, "POST", { reason: "Open dispute" })
    check(hold.status === 200, `setting a legal hold answered ${hold.status}`)
    return ids
  })

  await step("Customers › Privacy: a retention dry run lists who would go and who stays, and why", async () => {
    await page.goto(`${baseUrl}/app/crm-privacy`)
    const section = page.getByTestId("crm-retention")
    await section.waitFor({ timeout: 60_000 })
    check((await page.getByTestId("crm-retention-months").inputValue()) !== "", "the retention period is empty")
    await page.getByTestId("crm-retention-months").fill("12")
    await page.getByTestId("crm-retention-dry-run").click()
    await page.getByTestId("crm-retention-dry-run-results").waitFor({ timeout: uiTimeout })
    const candidate = (id) => page.locator(`[data-testid="crm-retention-candidate"][data-customer-id="${id}"]`)
    await candidate(gone).waitFor({ timeout: uiTimeout })
    await candidate(held).waitFor({ timeout: uiTimeout })
    const row = (id) => page.locator("tr").filter({ has: page.locator(`[data-testid="crm-retention-candidate"][data-customer-id="${id}"]`) })
    const outcome = async (id) => ({
      outcome: await row(id).getByTestId("crm-retention-candidate-outcome").getAttribute("data-outcome"),
      reason: await row(id).locator("[data-reason]").getAttribute("data-reason"),
    })
    const olga = await outcome(gone)
    check(olga.outcome === "anonymize" && olga.reason === "inactive", `Olga: ${JSON.stringify(olga)}`)
    const henk = await outcome(held)
    check(henk.outcome === "keep" && henk.reason === "legal_hold", `Henk: ${JSON.stringify(henk)}`)
    await page.locator('[data-testid="crm-retention-run-row"]').first().waitFor({ timeout: uiTimeout })
    const [customer] = await sql(`SELECT email FROM customer WHERE id = $1`, [gone])
    check(!customer.email.endsWith("@anonymized.invalid"), "the dry run anonymized a customer")
    await section.screenshot({ path: path.join(artifacts, "privacy-retention.png") })
  })
}
