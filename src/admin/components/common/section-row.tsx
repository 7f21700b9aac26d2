import { Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

type SectionRowProps = {
  title: string
  value?: ReactNode
  "data-testid"?: string
}

/** A label and its value in a detail section, like the dashboard's SectionRow. */
export const SectionRow = ({
  title,
  value,
  "data-testid": testId,
}: SectionRowProps) => {
  const isPlain =
    value === null ||
    value === undefined ||
    value === "" ||
    typeof value === "string" ||
    typeof value === "number"

  return (
    <div
      className={clx(
        "text-ui-fg-subtle grid w-full grid-cols-2 items-center gap-4 px-6 py-4"
      )}
    >
      <Text size="small" weight="plus" leading="compact">
        {title}
      </Text>
      {isPlain ? (
        <Text
          size="small"
          leading="compact"
          className="whitespace-pre-line text-pretty break-words"
          data-testid={testId}
        >
          {value === null || value === undefined || value === ""
            ? "-"
            : value}
        </Text>
      ) : (
        <div
          className="txt-compact-small flex min-w-0 flex-wrap gap-1"
          data-testid={testId}
        >
          {value}
        </div>
      )}
    </div>
  )
}
