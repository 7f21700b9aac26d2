import { Badge, Container, createDataTableColumnHelper, Text, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import {
  PRIVACY_REQUESTS_PAGE_SIZE,
  usePrivacyRequests,
} from "../../hooks/api/privacy-requests"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import {
  PRIVACY_REQUEST_KINDS,
  PRIVACY_REQUEST_STATUSES,
  type PrivacyRequestKind,
  type PrivacyRequestListParams,
  type PrivacyRequestLogEntry,
} from "../../lib/types"
import { ChoiceSelect } from "../common/choice-select"
import { DateCell } from "../common/date-cell"
import { ListTable } from "../common/list-table"
import { customerPath } from "../customer-identity/customer-cells"
import {
  DueCell,
  RequestKindCell,
  RequestStatusCell,
} from "../customer-privacy/privacy-requests-section"

const columnHelper = createDataTableColumnHelper<PrivacyRequestLogEntry>()

/** The status filter: a request status, or pending past the due date. */
type StatusFilter = "all" | "overdue" | (typeof PRIVACY_REQUEST_STATUSES)[number]
type KindFilter = "all" | PrivacyRequestKind

/** The route's query for the filters. */
const queryOf = (status: StatusFilter, kind: KindFilter): PrivacyRequestListParams => ({
  ...(status === "overdue" ? { overdue: true } : status === "all" ? {} : { status }),
  ...(kind === "all" ? {} : { kind }),
})

/** The e-mail domain of an anonymized record's placeholder (`<id>@anonymized.invalid`). */
const ANONYMIZED_EMAIL_SUFFIX = "@anonymized.invalid"

/**
 * Customers › Privacy, the requests log: every export, anonymization and deletion, newest first,
 * filtered by status (overdue among them) and kind. Overdue requests carry a badge, and the
 * header counts them store-wide; a row opens its customer, unless they were deleted.
 */
export const PrivacyRequestsLog = () => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const navigate = useNavigate()
  const [status, setStatus] = useState<StatusFilter>("all")
  const [kind, setKind] = useState<KindFilter>("all")
  const [pageIndex, setPageIndex] = useState(0)

  const filters = queryOf(status, kind)
  const { requests, count, overdue_count, isPending, error } =
    usePrivacyRequests({
      ...filters,
      limit: PRIVACY_REQUESTS_PAGE_SIZE,
      offset: pageIndex * PRIVACY_REQUESTS_PAGE_SIZE,
    })

  const columns = useMemo(
    () => [
      columnHelper.display({
        id: "customer",
        header: t("privacy.requests.log.customer"),
        cell: ({ row }) => <CustomerCell request={row.original} />,
      }),
      columnHelper.accessor("kind", {
        header: t("privacy.requests.log.kind"),
        cell: ({ row }) => <RequestKindCell request={row.original} testId="crm-privacy-log-request" />,
      }),
      columnHelper.accessor("status", {
        header: t("privacy.requests.log.status"),
        cell: ({ row }) => <RequestStatusCell request={row.original} testId="crm-privacy-log" />,
      }),
      columnHelper.accessor("source", {
        header: t("privacy.requests.columns.source"),
        cell: ({ row }) => t(`privacy.requests.sources.${row.original.source}`),
      }),
      columnHelper.accessor("created_at", {
        header: t("privacy.requests.columns.created"),
        cell: ({ row }) => <DateCell date={row.original.created_at} subtle />,
      }),
      columnHelper.accessor("due_at", {
        header: t("privacy.requests.due"),
        cell: ({ row }) => <DueCell request={row.original} />,
      }),
      columnHelper.accessor("completed_at", {
        header: t("privacy.requests.log.completed"),
        cell: ({ row }) =>
          row.original.completed_at ? (
            <DateCell date={row.original.completed_at} subtle />
          ) : (
            <Text size="small" className="text-ui-fg-muted">
              –
            </Text>
          ),
      }),
    ],
    // `t` is new on every render; what it says changes only with the locale.
    [locale]
  )

  const instance = useDataTable({
    data: requests ?? [],
    columns,
    rowCount: count ?? 0,
    getRowId: (row) => row.id,
    isLoading: isPending,
    onRowClick: (_event, row) => {
      if (row.customer) {
        navigate(customerPath(row.customer.id))
      }
    },
    autoResetPageIndex: false,
    pagination: {
      state: { pageIndex, pageSize: PRIVACY_REQUESTS_PAGE_SIZE },
      onPaginationChange: (state) => setPageIndex(state.pageIndex),
    },
  })

  const filtered = status !== "all" || kind !== "all"

  return (
    <Container className="overflow-hidden p-0" data-testid="crm-privacy-log-section">
      <ListTable
        instance={instance}
        title={t("privacy.requests.log.title")}
        subtitle={t("privacy.requests.log.description")}
        headingLevel="h2"
        actions={
          !!overdue_count && (
            <Badge
              size="small"
              color="red"
              className="whitespace-nowrap"
              data-testid="crm-privacy-log-overdue-count"
              data-count={overdue_count}
            >
              {t("privacy.requests.log.overdueCount", { count: overdue_count })}
            </Badge>
          )
        }
        filters={
          <>
            <ChoiceSelect
              size="small"
              value={status}
              onValueChange={(value) => {
                setStatus(value)
                setPageIndex(0)
              }}
              choices={(["all", "overdue", ...PRIVACY_REQUEST_STATUSES] as const).map((value) => ({
                value,
                label:
                  value === "all"
                    ? t("privacy.requests.log.allStatuses")
                    : value === "overdue"
                      ? t("privacy.requests.log.overdueFilter")
                      : t(`privacy.requests.statuses.${value}`),
              }))}
              triggerClassName="w-fit min-w-[140px]"
              aria-label={t("privacy.requests.log.status")}
              align="end"
              data-testid="crm-privacy-log-status"
            />
            <ChoiceSelect
              size="small"
              value={kind}
              onValueChange={(value) => {
                setKind(value)
                setPageIndex(0)
              }}
              choices={(["all", ...PRIVACY_REQUEST_KINDS] as const).map((value) => ({
                value,
                label:
                  value === "all"
                    ? t("privacy.requests.log.allKinds")
                    : t(`privacy.requests.kinds.${value}`),
              }))}
              triggerClassName="w-fit min-w-[140px]"
              aria-label={t("privacy.requests.log.kind")}
              align="end"
              data-testid="crm-privacy-log-kind"
            />
          </>
        }
        error={
          error
            ? t("privacy.requests.log.loadError", { message: errorText(error) })
            : null
        }
        emptyState={{
          empty: filtered
            ? {
                heading: t("privacy.requests.log.filteredTitle"),
                description: t("privacy.requests.log.filteredDescription"),
              }
            : {
                heading: t("privacy.requests.log.emptyTitle"),
                description: t("privacy.requests.log.emptyDescription"),
              },
        }}
        paginationStrings="identityPages"
        hideSinglePage
        data-testid="crm-privacy-log"
      />
    </Container>
  )
}

/** Whose request it is: a link to the customer, "Anonymized customer", or "Deleted customer". */
const CustomerCell = ({ request }: { request: PrivacyRequestLogEntry }) => {
  const { t } = useTranslate()
  const customer = request.customer

  if (!customer) {
    return (
      <Text size="small" className="text-ui-fg-muted" data-testid="crm-privacy-log-customer-deleted">
        {t("privacy.requests.log.deletedCustomer")}
      </Text>
    )
  }

  const anonymized = !!customer.email?.endsWith(ANONYMIZED_EMAIL_SUFFIX)
  const name = anonymized
    ? t("privacy.requests.log.anonymizedCustomer")
    : [customer.first_name, customer.last_name].filter(Boolean).join(" ") ||
      customer.email ||
      customer.id

  return (
    <Link
      to={customerPath(customer.id)}
      // The row navigates too: one navigation is enough.
      onClick={(event) => event.stopPropagation()}
      className="text-ui-fg-base flex max-w-[240px] flex-col outline-none focus-visible:underline"
      data-testid="crm-privacy-log-customer"
      data-customer-id={customer.id}
    >
      <span className="truncate">{name}</span>
      {!anonymized && customer.email && name !== customer.email && (
        <span className="text-ui-fg-subtle truncate">{customer.email}</span>
      )}
    </Link>
  )
}
