import { createDataTableColumnHelper, useDataTable } from "@medusajs/ui"
import { useMemo } from "react"
import {
  CUSTOMER_INBOX_PAGE_SIZE,
  useCustomerMessages,
} from "../../hooks/api/customer-inbox"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import type { InboxEntry } from "../../lib/types"
import { DateCell } from "../common/date-cell"
import { ListTable, useListPaging } from "../common/list-table"
import { EntryPreview, EntryStatus, EntryTitle } from "./inbox-cells"

const columnHelper = createDataTableColumnHelper<InboxEntry>()

type MessagesTabProps = {
  customerId: string
}

/**
 * The Messages tab: every message campaigns put in the customer's inbox, with its title, the
 * beginning of its short description, when it was distributed, and whether it is new, read
 * (opened in the storefront) or expired.
 */
export const MessagesTab = ({ customerId }: MessagesTabProps) => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const paging = useListPaging(CUSTOMER_INBOX_PAGE_SIZE)
  const { offset } = paging
  const { messages, count, isPending, error } =
    useCustomerMessages(customerId, { offset })

  const columns = useMemo(
    () => [
      columnHelper.accessor("title", {
        header: t("customerInbox.columns.title"),
        cell: ({ row }) => (
          <EntryTitle entry={row.original} data-testid="customer-message-row" />
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
      columnHelper.accessor("status", {
        header: t("customerInbox.columns.status"),
        cell: ({ row }) => (
          <EntryStatus
            entry={row.original}
            data-testid="customer-message-status"
          />
        ),
      }),
    ],
    // `t` is new on every render; what it says changes only with the locale.
    [locale]
  )

  const instance = useDataTable({
    data: messages ?? [],
    columns,
    rowCount: count ?? 0,
    getRowId: (row) => row.id,
    isLoading: isPending,
    pagination: paging.table.pagination,
    autoResetPageIndex: paging.table.autoResetPageIndex,
  })

  return (
    <div data-testid="crm-messages-tab">
      <ListTable
        instance={instance}
        title={t("customerInbox.messages.title")}
        headingLevel="h3"
        count={count}
        error={
          error
            ? t("customerInbox.messages.loadError", {
                message: errorText(error),
              })
            : null
        }
        emptyState={{
          empty: {
            heading: t("customerInbox.messages.emptyTitle"),
            description: t("customerInbox.messages.emptyDescription"),
          },
        }}
        // The pager's words are the same everywhere; the loyalty history's set serves here too.
        paginationStrings="loyalty"
        hideSinglePage
        data-testid="crm-customer-messages"
      />
    </div>
  )
}
