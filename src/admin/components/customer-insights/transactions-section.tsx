import { Badge, clx, Heading, Table } from "@medusajs/ui"
import { useState } from "react"
import {
  TRANSACTIONS_PAGE_SIZE,
  useCustomerTransactions,
} from "../../hooks/api/insights"
import { useTranslate } from "../../lib/i18n"
import type { CustomerTransaction } from "../../lib/types"
import { EmptyState, SectionError, Skeletons } from "../common/load-states"
import { ReceiptDrawer } from "./receipt-drawer"
import {
  filterStatus,
  type TransactionFilter,
  TransactionFilterSelect,
} from "./transaction-filter"
import { TransactionsTable } from "./transactions-table"

type ReceiptState = {
  open: boolean
  /** Kept after closing, so the closing drawer keeps its content. */
  transaction: CustomerTransaction | null
}

type TransactionsSectionProps = {
  customerId: string
}

/** The customer's orders and draft orders, newest first, a page at a time, with "Send receipt". */
export const TransactionsSection = ({
  customerId,
}: TransactionsSectionProps) => {
  const { t } = useTranslate()
  const [filter, setFilter] = useState<TransactionFilter>("all")
  const [offset, setOffset] = useState(0)
  const [receipt, setReceipt] = useState<ReceiptState>({
    open: false,
    transaction: null,
  })
  const { transactions, count, isPending, isError, error, isPlaceholderData } =
    useCustomerTransactions(customerId, {
      status: filterStatus(filter),
      offset,
    })

  const total = count ?? 0
  const pageIndex = Math.floor(offset / TRANSACTIONS_PAGE_SIZE)
  const pageCount = Math.max(1, Math.ceil(total / TRANSACTIONS_PAGE_SIZE))

  const handleFilterChange = (next: TransactionFilter) => {
    setFilter(next)
    setOffset(0)
  }

  const renderBody = () => {
    if (isPending) {
      return (
        <div
          className="flex flex-col gap-y-3 px-6 py-4"
          data-testid="crm-transactions-loading"
        >
          <Skeletons count={3} className="h-5 w-full" />
        </div>
      )
    }

    if (isError) {
      return (
        <SectionError data-testid="crm-transactions-error">
          {t("insights.transactions.loadError", {
            message: error?.message ?? "",
          })}
        </SectionError>
      )
    }

    if (!transactions?.length) {
      return filter === "all" ? (
        <EmptyState
          title={t("insights.transactions.emptyTitle")}
          description={t("insights.transactions.emptyDescription")}
          data-testid="crm-transactions-empty"
        />
      ) : (
        <EmptyState
          title={t("insights.transactions.noMatchTitle")}
          description={t("insights.transactions.noMatchDescription")}
          data-testid="crm-transactions-empty"
        />
      )
    }

    return (
      <div className={clx({ "opacity-60": isPlaceholderData })}>
        <TransactionsTable
          transactions={transactions}
          onSendReceipt={(transaction) =>
            setReceipt({ open: true, transaction })
          }
        />
        <Table.Pagination
          count={total}
          pageSize={TRANSACTIONS_PAGE_SIZE}
          pageIndex={pageIndex}
          pageCount={pageCount}
          canPreviousPage={pageIndex > 0}
          canNextPage={pageIndex < pageCount - 1}
          previousPage={() =>
            setOffset(Math.max(0, offset - TRANSACTIONS_PAGE_SIZE))
          }
          nextPage={() => setOffset(offset + TRANSACTIONS_PAGE_SIZE)}
          translations={{
            of: t("insights.pagination.of"),
            results: t("insights.pagination.results"),
            pages: t("insights.pagination.pages"),
            prev: t("insights.pagination.prev"),
            next: t("insights.pagination.next"),
          }}
          data-testid="crm-transactions-pagination"
        />
      </div>
    )
  }

  return (
    <div data-testid="crm-transactions" data-filter={filter}>
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h3">{t("insights.transactions.title")}</Heading>
          {total > 0 && (
            <Badge size="2xsmall" data-testid="crm-transactions-count">
              {total}
            </Badge>
          )}
        </div>
        <TransactionFilterSelect
          value={filter}
          onValueChange={handleFilterChange}
        />
      </div>
      {renderBody()}
      <ReceiptDrawer
        customerId={customerId}
        transaction={receipt.transaction}
        open={receipt.open}
        onOpenChange={(open) => setReceipt((state) => ({ ...state, open }))}
      />
    </div>
  )
}
