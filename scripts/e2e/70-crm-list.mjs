import fs from "node:fs"
import path from "node:path"

/**
 * The CRM list (Customers › CRM list): tag the two best customers from a selection (bulk action),
 * filter by that tag and a lifetime-value range in the filter bar (the URL keeps it: a reload shows
 * the same list), sort by lifetime value both ways, save the filter as a segment, export the list as
 * CSV, follow its progress and download the file, whose rows are those customers.
 */
export default async function crmList(ctx) {
  const { page, baseUrl, step, check, artifacts, uiTimeout, adminApi } = ctx
  const stamp = Date.now().toString(36)
  const tagKey = `e2e_list_${stamp}`
  const tagLabel = `List ${stamp}`

  const list = page.getByTestId("crm-customers-table")
  const rowOf = (id) =>
    list.locator("tr").filter({ has: page.locator(`[data-testid="crm-customer-name"][data-customer-id="${id}"]`) })
  /** The customer ids of the rows on screen, top to bottom. */
  const rowIds = () =>
    list.locator('[data-testid="crm-customer-name"]').evaluateAll((links) => links.map((a) => a.dataset.customerId))
  /** Waits until the rows on screen are exactly `ids` (in that order). */
  const waitForRows = async (ids) => {
    await page.waitForFunction(
      (expected) =>
        JSON.stringify(
          [...document.querySelectorAll('[data-testid="crm-customers-table"] [data-testid="crm-customer-name"]')].map(
            (a) => a.dataset.customerId
          )
        ) === JSON.stringify(expected),
      ids,
      { timeout: uiTimeout }
    )
  }
  const searchParams = () => new URL(page.url()).searchParams

  const best = await step("Set up: a tag, and the two customers with the highest lifetime value", async () => {
    const tag = await adminApi("/admin/crm/tags", "POST", { key: tagKey, label: tagLabel, value_mode: "flag" })
    check(tag.status === 201 || tag.status === 200, `creating the tag answered ${tag.status}`)
    const top = await adminApi("/admin/crm/customers?lifetime_value[gt]=0&order=-lifetime_value&limit=2")
    check(top.status === 200, `the list answered ${top.status}: ${JSON.stringify(top.body)}`)
    const customers = top.body.customers
    check(customers.length === 2, `two customers with a lifetime value, got ${customers.length}`)
    return customers.map((c) => ({ id: c.id, lifetime_value: Number(c.lifetime_value) }))
  })
  const ids = best.map((c) => c.id)
  const low = Math.min(...best.map((c) => c.lifetime_value))
  const high = Math.max(...best.map((c) => c.lifetime_value))

  await step("Select the two best customers and add the tag to both (bulk action)", async () => {
    await page.goto(`${baseUrl}/app/crm-customers?lifetime_value[gt]=0&order=-lifetime_value`)
    await page.getByTestId("crm-customers-page").waitFor({ timeout: 60_000 })
    for (const id of ids) {
      await rowOf(id).locator('button[role="checkbox"]').click({ timeout: uiTimeout })
    }
    await page.getByRole("button", { name: /Add tag/ }).click()
    const drawer = page.getByTestId("crm-list-add-tag-drawer")
    await drawer.waitFor({ timeout: uiTimeout })
    await drawer.getByTestId("crm-list-tag-key").click()
    await page.locator(`[data-testid="crm-list-tag-key-option"][data-value="${tagKey}"]`).click()
    await drawer.getByTestId("crm-list-add-tag-submit").click()
    await drawer.waitFor({ state: "detached", timeout: uiTimeout })
    const tagged = await adminApi(`/admin/crm/customers?tags=${tagKey}`)
    check(
      JSON.stringify(tagged.body.customers.map((c) => c.id).sort()) === JSON.stringify([...ids].sort()),
      `the tagged customers are ${JSON.stringify(tagged.body.customers.map((c) => c.id))}, expected ${JSON.stringify(ids)}`
    )
  })

  await step("Filter by the tag and a lifetime-value range in the filter bar; the URL holds the filter", async () => {
    await page.goto(`${baseUrl}/app/crm-customers`)
    await page.getByTestId("crm-customers-page").waitFor({ timeout: 60_000 })
    // Tags: pick the new tag among the choices.
    await page.getByTestId("crm-list-filter-menu").locator("button").click()
    await page.getByRole("menuitem", { name: "Tags", exact: true }).click()
    // The filter's choices are buttons in its popover (the table's tag chips hold the same label).
    await page
      .locator("[data-radix-popper-content-wrapper]")
      .last()
      .locator("button", { hasText: tagLabel })
      .first()
      .click({ timeout: uiTimeout })
    await page.screenshot({ path: path.join(artifacts, "crm-list-tag-filter.png") })
    await page.keyboard.press("Escape")
    await page.waitForFunction((key) => new URL(location.href).searchParams.getAll("tags").includes(key), tagKey, {
      timeout: uiTimeout,
    })
    // Lifetime value: at least the lower of the two, at most the higher.
    await page.getByTestId("crm-list-filter-menu").locator("button").click()
    await page.getByRole("menuitem", { name: "Lifetime value", exact: true }).click()
    const range = page.getByTestId("crm-list-range-lifetime_value")
    await range.waitFor({ timeout: uiTimeout })
    await range.getByTestId("crm-list-range-min").fill(String(low))
    await range.getByTestId("crm-list-range-max").fill(String(high))
    await range.getByTestId("crm-list-range-apply").click()
    await page.keyboard.press("Escape")
    await page.waitForFunction(() => new URL(location.href).searchParams.has("lifetime_value[lte]"), null, {
      timeout: uiTimeout,
    })
    const params = searchParams()
    check(params.get("lifetime_value[gte]") === String(low), `lifetime_value[gte] is ${params.get("lifetime_value[gte]")}`)
    check(params.get("lifetime_value[lte]") === String(high), `lifetime_value[lte] is ${params.get("lifetime_value[lte]")}`)
    await page.waitForFunction(
      () => document.querySelector('[data-testid="crm-list-count"]')?.dataset.count === "2",
      null,
      { timeout: uiTimeout }
    )
    const onScreen = (await rowIds()).sort()
    check(JSON.stringify(onScreen) === JSON.stringify([...ids].sort()), `the rows are ${JSON.stringify(onScreen)}`)
    await page.screenshot({ path: path.join(artifacts, "crm-list-filtered.png") })
  })

  await step("Sort by lifetime value both ways; a reload keeps the filter and the order", async () => {
    const ascending = [...best].sort((a, b) => a.lifetime_value - b.lifetime_value).map((c) => c.id)
    const descending = [...ascending].reverse()
    const header = list.locator("th").filter({ hasText: "Lifetime value" })
    await header.click()
    await page.waitForFunction(() => /lifetime_value$/.test(new URL(location.href).searchParams.get("order") ?? ""), null, {
      timeout: uiTimeout,
    })
    const first = searchParams().get("order")
    await waitForRows(first === "-lifetime_value" ? descending : ascending)
    await header.click()
    await page.waitForFunction(
      (previous) => (new URL(location.href).searchParams.get("order") ?? "") !== previous,
      first,
      { timeout: uiTimeout }
    )
    const second = searchParams().get("order")
    check(
      [first, second].sort().join(" ") === "-lifetime_value lifetime_value",
      `the two orders were ${first} and ${second}`
    )
    // End on the highest first: the header cycles (one way, the other, no sort), so click on until it is.
    for (let clicks = 0; searchParams().get("order") !== "-lifetime_value"; clicks++) {
      check(clicks < 3, `three more clicks did not sort by -lifetime_value (order is ${searchParams().get("order")})`)
      const previous = searchParams().get("order") ?? ""
      await header.click()
      await page.waitForFunction(
        (before) => (new URL(location.href).searchParams.get("order") ?? "") !== before,
        previous,
        { timeout: uiTimeout }
      )
    }
    await waitForRows(descending)
    await page.reload()
    await page.getByTestId("crm-customers-page").waitFor({ timeout: 60_000 })
    await waitForRows(descending)
    check(searchParams().getAll("tags").includes(tagKey), "the reloaded URL keeps the tag filter")
    await page.screenshot({ path: path.join(artifacts, "crm-list-sorted.png") })
  })

  const segmentName = `Best customers ${stamp}`
  await step("Save the filter as a segment; the segment holds the filter", async () => {
    await page.getByTestId("crm-list-save-segment").click()
    const drawer = page.getByTestId("crm-list-segment-drawer")
    await drawer.waitFor({ timeout: uiTimeout })
    await drawer.getByTestId("crm-list-segment-name").fill(segmentName)
    await drawer.getByTestId("crm-list-segment-description").fill("Tagged, with the highest lifetime value")
    await drawer.getByTestId("crm-list-segment-submit").click()
    await drawer.waitFor({ state: "detached", timeout: uiTimeout })
    await page.getByTestId("crm-list-segment").waitFor({ timeout: uiTimeout })
    const segmentId = searchParams().get("segment")
    check(!!segmentId, "the URL names the saved segment")
    const saved = await adminApi(`/admin/crm/segments/${segmentId}`)
    check(saved.status === 200, `the segment answered ${saved.status}`)
    const filter = saved.body.segment.filter
    check(JSON.stringify(filter.tags) === JSON.stringify([tagKey]), `the segment's tags are ${JSON.stringify(filter.tags)}`)
    check(
      Number(filter.lifetime_value?.gte) === low && Number(filter.lifetime_value?.lte) === high,
      `the segment's lifetime value is ${JSON.stringify(filter.lifetime_value)}`
    )
    check(saved.body.segment.count === 2, `the segment counts ${saved.body.segment.count}`)
    // Opened from its id alone, the list shows the segment's filter.
    await page.goto(`${baseUrl}/app/crm-customers?segment=${segmentId}`)
    await page.getByTestId("crm-list-update-segment").waitFor({ timeout: 60_000 })
    await page.waitForFunction((key) => new URL(location.href).searchParams.getAll("tags").includes(key), tagKey, {
      timeout: uiTimeout,
    })
    await page.waitForFunction(
      () => document.querySelector('[data-testid="crm-list-count"]')?.dataset.count === "2",
      null,
      { timeout: uiTimeout }
    )
    const shown = (await rowIds()).sort()
    check(JSON.stringify(shown) === JSON.stringify([...ids].sort()), `the segment's rows are ${JSON.stringify(shown)}`)
    await page.screenshot({ path: path.join(artifacts, "crm-list-segment.png") })
  })

  await step("Export the filtered list as CSV: progress, then the download holds those customers", async () => {
    await page.getByTestId("crm-list-export").click()
    const drawer = page.getByTestId("crm-list-export-drawer")
    await drawer.waitFor({ timeout: uiTimeout })
    await drawer.getByTestId("crm-list-export-format-csv").click()
    await drawer.getByTestId("crm-list-export-start").click()
    await drawer.locator('[data-testid="crm-list-export-progress"][data-status="done"]').waitFor({ timeout: 120_000 })
    const counted = await drawer.getByTestId("crm-list-export-count").textContent()
    check(/2 of 2/.test(counted ?? ""), `the progress says ${counted}`)
    await drawer.screenshot({ path: path.join(artifacts, "crm-list-export.png") })
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: uiTimeout }),
      drawer.getByTestId("crm-list-export-download").click(),
    ])
    const file = path.join(artifacts, `crm-list-export-${stamp}.csv`)
    await download.saveAs(file)
    const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "")
    const lines = text.trim().split(/\r?\n/)
    const header = lines[0].split(",")
    const idColumn = header.indexOf("id")
    check(idColumn >= 0, `the header is ${lines[0]}`)
    const exported = lines.slice(1).map((line) => line.split(",")[idColumn].replace(/"/g, "")).sort()
    check(JSON.stringify(exported) === JSON.stringify([...ids].sort()), `the file's rows are ${JSON.stringify(exported)}`)
    await drawer.getByTestId("crm-list-export-close").click()
    // The export is in the list of past exports.
    await page.getByTestId("crm-list-exports-open").click()
    await page.getByTestId("crm-list-export-row").first().waitFor({ timeout: uiTimeout })
    await page.getByTestId("crm-list-exports-drawer").screenshot({ path: path.join(artifacts, "crm-list-exports.png") })
    await page.keyboard.press("Escape")
  })
}
