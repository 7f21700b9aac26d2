import { Text, Tooltip } from "@medusajs/ui"
import { formatDateTime, formatRelative } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"

type AddedAtProps = {
  /** When it was added (ISO). */
  date: string
  /** By what or whom, under the date. */
  source: string
  /** Of the source line. */
  "data-testid": string
}

/** When a row was added ("2 days ago", the exact time on hover) and by what. */
export const AddedAt = ({
  date,
  source,
  "data-testid": testId,
}: AddedAtProps) => {
  const { locale } = useTranslate()

  return (
    <div className="flex flex-col py-2">
      <Tooltip content={formatDateTime(date, locale)}>
        <span className="text-ui-fg-subtle w-fit">
          <time dateTime={date}>{formatRelative(date, locale)}</time>
        </span>
      </Tooltip>
      <Text size="xsmall" className="text-ui-fg-muted" data-testid={testId}>
        {source}
      </Text>
    </div>
  )
}
