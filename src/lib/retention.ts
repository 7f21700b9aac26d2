import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, type MedusaError } from "@medusajs/framework/utils"
import { PRIVACY_MODULE } from "../modules/privacy"
import type PrivacyModuleService from "../modules/privacy/service"
import {
  PrivacyErrorCodes,
  type RetentionCandidate,
  type RetentionReasonCode,
  RetentionReasonCodes,
  type RetentionRun,
} from "../types/http/privacy"
import { resolvePerson } from "./customer-data/person"
import type { Person } from "./customer-data/types"
import { runExclusive } from "./exclusive-job"
import { openOrdersOf } from "./privacy"
import { selectRows, type SqlSource } from "./queries/sql"
import { anonymizeCustomerWorkflow } from "../workflows/privacy/anonymize-customer"
import { finishRetentionRunWorkflow } from "../workflows/privacy/retention"

/** Candidates read and decided per page (one set of statements per page). */
export const RETENTION_PAGE_SIZE = 200

/** Persons anonymized at once (each in its own workflow and transaction). */
export const RETENTION_CONCURRENCY = Math.max(1, Number(process.env.CRM_RETENTION_CONCURRENCY || 4))

/** The lock a real run holds (once across instances). */
export const RETENTION_LOCK_KEY = "medusa-crm:privacy-retention"

/** How long the lock is held at most, should an instance die without releasing it. */
const RETENTION_LOCK_SECONDS = 6 * 60 * 60

/**
 * A real run whose row has not moved for this long is taken for one left by a crash: starting a
 * run then resumes it instead of answering 409.
 */
export const RETENTION_STALE_MS = 15 * 60 * 1000

/** The moment before which a customer's last activity makes them inactive: `months` before `now`. */
export function retentionCutoff(months: number, now = new Date()): Date {
  const cutoff = new Date(now)
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months)
  return cutoff
}

/**
 * The inactive customer records after `cursor` (by id), oldest id first: live (not merged away),
 * not anonymized or erased, created and last updated before the cutoff, with no order placed and
 * no storefront visit since. Index-friendly: the page walks the customer primary key, and each
 * `NOT EXISTS` is one probe of an index on `customer_id` (Medusa's `IDX_order_customer_id`, the
 * unique live row of `privacy_activity` and `privacy_erasure`), so no customer's orders are
 * scanned and nothing is sorted beyond the page.
 */
const INACTIVE_WHERE = `c.deleted_at IS NULL
  AND c.created_at < :cutoff AND c.updated_at < :cutoff
  AND NOT EXISTS (SELECT 1 FROM "order" o WHERE o.customer_id = c.id AND o.deleted_at IS NULL AND o.created_at >= :cutoff)
  AND NOT EXISTS (SELECT 1 FROM privacy_activity a WHERE a.customer_id = c.id AND a.deleted_at IS NULL AND a.last_seen_at >= :cutoff)
  AND NOT EXISTS (SELECT 1 FROM privacy_erasure e WHERE e.customer_id = c.id AND e.deleted_at IS NULL)`

/**
 * The newest activity of each record: created, updated (a merged-away record's update is its
 * merge, so not for those), its newest order, its last storefront visit.
 */
const LAST_ACTIVITY = `GREATEST(
    c.created_at,
    CASE WHEN c.deleted_at IS NULL THEN c.updated_at END,
    (SELECT max(o.created_at) FROM "order" o WHERE o.customer_id = c.id AND o.deleted_at IS NULL),
    (SELECT max(a.last_seen_at) FROM privacy_activity a WHERE a.customer_id = c.id AND a.deleted_at IS NULL)
  )`

/** How many customer records are inactive at `cutoff`. */
export async function countInactive(source: SqlSource, cutoff: Date): Promise<number> {
  const [row] = await selectRows(source, `SELECT count(*) AS n FROM customer c WHERE ${INACTIVE_WHERE}`, { cutoff })
  return Number(row.n)
}

/** One page of inactive records after `cursor`, with their last activity. */
export async function inactivePage(source: SqlSource, cutoff: Date, cursor: string | null, limit = RETENTION_PAGE_SIZE) {
  const rows = await selectRows(
    source,
    `SELECT c.id, ${LAST_ACTIVITY} AS last_activity_at FROM customer c
     WHERE ${INACTIVE_WHERE} AND c.id > :cursor
     ORDER BY c.id LIMIT :limit`,
    { cutoff, cursor: cursor ?? "", limit }
  )
  return rows.map((r) => ({ id: r.id as string, last_activity_at: new Date(r.last_activity_at as string) }))
}

/** What the policy decides about one inactive record. */
export type RetentionDecision = {
  customer_id: string
  last_activity_at: Date
  would_anonymize: boolean
  reason: RetentionReasonCode
  values?: Record<string, string | number>
  /** Every record of the person (the first is this one). */
  customer_ids: string[]
  /** The person's records that are candidates too (live, not erased): what anonymizing them counts. */
  live_count: number
}

/**
 * The people the records of a page belong to. Most inactive records are alone (no other record
 * with their e-mail, no alternate e-mails, nothing merged into them): their person is the record
 * itself, known from one statement for the whole page. The others are resolved one by one with
 * `resolvePerson`, exactly as anonymize will.
 */
async function personsOf(container: MedusaContainer, ids: string[]): Promise<Map<string, Person>> {
  const rows = await selectRows(
    container,
    `SELECT c.id, lower(c.email) AS email,
       (EXISTS (SELECT 1 FROM customer x WHERE lower(x.email) = lower(c.email) AND x.id <> c.id AND x.deleted_at IS NULL)
        OR EXISTS (SELECT 1 FROM customer_alternate_email ae WHERE ae.customer_id = c.id AND ae.deleted_at IS NULL)
        OR EXISTS (SELECT 1 FROM customer_merge m WHERE m.survivor_id = c.id AND m.status = 'merged' AND m.deleted_at IS NULL)
       ) AS linked
     FROM customer c WHERE c.id = any(:ids::text[])`,
    { ids }
  )
  const persons = new Map<string, Person>()
  const linked: string[] = []
  for (const r of rows) {
    if (r.linked) {
      linked.push(r.id as string)
    } else {
      persons.set(r.id as string, {
        customer_id: r.id as string,
        customer_ids: [r.id as string],
        emails: r.email ? [r.email as string] : [],
        phones: [],
      })
    }
  }
  await inParallel(linked, RETENTION_CONCURRENCY, async (id) => {
    persons.set(id, await resolvePerson(container, id))
  })
  return persons
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]
      await work(item)
    }
  })
  await Promise.all(workers)
}

/**
 * Decides about a page of inactive records, per PERSON: a record goes only when its whole person
 * may go. Kept (first reason that applies): another record of the person was active after the
 * cutoff (`person_active`), a current grant of an exempting purpose on any record
 * (`exempt_consent`, the newest consent row per customer and purpose), a legal hold on any record
 * (`legal_hold`), orders not yet done (`open_orders`, as the anonymization itself checks them).
 * Set-based per page; only people with orders are checked one by one.
 */
export async function decidePage(
  container: MedusaContainer,
  page: { id: string; last_activity_at: Date }[],
  cutoff: Date,
  exemptPurposeIds: string[]
): Promise<RetentionDecision[]> {
  if (!page.length) {
    return []
  }
  const persons = await personsOf(
    container,
    page.map((r) => r.id)
  )
  // Records that hold one of a person's e-mails as an alternate e-mail (an account that added the
  // address, whose guest record came later): the person is theirs too, so they keep it when active,
  // exempt or held, but are not anonymized with it.
  const personEmails = [...new Set([...persons.values()].flatMap((p) => p.emails))]
  const ownerRows = personEmails.length
    ? await selectRows(
        container,
        `SELECT ae.customer_id, ae.email FROM customer_alternate_email ae
         JOIN customer c ON c.id = ae.customer_id AND c.deleted_at IS NULL
         WHERE ae.email = any(:emails::text[]) AND ae.deleted_at IS NULL`,
        { emails: personEmails }
      )
    : []
  const ownersOf = (person: Person) =>
    ownerRows
      .filter((r) => person.emails.includes(r.email as string) && !person.customer_ids.includes(r.customer_id as string))
      .map((r) => r.customer_id as string)
  const allIds = [
    ...new Set([...[...persons.values()].flatMap((p) => p.customer_ids), ...ownerRows.map((r) => r.customer_id as string)]),
  ]
  const others = allIds.filter((id) => !page.some((r) => r.id === id))
  const [activeRows, holdRows, exemptRows, orderRows, liveRows] = await Promise.all([
    others.length
      ? selectRows(
          container,
          `SELECT c.id FROM customer c WHERE c.id = any(:ids::text[]) AND ${LAST_ACTIVITY} >= :cutoff`,
          { ids: others, cutoff }
        )
      : Promise.resolve([]),
    selectRows(
      container,
      `SELECT DISTINCT customer_id FROM privacy_legal_hold WHERE customer_id = any(:ids::text[]) AND deleted_at IS NULL`,
      { ids: allIds }
    ),
    exemptPurposeIds.length
      ? selectRows(
          container,
          `SELECT cur.customer_id, p.handle FROM (
             SELECT DISTINCT ON (customer_id, purpose_id) customer_id, purpose_id, granted
             FROM privacy_consent
             WHERE customer_id = any(:ids::text[]) AND purpose_id = any(:purposes::text[]) AND deleted_at IS NULL
             ORDER BY customer_id, purpose_id, occurred_at DESC, created_at DESC, id DESC
           ) cur JOIN privacy_consent_purpose p ON p.id = cur.purpose_id
           WHERE cur.granted`,
          { ids: allIds, purposes: exemptPurposeIds }
        )
      : Promise.resolve([]),
    selectRows(
      container,
      `SELECT DISTINCT o.customer_id FROM "order" o
       WHERE o.customer_id = any(:ids::text[]) AND o.deleted_at IS NULL AND o.status NOT IN ('canceled', 'draft')`,
      { ids: allIds }
    ),
    others.length
      ? selectRows(
          container,
          `SELECT c.id FROM customer c WHERE c.id = any(:ids::text[]) AND c.deleted_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM privacy_erasure e WHERE e.customer_id = c.id AND e.deleted_at IS NULL)`,
          { ids: others }
        )
      : Promise.resolve([]),
  ])
  const live = new Set([...page.map((r) => r.id), ...liveRows.map((r) => r.id as string)])
  const active = new Set(activeRows.map((r) => r.id as string))
  const held = new Set(holdRows.map((r) => r.customer_id as string))
  const exempt = new Map(exemptRows.map((r) => [r.customer_id as string, r.handle as string]))
  const withOrders = new Set(orderRows.map((r) => r.customer_id as string))

  const decisions = new Map<string, RetentionDecision>()
  const withOrdersToCheck: { row: (typeof page)[number]; person: Person }[] = []
  const byPerson = new Map<string, RetentionDecision>()
  for (const row of page) {
    const person = persons.get(row.id)!
    const decide = (would_anonymize: boolean, reason: RetentionReasonCode, values?: Record<string, string | number>) =>
      decisions.set(row.id, {
        customer_id: row.id,
        last_activity_at: row.last_activity_at,
        would_anonymize,
        reason,
        values,
        customer_ids: person.customer_ids,
        live_count: person.customer_ids.filter((id) => live.has(id)).length,
      })
    const related = [...person.customer_ids, ...ownersOf(person)]
    const exemptBy = related.find((id) => exempt.has(id))
    if (related.some((id) => active.has(id))) {
      decide(false, RetentionReasonCodes.PERSON_ACTIVE)
    } else if (exemptBy) {
      decide(false, RetentionReasonCodes.EXEMPT_CONSENT, { purpose: exempt.get(exemptBy)! })
    } else if (related.some((id) => held.has(id))) {
      decide(false, RetentionReasonCodes.LEGAL_HOLD)
    } else if (person.customer_ids.some((id) => withOrders.has(id))) {
      withOrdersToCheck.push({ row, person })
    } else {
      decide(true, RetentionReasonCodes.INACTIVE)
    }
  }
  // Two inactive records of one person in the page: the person is checked once.
  await inParallel(withOrdersToCheck, RETENTION_CONCURRENCY, async ({ row, person }) => {
    const key = [...person.customer_ids].sort().join(",")
    let decided = byPerson.get(key)
    if (!decided) {
      const open = await openOrdersOf(container, person)
      decided = {
        customer_id: row.id,
        last_activity_at: row.last_activity_at,
        would_anonymize: !open.length,
        reason: open.length ? RetentionReasonCodes.OPEN_ORDERS : RetentionReasonCodes.INACTIVE,
        ...(open.length ? { values: { count: open.length } } : {}),
        customer_ids: person.customer_ids,
        live_count: person.customer_ids.filter((id) => live.has(id)).length,
      }
      byPerson.set(key, decided)
    }
    decisions.set(row.id, { ...decided, customer_id: row.id, last_activity_at: row.last_activity_at, customer_ids: person.customer_ids })
  })
  return page.map((r) => decisions.get(r.id)!)
}

type RunRow = {
  id: string
  status: RetentionRun["status"]
  dry_run: boolean
  trigger: string
  actor_id: string | null
  cutoff: Date | string
  period_months: number
  cursor: string | null
  candidates: number
  anonymized: number
  exempt: number
  skipped: number
  failed: number
  resumed: number
  started_at: Date | string
  finished_at: Date | string | null
  error: string | null
  updated_at?: Date | string
}

const iso = (value: Date | string) => new Date(value).toISOString()

/** A run as the HTTP contract gives it. */
export function formatRetentionRun(r: RunRow): RetentionRun {
  return {
    id: r.id,
    status: r.status,
    dry_run: !!r.dry_run,
    trigger: r.trigger === "admin" ? "admin" : "job",
    actor_id: r.actor_id ?? null,
    cutoff: iso(r.cutoff),
    period_months: Number(r.period_months),
    candidates: Number(r.candidates),
    anonymized: Number(r.anonymized),
    exempt: Number(r.exempt),
    skipped: Number(r.skipped),
    failed: Number(r.failed),
    resumed: Number(r.resumed),
    started_at: iso(r.started_at),
    finished_at: r.finished_at ? iso(r.finished_at) : null,
    error: r.error ?? null,
  }
}

export const RUN_FIELDS = [
  "id",
  "status",
  "dry_run",
  "trigger",
  "actor_id",
  "cutoff",
  "period_months",
  "cursor",
  "candidates",
  "anonymized",
  "exempt",
  "skipped",
  "failed",
  "resumed",
  "started_at",
  "finished_at",
  "error",
  "updated_at",
]

export async function loadRetentionRun(container: MedusaContainer, id: string): Promise<RunRow> {
  const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
  return (await privacy.retrievePrivacyRetentionRun(id, { select: RUN_FIELDS })) as unknown as RunRow
}

/** The counts of one page's outcomes. */
type Counts = { anonymized: number; exempt: number; skipped: number; failed: number }

const countKept = (d: RetentionDecision, counts: Counts) => {
  if (d.reason === RetentionReasonCodes.EXEMPT_CONSENT) {
    counts.exempt += 1
  } else {
    counts.skipped += 1
  }
}

/**
 * A dry run: decides about every inactive record as a real run would, writes nothing but the
 * run's counts, and returns the first `limit` decisions (ids and reasons only). The workflow
 * (`retentionDryRunWorkflow`) creates and finishes the run's record around it.
 */
export async function dryRunRetention(
  container: MedusaContainer,
  runId: string,
  limit: number
): Promise<RetentionDecision[]> {
  const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
  const settings = await privacy.getPrivacySettings()
  const run = await loadRetentionRun(container, runId)
  const cutoff = new Date(run.cutoff)
  const listed: RetentionDecision[] = []
  const counts: Counts = { anonymized: 0, exempt: 0, skipped: 0, failed: 0 }
  let candidates = 0
  let cursor: string | null = null
  for (;;) {
    const page = await inactivePage(container, cutoff, cursor)
    if (!page.length) {
      break
    }
    const decisions = await decidePage(container, page, cutoff, settings.retention_exempt_purpose_ids)
    for (const d of decisions) {
      candidates += 1
      if (d.would_anonymize) {
        counts.anonymized += 1
      } else {
        countKept(d, counts)
      }
      if (listed.length < limit) {
        listed.push(d)
      }
    }
    cursor = page[page.length - 1].id
    if (page.length < RETENTION_PAGE_SIZE) {
      break
    }
  }
  await privacy.addRetentionCounts(runId, { candidates, ...counts }, cursor)
  return listed
}

/** The listed decisions with what the admin shows of each record (read after the run). */
export async function describeCandidates(
  container: MedusaContainer,
  decisions: (Omit<RetentionDecision, "last_activity_at" | "customer_ids" | "live_count"> & { last_activity_at: Date | string })[]
): Promise<RetentionCandidate[]> {
  if (!decisions.length) {
    return []
  }
  const rows = await selectRows(
    container,
    `SELECT id, email, first_name, last_name, has_account FROM customer WHERE id = any(:ids::text[])`,
    { ids: decisions.map((d) => d.customer_id) }
  )
  const byId = new Map(rows.map((r) => [r.id as string, r]))
  return decisions.map((d) => {
    const c = byId.get(d.customer_id)
    return {
      customer_id: d.customer_id,
      email: (c?.email as string | null) ?? null,
      first_name: (c?.first_name as string | null) ?? null,
      last_name: (c?.last_name as string | null) ?? null,
      has_account: !!c?.has_account,
      last_activity_at: new Date(d.last_activity_at).toISOString(),
      would_anonymize: d.would_anonymize,
      reason: d.reason,
      ...(d.values ? { values: d.values } : {}),
    }
  })
}

/** Anonymizes one person for the retention policy; the outcome for the counts. */
async function anonymizeForRetention(container: MedusaContainer, customerId: string): Promise<"anonymized" | "skipped" | "failed"> {
  try {
    await anonymizeCustomerWorkflow(container).run({ input: { customer_id: customerId, source: "retention", actor_id: null } })
    return "anonymized"
  } catch (e) {
    // Refused by the anonymization's own checks (something changed since the decision: an order
    // placed, a hold set, a request pending): the person is kept, not failed.
    if ((e as MedusaError).code === PrivacyErrorCodes.ANONYMIZE_REFUSED) {
      return "skipped"
    }
    return "failed"
  }
}

/**
 * Carries out a real run: page by page from the run's cursor, decides per person, anonymizes the
 * people who go through `anonymizeCustomerWorkflow` (source `retention`; one transaction per
 * person, `RETENTION_CONCURRENCY` people at once), and after each page adds the page's counts and
 * moves the cursor in one statement. An anonymized person is counted at once (a replayed page no
 * longer finds them), with every live record of theirs; kept and failed ones with the page, so a page replayed after a crash is
 * counted once. A failure of one person counts in `failed` and the run goes on. A run found with
 * counts already (left by a crash) is resumed: `resumed` + 1, counts carried. Turning retention
 * off stops a run after its current page (failed, with the reason). Ids and counts only in logs.
 * Ends through `finishRetentionRunWorkflow` (emits `crm.privacy_retention.completed`). Call it
 * under the retention lock (`runRetention` does).
 */
export async function executeRetentionRun(
  container: MedusaContainer,
  runId: string,
  onProgress?: (run: RunRow) => void
): Promise<RunRow | null> {
  const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let run = await loadRetentionRun(container, runId)
  if (run.status !== "running" || run.dry_run) {
    return run
  }
  const cutoff = new Date(run.cutoff)
  if (run.cursor || Number(run.candidates) > 0) {
    await privacy.addRetentionCounts(runId, { resumed: 1 })
    logger.info(`medusa-crm: retention run ${runId} resumed`)
  } else {
    await privacy.addRetentionCounts(runId, { candidates: await countInactive(container, cutoff) })
  }
  let cursor = run.cursor
  // An error (the database gone) leaves the run running, with its cursor: the next run resumes it.
  let error: string | null = null
  for (;;) {
    const settings = await privacy.getPrivacySettings()
    if (!settings.retention_enabled) {
      error = "Retention was turned off before the run finished."
      break
    }
    const page = await inactivePage(container, cutoff, cursor)
    if (!page.length) {
      break
    }
    const decisions = await decidePage(container, page, cutoff, settings.retention_exempt_purpose_ids)
    const counts: Counts = { anonymized: 0, exempt: 0, skipped: 0, failed: 0 }
    // One anonymization per person: other inactive records of the same person in the page share its outcome.
    const people = new Map<string, { first: RetentionDecision; records: RetentionDecision[] }>()
    for (const d of decisions) {
      if (!d.would_anonymize) {
        countKept(d, counts)
        continue
      }
      const key = [...d.customer_ids].sort().join(",")
      const person = people.get(key)
      if (person) {
        person.records.push(d)
      } else {
        people.set(key, { first: d, records: [d] })
      }
    }
    await inParallel([...people.values()], RETENTION_CONCURRENCY, async ({ first, records }) => {
      const outcome = await anonymizeForRetention(container, first.customer_id)
      if (outcome === "anonymized") {
        // Every live record of the person goes with them, also those in later pages (which no
        // longer come up): each counted once.
        await privacy.addRetentionCounts(runId, { anonymized: Math.max(records.length, first.live_count) })
      } else {
        counts[outcome] += records.length
      }
    })
    cursor = page[page.length - 1].id
    await privacy.addRetentionCounts(runId, counts, cursor)
    if (onProgress) {
      onProgress(await loadRetentionRun(container, runId))
    }
  }
  await finishRetentionRunWorkflow(container).run({ input: { run_id: runId, error } })
  run = await loadRetentionRun(container, runId)
  logger.info(
    `medusa-crm: retention run ${runId} ${run.status}: ${run.candidates} candidates, ${run.anonymized} anonymized, ${run.exempt} exempt, ${run.skipped} kept, ${run.failed} failed`
  )
  return run
}

/**
 * Runs `executeRetentionRun` for the run left running (by a crash, or started from the admin), or
 * else a new run of the job when retention is on, under the retention lock: once across
 * instances. Returns null when another instance holds the lock or there is nothing to do.
 */
export async function runRetention(
  container: MedusaContainer,
  options: { run_id?: string; onProgress?: (run: RunRow) => void } = {}
): Promise<RunRow | null> {
  return await runExclusive(
    container,
    RETENTION_LOCK_KEY,
    "the retention policy",
    async () => {
      const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
      const running = await privacy.runningRetentionRun()
      let runId = options.run_id ?? running?.id
      if (!runId) {
        const settings = await privacy.getPrivacySettings()
        if (!settings.retention_enabled) {
          return null
        }
        const started = await privacy.startRetentionRun({
          dry_run: false,
          trigger: "job",
          cutoff: retentionCutoff(settings.retention_months),
          period_months: settings.retention_months,
        })
        runId = started?.id
      }
      return runId ? await executeRetentionRun(container, runId, options.onProgress) : null
    },
    RETENTION_LOCK_SECONDS
  )
}
