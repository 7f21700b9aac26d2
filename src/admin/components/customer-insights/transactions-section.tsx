import { clx, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import {
  TRANSACTIONS_PAGE_SIZE,
  useCustomerTransactions,
} from "../../hooks/api/insights"
import { useTranslate } from "../../lib/i18n"
import { useErrorMessage } from "../../lib/errors"
import type { CustomerTransaction } from "../../lib/types"
import { ListTable, useListPaging } from "../common/list-table"
import { ReceiptDrawer } from "./receipt-drawer"
import {
  filterStatus,
  type TransactionFilter,
  TransactionFilterSelect,
} from "./transaction-filter"
import { transactionColumns, transactionPath } from "./transactions-table"

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
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const navigate = useNavigate()
  const [filter, setFilter] = useState<TransactionFilter>("all")
  const paging = useListPaging(TRANSACTIONS_PAGE_SIZE)
  const [receipt, setReceipt] = useState<ReceiptState>({
    open: false,
    transaction: null,
  })
  const { transactions, count, order_count, isPending, error, isPlaceholderData } =
    useCustomerTransactions(customerId, {
      status: filterStatus(filter),
      offset: paging.offset,
    })

  const handleFilterChange = (next: TransactionFilter) => {
    setFilter(next)
    paging.reset()
  }

  const columns = useMemo(
    () =>
      transactionColumns(t, locale, (transaction) =>
        setReceipt({ open: true, transaction })
      ),
    // `t` is new on every render; what it says changes only with the locale.
    [locale]
  )

  const instance = useDataTable({
    data: transactions ?? [],
    columns,
    rowCount: count ?? 0,
    getRowId: (row) => row.id,
    isLoading: isPending,
    onRowClick: (_event, row) => navigate(transactionPath(row)),
    pagination: paging.table.pagination,
    autoResetPageIndex: false,
  })

  return (
    <div data-filter={filter}>
      <ListTable
        instance={instance}
        title={t("insights.transactions.title")}
        headingLevel="h3"
        // Drafts are listed but are no orders yet: the title counts orders (drafts when only they are shown).
        count={filter === "draft" ? count ?? 0 : order_count ?? 0}
        actions={
          <TransactionFilterSelect
            value={filter}
            onValueChange={handleFilterChange}
          />
        }
        error={
          error
            ? t("insights.transactions.loadError", { message: errorText(error) })
            : null
        }
        emptyState={{
          empty:
            filter === "all"
              ? {
                  heading: t("insights.transactions.emptyTitle"),
                  description: t("insights.transactions.emptyDescription"),
                }
              : {
                  heading: t("insights.transactions.noMatchTitle"),
                  description: t("insights.transactions.noMatchDescription"),
                },
        }}
        paginationStrings="insights"
        className={clx({ "opacity-60": isPlaceholderData })}
        data-testid="crm-transactions"
      />
      <ReceiptDrawer
        customerId={customerId}
        transaction={receipt.transaction}
        open={receipt.open}
        onOpenChange={(open) => setReceipt((state) => ({ ...state, open }))}
      />
    </div>
  )
}
