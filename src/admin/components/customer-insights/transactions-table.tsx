import { Envelope } from "@medusajs/icons"
import { Badge, StatusBadge, Table, Tooltip } from "@medusajs/ui"
import { Link, useNavigate } from "react-router-dom"
import { formatAmount, formatDate, formatDateTime } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type {
  CustomerTransaction,
  CustomerTransactionStatus,
} from "../../lib/types"
import { ActionMenu } from "../common/action-menu"

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

type TransactionsTableProps = {
  transactions: CustomerTransaction[]
  onSendReceipt: (transaction: CustomerTransaction) => void
}

/** The customer's orders and drafts: receipt, date, channel, status and amount; a click opens one. */
export const TransactionsTable = ({
  transactions,
  onSendReceipt,
}: TransactionsTableProps) => {
  const { t } = useTranslate()

  return (
    <div className="overflow-x-auto">
      <Table data-testid="crm-transactions-table">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>
              {t("insights.transactions.columns.receipt")}
            </Table.HeaderCell>
            <Table.HeaderCell>
              {t("insights.transactions.columns.date")}
            </Table.HeaderCell>
            <Table.HeaderCell>
              {t("insights.transactions.columns.channel")}
            </Table.HeaderCell>
            <Table.HeaderCell>
              {t("insights.transactions.columns.status")}
            </Table.HeaderCell>
            <Table.HeaderCell className="text-right">
              {t("insights.transactions.columns.amount")}
            </Table.HeaderCell>
            <Table.HeaderCell className="w-px" />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {transactions.map((transaction) => (
            <TransactionRow
              key={transaction.id}
              transaction={transaction}
              onSendReceipt={() => onSendReceipt(transaction)}
            />
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}

type TransactionRowProps = {
  transaction: CustomerTransaction
  onSendReceipt: () => void
}

const TransactionRow = ({
  transaction,
  onSendReceipt,
}: TransactionRowProps) => {
  const { t, locale } = useTranslate()
  const navigate = useNavigate()
  const path = transactionPath(transaction)
  const isDraft = transaction.status === "draft"

  return (
    <Table.Row
      className="cursor-pointer"
      onClick={() => navigate(path)}
      data-testid="crm-transaction-row"
      data-order-id={transaction.id}
      data-status={transaction.status}
    >
      <Table.Cell>
        <Link
          to={path}
          onClick={(event) => event.stopPropagation()}
          className="text-ui-fg-base whitespace-nowrap outline-none focus-visible:underline"
          data-testid="crm-transaction-receipt"
        >
          #{transaction.display_id}
        </Link>
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        <Tooltip content={formatDateTime(transaction.created_at, locale)}>
          <span>
            <time dateTime={transaction.created_at}>
              {formatDate(transaction.created_at, locale)}
            </time>
          </span>
        </Tooltip>
      </Table.Cell>
      <Table.Cell>
        <ChannelBadge transaction={transaction} />
      </Table.Cell>
      <Table.Cell>
        <StatusBadge
          color={STATUS_COLORS[transaction.status]}
          className="whitespace-nowrap"
          data-testid="crm-transaction-status"
        >
          {t(`insights.transactions.status.${transaction.status}`)}
        </StatusBadge>
      </Table.Cell>
      <Table.Cell
        className="whitespace-nowrap text-right tabular-nums"
        data-testid="crm-transaction-amount"
      >
        {formatAmount(transaction.total, transaction.currency_code, locale)}
      </Table.Cell>
      <Table.Cell>
        <ActionMenu
          label={t("insights.transactions.actions", {
            number: transaction.display_id,
          })}
          groups={[
            [
              {
                icon: <Envelope />,
                label: t("insights.receipt.action"),
                // A draft has not been paid for: there is no receipt yet.
                disabled: isDraft,
                onClick: onSendReceipt,
                "data-testid": "crm-transaction-action-receipt",
              },
            ],
          ]}
          data-testid="crm-transaction-actions"
        />
      </Table.Cell>
    </Table.Row>
  )
}

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
