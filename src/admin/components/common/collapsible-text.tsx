import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslate } from "../../lib/i18n"

/** A text longer than this many characters or lines starts collapsed. */
export const COLLAPSE_MAX_CHARS = 600
export const COLLAPSE_MAX_LINES = 8

export const isLongText = (text: string) =>
  text.length > COLLAPSE_MAX_CHARS ||
  text.split("\n").length > COLLAPSE_MAX_LINES

type CollapsibleTextProps = {
  text: string
  "data-testid"?: string
}

/**
 * A note's text with its line breaks; a long one shows its first lines and "Show more" (then
 * "Show less"), so one long note does not fill the screen.
 */
export const CollapsibleText = ({
  text,
  "data-testid": testId,
}: CollapsibleTextProps) => {
  const { t } = useTranslate()
  const [expanded, setExpanded] = useState(false)
  const long = isLongText(text)
  const collapsed = long && !expanded

  return (
    <div className="flex flex-col items-start gap-y-1">
      <Text
        size="small"
        className="text-ui-fg-subtle w-full whitespace-pre-wrap break-words"
        style={
          collapsed
            ? {
                display: "-webkit-box",
                WebkitBoxOrient: "vertical",
                WebkitLineClamp: COLLAPSE_MAX_LINES,
                overflow: "hidden",
              }
            : undefined
        }
        data-testid={testId}
        data-collapsed={collapsed ? "true" : "false"}
      >
        {text}
      </Text>
      {long && (
        <Button
          type="button"
          size="small"
          variant="transparent"
          className="text-ui-fg-interactive -ml-2 px-2"
          aria-expanded={expanded}
          onClick={() => setExpanded((value) => !value)}
          data-testid="crm-note-toggle"
        >
          {expanded ? t("notes.showLess") : t("notes.showMore")}
        </Button>
      )}
    </div>
  )
}
