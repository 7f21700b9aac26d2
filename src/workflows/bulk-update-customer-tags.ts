import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { crmError } from "../lib/errors"
import { CrmEvents } from "../lib/events"
import { isoDay, noteEvent } from "../lib/system-notes"
import { describeTag, tagNoteValues } from "../lib/tag-format"
import { CUSTOMER_TAG_MODULE } from "../modules/customer-tag"
import type CustomerTagModuleService from "../modules/customer-tag/service"
import { TagErrorCodes } from "../types/http/tags"
import {
  createCustomerTagsStep,
  deleteCustomerTagsStep,
  joinBenefitGroupsStep,
  recordSystemNotesStep,
  releaseBenefitGroupsStep,
  validateTagAssignmentsStep,
} from "./steps"

export type BulkUpdateCustomerTagsWorkflowInput = {
  /** The selection: distinct customer ids. */
  customer_ids: string[]
  /** The tag to put on every customer of the selection that does not carry it yet. */
  add?: { key: string; value?: string | null }
  /** The tag key to take off every customer of the selection that carries it. */
  remove?: { key: string }
  /** The admin user who asked. */
  actor_id?: string | null
}

type ValidateBulkCustomerTagsInput = {
  customer_ids: string[]
  keys: string[]
  remove_key: string | null
}

export const validateBulkCustomerTagsStepId = "validate-bulk-customer-tags"

/**
 * Checks that every customer and every tag key exists: a 404 naming what is missing. Returns the
 * definition id of the tag to remove. Nothing is written.
 */
export const validateBulkCustomerTagsStep = createStep(
  validateBulkCustomerTagsStepId,
  async ({ customer_ids, keys, remove_key }: ValidateBulkCustomerTagsInput, { container }) => {
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    const definitions = keys.length ? await service.listCustomerTagDefinitions({ key: keys }) : []
    const unknownKeys = keys.filter((key) => !definitions.some((d) => d.key === key))
    if (unknownKeys.length) {
      throw crmError(
        MedusaError.Types.NOT_FOUND,
        TagErrorCodes.TAG_DEFINITION_NOT_FOUND,
        `No tag with key ${unknownKeys.join(", ")}`
      )
    }

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id"],
      filters: { id: customer_ids },
    })
    const known = new Set(customers.map((c) => c.id))
    const unknown = customer_ids.filter((id) => !known.has(id))
    if (unknown.length) {
      throw crmError(
        MedusaError.Types.NOT_FOUND,
        TagErrorCodes.CUSTOMER_NOT_FOUND,
        `Customers do not exist: ${unknown.slice(0, 20).join(", ")}${unknown.length > 20 ? ` and ${unknown.length - 20} more` : ""}`
      )
    }

    const removeDefinition = remove_key ? definitions.find((d) => d.key === remove_key) : undefined
    return new StepResponse({ remove_definition_ids: removeDefinition ? [removeDefinition.id] : [] })
  }
)

export const bulkUpdateCustomerTagsWorkflowId = "bulk-update-customer-tags"

/**
 * Adds one tag to and/or removes one tag from a selection of customers, as one transaction of
 * steps: the existing tag steps (benefit groups joined and released, system notes, events), each
 * undone by its compensation when a later one fails. Customers that already carry the added tag
 * keep it unchanged; customers without the removed tag are left alone. 404 for an unknown customer
 * or tag key (nothing changes), 400 for a value the tag does not take. Returns how many customers
 * changed.
 *
 * @example
 * await bulkUpdateCustomerTagsWorkflow(container).run({
 *   input: { customer_ids: ["cus_1", "cus_2"], add: { key: "vip" }, remove: { key: "lead" }, actor_id: "user_1" },
 * })
 */
export const bulkUpdateCustomerTagsWorkflow = createWorkflow(
  bulkUpdateCustomerTagsWorkflowId,
  (input: WorkflowData<BulkUpdateCustomerTagsWorkflowInput>) => {
    const checked = validateBulkCustomerTagsStep(
      transform({ input }, ({ input }) => ({
        customer_ids: input.customer_ids,
        keys: [input.add?.key, input.remove?.key].filter((k): k is string => !!k),
        remove_key: input.remove?.key ?? null,
      }))
    )

    // Adding: the assign workflow's steps; customers that carry the tag already are skipped.
    const validated = validateTagAssignmentsStep(
      transform({ input }, ({ input }) => ({
        assignments: input.add
          ? input.customer_ids.map((customer_id) => ({
              customer_id,
              key: input.add!.key,
              value: input.add!.value ?? null,
            }))
          : [],
        skip_existing: true,
      }))
    )
    const joined = joinBenefitGroupsStep(
      transform({ validated }, ({ validated }) =>
        validated.assignments
          .filter((a) => !!a.customer_group_id)
          .map((a) => ({ customer_id: a.customer_id, customer_group_id: a.customer_group_id! }))
      )
    )
    const tags = createCustomerTagsStep(
      transform({ validated, joined, input }, ({ validated, joined, input }) => ({
        assignments: validated.assignments,
        joined,
        source: "bulk",
        assigned_by: input.actor_id ?? null,
      }))
    )

    // Removing: the remove workflow's steps, for this tag on the selected customers.
    const removed = deleteCustomerTagsStep(
      transform({ input, checked }, ({ input, checked }) => ({
        customer_ids: input.remove ? input.customer_ids : [],
        definition_ids: checked.remove_definition_ids,
      }))
    )
    releaseBenefitGroupsStep(
      transform({ removed }, ({ removed }) => ({
        tags: removed.map((t) => ({
          id: t.id,
          customer_id: t.customer_id,
          customer_group_id: t.customer_group_id,
          joined_group: t.joined_group,
        })),
      }))
    )

    recordSystemNotesStep(
      transform({ validated, removed, input }, ({ validated, removed, input }) => [
        ...validated.assignments.map((a) => ({
          customer_id: a.customer_id,
          body: `Tag ${describeTag(a.key, a.value)} added${a.expires_at ? ` (expires ${isoDay(a.expires_at)})` : ""}`,
          event: noteEvent("tag_added", tagNoteValues(a)),
          author_id: input.actor_id ?? null,
        })),
        ...removed.map((t) => ({
          customer_id: t.customer_id,
          body: `Tag ${describeTag(t.key, t.value)} removed`,
          event: noteEvent("tag_removed", tagNoteValues(t)),
          author_id: input.actor_id ?? null,
        })),
      ])
    )

    when({ tags }, ({ tags }) => tags.length > 0).then(() => {
      emitEventStep({
        eventName: CrmEvents.CUSTOMER_TAG_ADDED,
        data: transform({ tags }, ({ tags }) =>
          tags.map((t) => ({ id: t.id, customer_id: t.customer_id, key: t.key }))
        ),
      }).config({ name: "emit-bulk-customer-tags-added" })
    })
    when({ removed }, ({ removed }) => removed.length > 0).then(() => {
      emitEventStep({
        eventName: CrmEvents.CUSTOMER_TAG_REMOVED,
        data: transform({ removed }, ({ removed }) =>
          removed.map((t) => ({ id: t.id, customer_id: t.customer_id, key: t.key }))
        ),
      }).config({ name: "emit-bulk-customer-tags-removed" })
    })

    const updated = transform({ tags, removed }, ({ tags, removed }) =>
      new Set([...tags.map((t) => t.customer_id), ...removed.map((t) => t.customer_id)]).size
    )
    return new WorkflowResponse({ updated, added: tags, removed })
  }
)
