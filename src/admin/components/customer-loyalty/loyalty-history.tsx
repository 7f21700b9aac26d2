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
  formatDate,
  formatSignedPoints,
} from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { LoyaltyEntry, LoyaltyEntryStatus } from "../../lib/types"
import { ListTable } from "../common/list-table"
import { DateCell } from "../common/date-cell"

const STATUS_COLORS: Record<LoyaltyEntryStatus, "orange" | "green" | "grey"> =
  {
    pending: "orange",
    available: "green",
    void: "grey",
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
        cell: ({ row }) => <DateCell date={row.original.created_at} />,
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

/** What the change was: its description, the reason, its type, order and promotion code. */
const EntryDescription = ({ entry }: EntryProps) => {
  const { t } = useTranslate()
  const showReason = !!entry.reason && entry.reason !== entry.description

  return (
    <div
      className="flex min-w-0 flex-col py-2"
      data-testid="crm-loyalty-entry"
      data-entry-id={entry.id}
      data-entry-type={entry.type}
      data-entry-status={entry.status}
    >
      <span className="text-ui-fg-base break-words">
        {entry.description || t(`loyalty.type.${entry.type}`)}
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
      </span>
    </div>
  )
}

/** The entry's status, and from when pending points become available. */
const EntryStatus = ({ entry }: EntryProps) => {
  const { t, locale } = useTranslate()

  return (
    <div className="flex flex-col items-start gap-y-0.5 py-2">
      <StatusBadge color={STATUS_COLORS[entry.status] ?? "grey"}>
        {t(`loyalty.status.${entry.status}`)}
      </StatusBadge>
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
