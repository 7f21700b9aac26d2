import { Badge } from "@medusajs/ui"
import type { ComponentProps } from "react"
import type { CustomerTag } from "../../lib/types"

/** `key` for a flag, `key: value` for a tag with a value: the tag as stored. */
export const customerTagKeyText = (tag: Pick<CustomerTag, "key" | "value">) =>
  tag.value ? `${tag.key}: ${tag.value}` : tag.key

/**
 * How a tag reads: its definition's label when it has one ("Affiliation: EMPLOYEE"), its key
 * otherwise ("USER_AFFILIATION: EMPLOYEE").
 */
export const customerTagText = (
  tag: Pick<CustomerTag, "key" | "value"> & {
    definition?: Pick<CustomerTag["definition"], "label"> | null
  }
) => {
  const name = tag.definition?.label?.trim() || tag.key
  return tag.value ? `${name}: ${tag.value}` : name
}

type CustomerTagBadgeProps = {
  tag: CustomerTag
  size?: ComponentProps<typeof Badge>["size"]
  "data-testid"?: string
}

/** One of a customer's tags, in its definition's colour, by its label; the key shows on hover. */
export const CustomerTagBadge = ({
  tag,
  size = "2xsmall",
  "data-testid": testId = "crm-customer-tag",
}: CustomerTagBadgeProps) => {
  const text = customerTagText(tag)
  const keyText = customerTagKeyText(tag)

  return (
    <Badge
      size={size}
      color={tag.definition?.color ?? "grey"}
      title={keyText !== text ? `${text} (${keyText})` : text}
      className="max-w-full"
      data-testid={testId}
      data-tag-key={tag.key}
    >
      <span className="truncate">{text}</span>
    </Badge>
  )
}
