// The figures agree with Medusa and say what they count: a transaction's payment and fulfilment
// states as Medusa's order page has them, the tiles' explanations (not cut off at 1440 px), the
// monthly chart's year, a removal of more points than available refused in the preview, and
// loyalty history rows that say "Pending payment" and "Expired" instead of "Available".
import path from "node:path"

/** The admin's JSON API from inside the page (the session cookie goes along). */
const api = (page, url) =>
  page.evaluate(async (u) => (await fetch(u, { credentials: "include" })).json(), url)

/** Elements among `locator` whose text is cut off (wider than their box). */
const cutOff = (locator) =>
  locator.evaluateAll((els) =>
    els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent)
  )

export default async function figures(ctx) {
  const { page, panel, baseUrl, step, check, artifacts, uiTimeout } = ctx
  await page.setViewportSize({ width: 1440, height: 900 })

  await step("Transactions show Medusa's payment and fulfilment states and the sales channel's name", async () => {
    await panel.getByTestId("crm-tab-overview").click()
    const table = panel.getByTestId("crm-transactions")
    const receipt = table.getByTestId("crm-transaction-receipt").first()
    await receipt.waitFor({ timeout: uiTimeout })
    const rows = table.locator("tbody tr")
    const count = await rows.count()
    let compared = 0
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i)
      const id = await row.getByTestId("crm-transaction-receipt").getAttribute("data-order-id")
      if ((await row.getByTestId("crm-transaction-receipt").getAttribute("data-status")) === "draft") {
        continue
      }
      const { order } = await api(page, `/admin/orders/${id}?fields=id,payment_status,fulfillment_status,status,sales_channel.name`)
      const payment = await row.getByTestId("crm-transaction-payment").getAttribute("data-status")
      check(payment === order.payment_status, `order ${id}: payment ${payment}, Medusa says ${order.payment_status}`)
      if (order.status !== "canceled") {
        const fulfillment = await row.getByTestId("crm-transaction-fulfillment").getAttribute("data-status")
        check(
          fulfillment === order.fulfillment_status,
          `order ${id}: fulfilment ${fulfillment}, Medusa says ${order.fulfillment_status}`
        )
      }
      const channel = (await row.getByTestId("crm-transaction-channel").innerText()).trim()
      check(channel === (order.sales_channel?.name ?? "No sales channel"), `order ${id}: channel "${channel}"`)
      compared++
    }
    check(compared > 0, "no order to compare with Medusa's")
    const text = await table.innerText()
    check(!/\bCompleted\b|\bIn store\b|\bOnline\b/.test(text), "the table still says Completed / In store / Online")
    await table.screenshot({ path: path.join(artifacts, "figures-transactions.png") })
  })

  await step("Each tile says what it counts, without cutting its text at 1440 px; the monthly chart shows the year", async () => {
    const insights = panel.getByTestId("crm-insights")
    await insights.locator('[data-testid="crm-insight-tile"][data-metric="ltv"] [data-testid="crm-insight-value"]').waitFor({ timeout: uiTimeout })
    const hint = async (metric) =>
      (await insights.locator(`[data-testid="crm-insight-tile"][data-metric="${metric}"] [data-testid="crm-insight-hint"]`).innerText()).trim()
    check(/Days with an order/.test(await hint("visits")), `visits hint: ${await hint("visits")}`)
    check(/Orders placed, paid or not/.test(await hint("sales")), `sales hint: ${await hint("sales")}`)
    check(/Paid minus/.test(await hint("ltv")), `lifetime value hint: ${await hint("ltv")}`)
    const cut = await cutOff(insights.locator('[data-testid="crm-insight-value"], [data-testid="crm-insight-hint"]'))
    check(cut.length === 0, `tile text cut off: ${JSON.stringify(cut)}`)
    const monthly = panel.getByTestId("crm-chart-monthly")
    const monthlyText = await monthly.innerText()
    check(/\b20\d\d\b/.test(monthlyText), "the monthly chart names no year")
    check(/Average spend on a day with an order/.test(await panel.getByTestId("crm-chart-weekday").innerText()), "the weekday chart's title")
    await insights.scrollIntoViewIfNeeded()
    await insights.screenshot({ path: path.join(artifacts, "figures-tiles.png") })
  })

  await step("Removing more points than available: the preview says it cannot and Save is disabled", async () => {
    await panel.getByTestId("crm-tab-loyalty").click()
    const tab = panel.getByTestId("crm-loyalty-tab")
    const available = tab.getByTestId("crm-loyalty-available")
    await available.waitFor({ timeout: uiTimeout })
    const points = Number(await available.getAttribute("data-points"))
    await tab.getByTestId("crm-loyalty-adjust").click()
    const drawer = page.getByTestId("crm-loyalty-adjust-drawer")
    await drawer.waitFor()
    await drawer.getByTestId("crm-loyalty-adjust-direction-remove").click()
    await drawer.getByTestId("crm-loyalty-adjust-points").fill(String(Math.max(0, points) + 2762))
    await drawer.getByTestId("crm-loyalty-adjust-reason").fill("E2E over-removal")
    const refused = drawer.getByTestId("crm-loyalty-adjust-refused")
    await refused.waitFor({ timeout: uiTimeout })
    const message = await refused.innerText()
    const formatted = Math.max(0, points).toLocaleString("en-US")
    check(message.includes(`Only ${formatted} point`), `the refusal says: ${message}`)
    check(!/owes/.test(await drawer.getByTestId("crm-loyalty-adjust-preview").innerText()), "the preview still says the customer owes points")
    check(await drawer.getByTestId("crm-loyalty-adjust-submit").isDisabled(), "Save is enabled for a refused removal")
    await drawer.screenshot({ path: path.join(artifacts, "figures-over-removal.png") })
    await drawer.getByTestId("crm-loyalty-adjust-cancel").click()
    await drawer.waitFor({ state: "detached" })
  })

  await step("Loyalty history: points of an unpaid order say Pending payment, expired points say Expired", async () => {
    // A seeded customer whose history has both (the demo earns on paid orders only, and expires
    // points after 12 months).
    const found = await page.evaluate(async () => {
      const get = async (url) => (await fetch(url, { credentials: "include" })).json()
      const { orders } = await get("/admin/orders?limit=200&fields=customer_id&order=-created_at")
      const ids = [...new Set(orders.map((o) => o.customer_id).filter(Boolean))]
      let fallback = null
      for (const id of ids) {
        // What the history's first page (20 rows) shows.
        const { entries } = await get(`/admin/customers/${id}/loyalty?limit=20`)
        const awaiting = entries.some((e) => e.awaiting_payment)
        const expired = entries.some((e) => e.type === "expire")
        if (awaiting && expired) {
          return { id, awaiting, expired }
        }
        if (awaiting && !fallback?.awaiting) {
          fallback = { id, awaiting, expired }
        }
      }
      return fallback
    })
    check(!!found?.awaiting, "no seeded customer with points pending payment on the first page of their history")
    await page.goto(`${baseUrl}/app/customers/${found.id}`)
    await panel.getByTestId("crm-tab-loyalty").click()
    const history = panel.getByTestId("crm-loyalty-history")
    await history.getByTestId("crm-loyalty-entry").first().waitFor({ timeout: uiTimeout })
    if (found.awaiting) {
      const badge = history.locator('[data-testid="crm-loyalty-entry-status"][data-status="awaitingPayment"]').first()
      await badge.waitFor({ timeout: uiTimeout })
      check((await badge.innerText()).trim() === "Pending payment", `awaiting badge: ${await badge.innerText()}`)
    }
    if (found.expired) {
      const row = history.locator('[data-testid="crm-loyalty-entry"][data-entry-type="expire"]').first()
      await row.waitFor({ timeout: uiTimeout })
      const badge = history.locator('[data-testid="crm-loyalty-entry-status"][data-status="expired"]').first()
      check((await badge.innerText()).trim() === "Expired", `expired badge: ${await badge.innerText()}`)
    }
    // An earn row is dated by its order; the day it was entered follows when that differs (points
    // that expired came from orders of last year, seeded today).
    if (found.expired) {
      const entered = history.locator('[data-testid="crm-loyalty-entry-entered"]')
      check((await entered.count()) > 0, "no earn row shows its order's date beside the day it was entered")
    }
    const worth = (await panel.getByTestId("crm-loyalty-worth").innerText()).trim()
    check(!worth.includes("·"), `Worth shows more than one currency: ${worth}`)
    await panel.getByTestId("crm-loyalty-tab").screenshot({ path: path.join(artifacts, "figures-loyalty-history.png") })
  })
}
