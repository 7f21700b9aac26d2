import { Badge } from "@medusajs/ui"
import type { ComponentProps } from "react"
import type { CustomerTag } from "../../lib/types"

/** `key` for a flag, `key: value` for a tag with a value. */
export const customerTagText = (tag: Pick<CustomerTag, "key" | "value">) =>
  tag.value ? `${tag.key}: ${tag.value}` : tag.key

type CustomerTagBadgeProps = {
  tag: CustomerTag
  size?: ComponentProps<typeof Badge>["size"]
  "data-testid"?: string
}

/** One of a customer's tags, in its definition's colour; the label shows on hover. */
export const CustomerTagBadge = ({
  tag,
  size = "2xsmall",
  "data-testid": testId = "crm-customer-tag",
}: CustomerTagBadgeProps) => {
  const text = customerTagText(tag)

  return (
    <Badge
      size={size}
      color={tag.definition?.color ?? "grey"}
      title={
        tag.definition?.label && tag.definition.label !== tag.key
          ? `${tag.definition.label} (${text})`
          : text
      }
      className="max-w-full"
      data-testid={testId}
      data-tag-key={tag.key}
    >
      <span className="truncate">{text}</span>
    </Badge>
  )
}
