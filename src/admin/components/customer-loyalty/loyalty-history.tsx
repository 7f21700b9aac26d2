import {
  clx,
  createDataTableColumnHelper,
  StatusBadge,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import { LOYALTY_HISTORY_PAGE_SIZE } from "../../hooks/api/loyalty"
import {
  formatAmount,
  formatDate,
  formatNumber,
  formatSignedPoints,
} from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import type { LoyaltyEntry, LoyaltyEntryStatus } from "../../lib/types"
import { ListTable } from "../common/list-table"
import { DateCell } from "../common/date-cell"
import { campaignPath } from "../customer-messages/format"

/** What the history's status column says: the entry's status, or what happened to its points. */
type ShownStatus = LoyaltyEntryStatus | "expired" | "awaitingPayment"

const STATUS_COLORS: Record<ShownStatus, "orange" | "green" | "grey" | "red"> = {
  pending: "orange",
  awaitingPayment: "orange",
  available: "green",
  void: "grey",
  expired: "grey",
}

/**
 * An expiry entry, and earned or added points whose date has passed, show "Expired", never
 * "Available"; points waiting for their order's payment say so.
 */
const shownStatus = (entry: LoyaltyEntry, now = Date.now()): ShownStatus => {
  if (entry.type === "expire") {
    return "expired"
  }
  if (entry.status === "pending" && entry.awaiting_payment) {
    return "awaitingPayment"
  }
  if (
    entry.status === "available" &&
    entry.points > 0 &&
    (entry.type === "earn" || entry.type === "adjust") &&
    entry.expires_at &&
    new Date(entry.expires_at).getTime() <= now
  ) {
    return "expired"
  }
  return entry.status
}

/** The day an entry is about: an earn's order date (its points date from it), else its own. */
const entryDate = (entry: LoyaltyEntry) =>
  entry.type === "earn" && entry.order_created_at
    ? entry.order_created_at
    : entry.created_at

const sameDay = (a: string, b: string) =>
  new Date(a).toDateString() === new Date(b).toDateString()

/**
 * The entry's text in the reader's language from its `detail`; entries written before it existed
 * keep their stored English `description`.
 */
export const entryText = (
  entry: LoyaltyEntry,
  t: TranslateFn,
  locale: string
): string | null => {
  const detail = entry.detail
  if (!detail) {
    return entry.description
  }
  const v = detail.values ?? {}
  const id = v.display_id ?? entry.order_display_id ?? ""
  switch (detail.key) {
    case "order_earn":
      return v.channel
        ? t("loyalty.detail.order_earn", { channel: String(v.channel), display_id: id })
        : t("loyalty.detail.order_earn_plain", { display_id: id })
    case "order_reversed":
      return v.reason === "refunded"
        ? t("loyalty.detail.order_reversed_refunded", { display_id: id })
        : t("loyalty.detail.order_reversed_canceled", { display_id: id })
    case "points_returned_partial":
      return t("loyalty.detail.points_returned_partial", {
        display_id: id,
        used: formatNumber(Number(v.used ?? 0), locale),
        held: formatNumber(Number(v.held ?? 0), locale),
      })
    case "points_returned_canceled":
      return t("loyalty.detail.points_returned_canceled", { display_id: id })
    case "redeem":
      return v.currency_code
        ? t("loyalty.detail.redeem", {
            amount: formatAmount(Number(v.amount ?? 0), String(v.currency_code), locale),
          })
        : entry.description
    case "offer_redeemed":
      return v.title
        ? t("loyalty.detail.offer_redeemed", { title: String(v.title) })
        : entry.description
    case "points_returned":
    case "points_added":
    case "points_removed":
    case "points_expired":
      return t(`loyalty.detail.${detail.key}`)
    default:
      return entry.description
  }
}

type LoyaltyHistoryProps = {
  entries: LoyaltyEntry[]
  count: number
  isLoading: boolean
  offset: number
  onOffsetChange: (offset: number) => void
}

const columnHelper = createDataTableColumnHelper<LoyaltyEntry>()

/** Every change to the customer's points, newest first, a page at a time. */
export const LoyaltyHistory = ({
  entries,
  count,
  isLoading,
  offset,
  onOffsetChange,
}: LoyaltyHistoryProps) => {
  const { t, locale } = useTranslate()

  const columns = useMemo(
    () => [
      columnHelper.accessor("created_at", {
        header: t("loyalty.columns.date"),
        cell: ({ row }) => <EntryDate entry={row.original} />,
      }),
      columnHelper.accessor("description", {
        header: t("loyalty.columns.description"),
        cell: ({ row }) => <EntryDescription entry={row.original} />,
      }),
      columnHelper.accessor("status", {
        header: t("loyalty.columns.status"),
        cell: ({ row }) => <EntryStatus entry={row.original} />,
      }),
      columnHelper.accessor("points", {
        header: t("loyalty.columns.points"),
        headerAlign: "right",
        cell: ({ row }) => <EntryPoints entry={row.original} />,
      }),
    ],
    // `t` is new on every render; what it says changes only with the locale.
    [locale]
  )

  const instance = useDataTable({
    data: entries,
    columns,
    rowCount: count,
    getRowId: (row) => row.id,
    isLoading,
    autoResetPageIndex: false,
    pagination: {
      state: {
        pageIndex: Math.floor(offset / LOYALTY_HISTORY_PAGE_SIZE),
        pageSize: LOYALTY_HISTORY_PAGE_SIZE,
      },
      onPaginationChange: ({ pageIndex, pageSize }) =>
        onOffsetChange(pageIndex * pageSize),
    },
  })

  return (
    <div>
      <div className="px-6 py-4">
        <Text size="small" leading="compact" weight="plus">
          {t("loyalty.history")}
        </Text>
      </div>
      <ListTable
        instance={instance}
        emptyState={{
          empty: {
            heading: t("loyalty.emptyTitle"),
            description: t("loyalty.emptyDescription"),
          },
        }}
        paginationStrings="loyalty"
        data-testid="crm-loyalty-history"
      />
    </div>
  )
}

type EntryProps = {
  entry: LoyaltyEntry
}

/** An earn's order date, with the day it was entered when that was another day. */
const EntryDate = ({ entry }: EntryProps) => {
  const { t, locale } = useTranslate()
  const date = entryDate(entry)

  return (
    <div className="flex flex-col py-2" data-testid="crm-loyalty-entry-date" data-date={date}>
      <DateCell date={date} />
      {!sameDay(date, entry.created_at) && (
        <span
          className="text-ui-fg-muted txt-compact-xsmall whitespace-nowrap"
          data-testid="crm-loyalty-entry-entered"
        >
          {t("loyalty.enteredOn", { date: formatDate(entry.created_at, locale) })}
        </span>
      )}
    </div>
  )
}

/** What the change was: its description, the reason, its type, order and promotion code. */
const EntryDescription = ({ entry }: EntryProps) => {
  const { t, locale } = useTranslate()
  const text = entryText(entry, t, locale)
  const showReason = !!entry.reason && entry.reason !== text && entry.reason !== entry.description
  // A redeemed loyalty offer links to its campaign.
  const offerCampaignId =
    entry.detail?.key === "offer_redeemed" &&
    typeof entry.detail.values?.campaign_id === "string"
      ? entry.detail.values.campaign_id
      : null

  return (
    <div
      className="flex min-w-0 flex-col py-2"
      data-testid="crm-loyalty-entry"
      data-entry-id={entry.id}
      data-entry-type={entry.type}
      data-entry-status={entry.status}
    >
      <span className="text-ui-fg-base break-words">
        {text || t(`loyalty.type.${entry.type}`)}
      </span>
      {showReason && (
        <span className="break-words" data-testid="crm-loyalty-entry-reason">
          {entry.reason}
        </span>
      )}
      <span className="text-ui-fg-muted txt-compact-xsmall flex flex-wrap gap-x-2">
        <span>{t(`loyalty.type.${entry.type}`)}</span>
        {entry.order_id && (
          <Link
            to={`/orders/${entry.order_id}`}
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
            data-testid="crm-loyalty-entry-order"
          >
            {entry.order_display_id === null
              ? t("loyalty.orderLink")
              : t("loyalty.orderNumber", {
                  number: entry.order_display_id,
                })}
          </Link>
        )}
        {entry.promotion_code && (
          <span>
            {t("loyalty.promotionCode", { code: entry.promotion_code })}
          </span>
        )}
        {offerCampaignId && (
          <Link
            to={campaignPath(offerCampaignId)}
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
            data-testid="crm-loyalty-entry-offer"
          >
            {t("customerInbox.campaignLink")}
          </Link>
        )}
      </span>
    </div>
  )
}

/** The entry's status, and from when pending points become available. */
const EntryStatus = ({ entry }: EntryProps) => {
  const { t, locale } = useTranslate()
  const status = shownStatus(entry)

  return (
    <div className="flex flex-col items-start gap-y-0.5 py-2">
      <StatusBadge
        color={STATUS_COLORS[status] ?? "grey"}
        data-testid="crm-loyalty-entry-status"
        data-status={status}
      >
        {t(`loyalty.status.${status}`)}
      </StatusBadge>
      {status === "awaitingPayment" && (
        <span className="text-ui-fg-muted txt-compact-xsmall">
          {t("loyalty.awaitingPaymentHint")}
        </span>
      )}
      {entry.status === "pending" && entry.available_at && (
        <span className="text-ui-fg-muted txt-compact-xsmall whitespace-nowrap">
          {t("loyalty.availableFrom", {
            date: formatDate(entry.available_at, locale),
          })}
        </span>
      )}
    </div>
  )
}

const EntryPoints = ({ entry }: EntryProps) => {
  const { locale } = useTranslate()

  return (
    <span
      className={clx(
        "txt-compact-small-plus block whitespace-nowrap text-right",
        entry.status === "void"
          ? "text-ui-fg-muted line-through"
          : entry.points < 0
            ? "text-ui-fg-error"
            : "text-ui-tag-green-text"
      )}
      data-testid="crm-loyalty-entry-points"
    >
      {formatSignedPoints(entry.points, locale)}
    </span>
  )
}
