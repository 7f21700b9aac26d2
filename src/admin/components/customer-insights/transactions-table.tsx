import { Envelope } from "@medusajs/icons"
import { createDataTableColumnHelper, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatAmount } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import type {
  CustomerTransaction,
  OrderFulfillmentStatus,
  OrderPaymentStatus,
} from "../../lib/types"
import { ActionMenu } from "../common/action-menu"
import { DateCell } from "../common/date-cell"

type BadgeColor = "green" | "red" | "orange" | "grey"

/** The colours of Medusa's order list (`getOrderPaymentStatus` in the dashboard). */
const PAYMENT_COLORS: Record<OrderPaymentStatus, BadgeColor> = {
  not_paid: "red",
  awaiting: "orange",
  authorized: "orange",
  partially_authorized: "red",
  captured: "green",
  partially_captured: "orange",
  partially_refunded: "orange",
  refunded: "red",
  canceled: "red",
  requires_action: "orange",
}

/** The colours of Medusa's order list (`getOrderFulfillmentStatus` in the dashboard). */
const FULFILLMENT_COLORS: Record<OrderFulfillmentStatus, BadgeColor> = {
  not_fulfilled: "red",
  partially_fulfilled: "orange",
  fulfilled: "green",
  partially_shipped: "orange",
  shipped: "green",
  partially_delivered: "orange",
  delivered: "green",
  canceled: "red",
}

/** Medusa's own page of the order (or of the draft order). */
export const transactionPath = (transaction: CustomerTransaction) =>
  transaction.status === "draft"
    ? `/draft-orders/${transaction.id}`
    : `/orders/${transaction.id}`

const columnHelper = createDataTableColumnHelper<CustomerTransaction>()

/**
 * The columns of a customer's orders and drafts: receipt, date, sales channel, payment and
 * fulfillment as Medusa's order list shows them ("Draft" and "Canceled" where they apply), amount,
 * actions.
 */
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
  columnHelper.accessor("sales_channel", {
    header: t("insights.transactions.columns.channel"),
    cell: ({ row }) => <ChannelName transaction={row.original} />,
  }),
  columnHelper.accessor("payment_status", {
    header: t("insights.transactions.columns.payment"),
    cell: ({ row }) => <PaymentCell transaction={row.original} />,
  }),
  columnHelper.accessor("fulfillment_status", {
    header: t("insights.transactions.columns.fulfillment"),
    cell: ({ row }) => <FulfillmentCell transaction={row.original} />,
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

type TransactionProps = { transaction: CustomerTransaction }

/** The sales channel as Medusa names it ("Box office", "Webshop"). */
const ChannelName = ({ transaction }: TransactionProps) => {
  const { t } = useTranslate()

  return (
    <Text
      size="small"
      leading="compact"
      className="whitespace-nowrap"
      data-testid="crm-transaction-channel"
      data-sales-channel-id={transaction.sales_channel?.id}
    >
      {transaction.sales_channel?.name ?? t("insights.transactions.noChannel")}
    </Text>
  )
}

/** "Draft" for a draft; else Medusa's payment status ("Canceled" for a canceled order's payment). */
const PaymentCell = ({ transaction }: TransactionProps) => {
  const { t } = useTranslate()
  const status = transaction.payment_status

  if (transaction.status === "draft" || !status) {
    return (
      <StatusBadge
        color="grey"
        className="whitespace-nowrap"
        data-testid="crm-transaction-status"
        data-status="draft"
      >
        {t("insights.transactions.status.draft")}
      </StatusBadge>
    )
  }
  return (
    <StatusBadge
      color={PAYMENT_COLORS[status] ?? "grey"}
      className="whitespace-nowrap"
      data-testid="crm-transaction-payment"
      data-status={status}
    >
      {t(`insights.transactions.payment.${status}`)}
    </StatusBadge>
  )
}

/** Medusa's fulfillment status; "Canceled" for a canceled order; nothing for a draft. */
const FulfillmentCell = ({ transaction }: TransactionProps) => {
  const { t } = useTranslate()

  if (transaction.status === "canceled") {
    return (
      <StatusBadge
        color="red"
        className="whitespace-nowrap"
        data-testid="crm-transaction-fulfillment"
        data-status="canceled"
      >
        {t("insights.transactions.status.canceled")}
      </StatusBadge>
    )
  }
  const status = transaction.fulfillment_status
  if (!status) {
    return <span className="text-ui-fg-muted">-</span>
  }
  return (
    <StatusBadge
      color={FULFILLMENT_COLORS[status] ?? "grey"}
      className="whitespace-nowrap"
      data-testid="crm-transaction-fulfillment"
      data-status={status}
    >
      {t(`insights.transactions.fulfillment.${status}`)}
    </StatusBadge>
  )
}
