import {
  Badge,
  Container,
  createDataTableColumnHelper,
  Text,
  Tooltip,
  useDataTable,
} from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState } from "react"
import { useNavigate } from "react-router-dom"
import { useReports } from "../../hooks/api/reports"
import { useSegments } from "../../hooks/api/segments"
import { useErrorMessage } from "../../lib/errors"
import { formatDateTime, formatRelative } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import type { CrmReport } from "../../lib/types"
import { ListTable, useListPaging } from "../common/list-table"
import { FilterChips } from "../segments/filter-chips"
import { ReportActionsMenu } from "./report-actions-menu"
import { ReportFormDrawer } from "./report-form-drawer"
import { destinationInWords, formatName, RunStatusBadge, scheduleInWords } from "./report-format"
import { useReportActions } from "./use-report-actions"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<CrmReport>()

type Handlers = {
  onEdit: (report: CrmReport) => void
  onRunNow: (report: CrmReport) => void
  onToggle: (report: CrmReport) => void
  onDelete: (report: CrmReport) => void
}

/** A time as "in 3 hours" with the exact time on hover. */
export const WhenCell = ({ at, testId }: { at: string | null; testId: string }) => {
  const { locale } = useTranslate()
  if (!at) {
    return <span className="text-ui-fg-muted" data-testid={testId}>-</span>
  }
  return (
    <Tooltip content={formatDateTime(at, locale)}>
      <span className="whitespace-nowrap" data-testid={testId}>
        <time dateTime={at}>{formatRelative(at, locale)}</time>
      </span>
    </Tooltip>
  )
}

const useColumns = (
  t: TranslateFn,
  locale: string,
  segmentNames: Record<string, string>,
  handlers: Handlers
) =>
  useMemo(
    () => [
      columnHelper.accessor("name", {
        header: t("reportsPage.fields.name"),
        cell: ({ row }) => (
          <span
            className="text-ui-fg-base font-medium"
            data-testid="crm-report-row-name"
            data-report-id={row.original.id}
          >
            {row.original.name}
          </span>
        ),
      }),
      columnHelper.display({
        id: "source",
        header: t("reportsPage.fields.source"),
        cell: ({ row }) =>
          row.original.segment_id ? (
            <span data-testid="crm-report-row-source" data-segment-id={row.original.segment_id}>
              {segmentNames[row.original.segment_id] ?? t("reportsPage.detail.segment")}
            </span>
          ) : (
            <FilterChips filter={row.original.filter} max={2} data-testid="crm-report-row-source" />
          ),
      }),
      columnHelper.accessor("format", {
        header: t("reportsPage.fields.format"),
        cell: ({ row }) => <Badge size="2xsmall">{formatName(row.original.format, t)}</Badge>,
      }),
      columnHelper.accessor("schedule", {
        header: t("reportsPage.fields.schedule"),
        cell: ({ row }) => (
          <span data-testid="crm-report-row-schedule" className="whitespace-normal">
            {scheduleInWords(row.original.schedule, t, locale)}
          </span>
        ),
      }),
      columnHelper.accessor("destination", {
        header: t("reportsPage.fields.destination"),
        cell: ({ row }) => (
          <span
            data-testid="crm-report-row-destination"
            data-destination={row.original.destination.type}
            className="whitespace-normal break-all"
          >
            {destinationInWords(row.original.destination, t)}
          </span>
        ),
      }),
      columnHelper.accessor("next_run_at", {
        header: t("reportsPage.fields.nextRun"),
        cell: ({ row }) =>
          row.original.enabled ? (
            <WhenCell at={row.original.next_run_at} testId="crm-report-row-next-run" />
          ) : (
            <Badge size="2xsmall" color="grey" data-testid="crm-report-row-disabled">
              {t("reportsPage.detail.disabled")}
            </Badge>
          ),
      }),
      columnHelper.accessor("last_run", {
        header: t("reportsPage.fields.lastRun"),
        cell: ({ row }) =>
          row.original.last_run ? (
            <RunStatusBadge status={row.original.last_run.status} data-testid="crm-report-row-last-run" />
          ) : (
            <span className="text-ui-fg-muted" data-testid="crm-report-row-last-run">
              {t("reportsPage.detail.neverRun")}
            </span>
          ),
      }),
      columnHelper.display({
        id: "action",
        cell: ({ row }) => (
          <ReportActionsMenu
            report={row.original}
            testIdPrefix="crm-report-row"
            onEdit={() => handlers.onEdit(row.original)}
            onRunNow={() => handlers.onRunNow(row.original)}
            onToggle={() => handlers.onToggle(row.original)}
            onDelete={() => handlers.onDelete(row.original)}
          />
        ),
      }),
    ],
    // `t` changes identity on every render but only meaning with the locale.
    [locale, segmentNames, handlers]
  )

type FormState = { open: boolean; report: CrmReport | null }

/** Customers › Reports: every scheduled report, its schedule, destination and last run. */
export const ReportListTable = () => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const navigate = useNavigate()
  const paging = useListPaging(PAGE_SIZE)
  const [formState, setFormState] = useState<FormState>({ open: false, report: null })
  const actions = useReportActions()

  const { reports, count, isPending, isError, error } = useReports({
    q: paging.q || undefined,
    limit: paging.limit,
    offset: paging.offset,
  })
  const { segments } = useSegments({ limit: 100 })
  const segmentNames = useMemo(
    () => Object.fromEntries((segments ?? []).map((segment) => [segment.id, segment.name])),
    [segments]
  )

  const actionsRef = useRef(actions)
  useEffect(() => {
    actionsRef.current = actions
  })
  const handlers = useMemo<Handlers>(
    () => ({
      onEdit: (report) => setFormState({ open: true, report }),
      onRunNow: (report) => void actionsRef.current.runNow(report),
      onToggle: (report) => void actionsRef.current.setEnabled(report, !report.enabled),
      onDelete: (report) => void actionsRef.current.confirmAndDelete(report),
    }),
    []
  )
  const columns = useColumns(t, locale, segmentNames, handlers)

  const instance = useDataTable({
    data: reports ?? [],
    columns,
    rowCount: count ?? 0,
    getRowId: (row) => row.id,
    isLoading: isPending,
    onRowClick: (_event, row) => navigate(`/crm-reports/${row.id}`),
    ...paging.table,
  })

  return (
    <>
      <Container className="overflow-hidden p-0" data-testid="crm-reports-page">
        <ListTable
          instance={instance}
          title={t("reportsPage.title")}
          subtitle={t("reportsPage.subtitle")}
          searchPlaceholder={t("reportsPage.search")}
          add={{
            label: t("reportsPage.actions.create"),
            onClick: () => setFormState({ open: true, report: null }),
            "data-testid": "crm-report-create",
          }}
          error={isError ? t("reportsPage.loadError", { message: errorText(error) }) : null}
          emptyState={{
            empty: {
              custom: (
                <div className="flex flex-col items-center gap-y-1 py-10 text-center" data-testid="crm-reports-empty">
                  <Text size="small" weight="plus">
                    {t("reportsPage.empty.heading")}
                  </Text>
                  <Text size="small" className="text-ui-fg-subtle">
                    {t("reportsPage.empty.description")}
                  </Text>
                </div>
              ),
            },
            filtered: {
              heading: t("reportsPage.filtered.heading"),
              description: t("reportsPage.filtered.description"),
            },
          }}
          paginationStrings="reportsPage"
          data-testid="crm-reports"
        />
      </Container>
      <ReportFormDrawer
        open={formState.open}
        report={formState.report}
        onOpenChange={(open) => setFormState((current) => ({ ...current, open }))}
        onCreated={(report) => navigate(`/crm-reports/${report.id}`)}
      />
    </>
  )
}
