import { Badge } from "@medusajs/ui"
import type { ComponentPropsWithoutRef } from "react"
import type { TagColor } from "../../lib/types"

type TagKeyBadgeProps = Omit<
  ComponentPropsWithoutRef<typeof Badge>,
  "color" | "children"
> & {
  tagKey: string
  color: TagColor
}

/** A tag's key in its colour, as it appears everywhere a tag is shown. */
export const TagKeyBadge = ({
  tagKey,
  color,
  size = "2xsmall",
  ...props
}: TagKeyBadgeProps) => {
  return (
    <Badge
      size={size}
      color={color}
      data-testid="crm-tag-key-badge"
      data-tag-key={tagKey}
      data-color={color}
      {...props}
    >
      {tagKey}
    </Badge>
  )
}
