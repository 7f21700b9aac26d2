import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  type CustomerDataOwner,
  customerDataHandlers,
  deleteWithHandlers,
  inCustomerDataTransaction,
  removeReleasedFiles,
} from "../../lib/customer-data"
import { selectRows } from "../../lib/queries/sql"
import { CUSTOMER_TAG_MODULE } from "../../modules/customer-tag"
import type CustomerTagModuleService from "../../modules/customer-tag/service"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../../modules/membership"
import type { BenefitSource } from "./benefit-groups"

export const collectCustomerBenefitSourcesStepId = "collect-customer-benefit-sources"

/**
 * Everything that may have put the customers into a benefit group (their tags, the memberships
 * they hold, their places as co-members) and the co-members of their active memberships, who lose
 * the group with them: the input of `releaseBenefitGroupsStep`, which takes the customers out of
 * those groups unless another source of theirs still gives it. Reads only.
 */
export const collectCustomerBenefitSourcesStep = createStep(
  collectCustomerBenefitSourcesStepId,
  async (customerIds: string[], { container }) => {
    if (!customerIds.length) {
      return new StepResponse([] as BenefitSource[])
    }
    const tags: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
    const [tagRows, held, shares] = await Promise.all([
      tags.listCustomerTags(
        { customer_id: customerIds },
        { relations: ["definition"], select: ["id", "customer_id", "joined_group", "definition.customer_group_id"], take: null }
      ),
      memberships.listMemberships(
        { customer_id: customerIds },
        {
          relations: ["plan", "shares"],
          select: ["id", "customer_id", "status", "joined_group", "plan.customer_group_id", "shares.id", "shares.customer_id", "shares.joined_group"],
          take: null,
        }
      ),
      memberships.listMembershipShares(
        { customer_id: customerIds },
        { relations: ["membership", "membership.plan"], select: ["id", "customer_id", "joined_group", "membership.plan.customer_group_id"], take: null }
      ),
    ])
    const sources: BenefitSource[] = [
      ...tagRows.map((t) => ({
        kind: "tag" as const,
        id: t.id,
        customer_id: t.customer_id,
        customer_group_id: (t.definition?.customer_group_id as string | null) ?? null,
        joined_group: t.joined_group,
      })),
      ...held.map((m) => ({
        kind: "membership" as const,
        id: m.id,
        customer_id: m.customer_id,
        customer_group_id: (m.plan?.customer_group_id as string | null) ?? null,
        joined_group: m.joined_group,
      })),
      ...shares.map((s) => ({
        kind: "share" as const,
        id: s.id,
        customer_id: s.customer_id,
        customer_group_id: (s.membership?.plan?.customer_group_id as string | null) ?? null,
        joined_group: s.joined_group,
      })),
      // Co-members of an active membership that goes lose its group.
      ...held
        .filter((m) => m.status === "active")
        .flatMap((m) =>
          m.shares
            .filter((s) => !customerIds.includes(s.customer_id))
            .map((s) => ({
              kind: "share" as const,
              id: s.id,
              customer_id: s.customer_id,
              customer_group_id: (m.plan?.customer_group_id as string | null) ?? null,
              joined_group: s.joined_group,
            }))
        ),
    ]
    return new StepResponse(sources)
  }
)

/** The columns by which a claimed table's rows belong to a customer. */
const OWNER_COLUMNS = ["customer_id", "survivor_id", "source_id"]

type Snapshot = { table: string; rows: unknown[] }[]

/**
 * The rows the handlers are about to delete, as far as a table says whose they are (a column of
 * `OWNER_COLUMNS`), in the handlers' order (parents before children), read in the deleting
 * transaction: what a compensation puts back.
 */
async function snapshotRows(ctx: { sql: Parameters<typeof selectRows>[0] }, customerIds: string[], owners: CustomerDataOwner[]) {
  const snapshot: Snapshot = []
  for (const handler of customerDataHandlers(owners)) {
    for (const claim of handler.claims) {
      const columns = await selectRows(
        ctx.sql,
        `SELECT column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = :table AND column_name = any(:columns::text[])`,
        { table: claim.table, columns: OWNER_COLUMNS }
      )
      if (!columns.length) {
        continue
      }
      const where = columns.map((c) => `"${String(c.column_name)}" = any(:ids::text[])`).join(" OR ")
      const [row] = await selectRows(
        ctx.sql,
        `SELECT coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) AS rows FROM "${claim.table}" t WHERE ${where}`,
        { ids: customerIds }
      )
      const rows = row.rows as unknown[]
      if (rows.length) {
        snapshot.push({ table: claim.table, rows })
      }
    }
  }
  return snapshot
}

export type DeleteCustomerDataStepInput = {
  customer_ids: string[]
  /** Whose handlers delete: by default the host app's and the plugin's (Medusa deletes its own records). */
  owners?: CustomerDataOwner[]
}

export const deleteCustomerDataStepId = "delete-customer-data"

/**
 * The step hooked into by code written before identity rows were deleted by the registry: it names
 * the step that deletes them now.
 *
 * @deprecated Use `deleteCustomerDataStepId`.
 */
export const deleteCustomerIdentityDataStepId = deleteCustomerDataStepId

/**
 * Deletes what the customer-data handlers of the given owners hold about the customers, for good
 * (rows deleted softly earlier included), in one database transaction: every handler's rows go, or
 * none. Returns the files the handlers released (profile photos), for removal once nothing can
 * roll back any more.
 *
 * Compensation puts back the rows of every claimed table that names its customer (`customer_id`,
 * or a merge's `survivor_id`/`source_id`) exactly as they were (ids, dates, soft deletes), from a
 * copy read in the deleting transaction. Rows that belong to a customer only through a parent (the
 * e-mails sent from a note, a membership's history, co-members' places on a deleted membership) and
 * replayed request answers are not put back: they are gone once this step committed.
 */
export const deleteCustomerDataStep = createStep(
  deleteCustomerDataStepId,
  async (input: DeleteCustomerDataStepInput, { container }) => {
    const owners = input.owners ?? ["app", "plugin"]
    if (!input.customer_ids.length) {
      return new StepResponse({ file_ids: [] as string[] }, [] as Snapshot)
    }
    const { snapshot, effects } = await inCustomerDataTransaction(container, async (ctx) => {
      const snapshot = await snapshotRows(ctx, input.customer_ids, owners)
      const effects = await deleteWithHandlers(ctx, input.customer_ids, owners)
      return { snapshot, effects }
    })
    return new StepResponse({ file_ids: effects.file_ids }, snapshot)
  },
  async (snapshot, { container }) => {
    if (!snapshot?.length) {
      return
    }
    await inCustomerDataTransaction(container, async (ctx) => {
      for (const { table, rows } of snapshot) {
        await selectRows(
          ctx.sql,
          `INSERT INTO "${table}" SELECT * FROM jsonb_populate_recordset(NULL::"${table}", :rows::jsonb) ON CONFLICT DO NOTHING`,
          { rows: JSON.stringify(rows) }
        )
      }
    })
  }
)

export const removeReleasedFilesStepId = "remove-released-files"

/**
 * Removes the files the handlers released (profile photos) from the file provider. Last in a
 * workflow: a removed file cannot be brought back, so there is no compensation.
 */
export const removeReleasedFilesStep = createStep(removeReleasedFilesStepId, async (fileIds: string[], { container }) => {
  await removeReleasedFiles(container, fileIds)
  return new StepResponse(fileIds.length)
})
