import {
  createDataTableColumnHelper,
  StatusBadge,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo } from "react"
import { formatNumber } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type {
  PrivacyRequest,
  PrivacyRequestStatus,
} from "../../lib/types"
import { DateCell } from "../common/date-cell"
import { ListTable } from "../common/list-table"

const STATUS_COLORS: Record<
  PrivacyRequestStatus,
  "green" | "orange" | "red" | "grey"
> = {
  pending: "orange",
  completed: "green",
  refused: "grey",
  failed: "red",
}

const columnHelper = createDataTableColumnHelper<PrivacyRequest>()

type PrivacyRequestsSectionProps = {
  requests: PrivacyRequest[]
}

/** The customer's privacy requests, newest first: what was asked, by whom, when, and its outcome. */
export const PrivacyRequestsSection = ({
  requests,
}: PrivacyRequestsSectionProps) => {
  const { t, locale } = useTranslate()

  const columns = useMemo(
    () => [
      columnHelper.accessor("kind", {
        header: t("privacy.requests.columns.kind"),
        cell: ({ row }) => (
          <span
            data-testid="crm-privacy-request"
            data-request-id={row.original.id}
            data-kind={row.original.kind}
            data-status={row.original.status}
          >
            {t(`privacy.requests.kinds.${row.original.kind}`)}
          </span>
        ),
      }),
      columnHelper.accessor("status", {
        header: t("privacy.requests.columns.status"),
        cell: ({ row }) => (
          <StatusBadge
            color={STATUS_COLORS[row.original.status] ?? "grey"}
            data-testid="crm-privacy-request-status"
          >
            {t(`privacy.requests.statuses.${row.original.status}`)}
          </StatusBadge>
        ),
      }),
      columnHelper.accessor("source", {
        header: t("privacy.requests.columns.source"),
        cell: ({ row }) => t(`privacy.requests.sources.${row.original.source}`),
      }),
      columnHelper.accessor("record_count", {
        header: t("privacy.requests.columns.records"),
        cell: ({ row }) => (
          <Text size="small" className="text-ui-fg-subtle">
            {formatNumber(row.original.record_count, locale)}
          </Text>
        ),
      }),
      columnHelper.accessor("created_at", {
        header: t("privacy.requests.columns.created"),
        cell: ({ row }) => <DateCell date={row.original.created_at} subtle />,
      }),
    ],
    // `t` is new on every render; what it says changes only with the locale.
    [locale]
  )

  const instance = useDataTable({
    data: requests,
    columns,
    rowCount: requests.length,
    getRowId: (row) => row.id,
  })

  return (
    <ListTable
      instance={instance}
      title={t("privacy.requests.title")}
      subtitle={t("privacy.requests.description")}
      headingLevel="h3"
      count={requests.length}
      emptyState={{
        empty: {
          heading: t("privacy.requests.emptyTitle"),
          description: t("privacy.requests.emptyDescription"),
        },
      }}
      data-testid="crm-privacy-requests"
    />
  )
}
