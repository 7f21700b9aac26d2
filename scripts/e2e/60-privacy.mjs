import path from "node:path"

/**
 * Privacy: the settings page's switches; on a new customer without orders, a legal hold set with a
 * reason (anonymize blocked, the reason shown) and lifted; the anonymization after typing the word
 * (the Anonymized state, badges, the request, the data gone from the API); then in Dutch, a second
 * customer deleted permanently after typing VERWIJDEREN, landing on the customers list.
 */
export default async function privacy(ctx) {
  const { page, panel, baseUrl, step, check, artifacts, uiTimeout, switchLanguage, adminApi } = ctx
  const stamp = Date.now().toString(36)

  const createCustomer = async (firstName) => {
    const email = `${firstName.toLowerCase()}.${stamp}@example.com`
    const res = await adminApi("/admin/customers", "POST", {
      first_name: firstName,
      last_name: `Privacy ${stamp}`,
      email,
      phone: `+3161${String(Date.now()).slice(-7)}`,
    })
    check(res.status === 200, `creating a customer answered ${res.status}`)
    return { id: res.body.customer.id, email }
  }

  /** The customer's page with the Privacy tab open and loaded. */
  const openPrivacyTab = async (customerId) => {
    await page.goto(`${baseUrl}/app/customers/${customerId}`)
    await panel.waitFor({ timeout: 60_000 })
    await panel.getByTestId("crm-tab-privacy").click()
    const tab = panel.getByTestId("crm-privacy-tab")
    await tab.waitFor({ timeout: uiTimeout })
    await panel.getByTestId("crm-privacy-loading").waitFor({ state: "detached", timeout: uiTimeout })
    return tab
  }

  /** The dashboard's prompt: the confirm button stays disabled until `word` is typed exactly. */
  const confirmWithWord = async (word, confirmLabel) => {
    const dialog = page.getByRole("alertdialog")
    await dialog.waitFor({ timeout: uiTimeout })
    const confirm = dialog.getByRole("button", { name: confirmLabel, exact: true })
    check(await confirm.isDisabled(), `"${confirmLabel}" is enabled before the word is typed`)
    const input = dialog.locator("#verificationText")
    await input.fill(word.toLowerCase())
    check(await confirm.isDisabled(), `"${confirmLabel}" is enabled after typing "${word.toLowerCase()}"`)
    await input.fill(word)
    await page.waitForFunction((el) => !el.disabled, await confirm.elementHandle(), { timeout: uiTimeout })
    await dialog.screenshot({ path: path.join(artifacts, `privacy-confirm-${word.toLowerCase()}.png`) })
    await confirm.click()
    await dialog.waitFor({ state: "detached", timeout: uiTimeout })
  }

  await step("Customers › Privacy: staff may anonymize; the self-service switch saves", async () => {
    await page.goto(`${baseUrl}/app/crm-privacy`)
    await page.getByTestId("crm-privacy-settings").waitFor({ timeout: 60_000 })
    const staff = page.getByTestId("crm-privacy-setting-staff_anonymize")
    if ((await staff.getAttribute("data-checked")) !== "true") {
      await staff.click()
      await page.locator('[data-testid="crm-privacy-setting-staff_anonymize"][data-checked="true"]:not([disabled])').waitFor({ timeout: uiTimeout })
    }
    const self = page.getByTestId("crm-privacy-setting-customer_self_anonymize")
    const before = (await self.getAttribute("data-checked")) === "true"
    for (const expected of [!before, before]) {
      await self.click()
      await page
        .locator(`[data-testid="crm-privacy-setting-customer_self_anonymize"][data-checked="${expected}"]:not([disabled])`)
        .waitFor({ timeout: uiTimeout })
      const saved = await adminApi("/admin/crm/privacy/settings")
      check(
        saved.body?.settings?.customer_self_anonymize === expected,
        `customer_self_anonymize is ${JSON.stringify(saved.body?.settings)}, expected ${expected}`
      )
    }
    await page.screenshot({ path: path.join(artifacts, "privacy-settings.png") })
  })

  const person = await step("Create a customer without orders", () => createCustomer("Roos"))

  await step("The Privacy tab shows what anonymizing does, and no blockers", async () => {
    const tab = await openPrivacyTab(person.id)
    const records = tab.getByTestId("crm-privacy-records")
    check((await records.getAttribute("data-count")) === "1", `the person has ${await records.getAttribute("data-count")} records`)
    await tab.getByTestId("crm-privacy-erased").waitFor()
    await tab.getByTestId("crm-privacy-kept").waitFor()
    check((await tab.getByTestId("crm-privacy-anonymize-blockers").count()) === 0, "anonymizing a customer without orders is blocked")
    check(await tab.getByTestId("crm-privacy-anonymize-button").isEnabled(), "the anonymize button is disabled")
    check((await tab.getByTestId("crm-privacy-hold-status").getAttribute("data-status")) === "off", "a new customer is on hold")
  })

  const holdReason = `Chargeback dispute ${stamp}`
  await step("Set a legal hold with a reason: anonymizing is blocked and says why", async () => {
    const tab = panel.getByTestId("crm-privacy-tab")
    await tab.getByTestId("crm-privacy-hold-set").click()
    const drawer = page.getByTestId("crm-privacy-hold-drawer")
    // Without a reason the form refuses.
    await drawer.getByTestId("crm-privacy-hold-submit").click()
    await drawer.getByTestId("crm-privacy-hold-reason-field-error").waitFor({ timeout: uiTimeout })
    await drawer.getByTestId("crm-privacy-hold-reason").fill(holdReason)
    await drawer.getByTestId("crm-privacy-hold-submit").click()
    await drawer.waitFor({ state: "detached", timeout: uiTimeout })
    await tab.locator('[data-testid="crm-privacy-hold-status"][data-status="on"]').waitFor({ timeout: uiTimeout })
    const reason = await tab.getByTestId("crm-privacy-hold-reason-text").innerText()
    check(reason.includes(holdReason), `the hold's reason reads "${reason}"`)
    const setBy = await tab.getByTestId("crm-privacy-hold-set-by").innerText()
    check(/^Set (by|on) /.test(setBy), `who set the hold reads "${setBy}"`)
    const blocker = tab.locator('[data-testid="crm-privacy-blocker"][data-code="legal_hold"]').first()
    await blocker.waitFor({ timeout: uiTimeout })
    const text = await blocker.innerText()
    check(/legal hold/i.test(text), `the legal hold blocker reads "${text}"`)
    check(await tab.getByTestId("crm-privacy-anonymize-button").isDisabled(), "anonymize is enabled while on hold")
    await tab.screenshot({ path: path.join(artifacts, "privacy-legal-hold.png") })
    const privacy = await adminApi(`/admin/customers/${person.id}/privacy`)
    check(privacy.body?.privacy?.legal_hold?.reason === holdReason, `the API holds ${JSON.stringify(privacy.body?.privacy?.legal_hold)}`)
  })

  await step("Lift the legal hold: anonymizing is possible again", async () => {
    const tab = panel.getByTestId("crm-privacy-tab")
    await tab.getByTestId("crm-privacy-hold-lift").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.waitFor({ timeout: uiTimeout })
    await dialog.getByRole("button", { name: "Lift hold", exact: true }).click()
    await tab.locator('[data-testid="crm-privacy-hold-status"][data-status="off"]').waitFor({ timeout: uiTimeout })
    await page.waitForFunction(
      (el) => !el.disabled,
      await tab.getByTestId("crm-privacy-anonymize-button").elementHandle(),
      { timeout: uiTimeout }
    )
  })

  await step("Anonymize after typing ANONYMIZE: the page shows Anonymized with the date", async () => {
    const tab = panel.getByTestId("crm-privacy-tab")
    await tab.getByTestId("crm-privacy-anonymize-button").click()
    await confirmWithWord("ANONYMIZE", "Anonymize")
    const done = tab.getByTestId("crm-privacy-anonymized")
    await done.waitFor({ timeout: 60_000 })
    const text = await done.innerText()
    check(/Anonymized on \w+/.test(text), `the anonymized state reads "${text}"`)
    await panel.getByTestId("crm-panel-anonymized").waitFor({ timeout: uiTimeout })
    await page.getByTestId("crm-side-anonymized").waitFor({ timeout: uiTimeout })
    const request = tab.locator('[data-testid="crm-privacy-request"][data-kind="anonymize"]').first()
    await request.waitFor({ timeout: uiTimeout })
    check((await request.getAttribute("data-status")) === "completed", `the request is ${await request.getAttribute("data-status")}`)

    const customer = await adminApi(`/admin/customers/${person.id}?fields=email,first_name,last_name,phone`)
    const c = customer.body?.customer ?? {}
    check(c.email !== person.email && !String(c.email ?? "").includes(stamp), `the e-mail is still ${c.email}`)
    check(c.first_name !== "Roos" && !String(c.last_name ?? "").includes(stamp), `the name is still ${c.first_name} ${c.last_name}`)
    // The customer's own page (Medusa's sections refetched) shows no trace of the name or e-mail either.
    await page
      .waitForFunction(
        ([name, email]) => {
          const text = document.querySelector("main")?.innerText ?? ""
          return !text.includes(name) && !text.includes(email)
        },
        [`Privacy ${stamp}`, person.email],
        { timeout: uiTimeout }
      )
      .catch(() => check(false, "the page still shows the name or e-mail"))
    await page.screenshot({ path: path.join(artifacts, "privacy-anonymized.png"), fullPage: true })
  })

  const other = await step("Create a second customer without orders", () => createCustomer("Daan"))

  await switchLanguage("Nederlands", "Taal")
  try {
    await step("Dutch: the Privacy tab's labels, and a permanent delete after typing VERWIJDEREN", async () => {
      const tab = await openPrivacyTab(other.id)
      for (const [testId, expected] of [
        ["crm-privacy-hold-set", "Bewaarplicht instellen"],
        ["crm-privacy-anonymize-button", "Klant anonimiseren"],
        ["crm-privacy-delete-button", "Definitief verwijderen"],
      ]) {
        const label = (await tab.getByTestId(testId).innerText()).trim()
        check(label === expected, `${testId} reads "${label}", expected "${expected}"`)
      }
      await tab.getByText("Juridische bewaarplicht", { exact: true }).first().waitFor()
      await tab.getByText("Privacyverzoeken", { exact: true }).first().waitFor()
      await tab.screenshot({ path: path.join(artifacts, "privacy-tab-dutch.png") })

      // The anonymize prompt asks for the Dutch word; cancelled, nothing happens.
      await tab.getByTestId("crm-privacy-anonymize-button").click()
      const dialog = page.getByRole("alertdialog")
      await dialog.waitFor({ timeout: uiTimeout })
      const prompt = await dialog.innerText()
      check(prompt.includes("ANONIMISEREN") && prompt.includes("Typ"), `the Dutch prompt reads "${prompt}"`)
      await dialog.getByRole("button", { name: "Annuleren", exact: true }).click()
      await dialog.waitFor({ state: "detached", timeout: uiTimeout })

      await tab.getByTestId("crm-privacy-delete-button").click()
      await confirmWithWord("VERWIJDEREN", "Verwijderen")
      await page.waitForURL(/\/app\/customers\/?(\?.*)?$/, { timeout: uiTimeout })
      const gone = await adminApi(`/admin/customers/${other.id}`)
      check(gone.status === 404, `the deleted customer answers ${gone.status}`)
    })
  } finally {
    await switchLanguage("English", "Language")
  }
}
