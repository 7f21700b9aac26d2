import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { getTagUsage } from "../../../../lib/queries/tag-usage"
import type { TagDefinition, TagDefinitionWithUsage } from "../../../../types/http/tags"
import { crmError } from "../../../../lib/errors"
import { TagErrorCodes } from "../../../../types/http/tags"
import { asHttp } from "../../../utils/query-rows"

export const TAG_DEFINITION_FIELDS = [
  "id",
  "key",
  "label",
  "description",
  "color",
  "value_mode",
  "allowed_values",
  "customer_group_id",
  "customer_group.id",
  "customer_group.name",
  "created_at",
  "updated_at",
]

/** A definition read by Query (`TAG_DEFINITION_FIELDS`), before its counts are added. */
type DefinitionRow = Omit<TagDefinition, "customer_group" | "customer_count" | "benefit_order_count"> & {
  customer_group?: TagDefinition["customer_group"]
}

/** Adds the counts of a page of definitions (two queries for the page). */
export async function withCounts(scope: MedusaContainer, definitions: DefinitionRow[]): Promise<TagDefinition[]> {
  const usage = await getTagUsage(
    scope,
    definitions.map((d) => d.id)
  )
  return definitions.map((d) => ({
    ...d,
    customer_group: d.customer_group ?? null,
    customer_count: usage.get(d.id)!.customer_count,
    benefit_order_count: usage.get(d.id)!.benefit_order_count,
  }))
}

/** One definition with its counts and its usage split by sales channel; 404 when unknown. */
export async function refetchTagDefinition(scope: MedusaContainer, id: string): Promise<TagDefinitionWithUsage> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [definition],
  } = await query.graph({
    entity: "customer_tag_definition",
    fields: TAG_DEFINITION_FIELDS,
    filters: { id },
  })
  if (!definition) {
    throw crmError(MedusaError.Types.NOT_FOUND, TagErrorCodes.TAG_DEFINITION_NOT_FOUND, `Tag with id: ${id} was not found`)
  }
  const row = asHttp<DefinitionRow>(definition)
  const usage = (await getTagUsage(scope, [id])).get(id)!
  const channelIds = usage.by_sales_channel
    .map((c) => c.sales_channel_id)
    .filter((c): c is string => !!c)
  const { data: channels } = channelIds.length
    ? await query.graph({ entity: "sales_channel", fields: ["id", "name"], filters: { id: channelIds } })
    : { data: [] as { id: string; name: string }[] }
  const names = new Map<string, string>(
    channels.map((c: { id: string; name: string }) => [c.id, c.name] as const)
  )
  return {
    ...row,
    customer_group: row.customer_group ?? null,
    customer_count: usage.customer_count,
    benefit_order_count: usage.benefit_order_count,
    usage: {
      customer_count: usage.customer_count,
      benefit_order_count: usage.benefit_order_count,
      by_sales_channel: usage.by_sales_channel
        .map((c) => ({ ...c, name: c.sales_channel_id ? names.get(c.sales_channel_id) ?? null : null }))
        .sort((a, b) => b.order_count - a.order_count),
    },
  }
}
