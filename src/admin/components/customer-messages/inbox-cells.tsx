import { StatusBadge, Tooltip } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDate } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { InboxEntry } from "../../lib/types"
import {
  campaignPath,
  entryKind,
  previewText,
  STATUS_COLORS,
  statusDate,
} from "./format"

type EntryCellProps = {
  entry: InboxEntry
}

type EntryTitleProps = EntryCellProps & {
  /** Offers show what they are (offer, loyalty offer, reward) and their code under the title. */
  showKind?: boolean
  "data-testid": string
}

/**
 * The entry's title, linking to its campaign; it carries the row's test id and the entry's id,
 * status and kind as data attributes.
 */
export const EntryTitle = ({
  entry,
  showKind = false,
  "data-testid": testId,
}: EntryTitleProps) => {
  const { t } = useTranslate()
  const kind = entryKind(entry)

  return (
    <div
      // Table cells do not wrap by default: these do, so the table fits the page's main column.
      className="flex min-w-0 max-w-[220px] flex-col whitespace-normal py-2"
      data-testid={testId}
      data-entry-id={entry.id}
      data-campaign-id={entry.campaign_id}
      data-status={entry.status}
      data-kind={kind}
    >
      <Link
        to={campaignPath(entry.campaign_id)}
        className="text-ui-fg-base hover:text-ui-fg-interactive transition-fg break-words"
        data-testid={`${testId}-title`}
      >
        {entry.title}
      </Link>
      {showKind && (
        <span className="text-ui-fg-muted txt-compact-xsmall flex flex-wrap gap-x-2">
          <span>{t(`customerInbox.kind.${kind}`)}</span>
          {entry.code && (
            <span className="font-mono" data-testid={`${testId}-code`}>
              {t("customerInbox.code", { code: entry.code })}
            </span>
          )}
        </span>
      )}
    </div>
  )
}

/** The short description's beginning; all of it on hover when it is cut. */
export const EntryPreview = ({ entry }: EntryCellProps) => {
  const text = entry.short_description ?? ""
  const preview = previewText(text)
  const content = (
    <span className="txt-compact-small text-ui-fg-subtle line-clamp-2 min-w-[180px] max-w-[240px] whitespace-normal break-words">
      {preview || "-"}
    </span>
  )

  return preview.length < text.replace(/\s+/g, " ").trim().length ? (
    <Tooltip content={text} maxWidth={360}>
      {content}
    </Tooltip>
  ) : (
    content
  )
}

type EntryStatusProps = EntryCellProps & {
  "data-testid": string
}

/** The status badge, with when it was read or removed, when it expired, or until when it stays. */
export const EntryStatus = ({
  entry,
  "data-testid": testId,
}: EntryStatusProps) => {
  const { t, locale } = useTranslate()
  const date = statusDate(entry)

  return (
    <div className="flex flex-col items-start gap-y-0.5 py-2">
      <StatusBadge
        color={STATUS_COLORS[entry.status] ?? "grey"}
        data-testid={testId}
        data-status={entry.status}
      >
        {t(`customerInbox.status.${entry.status}`)}
      </StatusBadge>
      {date && (
        <span className="text-ui-fg-muted txt-compact-xsmall whitespace-nowrap">
          {t(`customerInbox.${date.kind}`, {
            date: formatDate(date.date, locale),
          })}
        </span>
      )}
    </div>
  )
}
