import { clx, Tooltip } from "@medusajs/ui"
import { formatDate, formatDateTime } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"

/** A table cell's date (the day; the exact time on hover). */
export const DateCell = ({ date, subtle = false }: { date: string; subtle?: boolean }) => {
  const { locale } = useTranslate()

  return (
    <Tooltip content={formatDateTime(date, locale)}>
      <span className={clx("whitespace-nowrap", subtle && "text-ui-fg-subtle")}>
        <time dateTime={date}>{formatDate(date, locale)}</time>
      </span>
    </Tooltip>
  )
}
