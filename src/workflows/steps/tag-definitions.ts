import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_TAG_MODULE } from "../../modules/customer-tag"
import type CustomerTagModuleService from "../../modules/customer-tag/service"
import type { TagColor, TagValueMode } from "../../modules/customer-tag"
import { crmError } from "../../lib/errors"
import { TagErrorCodes } from "../../types/http/tags"

export type TagDefinitionData = {
  key?: string
  label?: string
  description?: string | null
  color?: TagColor
  value_mode?: TagValueMode
  allowed_values?: string[] | null
  customer_group_id?: string | null
}

export type ValidateTagDefinitionStepInput = {
  /** Set when updating. */
  id?: string
  data: TagDefinitionData
}

export type ValidatedTagDefinition = {
  data: TagDefinitionData
  /** When updating: the group before, and the tags whose group membership must follow a change. */
  previous_group_id: string | null
  group_changed: boolean
  tags: { id: string; customer_id: string; joined_group: boolean }[]
}

export const validateTagDefinitionStepId = "validate-tag-definition"

/**
 * Checks a tag definition before it is written: the key is free (409), a list has allowed values
 * and keeps every value customers carry (400), the benefit group exists (400), the definition
 * exists when updating (404). Returns the normalised data.
 */
export const validateTagDefinitionStep = createStep(
  validateTagDefinitionStepId,
  async ({ id, data }: ValidateTagDefinitionStepInput, { container }) => {
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    const normalised: TagDefinitionData = { ...data }

    let existing: Awaited<ReturnType<typeof service.listCustomerTagDefinitions>>[number] | undefined
    if (id) {
      ;[existing] = await service.listCustomerTagDefinitions({ id })
      if (!existing) {
        throw crmError(MedusaError.Types.NOT_FOUND, TagErrorCodes.TAG_DEFINITION_NOT_FOUND, `Tag with id: ${id} was not found`)
      }
    }

    if (data.key !== undefined) {
      const [taken] = await service.listCustomerTagDefinitions({ key: data.key })
      if (taken && taken.id !== id) {
        throw crmError(
          MedusaError.Types.CONFLICT, TagErrorCodes.TAG_KEY_TAKEN,
          `A tag with key ${data.key} already exists`
        )
      }
    }

    const mode = data.value_mode ?? existing?.value_mode ?? "flag"
    if (data.allowed_values) {
      normalised.allowed_values = [...new Set(data.allowed_values.map((v) => v.trim()).filter(Boolean))]
    }
    if (mode === "list") {
      const allowed = normalised.allowed_values ?? (existing?.allowed_values as string[] | null)
      if (!allowed?.length) {
        throw crmError(
          MedusaError.Types.INVALID_DATA, TagErrorCodes.TAG_ALLOWED_VALUES_INVALID,
          "A tag with a list of values needs allowed_values"
        )
      }
      if (existing && normalised.allowed_values) {
        const inUse = await service.listCustomerTags(
          { definition_id: existing.id, value: { $nin: normalised.allowed_values } },
          { select: ["value"], take: 1 }
        )
        if (inUse.length) {
          throw crmError(
            MedusaError.Types.INVALID_DATA, TagErrorCodes.TAG_ALLOWED_VALUE_IN_USE,
            `Customers carry ${existing.key} = ${inUse[0].value}; keep that value or remove it from them first`
          )
        }
      }
    } else if (normalised.allowed_values?.length) {
      throw crmError(
        MedusaError.Types.INVALID_DATA, TagErrorCodes.TAG_ALLOWED_VALUES_INVALID,
        "allowed_values is only for tags whose value_mode is list"
      )
    } else if (!existing) {
      normalised.allowed_values = null
    }

    if (data.customer_group_id) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: groups } = await query.graph({
        entity: "customer_group",
        fields: ["id"],
        filters: { id: data.customer_group_id },
      })
      if (!groups.length) {
        throw crmError(
          MedusaError.Types.INVALID_DATA, TagErrorCodes.CUSTOMER_GROUP_NOT_FOUND,
          `Customer group ${data.customer_group_id} does not exist`
        )
      }
    }

    const previousGroup = existing?.customer_group_id ?? null
    const groupChanged =
      !!existing &&
      data.customer_group_id !== undefined &&
      (data.customer_group_id ?? null) !== previousGroup
    const tags = groupChanged
      ? await service.listCustomerTags(
          { definition_id: existing!.id },
          { select: ["id", "customer_id", "joined_group"] }
        )
      : []

    return new StepResponse<ValidatedTagDefinition>({
      data: normalised,
      previous_group_id: previousGroup,
      group_changed: groupChanged,
      tags: tags.map((t) => ({ id: t.id, customer_id: t.customer_id, joined_group: t.joined_group })),
    })
  }
)

export const createTagDefinitionStepId = "create-tag-definition"

/** Creates a tag definition. Compensation deletes it. */
export const createTagDefinitionStep = createStep(
  createTagDefinitionStepId,
  async (data: TagDefinitionData, { container }) => {
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    const created = await service.createCustomerTagDefinitions(
      data as TagDefinitionData & { key: string; label: string }
    )
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    await service.deleteCustomerTagDefinitions(id)
  }
)

export const updateTagDefinitionStepId = "update-tag-definition"

/** Updates a tag definition. Compensation restores the fields it changed. */
export const updateTagDefinitionStep = createStep(
  updateTagDefinitionStepId,
  async ({ id, data }: { id: string; data: TagDefinitionData }, { container }) => {
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    const [before] = await service.listCustomerTagDefinitions({ id })
    const fields = Object.keys(data).filter(
      (k) => data[k as keyof TagDefinitionData] !== undefined
    ) as (keyof TagDefinitionData)[]
    const previous = Object.fromEntries(fields.map((f) => [f, before[f] ?? null]))
    const updated = await service.updateCustomerTagDefinitions({ id, ...data } as { id: string })
    return new StepResponse(updated, { id, ...previous })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    await service.updateCustomerTagDefinitions(previous as { id: string })
  }
)

export const setTagJoinedFlagsStepId = "set-tag-joined-flags"

/**
 * Records which tags put their customer into the (new) benefit group. Compensation restores the
 * old flags.
 */
export const setTagJoinedFlagsStep = createStep(
  setTagJoinedFlagsStepId,
  async (
    input: {
      tags: { id: string; customer_id: string; joined_group: boolean }[]
      joined_customer_ids: string[]
    },
    { container }
  ) => {
    if (!input.tags.length) {
      return new StepResponse(void 0, [] as { id: string; joined_group: boolean }[])
    }
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    const joined = new Set(input.joined_customer_ids)
    const on = input.tags.filter((t) => joined.has(t.customer_id)).map((t) => t.id)
    const off = input.tags.filter((t) => !joined.has(t.customer_id)).map((t) => t.id)
    if (on.length) {
      await service.updateCustomerTags({ selector: { id: on }, data: { joined_group: true } })
    }
    if (off.length) {
      await service.updateCustomerTags({ selector: { id: off }, data: { joined_group: false } })
    }
    return new StepResponse(
      void 0,
      input.tags.map((t) => ({ id: t.id, joined_group: t.joined_group }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    await service.updateCustomerTags(previous)
  }
)

export const deleteTagDefinitionStepId = "delete-tag-definition"

/**
 * Deletes a tag definition (its customers' tags must be removed first, by the workflow).
 * Compensation re-creates it with its id.
 */
export const deleteTagDefinitionStep = createStep(
  deleteTagDefinitionStepId,
  async (id: string, { container }) => {
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    const [definition] = await service.listCustomerTagDefinitions({ id })
    if (!definition) {
      return new StepResponse(void 0, null)
    }
    await service.deleteCustomerTagDefinitions(id)
    return new StepResponse(void 0, definition)
  },
  async (definition, { container }) => {
    if (!definition) {
      return
    }
    const service: CustomerTagModuleService = container.resolve(CUSTOMER_TAG_MODULE)
    await service.createCustomerTagDefinitions({
      id: definition.id,
      key: definition.key,
      label: definition.label,
      description: definition.description,
      color: definition.color,
      value_mode: definition.value_mode,
      allowed_values: definition.allowed_values,
      customer_group_id: definition.customer_group_id,
    })
  }
)
