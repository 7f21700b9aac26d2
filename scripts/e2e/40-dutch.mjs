// The admin in Dutch: system notes on the timeline in Dutch with Medusa's Dutch date ("30 jun. 2027"),
// a server refusal shown in the admin's own Dutch text, a long note collapsed behind "Meer weergeven",
// and a tag chip that reads as its definition's label. Back to English at the end.
import path from "node:path"

export default async function dutch(ctx) {
  const { page, panel, step, check, artifacts, customerUrl, switchLanguage, openNotesTab, uiTimeout } = ctx
  const customerId = new URL(customerUrl).pathname.split("/").pop()
  const stamp = Date.now()
  const tagKey = `E2E_EMPLOYER_${stamp}`
  const customerNumber = `E2E-${stamp}`
  const longNoteStart = `Long note ${stamp}`

  /** A call to the admin API with the page's session. */
  const api = (url, method = "GET", body) =>
    page.evaluate(
      async ({ url, method, body }) => {
        const res = await fetch(url, {
          method,
          credentials: "include",
          headers: { "content-type": "application/json" },
          body: body ? JSON.stringify(body) : undefined,
        })
        return { status: res.status, body: await res.json().catch(() => null) }
      },
      { url, method, body }
    )

  /** The customer's timeline in the current language: the labelled tag's system note, checked for `expected`. */
  const checkTagNote = async (expected) => {
    await page.goto(customerUrl)
    await openNotesTab()
    const entry = panel
      .getByTestId("crm-timeline-system-note")
      .filter({ hasText: "Werkgever: Museum" })
      .first()
    await entry.waitFor({ timeout: uiTimeout })
    const text = await entry.getByTestId("crm-timeline-system-note-body").innerText()
    check(text.includes(expected), `the system note reads "${text}", expected "${expected}"`)
    return entry
  }

  await step("Dutch: prepare a labelled tag with an expiry, a long note, and another customer's number", async () => {
    const def = await api("/admin/crm/tags", "POST", { key: tagKey, label: "Werkgever", value_mode: "text" })
    check(def.status < 300, `tag definition: ${def.status} ${JSON.stringify(def.body)}`)
    const tag = await api(`/admin/customers/${customerId}/tags`, "POST", {
      key: tagKey,
      value: "Museum",
      expires_at: "2027-06-30T12:00:00.000Z",
    })
    check(tag.status < 300, `tag: ${tag.status} ${JSON.stringify(tag.body)}`)
    const lines = Array.from(
      { length: 14 },
      (_, i) => `${i ? "Line" : longNoteStart} ${i + 1}: the box office called about the season tickets and the seats in row ${i + 3}.`
    )
    const note = await api(`/admin/customers/${customerId}/notes`, "POST", { body: lines.join("\n") })
    check(note.status < 300, `note: ${note.status}`)
    const others = await api("/admin/customers?limit=5&fields=id")
    const other = others.body.customers.find((c) => c.id !== customerId)
    check(other, "another customer to hold a customer number")
    const profile = await api(`/admin/customers/${other.id}/profile`, "POST", { external_id: customerNumber })
    check(profile.status < 300, `profile: ${profile.status} ${JSON.stringify(profile.body)}`)
  })

  await step("Switch to Dutch: the timeline's system note is Dutch, with Medusa's Dutch date", async () => {
    await switchLanguage("Nederlands", "Taal")
    const entry = await checkTagNote("Tag Werkgever: Museum toegevoegd (verloopt op 30 jun. 2027)")
    await entry.scrollIntoViewIfNeeded()
    await panel.screenshot({ path: path.join(artifacts, "dutch-timeline.png") })
  })

  await step("Dutch: a long note is collapsed behind Meer weergeven, and opens", async () => {
    const note = panel.getByTestId("crm-note-item").filter({ hasText: longNoteStart }).first()
    await note.waitFor({ timeout: uiTimeout })
    const body = note.getByTestId("crm-note-body")
    check((await body.getAttribute("data-collapsed")) === "true", "the long note starts collapsed")
    const collapsedHeight = (await body.boundingBox())?.height ?? 0
    const toggle = note.getByTestId("crm-note-toggle")
    check((await toggle.innerText()).trim() === "Meer weergeven", `toggle reads "${await toggle.innerText()}"`)
    await note.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(artifacts, "dutch-long-note-collapsed.png") })
    await toggle.click()
    await note.locator('[data-testid="crm-note-body"][data-collapsed="false"]').waitFor()
    const openHeight = (await body.boundingBox())?.height ?? 0
    check(openHeight > collapsedHeight, `the note grew when opened (${collapsedHeight} → ${openHeight})`)
    check((await toggle.innerText()).trim() === "Minder weergeven", "the toggle offers Minder weergeven")
  })

  await step("Dutch: the tag chip reads as the definition's label", async () => {
    const chipText = "Werkgever: Museum"
    await page.getByTestId("crm-side-tag").filter({ hasText: chipText }).first().waitFor({ timeout: uiTimeout })
    await panel.getByTestId("crm-tab-tags").click()
    const row = panel.locator(`[data-testid="crm-tag"][data-tag-key="${tagKey}"]`)
    await row.waitFor({ timeout: uiTimeout })
    check((await row.innerText()).includes(chipText), `the chip reads "${await row.innerText()}"`)
    await panel.screenshot({ path: path.join(artifacts, "dutch-tag-chip.png") })
  })

  await step("Dutch: a server refusal shows the admin's Dutch text (customer number taken)", async () => {
    await panel.getByTestId("crm-tab-overview").click()
    await panel.getByTestId("crm-profile").waitFor()
    await panel.getByTestId("crm-profile-edit").click()
    const drawer = page.getByTestId("crm-profile-drawer")
    await drawer.waitFor()
    await drawer.getByTestId("crm-profile-external-id").fill(customerNumber)
    await drawer.getByTestId("crm-profile-save").click()
    await page
      .getByText("Een andere klant heeft dit klantnummer al.")
      .first()
      .waitFor({ timeout: uiTimeout })
    await page.screenshot({ path: path.join(artifacts, "dutch-error.png") })
    await drawer.getByTestId("crm-profile-cancel").click()
    await drawer.waitFor({ state: "detached" })
  })

  await step("Back to English: the same system note in English, with the English date", async () => {
    await switchLanguage("English", "Language")
    await checkTagNote("Tag Werkgever: Museum added (expires Jun 30, 2027)")
  })
}
