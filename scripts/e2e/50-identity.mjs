import path from "node:path"

/**
 * Identity at a laptop's size (1440x900): the CRM tabs in view on the customer page; two records of
 * one name told apart in the merge preview and merged by a double click (one merge, on to the
 * record kept, identical addresses kept once); an alternate e-mail refused as another customer's,
 * with a link to them and the merge offered; and a phone number found in its national form.
 */
export default async function identity(ctx) {
  const { page, panel, baseUrl, customerUrl, step, check, artifacts, uiTimeout, adminApi } = ctx
  const stamp = Date.now().toString(36)

  await page.setViewportSize({ width: 1440, height: 900 })
  try {
    await step("At 1440x900 the customer page shows the CRM tabs without scrolling", async () => {
      await page.goto(customerUrl)
      await panel.waitFor({ timeout: 60_000 })
      const tabs = panel.getByRole("tablist")
      await tabs.waitFor({ timeout: uiTimeout })
      // The dashboard draws widgets after its own sections until the page's layout configuration
      // has loaded, then moves them: measure once the page has settled.
      const inView = (box) => !!box && box.y >= 0 && box.y + box.height <= 900
      let box = await tabs.boundingBox()
      for (const until = Date.now() + uiTimeout; !inView(box) && Date.now() < until; box = await tabs.boundingBox()) {
        await page.waitForTimeout(250)
      }
      check(inView(box), `the CRM tab bar is at ${JSON.stringify(box)}, outside 1440x900`)
      await page.screenshot({ path: path.join(artifacts, "identity-customer-1440x900.png") })
    })

    // Two records of one person, as a box office and a webshop make them: one name, the phone
    // written two ways, the same address typed twice.
    const phoneNational = `0${11000000 + (Date.now() % 8999999)}`
    const phoneInternational = `+32 ${phoneNational.slice(1, 3)} ${phoneNational.slice(3, 5)} ${phoneNational.slice(5, 7)} ${phoneNational.slice(7)}`
    let boxOffice
    let webshop
    await step("Create two records of one name with the same address and one phone number written two ways", async () => {
      const make = async (body) => {
        const res = await adminApi("/admin/customers", "POST", body)
        check(res.status === 200, `creating a customer answered ${res.status}`)
        return res.body.customer.id
      }
      boxOffice = await make({ first_name: "Karlijn", last_name: `Huisman ${stamp}`, phone: phoneInternational })
      webshop = await make({
        first_name: "Karlijn",
        last_name: `Huisman ${stamp}`,
        email: `karlijn.${stamp}@example.com`,
        phone: phoneNational,
      })
      const address = { first_name: "Karlijn", address_1: "Kerkstraat 1", city: "Hasselt", postal_code: "3500", country_code: "be" }
      for (const id of [boxOffice, webshop]) {
        const res = await adminApi(`/admin/customers/${id}/addresses`, "POST", address)
        check(res.status === 200, `adding an address answered ${res.status}`)
      }
    })

    await step("Find the record by its phone number in national form", async () => {
      await page.goto(`${baseUrl}/app/crm-customers`)
      await page.getByTestId("crm-customers-page").waitFor({ timeout: 60_000 })
      await page.getByTestId("crm-customers-search").locator("input").fill(phoneNational)
      for (const id of [boxOffice, webshop]) {
        await page
          .getByTestId("crm-customers-table")
          .locator(`[data-testid="crm-customer-name"][data-customer-id="${id}"]`)
          .waitFor({ timeout: uiTimeout })
      }
      await page.screenshot({ path: path.join(artifacts, "identity-phone-search.png") })
    })

    await step("Adding the other record's e-mail names that customer, links to them and offers the merge", async () => {
      await page.goto(`${baseUrl}/app/customers/${boxOffice}`)
      await panel.waitFor({ timeout: 60_000 })
      await panel.getByTestId("crm-tab-identity").click()
      await panel.getByTestId("crm-identity-add-email").click()
      const drawer = page.getByTestId("crm-identity-email-drawer")
      await drawer.getByTestId("crm-identity-email-input").fill(`Karlijn.${stamp}@example.com`)
      await drawer.getByTestId("crm-identity-email-submit").click()
      const taken = drawer.getByTestId("crm-identity-email-taken")
      await taken.waitFor({ timeout: uiTimeout })
      const text = await taken.innerText()
      check(text.includes(`Huisman ${stamp}`), `the refusal does not name the other customer: ${text}`)
      check(!text.includes(webshop), `the refusal shows a raw id: ${text}`)
      const link = taken.getByTestId("crm-identity-email-taken-link")
      check((await link.getAttribute("data-customer-id")) === webshop, "the refusal links to another customer")
      check((await link.getAttribute("href"))?.endsWith(`/customers/${webshop}`), "the link does not lead to the other customer")
      await drawer.screenshot({ path: path.join(artifacts, "identity-email-taken.png") })
      // The merge it offers opens the preview with that record.
      await taken.getByTestId("crm-identity-email-taken-merge").click()
      const modal = page.getByTestId("crm-merge-modal")
      await modal.getByTestId("crm-merge-compare").waitFor({ timeout: uiTimeout })
      const records = await modal
        .getByTestId("crm-merge-record")
        .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-customer-id")))
      check(records.includes(webshop) && records.includes(boxOffice), `the merge preview shows ${records}, not the two records`)
    })

    await step("The merge preview compares the two records field by field; a double click merges once", async () => {
      const modal = page.getByTestId("crm-merge-modal")
      // Keep the box-office record: the webshop one is merged away.
      await modal.getByTestId(`crm-merge-survivor-${boxOffice}`).click()
      await modal.locator(`[data-testid="crm-merge-record"][data-customer-id="${boxOffice}"][data-survivor="true"]`).waitFor()
      const compare = modal.getByTestId("crm-merge-compare")
      await compare.locator(`th[data-customer-id="${boxOffice}"]`).waitFor({ timeout: uiTimeout })
      for (const [field, differs] of [
        ["name", "false"],
        ["email", "true"],
        ["phone", "true"],
        ["account", "false"],
        ["created", null],
        ["orders", null],
        ["lifetimeValue", null],
      ]) {
        const row = compare.getByTestId(`crm-merge-compare-${field}`)
        check((await row.count()) === 1, `the comparison has no ${field} row`)
        if (differs) {
          check((await row.getAttribute("data-differs")) === differs, `${field} should ${differs === "true" ? "" : "not "}be marked as different`)
        }
      }
      const sameAddress = modal.getByTestId("crm-merge-stays-addresses")
      await sameAddress.waitFor({ timeout: uiTimeout })
      check((await sameAddress.getAttribute("data-count")) === "1", "the identical address is not kept once")
      await compare.scrollIntoViewIfNeeded()
      await modal.screenshot({ path: path.join(artifacts, "identity-merge-compare.png") })

      const confirm = modal.getByTestId("crm-merge-confirm")
      await page.waitForFunction((el) => !el.disabled, await confirm.elementHandle(), { timeout: uiTimeout })
      let merges = 0
      const counter = (request) => {
        if (request.method() === "POST" && /\/identity\/merge$/.test(new URL(request.url()).pathname)) {
          merges += 1
        }
      }
      page.on("request", counter)
      await confirm.dblclick()
      await page.waitForURL(new RegExp(`/customers/${boxOffice}$`), { timeout: uiTimeout }).catch(() => {})
      await modal.waitFor({ state: "detached", timeout: uiTimeout })
      page.off("request", counter)
      check(merges === 1, `a double click sent ${merges} merge requests`)
      check(new URL(page.url()).pathname.endsWith(`/customers/${boxOffice}`), `after the merge the page is ${page.url()}`)

      const identity = await adminApi(`/admin/customers/${boxOffice}/identity`)
      const done = identity.body.identity.merges.filter((m) => m.source_id === webshop)
      check(done.length === 1 && done[0].status === "merged", `the survivor lists ${done.length} merges of the other record`)
      const customer = await adminApi(`/admin/customers/${boxOffice}?fields=*addresses`)
      check(customer.body.customer.addresses.length === 1, `the survivor has ${customer.body.customer.addresses.length} addresses, not one`)
      await panel.waitFor({ timeout: 60_000 })
      await panel.getByTestId("crm-tab-identity").click()
      await panel
        .locator(`[data-testid="crm-identity-merge"][data-merge-id="${done[0].id}"][data-status="merged"]`)
        .waitFor({ timeout: uiTimeout })
    })

    await step("After an undo the merged records row shows one state", async () => {
      const row = panel
        .getByTestId("crm-identity-merges-table")
        .locator("tr")
        .filter({ has: page.locator(`[data-testid="crm-identity-merge"][data-status="merged"]`) })
        .filter({ hasText: `karlijn.${stamp}@example.com` })
      await row.getByTestId("crm-identity-merge-actions").click()
      await page.getByTestId("crm-identity-merge-undo").click()
      const dialog = page.getByRole("alertdialog")
      await dialog.waitFor()
      await dialog.getByRole("button", { name: /undo/i }).click()
      const undone = panel
        .getByTestId("crm-identity-merges-table")
        .locator("tr")
        .filter({ has: page.locator(`[data-testid="crm-identity-merge"][data-status="undone"]`) })
        .filter({ hasText: `karlijn.${stamp}@example.com` })
      await undone.waitFor({ timeout: uiTimeout })
      const status = await undone.getByTestId("crm-identity-merge-status").innerText()
      check(status.trim() === "Merge undone", `the undone row's state reads "${status}"`)
      const rowText = await undone.innerText()
      check(!/\bMerged\b/.test(rowText.replace(/Merge undone/g, "")), `the undone row still says Merged: ${rowText}`)
      await undone.screenshot({ path: path.join(artifacts, "identity-merge-undone-row.png") })
      // Both records have their address back.
      for (const id of [boxOffice, webshop]) {
        const customer = await adminApi(`/admin/customers/${id}?fields=*addresses`)
        check(customer.body.customer.addresses.length === 1, `${id} has ${customer.body.customer.addresses.length} addresses after the undo`)
      }
    })
  } finally {
    await page.setViewportSize({ width: 1440, height: 1000 })
  }
}
