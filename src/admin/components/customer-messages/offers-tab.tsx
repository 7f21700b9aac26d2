import { createDataTableColumnHelper, useDataTable } from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import {
  CUSTOMER_INBOX_PAGE_SIZE,
  useCustomerOffers,
} from "../../hooks/api/customer-inbox"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import type { InboxEntry } from "../../lib/types"
import { DateCell } from "../common/date-cell"
import { ListTable, useListPaging } from "../common/list-table"
import { pointsText } from "../customer-loyalty/format"
import { EntryPreview, EntryStatus, EntryTitle } from "./inbox-cells"
import { OfferActions } from "./offer-actions"

const columnHelper = createDataTableColumnHelper<InboxEntry>()

type OffersTabProps = {
  customerId: string
}

/**
 * The Offers tab: the customer's offers, loyalty offers and the rewards they bought with points,
 * with title, preview, distribution and redemption dates and status (staff also see what left the
 * storefront inbox); "Remove offer" in each row's menu.
 */
export const OffersTab = ({ customerId }: OffersTabProps) => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const paging = useListPaging(CUSTOMER_INBOX_PAGE_SIZE)
  const { offset } = paging
  const { offers, count, isPending, error } = useCustomerOffers(customerId, {
    offset,
  })

  const columns = useMemo(
    () => [
      columnHelper.accessor("title", {
        header: t("customerInbox.columns.title"),
        cell: ({ row }) => (
          <EntryTitle
            entry={row.original}
            showKind
            data-testid="customer-offer-row"
          />
        ),
      }),
      columnHelper.accessor("short_description", {
        header: t("customerInbox.columns.preview"),
        cell: ({ row }) => <EntryPreview entry={row.original} />,
      }),
      columnHelper.accessor("distributed_at", {
        header: t("customerInbox.columns.distributed"),
        cell: ({ row }) => (
          <DateCell date={row.original.distributed_at} subtle />
        ),
      }),
      columnHelper.accessor("redeemed_at", {
        header: t("customerInbox.columns.redeemed"),
        cell: ({ row }) => <OfferRedemption offer={row.original} />,
      }),
      columnHelper.accessor("status", {
        header: t("customerInbox.columns.status"),
        cell: ({ row }) => (
          <EntryStatus
            entry={row.original}
            data-testid="customer-offer-status"
          />
        ),
      }),
      columnHelper.accessor("points_spent", {
        header: t("customerInbox.columns.points"),
        headerAlign: "right",
        cell: ({ row }) => <OfferPoints offer={row.original} />,
      }),
      columnHelper.display({
        id: "actions",
        cell: ({ row }) => (
          <OfferActions customerId={customerId} offer={row.original} />
        ),
      }),
    ],
    // `t` is new on every render; what it says changes only with the locale.
    [locale, customerId]
  )

  const instance = useDataTable({
    data: offers ?? [],
    columns,
    rowCount: count ?? 0,
    getRowId: (row) => row.id,
    isLoading: isPending,
    pagination: paging.table.pagination,
    autoResetPageIndex: paging.table.autoResetPageIndex,
  })

  return (
    <div data-testid="crm-offers-tab">
      <ListTable
        instance={instance}
        title={t("customerInbox.offers.title")}
        headingLevel="h3"
        count={count}
        error={
          error
            ? t("customerInbox.offers.loadError", { message: errorText(error) })
            : null
        }
        emptyState={{
          empty: {
            heading: t("customerInbox.offers.emptyTitle"),
            description: t("customerInbox.offers.emptyDescription"),
          },
        }}
        // The pager's words are the same everywhere; the loyalty history's set serves here too.
        paginationStrings="loyalty"
        hideSinglePage
        data-testid="crm-customer-offers"
      />
    </div>
  )
}

type OfferCellProps = {
  offer: InboxEntry
}

/** When the offer was used, and on which order; "-" while it is not. */
const OfferRedemption = ({ offer }: OfferCellProps) => {
  const { t } = useTranslate()

  if (!offer.redeemed_at) {
    return (
      <span className="text-ui-fg-muted" data-testid="customer-offer-redeemed">
        -
      </span>
    )
  }
  return (
    <div
      className="flex flex-col py-2"
      data-testid="customer-offer-redeemed"
      data-date={offer.redeemed_at}
    >
      <DateCell date={offer.redeemed_at} subtle />
      {offer.redeemed_order_id && (
        <Link
          to={`/orders/${encodeURIComponent(offer.redeemed_order_id)}`}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg txt-compact-xsmall"
          data-testid="customer-offer-order"
        >
          {t("customerInbox.orderLink")}
        </Link>
      )}
    </div>
  )
}

/** A reward's points (what the customer paid for it); what a loyalty offer costs; else "-". */
const OfferPoints = ({ offer }: OfferCellProps) => {
  const { t, locale } = useTranslate()

  if (offer.origin === "redemption" && offer.points_spent !== null) {
    return (
      <span
        className="txt-compact-small-plus text-ui-fg-base block whitespace-nowrap text-right"
        data-testid="customer-offer-points"
      >
        {pointsText(offer.points_spent, t, locale)}
      </span>
    )
  }
  if (offer.kind === "loyalty_offer" && offer.points_cost !== null) {
    return (
      <span
        className="text-ui-fg-muted txt-compact-small block whitespace-nowrap text-right"
        data-testid="customer-offer-cost"
      >
        {t("customerInbox.offers.costs", {
          points: pointsText(offer.points_cost, t, locale),
        })}
      </span>
    )
  }
  return <span className="text-ui-fg-muted block text-right">-</span>
}
