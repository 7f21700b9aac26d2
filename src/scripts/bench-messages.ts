import { writeFile } from "node:fs/promises"
import type { ExecArgs } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { selectRows } from "../lib/queries/sql"
import { campaignCounts } from "../lib/messages/campaigns"
import { CUSTOMER_MESSAGE_MODULE, type CustomerMessageModuleService } from "../modules/customer-message"
import { distributeCampaignWorkflow } from "../workflows/campaigns/distribute-campaign"

/** Runs of each timed (the median is reported). */
const RUNS = Number(process.env.BENCH_MESSAGES_RUNS || 3)

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/**
 * The inside of `npm run bench:messages` (run by `scripts/bench-messages.mjs` through `medusa exec`):
 * a campaign for everyone, distributed RUNS times from scratch through `distributeCampaignWorkflow`
 * (the job's and the subscriber's path: the audience through the CRM list engine, the missing
 * recipients in one statement, batched inserts), each beside a plain `INSERT … SELECT` of the same
 * row count into the same table (the physical limit: no audience rules, ids from the customer's).
 * Writes the figures to BENCH_MESSAGES_RESULT as JSON.
 */
export default async function benchMessages({ container }: ExecArgs) {
  const resultPath = process.env.BENCH_MESSAGES_RESULT
  if (!resultPath) {
    throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "BENCH_MESSAGES_RESULT is not set: run `npm run bench:messages`")
  }
  const service = container.resolve<CustomerMessageModuleService>(CUSTOMER_MESSAGE_MODULE)
  const startsAt = new Date(Date.now() - 60_000)
  const [campaign, plain] = await service.createCustomerCampaigns([
    { kind: "message", title: "Bench", short_description: "Bench", starts_at: startsAt, audience: { type: "everyone" } },
    { kind: "message", title: "Bench plain", short_description: "Bench", starts_at: startsAt, audience: { type: "everyone" } },
  ])
  const clear = (id: string) => selectRows(container, `DELETE FROM customer_inbox_entry WHERE campaign_id = :id`, { id })
  const runs: {
    distribution_ms: number
    added: number
    second_pass_ms: number
    counts_ms: number
    plain_ms: number
    plain_rows: number
  }[] = []
  try {
    for (let i = 0; i < RUNS; i++) {
      await clear(campaign.id)
      await clear(plain.id)
      await selectRows(container, `VACUUM ANALYZE customer_inbox_entry`).catch(() => undefined)

      process.stdout.write(`  run ${i + 1}/${RUNS}: distribution …`)
      let started = performance.now()
      const { result } = await distributeCampaignWorkflow(container).run({ input: { id: campaign.id } })
      const distributionMs = performance.now() - started

      // A second pass over the same audience: nobody missing, nothing added.
      started = performance.now()
      const again = await distributeCampaignWorkflow(container).run({ input: { id: campaign.id } })
      const secondMs = performance.now() - started
      if (again.result.added !== 0) {
        throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `A second pass added ${again.result.added} entries`)
      }

      // What the admin's campaign list and page compute per request: the campaign's counts.
      started = performance.now()
      await campaignCounts(container, [campaign.id])
      const countsMs = performance.now() - started

      process.stdout.write(` ${(distributionMs / 1000).toFixed(2)} s; plain INSERT …`)
      started = performance.now()
      const [inserted] = await selectRows(
        container,
        `WITH added AS (
           INSERT INTO customer_inbox_entry (id, campaign_id, customer_id, kind, origin, distributed_at, created_at, updated_at)
           SELECT 'cinb_' || c.id, :id, c.id, 'message', 'distribution', now(), now(), now()
             FROM customer c WHERE c.deleted_at IS NULL
            LIMIT :n
           RETURNING 1)
         SELECT COUNT(*) AS n FROM added`,
        { id: plain.id, n: result.added }
      )
      const plainMs = performance.now() - started
      process.stdout.write(` ${(plainMs / 1000).toFixed(2)} s\n`)
      runs.push({
        distribution_ms: distributionMs,
        added: result.added,
        second_pass_ms: secondMs,
        counts_ms: countsMs,
        plain_ms: plainMs,
        plain_rows: Number(inserted?.n ?? 0),
      })
    }
  } finally {
    await clear(campaign.id)
    await clear(plain.id)
    await service.deleteCustomerCampaigns([campaign.id, plain.id])
  }
  await writeFile(
    resultPath,
    JSON.stringify({
      runs,
      median: {
        distribution_ms: median(runs.map((r) => r.distribution_ms)),
        second_pass_ms: median(runs.map((r) => r.second_pass_ms)),
        counts_ms: median(runs.map((r) => r.counts_ms)),
        plain_ms: median(runs.map((r) => r.plain_ms)),
      },
    })
  )
}
