import { selectRows } from "../queries/sql"
import type { CustomerDataContext, CustomerDataHandler, Person } from "./types"

/**
 * Medusa's workflow engine keeps a run in `workflow_execution` (its steps' inputs and outputs in
 * `execution` and `context`) when the workflow is stored: it has async steps, step timeouts,
 * retries with an interval, is idempotent or sets a retention time. The plugin's workflows are
 * none of these (they pass codes and personal values between steps and must stay unstored), but
 * Medusa's checkout is: `completeCartWorkflow` keeps every run for three days, with the cart's
 * e-mail and addresses. A failed stored run is kept as well.
 *
 * This handler removes the runs that name the person: their customer ids, e-mails or phone
 * numbers anywhere in the stored JSON. Runs still in progress are left alone unless they have not
 * moved for a day (stuck), so a checkout running at that moment is not broken.
 */

/** Shorter phone numbers could occur inside unrelated values. */
const MIN_PHONE_LENGTH = 8

/** Run states after which the engine no longer needs the record. */
const FINISHED_STATES = ["done", "failed", "reverted"]

const needlesOf = (values: (string | null | undefined)[]) =>
  [...new Set(values.filter((v): v is string => !!v && v.trim().length > 0).map((v) => v.trim().toLowerCase()))]

/** Runs naming any of the needles (lower case), finished or stuck for a day. */
const MATCHING_RUNS = `
  workflow_execution w
  WHERE (w.state = any(:finished) OR w.updated_at < now() - interval '1 day')
    AND EXISTS (
      SELECT 1 FROM unnest(:needles::text[]) AS n(needle)
      WHERE strpos(lower(w.context::text), n.needle) > 0 OR strpos(lower(w.execution::text), n.needle) > 0
    )`

async function removeRuns(ctx: CustomerDataContext, needles: string[]) {
  if (!needles.length) {
    return
  }
  await selectRows(ctx.sql, `DELETE FROM ${MATCHING_RUNS}`, {
    finished: FINISHED_STATES,
    needles,
  })
}

export const workflowExecutionsCustomerDataHandler: CustomerDataHandler = {
  name: "workflow_executions",
  owner: "plugin",
  claims: [
    {
      table: "workflow_execution",
      columns: ["context", "execution"],
      holds: "stored workflow runs' step inputs and outputs (Medusa keeps checkouts three days): carts with e-mail and addresses",
    },
  ],
  count: async (ctx, customerIds) => {
    const needles = needlesOf(customerIds)
    if (!needles.length) {
      return 0
    }
    const [row] = await selectRows(ctx.sql, `SELECT COUNT(*)::int AS count FROM ${MATCHING_RUNS}`, {
      finished: FINISHED_STATES,
      needles,
    })
    return Number(row?.count ?? 0)
  },
  list: async (ctx, customerIds) => {
    const needles = needlesOf(customerIds)
    if (!needles.length) {
      return []
    }
    const rows = await selectRows(ctx.sql, `SELECT w.id FROM ${MATCHING_RUNS} ORDER BY w.id`, { finished: FINISHED_STATES, needles })
    return rows.map((r) => ({ kind: "workflow_execution", id: r.id as string, customer_id: customerIds[0] }))
  },
  // The engine's own records: nothing for the person to take away.
  export: async () => ({}),
  anonymize: async (ctx, person: Person) => {
    await removeRuns(
      ctx,
      needlesOf([
        ...person.customer_ids,
        ...person.emails,
        ...person.phones.filter((p) => p && p.replace(/\s/g, "").length >= MIN_PHONE_LENGTH),
      ])
    )
  },
  delete: async (ctx, customerIds) => {
    await removeRuns(ctx, needlesOf(customerIds))
  },
}
