import { Badge, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useSegment } from "../../hooks/api/segments"
import { formatNumber } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import type {
  CampaignAudience,
  CampaignKind,
  CampaignStatus,
  InboxEntryStatus,
} from "../../lib/types"
import type { PaginationStrings } from "../common/list-table"

/** Where the campaign lists' pager words are (`messagesPage.pagination.*`). */
export const MESSAGES_PAGINATION: PaginationStrings = "messagesPage"

const STATUS_COLORS: Record<CampaignStatus, "blue" | "green" | "grey"> = {
  scheduled: "blue",
  active: "green",
  ended: "grey",
}

/** A campaign's status as the dashboard shows statuses: a coloured dot and a word. */
export const CampaignStatusBadge = ({
  status,
  "data-testid": testId = "campaign-status",
}: {
  status: CampaignStatus
  "data-testid"?: string
}) => {
  const { t } = useTranslate()
  return (
    <StatusBadge color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`messagesPage.statuses.${status}`)}
    </StatusBadge>
  )
}

const ENTRY_COLORS: Record<InboxEntryStatus, "blue" | "green" | "grey" | "orange" | "red"> = {
  new: "blue",
  read: "grey",
  redeemed: "green",
  removed: "red",
  expired: "orange",
}

/** A recipient's entry: New, Read, Redeemed, Removed or Expired. */
export const EntryStatusBadge = ({ status }: { status: InboxEntryStatus }) => {
  const { t } = useTranslate()
  return (
    <StatusBadge
      color={ENTRY_COLORS[status]}
      data-testid="campaign-entry-status"
      data-status={status}
    >
      {t(`messagesPage.entryStatuses.${status}`)}
    </StatusBadge>
  )
}

/** "Message", "Offer" or "Loyalty offer". */
export const kindLabel = (kind: CampaignKind, t: TranslateFn) =>
  t(`messagesPage.kinds.${kind}`)

export const KindBadge = ({ kind }: { kind: CampaignKind }) => {
  const { t } = useTranslate()
  return (
    <Badge size="2xsmall" data-testid="campaign-kind" data-kind={kind}>
      {kindLabel(kind, t)}
    </Badge>
  )
}

/**
 * A tag of an audience as staff write it: `KEY` or `KEY = VALUE` (the API stores `key:value`, and
 * reads `KEY=VALUE` the same).
 */
export const tagText = (tag: string) => {
  const match = /^([^:=]+)[:=](.*)$/.exec(tag)
  return match ? `${match[1].trim()} = ${match[2].trim()}` : tag.trim()
}

/** A count in words with its plural: "1 customer", "12 customers". */
export const customerCount = (count: number, t: TranslateFn, locale: string) =>
  t(`messagesPage.audience.customerCount.${count === 1 ? "one" : "other"}`, {
    count: formatNumber(count, locale),
  })

const SegmentName = ({ segmentId, link }: { segmentId: string; link: boolean }) => {
  const { t } = useTranslate()
  const { segment, isError } = useSegment(segmentId, { retry: false })
  const name = segment?.name ?? (isError ? t("messagesPage.audience.segmentMissing") : "…")
  if (!link) {
    return <span>{t("messagesPage.audience.segmentNamed", { name })}</span>
  }
  return (
    <Link
      to={`/crm-segments/${segmentId}`}
      className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
      data-testid="campaign-detail-segment"
      data-segment-id={segmentId}
    >
      {name}
    </Link>
  )
}

type AudienceSummaryProps = {
  audience: CampaignAudience
  /** Segment names already loaded (the list): no request per row. */
  segmentNames?: Record<string, string>
  /** At most this many tags, then "+N". */
  maxTags?: number
  /** The detail page: the segment as a link. */
  link?: boolean
  "data-testid"?: string
}

/** Who receives a campaign in a few words: "Everyone", a segment, tags (any/all), "12 customers". */
export const AudienceSummary = ({
  audience,
  segmentNames,
  maxTags,
  link = false,
  "data-testid": testId = "campaign-audience",
}: AudienceSummaryProps) => {
  const { t, locale } = useTranslate()

  const content = (() => {
    switch (audience.type) {
      case "everyone":
        return <span>{t("messagesPage.audience.everyone")}</span>
      case "segment":
        return segmentNames?.[audience.segment_id] ? (
          <span>
            {t("messagesPage.audience.segmentNamed", {
              name: segmentNames[audience.segment_id],
            })}
          </span>
        ) : (
          <SegmentName segmentId={audience.segment_id} link={link} />
        )
      case "tags": {
        const shown = maxTags ? audience.tags.slice(0, maxTags) : audience.tags
        const more = audience.tags.length - shown.length
        return (
          <div className="flex flex-wrap items-center gap-1">
            {audience.tags.length > 1 && (
              <Text size="small" leading="compact" className="text-ui-fg-subtle">
                {t(`messagesPage.audience.match.${audience.match ?? "any"}`)}
              </Text>
            )}
            {shown.map((tag) => (
              <Badge
                key={tag}
                size="2xsmall"
                // A long KEY = VALUE wraps inside its chip instead of being cut.
                className="h-auto whitespace-normal break-words py-0.5 text-left"
                data-testid="campaign-audience-tag"
                data-tag={tag}
              >
                {tagText(tag)}
              </Badge>
            ))}
            {more > 0 && (
              <Badge size="2xsmall" color="grey">
                +{more}
              </Badge>
            )}
          </div>
        )
      }
      case "customers":
        return <span>{customerCount(audience.customer_ids.length, t, locale)}</span>
    }
  })()

  return (
    <div
      className="flex min-w-0 flex-wrap items-center gap-1 whitespace-normal"
      data-testid={testId}
      data-audience-type={audience.type}
    >
      {content}
    </div>
  )
}
