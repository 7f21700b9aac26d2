import { ArrowDownTray, ArrowUturnLeft, Bolt, PlaySolid } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  createDataTableColumnHelper,
  Heading,
  IconButton,
  Text,
  toast,
  Tooltip,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { downloadReportRun, isRunPending, useReport, useReportRuns } from "../../hooks/api/reports"
import { useSegment } from "../../hooks/api/segments"
import { errorMessage, useErrorMessage } from "../../lib/errors"
import { formatDateTime, formatNumber } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import type { CrmReport, ReportRun } from "../../lib/types"
import { ListTable, useListPaging } from "../common/list-table"
import { PageError, SectionsSkeleton } from "../common/load-states"
import { SectionRow } from "../common/section-row"
import { FilterChips } from "../segments/filter-chips"
import { ReportActionsMenu } from "./report-actions-menu"
import { ReportFormDrawer } from "./report-form-drawer"
import { destinationInWords, formatDuration, formatName, RunStatusBadge, scheduleInWords } from "./report-format"
import { WhenCell } from "./report-list-table"
import { useReportActions } from "./use-report-actions"

const RUNS_PAGE_SIZE = 20

/** The report page: its settings, actions (run now, test connection) and its runs. */
export const ReportDetail = ({ id }: { id: string }) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const navigate = useNavigate()
  const [isEditOpen, setIsEditOpen] = useState(false)
  const { report, isPending, isError, error } = useReport(id)
  const actions = useReportActions()

  if (isPending) {
    return <SectionsSkeleton rows={[8, 4]} data-testid="crm-report-detail-loading" />
  }

  if (isError || !report) {
    const notFound = error?.status === 404
    return (
      <PageError
        title={notFound ? t("reportsPage.detail.notFound") : t("reportsPage.detail.loadErrorTitle")}
        description={
          notFound
            ? t("reportsPage.detail.notFoundDescription")
            : t("reportsPage.loadError", { message: errorText(error) })
        }
        data-testid="crm-report-detail-error"
      >
        <Button size="small" variant="secondary" asChild>
          <Link to="/crm-reports">
            <ArrowUturnLeft />
            {t("reportsPage.detail.backToList")}
          </Link>
        </Button>
      </PageError>
    )
  }

  const handleDelete = async () => {
    if (await actions.confirmAndDelete(report)) {
      navigate("/crm-reports", { replace: true })
    }
  }
  const running = isRunPending(report.last_run)
  const testResult = actions.testResult?.report_id === report.id ? actions.testResult : null

  return (
    <div className="flex flex-col gap-y-3" data-testid="crm-report-detail" data-report-id={report.id}>
      <Container className="divide-y p-0" data-testid="crm-report-general">
        <div className="flex flex-col items-start justify-between gap-4 px-6 py-4 md:flex-row md:items-center">
          <div className="flex min-w-0 items-center gap-x-2">
            <Heading className="truncate" data-testid="crm-report-detail-name">
              {report.name}
            </Heading>
            <Badge
              size="2xsmall"
              color={report.enabled ? "green" : "grey"}
              data-testid="crm-report-detail-enabled"
              data-enabled={report.enabled}
            >
              {report.enabled ? t("reportsPage.detail.enabled") : t("reportsPage.detail.disabled")}
            </Badge>
          </div>
          <div className="flex shrink-0 items-center gap-x-2">
            {report.destination.type !== "file" && (
              <Button
                size="small"
                variant="secondary"
                onClick={() => void actions.testConnection(report)}
                isLoading={actions.isTesting}
                data-testid="crm-report-test"
              >
                <Bolt />
                {t("reportsPage.actions.test")}
              </Button>
            )}
            <Button
              size="small"
              variant="secondary"
              onClick={() => void actions.runNow(report)}
              isLoading={actions.isRunning}
              disabled={running}
              data-testid="crm-report-run-now"
            >
              <PlaySolid />
              {running ? t("reportsPage.actions.running") : t("reportsPage.actions.runNow")}
            </Button>
            <ReportActionsMenu
              report={report}
              testIdPrefix="crm-report-detail"
              disabled={actions.isDeleting}
              onEdit={() => setIsEditOpen(true)}
              onRunNow={() => void actions.runNow(report)}
              onToggle={() => void actions.setEnabled(report, !report.enabled)}
              onDelete={() => void handleDelete()}
            />
          </div>
        </div>
        {testResult && (
          <div className="px-6 py-3" data-testid="crm-report-test-result" data-ok={testResult.ok}>
            <Text size="small" className={testResult.ok ? "text-ui-fg-interactive" : "text-ui-fg-error"}>
              {testResult.ok
                ? t("reportsPage.toasts.testOk", { message: testResult.message })
                : t("reportsPage.toasts.testFailed", { message: testResult.message })}
            </Text>
          </div>
        )}
        <ReportFields report={report} />
      </Container>
      <ReportRunsSection report={report} />
      <ReportFormDrawer open={isEditOpen} onOpenChange={setIsEditOpen} report={report} />
    </div>
  )
}

const SegmentSource = ({ segmentId }: { segmentId: string }) => {
  const { t } = useTranslate()
  const { segment, isError } = useSegment(segmentId)
  return (
    <Link
      to={`/crm-segments/${segmentId}`}
      className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
      data-testid="crm-report-detail-segment"
      data-segment-id={segmentId}
    >
      {segment?.name ?? (isError ? t("reportsPage.detail.segmentMissing") : segmentId)}
    </Link>
  )
}

const ReportFields = ({ report }: { report: CrmReport }) => {
  const { t, locale } = useTranslate()
  const destination = report.destination
  return (
    <>
      <SectionRow
        title={t("reportsPage.fields.source")}
        value={
          report.segment_id ? (
            <SegmentSource segmentId={report.segment_id} />
          ) : (
            <FilterChips filter={report.filter} resolveNames data-testid="crm-report-detail-filter" />
          )
        }
      />
      <SectionRow
        title={t("reportsPage.fields.columns")}
        value={report.columns.map((column) => (
          <Badge key={column} size="2xsmall" data-testid="crm-report-detail-column" data-column={column}>
            {t(`reportsPage.columns.${column}`)}
          </Badge>
        ))}
      />
      <SectionRow title={t("reportsPage.fields.format")} value={formatName(report.format, t)} />
      <SectionRow
        title={t("reportsPage.fields.schedule")}
        value={scheduleInWords(report.schedule, t, locale)}
        data-testid="crm-report-detail-schedule"
      />
      <SectionRow
        title={t("reportsPage.fields.destination")}
        value={destinationInWords(destination, t)}
        data-testid="crm-report-detail-destination"
      />
      {destination.type === "sftp" && (
        <>
          <SectionRow title={t("reportsPage.fields.fileName")} value={destination.file_name} />
          <SectionRow
            title={t("reportsPage.fields.credentials")}
            value={
              <>
                {destination.has_password && (
                  <Badge size="2xsmall" color="green" data-testid="crm-report-detail-password-set">
                    {t("reportsPage.detail.passwordSet")}
                  </Badge>
                )}
                {destination.has_private_key && (
                  <Badge size="2xsmall" color="green" data-testid="crm-report-detail-key-set">
                    {t("reportsPage.detail.privateKeySet")}
                  </Badge>
                )}
                {!destination.has_password && !destination.has_private_key && (
                  <Badge size="2xsmall" color="red">
                    {t("reportsPage.detail.noCredentials")}
                  </Badge>
                )}
              </>
            }
          />
        </>
      )}
      <SectionRow
        title={t("reportsPage.fields.nextRun")}
        value={
          report.enabled && report.next_run_at ? (
            formatDateTime(report.next_run_at, locale)
          ) : (
            t("reportsPage.detail.notScheduled")
          )
        }
        data-testid="crm-report-detail-next-run"
      />
    </>
  )
}

const runHelper = createDataTableColumnHelper<ReportRun>()

const DownloadButton = ({ run, report }: { run: ReportRun; report: CrmReport }) => {
  const { t } = useTranslate()
  const [busy, setBusy] = useState(false)
  const handle = async (event: React.MouseEvent) => {
    event.stopPropagation()
    setBusy(true)
    try {
      const extension = report.format === "jsonl" ? "jsonl" : "csv"
      const { blob, file_name } = await downloadReportRun(run, `report-${run.due_at.slice(0, 10)}.${extension}`)
      const url = URL.createObjectURL(blob)
      const link = document.createElement("a")
      link.href = url
      link.download = file_name
      document.body.appendChild(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 1000)
    } catch (error) {
      toast.error(t("reportsPage.toasts.downloadFailed", { message: errorMessage(error) }))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Tooltip content={t("reportsPage.runs.download")}>
      <IconButton
        size="small"
        variant="transparent"
        onClick={handle}
        disabled={busy}
        aria-label={t("reportsPage.runs.download")}
        data-testid="crm-report-run-download"
      >
        <ArrowDownTray />
      </IconButton>
    </Tooltip>
  )
}

const useRunColumns = (t: TranslateFn, locale: string, report: CrmReport) =>
  useMemo(
    () => [
      runHelper.accessor("due_at", {
        header: t("reportsPage.runs.due"),
        cell: ({ row }) => (
          <span className="whitespace-nowrap" data-testid="crm-report-run-row" data-run-id={row.original.id}>
            {formatDateTime(row.original.due_at, locale)}
          </span>
        ),
      }),
      runHelper.accessor("trigger", {
        header: t("reportsPage.runs.trigger"),
        cell: ({ row }) => (
          <span data-testid="crm-report-run-trigger" data-trigger={row.original.trigger}>
            {t(`reportsPage.triggers.${row.original.trigger}`)}
          </span>
        ),
      }),
      runHelper.accessor("status", {
        header: t("reportsPage.runs.status"),
        cell: ({ row }) => (
          <div className="flex flex-col gap-y-0.5">
            <RunStatusBadge status={row.original.status} />
            {row.original.status === "retrying" && row.original.next_attempt_at && (
              <WhenCell at={row.original.next_attempt_at} testId="crm-report-run-next-attempt" />
            )}
          </div>
        ),
      }),
      runHelper.accessor("attempts", {
        header: t("reportsPage.runs.attempts"),
        cell: ({ row }) => <span data-testid="crm-report-run-attempts">{row.original.attempts}</span>,
      }),
      runHelper.accessor("rows", {
        header: t("reportsPage.runs.rows"),
        cell: ({ row }) => (
          <span data-testid="crm-report-run-rows" data-rows={row.original.rows ?? ""}>
            {row.original.rows === null ? "-" : formatNumber(row.original.rows, locale)}
          </span>
        ),
      }),
      runHelper.accessor("duration_ms", {
        header: t("reportsPage.runs.duration"),
        cell: ({ row }) => formatDuration(row.original.duration_ms),
      }),
      runHelper.accessor("error", {
        header: t("reportsPage.runs.error"),
        cell: ({ row }) =>
          row.original.error ? (
            <span className="text-ui-fg-error line-clamp-2 whitespace-normal break-words" data-testid="crm-report-run-error">
              {row.original.error}
            </span>
          ) : row.original.remote_path ? (
            <span className="text-ui-fg-subtle break-all whitespace-normal" data-testid="crm-report-run-remote-path">
              {row.original.remote_path}
            </span>
          ) : (
            "-"
          ),
      }),
      runHelper.display({
        id: "download",
        cell: ({ row }) =>
          row.original.file_id && row.original.status === "succeeded" ? (
            <DownloadButton run={row.original} report={report} />
          ) : null,
      }),
    ],
    // `t` changes identity on every render but only meaning with the locale.
    [locale, report]
  )

/** The report's runs, newest first; follows a queued or running one until it ends. */
const ReportRunsSection = ({ report }: { report: CrmReport }) => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const paging = useListPaging(RUNS_PAGE_SIZE)
  const { runs, count, isPending, isError, error } = useReportRuns(report.id, {
    limit: paging.limit,
    offset: paging.offset,
  })
  const columns = useRunColumns(t, locale, report)
  const instance = useDataTable({
    data: runs ?? [],
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
        title={t("reportsPage.detail.runsTitle")}
        headingLevel="h2"
        error={isError ? t("reportsPage.detail.runsError", { message: errorText(error) }) : null}
        emptyState={{
          empty: {
            heading: t("reportsPage.detail.runsEmpty.heading"),
            description: t("reportsPage.detail.runsEmpty.description"),
          },
        }}
        paginationStrings="reportsPage"
        hideSinglePage
        data-testid="crm-report-runs"
      />
    </Container>
  )
}
