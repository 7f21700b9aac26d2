// Benchmark part "redemptions": REDEMPTIONS parallel point redemptions on one loyalty account.
// A shopper (an account made through the storefront) has a loyalty offer in their inbox (a
// campaign of kind `loyalty_offer` costing COST points, distributed by the plugin) and a balance
// that pays for half of the redemptions; then REDEMPTIONS `POST /store/customers/me/offers/:id/redeem`
// go out at once, as a storefront's double clicks and retries would. Figures: redemptions handled
// per second (accepted and refused alike, wall clock of the whole burst), and the overdraft: the
// points spent beyond the starting balance (must be 0: the final balance is >= 0 and accepted x
// cost <= the starting balance).
import { adminHeaders, apiClient, createCheckoutStore, enableLoyalty, shopper, sleep, startApp } from "../lib/host-app.mjs"

const REDEMPTIONS = Number(process.env.BENCH_REDEMPTIONS || 200)
const COST = 100
/** Enough for half of them. */
const BALANCE = (REDEMPTIONS / 2) * COST

export async function run({ databaseUrl, report, log }) {
  const app = await startApp({ databaseUrl })
  try {
    const api = apiClient(app.baseUrl, await adminHeaders(databaseUrl))
    const store = await createCheckoutStore(api, "Redemptions")
    await enableLoyalty(api)
    const s = shopper(app.baseUrl, store)
    const customer = await s.register(`redeem-${Date.now()}@bench.test`)
    const { promotion } = await api.post("/admin/promotions", {
      code: `BENCHTOTE${Date.now()}`,
      type: "standard",
      status: "draft",
      is_tax_inclusive: true,
      application_method: { type: "fixed", target_type: "order", allocation: "across", value: 5, currency_code: "eur" },
      rules: [{ attribute: "currency_code", operator: "in", values: ["eur"] }],
    })
    const { campaign } = await api.post("/admin/crm/campaigns", {
      kind: "loyalty_offer",
      title: "Free tote bag",
      short_description: "A tote bag for 100 points",
      audience: { type: "customers", customer_ids: [customer.id] },
      promotion_id: promotion.id,
      points_cost: COST,
      reward_valid_days: 30,
    })
    let offer
    for (const until = Date.now() + 60_000; !offer && Date.now() < until; await sleep(250)) {
      const { body } = await s.settle("/store/customers/me/offers?limit=100")
      offer = body.offers?.find((o) => o.campaign_id === campaign.id || (o.kind === "loyalty_offer" && o.points_cost === COST))
    }
    if (!offer) throw new Error("the loyalty offer did not reach the shopper's inbox within 60 s")
    await api.post(`/admin/customers/${customer.id}/loyalty/adjustments`, { points: BALANCE, reason: "Benchmark" })
    const before = (await api.get(`/admin/customers/${customer.id}/loyalty`)).loyalty.balance.available

    const started = performance.now()
    const answers = await Promise.all(
      Array.from({ length: REDEMPTIONS }, () => s.settle(`/store/customers/me/offers/${offer.id}/redeem`, { method: "POST", body: {} }))
    )
    const seconds = (performance.now() - started) / 1000
    const accepted = answers.filter((a) => a.status === 201).length
    const refused = answers.filter((a) => a.status === 400 && a.body?.code === "insufficient_points").length
    const other = answers.filter((a) => a.status !== 201 && !(a.status === 400 && a.body?.code === "insufficient_points"))
    const after = (await api.get(`/admin/customers/${customer.id}/loyalty`)).loyalty.balance.available
    const overdraft = Math.max(0, accepted * COST - before, -after)
    const throughput = Math.round((REDEMPTIONS / seconds) * 10) / 10
    log(`balance ${before} -> ${after}; ${accepted} accepted, ${refused} refused (insufficient points), ${other.length} other answers in ${seconds.toFixed(2)} s`)
    if (other.length) log(`other answers: ${JSON.stringify(other.slice(0, 3).map((a) => [a.status, a.body?.code ?? a.body?.message]))}`)
    const peak = app.peakMb()
    report({
      what: `${REDEMPTIONS} parallel point redemptions on one account: throughput`,
      value: throughput,
      unit: "redemptions/s",
      runs: 1,
      peak_mb: peak,
      note: `${accepted} accepted, ${refused} refused for insufficient points, ${other.length} other; ${seconds.toFixed(2)} s for the burst`,
    })
    report({
      what: `${REDEMPTIONS} parallel point redemptions on one account: overdraft`,
      value: overdraft,
      unit: "points",
      target: "0 (final balance >= 0, accepted x cost <= starting balance)",
      ok: overdraft === 0 && after >= 0 && accepted * COST <= before && accepted + refused === REDEMPTIONS,
      runs: 1,
      peak_mb: peak,
      note: `starting balance ${before}, ${accepted} x ${COST} spent, final balance ${after}`,
    })
  } finally {
    await app.stop()
  }
}
