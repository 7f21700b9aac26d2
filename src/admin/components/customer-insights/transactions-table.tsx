import { Envelope } from "@medusajs/icons"
import {
  Badge,
  createDataTableColumnHelper,
  StatusBadge,
  Tooltip,
} from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatAmount } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import type {
  CustomerTransaction,
  CustomerTransactionStatus,
} from "../../lib/types"
import { ActionMenu } from "../common/action-menu"
import { DateCell } from "../common/date-cell"

const STATUS_COLORS: Record<
  CustomerTransactionStatus,
  "green" | "red" | "grey"
> = {
  completed: "green",
  canceled: "red",
  draft: "grey",
}

/** Medusa's own page of the order (or of the draft order). */
export const transactionPath = (transaction: CustomerTransaction) =>
  transaction.status === "draft"
    ? `/draft-orders/${transaction.id}`
    : `/orders/${transaction.id}`

const columnHelper = createDataTableColumnHelper<CustomerTransaction>()

/** The columns of a customer's orders and drafts: receipt, date, channel, status, amount, actions. */
export const transactionColumns = (
  t: TranslateFn,
  locale: string,
  onSendReceipt: (transaction: CustomerTransaction) => void
) => [
  columnHelper.accessor("display_id", {
    header: t("insights.transactions.columns.receipt"),
    cell: ({ row }) => <ReceiptLink transaction={row.original} />,
  }),
  columnHelper.accessor("created_at", {
    header: t("insights.transactions.columns.date"),
    cell: ({ row }) => <DateCell date={row.original.created_at} />,
  }),
  columnHelper.accessor("channel_kind", {
    header: t("insights.transactions.columns.channel"),
    cell: ({ row }) => <ChannelBadge transaction={row.original} />,
  }),
  columnHelper.accessor("status", {
    header: t("insights.transactions.columns.status"),
    cell: ({ row }) => (
      <StatusBadge
        color={STATUS_COLORS[row.original.status]}
        className="whitespace-nowrap"
        data-testid="crm-transaction-status"
      >
        {t(`insights.transactions.status.${row.original.status}`)}
      </StatusBadge>
    ),
  }),
  columnHelper.accessor("total", {
    header: t("insights.transactions.columns.amount"),
    headerAlign: "right",
    cell: ({ row }) => (
      <span
        className="block whitespace-nowrap text-right tabular-nums"
        data-testid="crm-transaction-amount"
      >
        {formatAmount(
          row.original.total,
          row.original.currency_code,
          locale
        )}
      </span>
    ),
  }),
  columnHelper.display({
    id: "actions",
    cell: ({ row }) => (
      <ActionMenu
        label={t("insights.transactions.actions", {
          number: row.original.display_id,
        })}
        groups={[
          [
            {
              icon: <Envelope />,
              label: t("insights.receipt.action"),
              // A draft has not been paid for: there is no receipt yet.
              disabled: row.original.status === "draft",
              onClick: () => onSendReceipt(row.original),
              "data-testid": "crm-transaction-action-receipt",
            },
          ],
        ]}
        data-testid="crm-transaction-actions"
      />
    ),
  }),
]

/** The receipt number, a link to the order's page (the row opens it too). */
const ReceiptLink = ({ transaction }: { transaction: CustomerTransaction }) => (
  <Link
    to={transactionPath(transaction)}
    onClick={(event) => event.stopPropagation()}
    className="text-ui-fg-base whitespace-nowrap outline-none focus-visible:underline"
    data-testid="crm-transaction-receipt"
    data-order-id={transaction.id}
    data-status={transaction.status}
  >
    #{transaction.display_id}
  </Link>
)

/** "Online" or "In store", with the sales channel's name on hover. */
const ChannelBadge = ({
  transaction,
}: {
  transaction: CustomerTransaction
}) => {
  const { t } = useTranslate()
  const kind = transaction.channel_kind
  const badge = (
    <Badge
      size="2xsmall"
      color={kind === "online" ? "blue" : "grey"}
      className="whitespace-nowrap"
      tabIndex={transaction.sales_channel ? 0 : undefined}
      data-testid="crm-transaction-channel"
      data-channel-kind={kind}
      data-sales-channel-id={transaction.sales_channel?.id}
    >
      {t(`insights.transactions.channel.${kind}`)}
    </Badge>
  )

  return transaction.sales_channel ? (
    <Tooltip content={transaction.sales_channel.name}>{badge}</Tooltip>
  ) : (
    badge
  )
}
