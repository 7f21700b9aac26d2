import {
  Alert,
  Badge,
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

/** The colour of a request's status badge (also in the store-wide log). */
export const REQUEST_STATUS_COLORS: Record<
  PrivacyRequestStatus,
  "green" | "orange" | "red" | "grey"
> = {
  pending: "orange",
  completed: "green",
  refused: "grey",
  failed: "red",
}

/** A pending request's due date, in red once it is overdue; a dash once it was answered. */
export const DueCell = ({
  request,
}: {
  request: Pick<PrivacyRequest, "due_at" | "status" | "overdue">
}) => {
  if (!request.due_at || request.status !== "pending") {
    return (
      <Text size="small" className="text-ui-fg-muted">
        –
      </Text>
    )
  }
  return (
    <span
      className={request.overdue ? "text-ui-fg-error" : undefined}
      data-testid="crm-privacy-request-due"
      data-overdue={request.overdue ? "true" : "false"}
    >
      <DateCell date={request.due_at} />
    </span>
  )
}

type RequestCellProps = {
  request: Pick<PrivacyRequest, "id" | "kind" | "status" | "overdue">
  /** `<testId>` on the kind, `<testId>-status` on the status, `<testId>-overdue` on the overdue badge. */
  testId: string
}

/** What a request asks for, carrying its id, kind, status and overdue state for tests. */
export const RequestKindCell = ({ request, testId }: RequestCellProps) => {
  const { t } = useTranslate()
  return (
    <span
      data-testid={testId}
      data-request-id={request.id}
      data-kind={request.kind}
      data-status={request.status}
      data-overdue={request.overdue ? "true" : "false"}
    >
      {t(`privacy.requests.kinds.${request.kind}`)}
    </span>
  )
}

/** A request's status, with an Overdue badge while it is pending past its due date. */
export const RequestStatusCell = ({ request, testId }: RequestCellProps) => {
  const { t } = useTranslate()
  return (
    <div className="flex items-center gap-x-2">
      <StatusBadge color={REQUEST_STATUS_COLORS[request.status] ?? "grey"} data-testid={`${testId}-status`}>
        {t(`privacy.requests.statuses.${request.status}`)}
      </StatusBadge>
      {request.overdue && (
        <Badge size="2xsmall" color="red" data-testid={`${testId}-overdue`}>
          {t("privacy.requests.overdue")}
        </Badge>
      )}
    </div>
  )
}

const columnHelper = createDataTableColumnHelper<PrivacyRequest>()

type PrivacyRequestsSectionProps = {
  requests: PrivacyRequest[]
}

/**
 * The customer's privacy requests (export, anonymize, delete), newest first: what was asked, by
 * whom, when, by when it must be answered, and its outcome. Pending requests are counted in the
 * header and announced above the table, overdue ones in red.
 */
export const PrivacyRequestsSection = ({
  requests,
}: PrivacyRequestsSectionProps) => {
  const { t, locale } = useTranslate()
  const pending = requests.filter((r) => r.status === "pending")
  const overdue = pending.some((r) => r.overdue)

  const columns = useMemo(
    () => [
      columnHelper.accessor("kind", {
        header: t("privacy.requests.columns.kind"),
        cell: ({ row }) => <RequestKindCell request={row.original} testId="crm-privacy-request" />,
      }),
      columnHelper.accessor("status", {
        header: t("privacy.requests.columns.status"),
        cell: ({ row }) => <RequestStatusCell request={row.original} testId="crm-privacy-request" />,
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
      columnHelper.accessor("due_at", {
        header: t("privacy.requests.due"),
        cell: ({ row }) => <DueCell request={row.original} />,
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
    <div className="flex flex-col" data-testid="crm-privacy-requests-section">
      <ListTable
        instance={instance}
        title={t("privacy.requests.title")}
        subtitle={t("privacy.requests.description")}
        headingLevel="h3"
        count={requests.length}
        actions={
          !!pending.length && (
            <Badge
              size="2xsmall"
              color={overdue ? "red" : "orange"}
              className="whitespace-nowrap"
              data-testid="crm-privacy-requests-pending"
              data-count={pending.length}
            >
              {t("privacy.requests.pendingCount", { count: pending.length })}
            </Badge>
          )
        }
        emptyState={{
          empty: {
            heading: t("privacy.requests.emptyTitle"),
            description: t("privacy.requests.emptyDescription"),
          },
        }}
        data-testid="crm-privacy-requests"
      />
      {!!pending.length && (
        <div className="px-6 pb-4">
          <Alert
            variant={overdue ? "error" : "info"}
            data-testid="crm-privacy-requests-notice"
            data-overdue={overdue ? "true" : "false"}
          >
            {overdue
              ? t("privacy.requests.overdueNotice")
              : t("privacy.requests.pendingNotice")}
          </Alert>
        </div>
      )}
    </div>
  )
}
