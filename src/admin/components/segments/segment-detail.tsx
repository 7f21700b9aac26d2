import { ArrowPath, ArrowUpRightOnBox, ArrowUturnLeft, PencilSquare, Trash } from "@medusajs/icons"
import {
  Button,
  Container,
  createDataTableColumnHelper,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import {
  SEGMENT_POLL_MS,
  segmentSyncPending,
  useSegment,
  useSegmentMembers,
  useSegmentSyncs,
  useSyncSegment,
} from "../../hooks/api/segments"
import { useErrorMessage } from "../../lib/errors"
import { formatAmount, formatDateTime, formatNumber } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { CustomerListRow, CustomerSegment, SegmentSync } from "../../lib/types"
import { ActionMenu } from "../common/action-menu"
import { DateCell } from "../common/date-cell"
import { ListTable, useListPaging } from "../common/list-table"
import { PageError, SectionsSkeleton } from "../common/load-states"
import { SectionRow } from "../common/section-row"
import { FilterChips } from "./filter-chips"
import { SegmentFormDrawer } from "./segment-form-drawer"
import { LastSyncSummary, SyncStatusBadge } from "./sync-status"
import { useDeleteSegmentWithPrompt } from "./use-delete-segment"

const MEMBERS_PAGE_SIZE = 20
const SYNCS_PAGE_SIZE = 10

/** The segment page: its settings and filter, live count, members and sync history. */
export const SegmentDetail = ({ id }: { id: string }) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const navigate = useNavigate()
  const [isEditOpen, setIsEditOpen] = useState(false)
  const [syncRequestedAt, setSyncRequestedAt] = useState<number | null>(null)

  const { segment, isPending, isError, error } = useSegment(id, {
    refetchInterval: (query) =>
      segmentSyncPending(query.state.data?.segment, syncRequestedAt) ? SEGMENT_POLL_MS : false,
  })
  const { confirmAndDelete, isPending: isDeleting } = useDeleteSegmentWithPrompt()
  const { mutateAsync: requestSync, isPending: isSyncing } = useSyncSegment()

  if (isPending) {
    return <SectionsSkeleton rows={[6, 4]} data-testid="crm-segment-detail-loading" />
  }

  if (isError || !segment) {
    const notFound = error?.status === 404
    return (
      <PageError
        title={notFound ? t("segmentsPage.detail.notFound") : t("segmentsPage.detail.loadErrorTitle")}
        description={
          notFound
            ? t("segmentsPage.detail.notFoundDescription")
            : t("segmentsPage.loadError", { message: errorText(error) })
        }
        data-testid="crm-segment-detail-error"
      >
        <Button size="small" variant="secondary" asChild>
          <Link to="/crm-segments">
            <ArrowUturnLeft />
            {t("segmentsPage.detail.backToList")}
          </Link>
        </Button>
      </PageError>
    )
  }

  const handleDelete = async () => {
    if (await confirmAndDelete(segment)) {
      navigate("/crm-segments", { replace: true })
    }
  }

  const handleSync = () =>
    mutateWithToast(requestSync, segment.id, {
      success: () => t("segmentsPage.toasts.syncRequested", { name: segment.name }),
      onSuccess: () => setSyncRequestedAt(Date.now()),
    })

  const syncing = segmentSyncPending(segment, syncRequestedAt)

  return (
    <div
      className="flex flex-col gap-y-3"
      data-testid="crm-segment-detail"
      data-segment-id={segment.id}
    >
      <Container className="divide-y p-0" data-testid="crm-segment-general">
        <div className="flex flex-col items-start justify-between gap-4 px-6 py-4 md:flex-row md:items-center">
          <div className="flex min-w-0 flex-col gap-y-1">
            <Heading className="truncate" data-testid="crm-segment-detail-name">
              {segment.name}
            </Heading>
            {segment.description && (
              <Text
                size="small"
                className="text-ui-fg-subtle whitespace-pre-line break-words"
                data-testid="crm-segment-detail-description"
              >
                {segment.description}
              </Text>
            )}
          </div>
          <div className="flex shrink-0 items-center gap-x-2">
            <Button size="small" variant="secondary" asChild>
              <Link
                to={`/crm-customers?segment=${encodeURIComponent(segment.id)}`}
                data-testid="crm-segment-open-in-list"
              >
                <ArrowUpRightOnBox />
                {t("segmentsPage.actions.openInList")}
              </Link>
            </Button>
            {segment.group_id && (
              <Button
                size="small"
                variant="secondary"
                onClick={handleSync}
                isLoading={isSyncing}
                disabled={syncing}
                data-testid="crm-segment-sync-now"
              >
                <ArrowPath />
                {syncing ? t("segmentsPage.actions.syncing") : t("segmentsPage.actions.syncNow")}
              </Button>
            )}
            <ActionMenu
              label={t("segmentsPage.actions.menu")}
              disabled={isDeleting}
              data-testid="crm-segment-detail-actions"
              groups={[
                [
                  {
                    icon: <PencilSquare />,
                    label: t("segmentsPage.actions.edit"),
                    onClick: () => setIsEditOpen(true),
                    "data-testid": "crm-segment-detail-edit",
                  },
                ],
                [
                  {
                    icon: <Trash />,
                    label: t("segmentsPage.actions.delete"),
                    onClick: () => void handleDelete(),
                    "data-testid": "crm-segment-detail-delete",
                  },
                ],
              ]}
            />
          </div>
        </div>
        <SegmentFields segment={segment} />
      </Container>
      <SegmentMembersSection segment={segment} />
      {segment.group_id && <SegmentSyncsSection segment={segment} poll={syncing} />}
      <SegmentFormDrawer open={isEditOpen} onOpenChange={setIsEditOpen} segment={segment} />
    </div>
  )
}

const SegmentFields = ({ segment }: { segment: CustomerSegment }) => {
  const { t, locale } = useTranslate()
  return (
    <>
      <SectionRow
        title={t("segmentsPage.fields.filter")}
        value={<FilterChips filter={segment.filter} resolveNames />}
      />
      <SectionRow
        title={t("segmentsPage.fields.count")}
        value={
          segment.count === undefined || segment.count === null ? null : (
            <span data-testid="crm-segment-detail-count" data-count={segment.count}>
              {t(`segmentsPage.detail.countValue.${segment.count === 1 ? "one" : "other"}`, {
                count: segment.count,
                formatted: formatNumber(segment.count, locale),
              })}
            </span>
          )
        }
      />
      <SectionRow
        title={t("segmentsPage.fields.group")}
        value={
          segment.group ? (
            <Link
              to={`/customer-groups/${segment.group.id}`}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
              data-testid="crm-segment-detail-group"
              data-group-id={segment.group.id}
            >
              {segment.group.name}
            </Link>
          ) : (
            t("segmentsPage.sync.notSynced")
          )
        }
      />
      {segment.group_id && (
        <SectionRow
          title={t("segmentsPage.fields.manualMembers")}
          value={t(`segmentsPage.manualMembers.${segment.manual_members}`)}
          data-testid="crm-segment-detail-manual-members"
        />
      )}
      {segment.group_id && (
        <SectionRow
          title={t("segmentsPage.fields.lastSync")}
          value={<LastSyncSummary sync={segment.last_sync} synced />}
        />
      )}
      <SectionRow title={t("segmentsPage.fields.createdAt")} value={formatDateTime(segment.created_at, locale)} />
      <SectionRow title={t("segmentsPage.fields.updatedAt")} value={formatDateTime(segment.updated_at, locale)} />
    </>
  )
}

const memberHelper = createDataTableColumnHelper<CustomerListRow>()

const fullName = (row: CustomerListRow) =>
  [row.first_name, row.last_name].filter(Boolean).join(" ") || row.company_name || null

const useMemberColumns = (t: TranslateFn, locale: string, currency: string) =>
  useMemo(
    () => [
      memberHelper.display({
        id: "name",
        header: t("segmentsPage.members.name"),
        cell: ({ row }) => (
          <span data-testid="crm-segment-member" data-customer-id={row.original.id}>
            {fullName(row.original) ?? "-"}
          </span>
        ),
      }),
      memberHelper.accessor("email", {
        header: t("segmentsPage.members.email"),
        cell: ({ row }) => <span className="text-ui-fg-subtle">{row.original.email ?? "-"}</span>,
      }),
      memberHelper.accessor("lifetime_value", {
        header: t("segmentsPage.members.lifetimeValue"),
        cell: ({ row }) =>
          row.original.lifetime_value === null || !currency
            ? "-"
            : formatAmount(row.original.lifetime_value, currency, locale),
      }),
      memberHelper.accessor("order_count", {
        header: t("segmentsPage.members.orders"),
        cell: ({ row }) => formatNumber(row.original.order_count, locale),
      }),
      memberHelper.accessor("last_order_at", {
        header: t("segmentsPage.members.lastOrder"),
        cell: ({ row }) =>
          row.original.last_order_at ? <DateCell date={row.original.last_order_at} /> : "-",
      }),
    ],
    // `t` changes identity on every render but only meaning with the locale.
    [locale, currency]
  )

/** The customers the segment matches now, a page at a time; a row opens the customer. */
const SegmentMembersSection = ({ segment }: { segment: CustomerSegment }) => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const navigate = useNavigate()
  const paging = useListPaging(MEMBERS_PAGE_SIZE)
  const { customers, count, currency_code, isPending, isError, error } = useSegmentMembers(segment.id, {
    limit: paging.limit,
    offset: paging.offset,
  })
  const columns = useMemberColumns(t, locale, currency_code ?? "")
  const instance = useDataTable({
    data: customers ?? [],
    columns,
    rowCount: count ?? 0,
    getRowId: (row) => row.id,
    isLoading: isPending,
    onRowClick: (_event, row) => navigate(`/customers/${row.id}`),
    pagination: paging.table.pagination,
  })

  return (
    <Container className="overflow-hidden p-0">
      <ListTable
        instance={instance}
        title={t("segmentsPage.detail.membersTitle")}
        headingLevel="h2"
        count={count}
        error={isError ? t("segmentsPage.detail.membersError", { message: errorText(error) }) : null}
        emptyState={{
          empty: {
            heading: t("segmentsPage.detail.membersEmpty.heading"),
            description: t("segmentsPage.detail.membersEmpty.description"),
          },
        }}
        paginationStrings="segmentsPage"
        hideSinglePage
        data-testid="crm-segment-members"
      />
    </Container>
  )
}

const syncHelper = createDataTableColumnHelper<SegmentSync>()

const useSyncColumns = (t: TranslateFn, locale: string) =>
  useMemo(
    () => [
      syncHelper.accessor("started_at", {
        header: t("segmentsPage.syncs.time"),
        cell: ({ row }) => (
          <span data-testid="crm-segment-sync-row" data-sync-id={row.original.id} className="whitespace-nowrap">
            {formatDateTime(row.original.started_at, locale)}
          </span>
        ),
      }),
      syncHelper.accessor("trigger", {
        header: t("segmentsPage.syncs.trigger"),
        cell: ({ row }) => (
          <span data-testid="crm-segment-sync-trigger" data-trigger={row.original.trigger}>
            {t(`segmentsPage.sync.triggers.${row.original.trigger}`)}
          </span>
        ),
      }),
      syncHelper.accessor("added", {
        header: t("segmentsPage.syncs.added"),
        cell: ({ row }) => (
          <span data-testid="crm-segment-sync-added">{formatNumber(row.original.added, locale)}</span>
        ),
      }),
      syncHelper.accessor("removed", {
        header: t("segmentsPage.syncs.removed"),
        cell: ({ row }) => (
          <span data-testid="crm-segment-sync-removed">{formatNumber(row.original.removed, locale)}</span>
        ),
      }),
      syncHelper.accessor("members", {
        header: t("segmentsPage.syncs.members"),
        cell: ({ row }) => (
          <span data-testid="crm-segment-sync-members">{formatNumber(row.original.members, locale)}</span>
        ),
      }),
      syncHelper.accessor("status", {
        header: t("segmentsPage.syncs.status"),
        cell: ({ row }) => <SyncStatusBadge status={row.original.status} />,
      }),
      syncHelper.accessor("error", {
        header: t("segmentsPage.syncs.error"),
        cell: ({ row }) =>
          row.original.error ? (
            <span className="text-ui-fg-error line-clamp-2 whitespace-normal break-words" data-testid="crm-segment-sync-error">
              {row.original.error}
            </span>
          ) : (
            "-"
          ),
      }),
    ],
    [locale]
  )

/** The segment's syncs into its group, newest first; asks again while one runs. */
const SegmentSyncsSection = ({ segment, poll }: { segment: CustomerSegment; poll: boolean }) => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const paging = useListPaging(SYNCS_PAGE_SIZE)
  const { syncs, count, isPending, isError, error } = useSegmentSyncs(
    segment.id,
    { limit: paging.limit, offset: paging.offset },
    {
      refetchInterval: (query) =>
        poll || query.state.data?.syncs.some((sync) => sync.status === "running") ? SEGMENT_POLL_MS : false,
    }
  )
  const columns = useSyncColumns(t, locale)
  const instance = useDataTable({
    data: syncs ?? [],
    columns,
    rowCount: count ?? 0,
    getRowId: (row) => row.id,
    isLoading: isPending,
    pagination: paging.table.pagination,
  })

  return (
    <Container className="overflow-hidden p-0">
      <ListTable
        instance={instance}
        title={t("segmentsPage.detail.syncsTitle")}
        headingLevel="h2"
        error={isError ? t("segmentsPage.detail.syncsError", { message: errorText(error) }) : null}
        emptyState={{
          empty: {
            heading: t("segmentsPage.detail.syncsEmpty.heading"),
            description: t("segmentsPage.detail.syncsEmpty.description"),
          },
        }}
        paginationStrings="segmentsPage"
        hideSinglePage
        data-testid="crm-segment-syncs"
      />
    </Container>
  )
}
