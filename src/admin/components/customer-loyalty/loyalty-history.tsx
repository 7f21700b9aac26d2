import { clx, StatusBadge, Table, Text, Tooltip } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { LOYALTY_HISTORY_PAGE_SIZE } from "../../hooks/api/loyalty"
import {
  formatDate,
  formatDateTime,
  formatSignedPoints,
} from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { LoyaltyEntry, LoyaltyEntryStatus } from "../../lib/types"
import { EmptyState } from "../common/load-states"

const STATUS_COLORS: Record<LoyaltyEntryStatus, "orange" | "green" | "grey"> =
  {
    pending: "orange",
    available: "green",
    void: "grey",
  }

type LoyaltyHistoryProps = {
  entries: LoyaltyEntry[]
  count: number
  offset: number
  onOffsetChange: (offset: number) => void
}

/** Every change to the customer's points, newest first, a page at a time. */
export const LoyaltyHistory = ({
  entries,
  count,
  offset,
  onOffsetChange,
}: LoyaltyHistoryProps) => {
  const { t } = useTranslate()
  const pageIndex = Math.floor(offset / LOYALTY_HISTORY_PAGE_SIZE)
  const pageCount = Math.max(1, Math.ceil(count / LOYALTY_HISTORY_PAGE_SIZE))

  return (
    <div>
      <div className="px-6 py-4">
        <Text size="small" leading="compact" weight="plus">
          {t("loyalty.history")}
        </Text>
      </div>
      {entries.length ? (
        <>
          <div className="overflow-x-auto">
            <Table data-testid="crm-loyalty-history">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>{t("loyalty.columns.date")}</Table.HeaderCell>
                  <Table.HeaderCell>
                    {t("loyalty.columns.description")}
                  </Table.HeaderCell>
                  <Table.HeaderCell>
                    {t("loyalty.columns.status")}
                  </Table.HeaderCell>
                  <Table.HeaderCell className="text-right">
                    {t("loyalty.columns.points")}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {entries.map((entry) => (
                  <EntryRow key={entry.id} entry={entry} />
                ))}
              </Table.Body>
            </Table>
          </div>
          <Table.Pagination
            count={count}
            pageSize={LOYALTY_HISTORY_PAGE_SIZE}
            pageIndex={pageIndex}
            pageCount={pageCount}
            canPreviousPage={pageIndex > 0}
            canNextPage={pageIndex < pageCount - 1}
            previousPage={() =>
              onOffsetChange(Math.max(0, offset - LOYALTY_HISTORY_PAGE_SIZE))
            }
            nextPage={() => onOffsetChange(offset + LOYALTY_HISTORY_PAGE_SIZE)}
            translations={{
              of: t("loyalty.pagination.of"),
              results: t("loyalty.pagination.results"),
              pages: t("loyalty.pagination.pages"),
              prev: t("loyalty.pagination.prev"),
              next: t("loyalty.pagination.next"),
            }}
            data-testid="crm-loyalty-history-pagination"
          />
        </>
      ) : (
        <EmptyState
          title={t("loyalty.emptyTitle")}
          description={t("loyalty.emptyDescription")}
          className="pb-8 pt-4"
          data-testid="crm-loyalty-history-empty"
        />
      )}
    </div>
  )
}

type EntryRowProps = {
  entry: LoyaltyEntry
}

const EntryRow = ({ entry }: EntryRowProps) => {
  const { t, locale } = useTranslate()
  const showReason = !!entry.reason && entry.reason !== entry.description

  return (
    <Table.Row
      data-testid="crm-loyalty-entry"
      data-entry-id={entry.id}
      data-entry-type={entry.type}
      data-entry-status={entry.status}
    >
      <Table.Cell className="whitespace-nowrap">
        <Tooltip content={formatDateTime(entry.created_at, locale)}>
          <span>
            <time dateTime={entry.created_at}>
              {formatDate(entry.created_at, locale)}
            </time>
          </span>
        </Tooltip>
      </Table.Cell>
      <Table.Cell>
        <div className="flex min-w-0 flex-col py-2">
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
      </Table.Cell>
      <Table.Cell>
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
      </Table.Cell>
      <Table.Cell className="text-right">
        <span
          className={clx(
            "txt-compact-small-plus whitespace-nowrap",
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
      </Table.Cell>
    </Table.Row>
  )
}
