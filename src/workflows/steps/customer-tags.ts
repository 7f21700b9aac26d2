import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_TAG_MODULE } from "../../modules/customer-tag"
import type CustomerTagModuleService from "../../modules/customer-tag/service"
import type { TagValueMode } from "../../modules/customer-tag"
import { crmError } from "../../lib/errors"
import { TagErrorCodes } from "../../types/http/tags"

export type TagAssignmentInput = {
  customer_id: string
  key: string
  value?: string | null
  expires_at?: string | Date | null
}

export type ValidateTagAssignmentsStepInput = {
  assignments: TagAssignmentInput[]
  /** Leave out customers that already carry the tag instead of failing with a 409 (bulk). */
  skip_existing?: boolean
}

/** A tag ready to be written, with what the rest of the workflow needs to know about it. */
export type ResolvedTagAssignment = {
  customer_id: string
  definition_id: string
  key: string
  /** The definition's label, for the system note. */
  label: string | null
  value: string | null
  expires_at: Date | null
  customer_group_id: string | null
}

type Definition = {
  id: string
  key: string
  label?: string | null
  value_mode: TagValueMode
  allowed_values: unknown
  customer_group_id: string | null
}

/** Checks a value against the definition's value mode; returns the value to store. */
export function checkTagValue(definition: Definition, value: string | null | undefined) {
  const trimmed = typeof value === "string" ? value.trim() : value
  switch (definition.value_mode) {
    case "flag":
      if (trimmed !== undefined && trimmed !== null && trimmed !== "") {
        throw crmError(
          MedusaError.Types.INVALID_DATA, TagErrorCodes.TAG_VALUE_INVALID,
          `Tag ${definition.key} is a flag and takes no value`
        )
      }
      return null
    case "text":
      if (!trimmed) {
        throw crmError(
          MedusaError.Types.INVALID_DATA, TagErrorCodes.TAG_VALUE_INVALID,
          `Tag ${definition.key} needs a value`
        )
      }
      return trimmed
    case "list": {
      const allowed = Array.isArray(definition.allowed_values)
        ? (definition.allowed_values as string[])
        : []
      if (!trimmed || !allowed.includes(trimmed)) {
        throw crmError(
          MedusaError.Types.INVALID_DATA, TagErrorCodes.TAG_VALUE_INVALID,
          `Tag ${definition.key} takes one of: ${allowed.join(", ")}${trimmed ? ` (not ${trimmed})` : ""}`
        )
      }
      return trimmed
    }
  }
}

function checkExpiry(key: string, expiresAt: string | Date | null | undefined) {
  if (expiresAt === undefined || expiresAt === null) {
    return null
  }
  const date = new Date(expiresAt)
  if (Number.isNaN(date.getTime())) {
    throw crmError(MedusaError.Types.INVALID_DATA, TagErrorCodes.TAG_EXPIRY_INVALID, `Tag ${key}: expires_at is not a date`)
  }
  if (date.getTime() <= Date.now()) {
    throw crmError(
      MedusaError.Types.INVALID_DATA, TagErrorCodes.TAG_EXPIRY_INVALID,
      `Tag ${key}: expires_at must be in the future`
    )
  }
  return date
}

export const validateTagAssignmentsStepId = "validate-tag-assignments"

/**
 * Resolves tag keys to definitions and checks every assignment: the key exists and the value fits
 * it (400), the customers exist (400 listing the unknown ids), and the customer does not carry the
 * tag yet (409, or left out with `skip_existing`). Nothing is written.
 */
export const validateTagAssignmentsStep = createStep(
  validateTagAssignmentsStepId,
  async ({ assignments, skip_existing }: ValidateTagAssignmentsStepInput, { container }) => {
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    const keys = [...new Set(assignments.map((a) => a.key))]
    const definitions = keys.length
      ? await service.listCustomerTagDefinitions({ key: keys })
      : []
    const byKey = new Map(definitions.map((d) => [d.key, d as unknown as Definition]))
    const unknownKeys = keys.filter((k) => !byKey.has(k))
    if (unknownKeys.length) {
      throw crmError(
        MedusaError.Types.INVALID_DATA, TagErrorCodes.TAG_DEFINITION_NOT_FOUND,
        `No tag with key ${unknownKeys.join(", ")}. Create it first under Customers > Tags.`
      )
    }

    const customerIds = [...new Set(assignments.map((a) => a.customer_id))]
    if (customerIds.length) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: customers } = await query.graph({
        entity: "customer",
        fields: ["id"],
        filters: { id: customerIds },
      })
      const known = new Set(customers.map((c) => c.id))
      const unknown = customerIds.filter((id) => !known.has(id))
      if (unknown.length) {
        throw crmError(
          MedusaError.Types.INVALID_DATA, TagErrorCodes.CUSTOMER_NOT_FOUND,
          `Customers do not exist: ${unknown.slice(0, 20).join(", ")}${unknown.length > 20 ? ` and ${unknown.length - 20} more` : ""}`
        )
      }
    }

    const seen = new Set<string>()
    const resolved: ResolvedTagAssignment[] = []
    for (const a of assignments) {
      const definition = byKey.get(a.key)!
      const pair = `${a.customer_id}:${definition.id}`
      if (seen.has(pair)) {
        continue
      }
      seen.add(pair)
      resolved.push({
        customer_id: a.customer_id,
        definition_id: definition.id,
        key: definition.key,
        label: definition.label ?? null,
        value: checkTagValue(definition, a.value),
        expires_at: checkExpiry(definition.key, a.expires_at),
        customer_group_id: definition.customer_group_id,
      })
    }

    const existing = resolved.length
      ? await service.listCustomerTags(
          {
            customer_id: [...new Set(resolved.map((r) => r.customer_id))],
            definition_id: [...new Set(resolved.map((r) => r.definition_id))],
          },
          { select: ["id", "customer_id", "definition_id"] }
        )
      : []
    const carried = new Set(
      existing.map((t) => `${t.customer_id}:${(t as unknown as { definition_id: string }).definition_id}`)
    )
    const fresh = resolved.filter((r) => !carried.has(`${r.customer_id}:${r.definition_id}`))
    if (!skip_existing && fresh.length < resolved.length) {
      const dup = resolved.find((r) => carried.has(`${r.customer_id}:${r.definition_id}`))!
      throw crmError(
        MedusaError.Types.CONFLICT, TagErrorCodes.TAG_ALREADY_ASSIGNED,
        `Customer ${dup.customer_id} already has tag ${dup.key}; change its value instead`
      )
    }
    return new StepResponse({
      assignments: fresh,
      skipped: resolved.length - fresh.length,
    })
  }
)

export type CreateCustomerTagsStepInput = {
  assignments: ResolvedTagAssignment[]
  /** `customer_id:customer_group_id` pairs the workflow just put into the group. */
  joined: { customer_id: string; customer_group_id: string }[]
  source: string
  assigned_by: string | null
}

export const createCustomerTagsStepId = "create-customer-tags"

/** Writes the tags. Compensation deletes them. */
export const createCustomerTagsStep = createStep(
  createCustomerTagsStepId,
  async (input: CreateCustomerTagsStepInput, { container }) => {
    if (!input.assignments.length) {
      return new StepResponse(
        [] as { id: string; customer_id: string; key: string; label: string | null; value: string | null }[],
        [] as string[]
      )
    }
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    const joined = new Set(input.joined.map((j) => `${j.customer_id}:${j.customer_group_id}`))
    const created = await service.createCustomerTags(
      input.assignments.map((a) => ({
        customer_id: a.customer_id,
        definition_id: a.definition_id,
        value: a.value,
        expires_at: a.expires_at,
        source: input.source,
        assigned_by: input.assigned_by,
        joined_group:
          !!a.customer_group_id && joined.has(`${a.customer_id}:${a.customer_group_id}`),
      }))
    )
    const byPair = new Map(input.assignments.map((a) => [`${a.customer_id}:${a.definition_id}`, a]))
    return new StepResponse(
      created.map((t) => {
        const a = byPair.get(`${t.customer_id}:${(t as unknown as { definition_id: string }).definition_id}`)!
        return { id: t.id, customer_id: t.customer_id, key: a.key, label: a.label, value: t.value }
      }),
      created.map((t) => t.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    await service.deleteCustomerTags(ids)
  }
)

/** A deleted tag as it was, to restore it and to describe it. */
export type CustomerTagSnapshot = {
  id: string
  customer_id: string
  definition_id: string
  key: string
  /** The definition's label, for the system note. */
  label: string | null
  customer_group_id: string | null
  value: string | null
  source: string
  expires_at: Date | null
  assigned_by: string | null
  joined_group: boolean
  created_at: Date
}

export type DeleteCustomerTagsStepInput = {
  ids?: string[]
  customer_ids?: string[]
  definition_ids?: string[]
  /** Only tags whose expiry has passed by this time (the expiry job). */
  expired_before?: Date
  /** At most this many (a page of the expiry job). */
  limit?: number
}

export const deleteCustomerTagsStepId = "delete-customer-tags"

/**
 * Deletes tags by id, customer or definition and returns them as they were. Compensation
 * re-creates them with their ids and dates.
 */
export const deleteCustomerTagsStep = createStep(
  deleteCustomerTagsStepId,
  async (input: DeleteCustomerTagsStepInput, { container }) => {
    const filters: Record<string, unknown> = {}
    if (input.ids) filters.id = input.ids
    if (input.customer_ids) filters.customer_id = input.customer_ids
    if (input.definition_ids) filters.definition_id = input.definition_ids
    if (input.expired_before) filters.expires_at = { $lte: input.expired_before }
    if (!Object.keys(filters).length || Object.values(filters).some((v) => Array.isArray(v) && !v.length)) {
      return new StepResponse([] as CustomerTagSnapshot[], [] as CustomerTagSnapshot[])
    }
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    const tags = await service.listCustomerTags(filters, {
      relations: ["definition"],
      order: { expires_at: "ASC", id: "ASC" },
      take: input.limit,
    })
    const snapshots: CustomerTagSnapshot[] = tags.map((t) => ({
      id: t.id,
      customer_id: t.customer_id,
      definition_id: t.definition.id,
      key: t.definition.key,
      label: t.definition.label ?? null,
      customer_group_id: t.definition.customer_group_id ?? null,
      value: t.value ?? null,
      source: t.source,
      expires_at: t.expires_at ? new Date(t.expires_at) : null,
      assigned_by: t.assigned_by ?? null,
      joined_group: t.joined_group,
      created_at: new Date(t.created_at),
    }))
    if (snapshots.length) {
      await service.deleteCustomerTags(snapshots.map((s) => s.id))
    }
    return new StepResponse(snapshots, snapshots)
  },
  async (snapshots, { container }) => {
    if (!snapshots?.length) {
      return
    }
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    await service.createCustomerTags(
      snapshots.map(({ key: _k, label: _l, customer_group_id: _g, ...tag }) => tag)
    )
  }
)

export type UpdateCustomerTagStepInput = {
  id: string
  customer_id: string
  value?: string | null
  expires_at?: string | Date | null
}

export const updateCustomerTagStepId = "update-customer-tag"

/**
 * Changes a tag's value or expiry, checking the value against its definition (400) and that the
 * tag is on that customer (404). Compensation restores the old values.
 */
export const updateCustomerTagStep = createStep(
  updateCustomerTagStepId,
  async (input: UpdateCustomerTagStepInput, { container }) => {
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    const [tag] = await service.listCustomerTags(
      { id: input.id, customer_id: input.customer_id },
      { relations: ["definition"] }
    )
    if (!tag) {
      throw crmError(
        MedusaError.Types.NOT_FOUND, TagErrorCodes.CUSTOMER_TAG_NOT_FOUND,
        `Tag with id: ${input.id} was not found on customer ${input.customer_id}`
      )
    }
    const data: { id: string; value?: string | null; expires_at?: Date | null } = { id: tag.id }
    if (input.value !== undefined) {
      data.value = checkTagValue(tag.definition as unknown as Definition, input.value)
    }
    if (input.expires_at !== undefined) {
      data.expires_at = checkExpiry(tag.definition.key, input.expires_at)
    }
    await service.updateCustomerTags(data)
    const previous = {
      id: tag.id,
      value: tag.value ?? null,
      expires_at: tag.expires_at ? new Date(tag.expires_at) : null,
    }
    return new StepResponse(
      {
        id: tag.id,
        key: tag.definition.key,
        label: tag.definition.label ?? null,
        value_changed: data.value !== undefined && data.value !== previous.value,
        value: data.value !== undefined ? data.value : previous.value,
        expires_at: data.expires_at !== undefined ? data.expires_at : previous.expires_at,
      },
      previous
    )
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    await service.updateCustomerTags(previous)
  }
)
