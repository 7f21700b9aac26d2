import {
  Button,
  Container,
  createDataTableColumnHelper,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useSegments } from "../../hooks/api/segments"
import { useErrorMessage } from "../../lib/errors"
import { formatNumber } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import type { CustomerSegment } from "../../lib/types"
import { ListTable, useListPaging } from "../common/list-table"
import { FilterChips } from "./filter-chips"
import { LastSyncSummary } from "./sync-status"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<CustomerSegment>()

/** A link inside a clickable row that does not also open the row. */
const stopRow = (event: React.MouseEvent) => event.stopPropagation()

const useColumns = (t: TranslateFn, locale: string) =>
  useMemo(
    () => [
      columnHelper.accessor("name", {
        header: t("segmentsPage.fields.name"),
        cell: ({ row }) => (
          <div className="flex min-w-0 flex-col py-2">
            <span
              className="text-ui-fg-base truncate font-medium"
              data-testid="crm-segment-row-name"
              data-segment-id={row.original.id}
            >
              {row.original.name}
            </span>
            {row.original.description && (
              <span className="text-ui-fg-subtle truncate" data-testid="crm-segment-row-description">
                {row.original.description}
              </span>
            )}
          </div>
        ),
      }),
      columnHelper.accessor("filter", {
        header: t("segmentsPage.fields.filter"),
        cell: ({ row }) => (
          <FilterChips filter={row.original.filter} max={3} data-testid="crm-segment-row-filter" />
        ),
      }),
      columnHelper.accessor("count", {
        header: t("segmentsPage.fields.count"),
        cell: ({ row }) => (
          <span data-testid="crm-segment-row-count" data-count={row.original.count ?? ""}>
            {row.original.count === undefined || row.original.count === null
              ? "-"
              : formatNumber(row.original.count, locale)}
          </span>
        ),
      }),
      columnHelper.accessor("group", {
        header: t("segmentsPage.fields.group"),
        cell: ({ row }) => {
          const group = row.original.group
          if (!group) {
            return (
              <span className="text-ui-fg-muted" data-testid="crm-segment-row-group">
                {t("segmentsPage.sync.notSynced")}
              </span>
            )
          }
          return (
            <Link
              to={`/customer-groups/${group.id}`}
              onClick={stopRow}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
              data-testid="crm-segment-row-group"
              data-group-id={group.id}
            >
              {group.name}
            </Link>
          )
        },
      }),
      columnHelper.accessor("last_sync", {
        header: t("segmentsPage.fields.lastSync"),
        cell: ({ row }) => (
          <LastSyncSummary sync={row.original.last_sync} synced={!!row.original.group_id} />
        ),
      }),
    ],
    // `t` changes identity on every render but only meaning with the locale.
    [locale]
  )

/**
 * Customers › Segments: every saved segment with its live count, the group it syncs into and its
 * last sync; search by name. Segments are made from the customer list ("Save as segment").
 */
export const SegmentListTable = () => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const navigate = useNavigate()
  const paging = useListPaging(PAGE_SIZE)

  const { segments, count, isPending, isError, error } = useSegments({
    q: paging.q || undefined,
    limit: paging.limit,
    offset: paging.offset,
  })
  const columns = useColumns(t, locale)

  const instance = useDataTable({
    data: segments ?? [],
    columns,
    rowCount: count ?? 0,
    getRowId: (row) => row.id,
    isLoading: isPending,
    onRowClick: (_event, row) => navigate(`/crm-segments/${row.id}`),
    ...paging.table,
  })

  return (
    <Container className="overflow-hidden p-0" data-testid="crm-segments-page">
      <ListTable
        instance={instance}
        title={t("segmentsPage.title")}
        subtitle={t("segmentsPage.subtitle")}
        searchPlaceholder={t("segmentsPage.search")}
        actions={
          <Button size="small" variant="secondary" asChild>
            <Link to="/crm-customers" data-testid="crm-segments-open-list">
              {t("segmentsPage.actions.openList")}
            </Link>
          </Button>
        }
        error={isError ? t("segmentsPage.loadError", { message: errorText(error) }) : null}
        emptyState={{
          empty: {
            custom: (
              <div
                className="flex flex-col items-center gap-y-2 py-10 text-center"
                data-testid="crm-segments-empty"
              >
                <Text size="small" weight="plus">
                  {t("segmentsPage.empty.heading")}
                </Text>
                <Text size="small" className="text-ui-fg-subtle">
                  {t("segmentsPage.empty.description")}
                </Text>
                <Link
                  to="/crm-customers"
                  className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
                  data-testid="crm-segments-empty-link"
                >
                  {t("segmentsPage.empty.link")}
                </Link>
              </div>
            ),
          },
          filtered: {
            heading: t("segmentsPage.filtered.heading"),
            description: t("segmentsPage.filtered.description"),
          },
        }}
        paginationStrings="segmentsPage"
        data-testid="crm-segments"
      />
    </Container>
  )
}
