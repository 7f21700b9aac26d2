import { keepPreviousData, type QueryClient, useQuery } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  AdminCreateReport,
  AdminReportListResponse,
  AdminReportResponse,
  AdminReportRunListResponse,
  AdminReportRunResponse,
  AdminReportTestResponse,
  AdminUpdateReport,
  ReportRun,
  ReportRunStatus,
} from "../../lib/types"
import type { MutationOptions, QueryOptions } from "./utils"
import { useInvalidatingMutation } from "./utils"

const REPORTS_URL = "/admin/crm/reports"

const reportUrl = (id: string) => `${REPORTS_URL}/${encodeURIComponent(id)}`

export type ReportListParams = { q?: string; limit?: number; offset?: number; order?: string }
export type ReportRunsParams = { limit: number; offset: number }

/** The reports' query keys: `["crm_report", "list" | "detail", …]`, runs below a report. */
export const reportsQueryKeys = {
  ...queryKeysFactory<"crm_report", ReportListParams>("crm_report"),
  runs: (id: string, query?: ReportRunsParams) =>
    ["crm_report", "detail", id, "runs", { query }] as const,
}

type ReportDeleteResponse = { id: string; object: string; deleted: true }

/** Run statuses that are not over yet: a page showing one asks again. */
export const PENDING_RUN_STATUSES: ReportRunStatus[] = ["queued", "running", "retrying"]

export const isRunPending = (run: Pick<ReportRun, "status"> | null | undefined) =>
  !!run && PENDING_RUN_STATUSES.includes(run.status)

/** How often a page asks again while a run is queued or running (slower while it waits to retry). */
export const runPollInterval = (runs: (ReportRun | null | undefined)[]) => {
  if (runs.some((run) => run?.status === "queued" || run?.status === "running")) {
    return 2000
  }
  return runs.some((run) => run?.status === "retrying") ? 10_000 : false
}

export const useReports = (
  query?: ReportListParams,
  options?: QueryOptions<AdminReportListResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: reportsQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminReportListResponse>(REPORTS_URL, {
        method: "GET",
        query,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => runPollInterval((q.state.data?.reports ?? []).map((r) => r.last_run)),
    ...options,
  })

  return { ...data, ...rest }
}

export const useReport = (
  id: string,
  options?: QueryOptions<AdminReportResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: reportsQueryKeys.detail(id),
    queryFn: () =>
      sdk.client.fetch<AdminReportResponse>(reportUrl(id), { method: "GET" }),
    refetchInterval: (q) => runPollInterval([q.state.data?.report.last_run]),
    ...options,
  })

  return { report: data?.report, ...rest }
}

/** The report's runs, newest first; asks again while one of them is not over. */
export const useReportRuns = (
  id: string,
  query: ReportRunsParams,
  options?: QueryOptions<AdminReportRunListResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: reportsQueryKeys.runs(id, query),
    queryFn: () =>
      sdk.client.fetch<AdminReportRunListResponse>(`${reportUrl(id)}/runs`, {
        method: "GET",
        query,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => runPollInterval(q.state.data?.runs ?? []),
    ...options,
  })

  return { ...data, ...rest }
}

const invalidateReports = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: reportsQueryKeys.all })

export const useCreateReport = (
  options?: MutationOptions<AdminReportResponse, AdminCreateReport>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<AdminReportResponse>(REPORTS_URL, {
        method: "POST",
        body: payload,
      }),
    invalidateReports,
    options
  )

/** Updates the report whose id is given with the changes (a table's enable/disable uses it too). */
export const useUpdateReport = (
  options?: MutationOptions<AdminReportResponse, { id: string; changes: AdminUpdateReport }>
) =>
  useInvalidatingMutation(
    ({ id, changes }) =>
      sdk.client.fetch<AdminReportResponse>(reportUrl(id), {
        method: "POST",
        body: changes,
      }),
    invalidateReports,
    options
  )

export const useDeleteReport = (
  options?: MutationOptions<ReportDeleteResponse, string>
) =>
  useInvalidatingMutation(
    (id) =>
      sdk.client.fetch<ReportDeleteResponse>(reportUrl(id), {
        method: "DELETE",
      }),
    (queryClient, _data, id) => {
      queryClient.removeQueries({
        queryKey: reportsQueryKeys.detail(id),
        type: "inactive",
      })
      return queryClient.invalidateQueries({ queryKey: reportsQueryKeys.lists() })
    },
    options
  )

/** Starts a run of the report now (the worker runs it; the runs table follows it). */
export const useRunReport = (
  options?: MutationOptions<AdminReportRunResponse, string>
) =>
  useInvalidatingMutation(
    (id) =>
      sdk.client.fetch<AdminReportRunResponse>(`${reportUrl(id)}/run`, {
        method: "POST",
      }),
    invalidateReports,
    options
  )

/** Tries the report's destination with its stored settings: `{ ok, message }`. */
export const useTestReportConnection = (
  options?: MutationOptions<AdminReportTestResponse, string>
) =>
  useInvalidatingMutation(
    (id) =>
      sdk.client.fetch<AdminReportTestResponse>(`${reportUrl(id)}/test`, {
        method: "POST",
      }),
    () => Promise.resolve(),
    options
  )

/** A run's file, saved by the caller. */
export type ReportRunDownload = { blob: Blob; file_name: string }

const attachmentName = (response: Response, fallback: string) =>
  /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ??
  fallback

/**
 * Downloads the file a run kept in the file module
 * (`GET /admin/crm/reports/:id/runs/:run_id/download`). The route may answer the file itself or,
 * as JSON, the file module's (expiring) `url`; either way the caller gets the file.
 */
export const downloadReportRun = async (
  run: Pick<ReportRun, "id" | "report_id">,
  fallbackName: string
): Promise<ReportRunDownload> => {
  const response = await sdk.client.fetch<Response>(
    `${reportUrl(run.report_id)}/runs/${encodeURIComponent(run.id)}/download`,
    { method: "GET", headers: { accept: "*/*" } }
  )
  const type = response.headers.get("content-type") ?? ""
  if (type.includes("application/json")) {
    const text = await response.text()
    let url: string | undefined
    try {
      const body = JSON.parse(text) as { url?: string; download_url?: string }
      url = body.url ?? body.download_url
    } catch {
      url = undefined
    }
    if (url) {
      const file = await fetch(url, { credentials: "include" })
      return { blob: await file.blob(), file_name: attachmentName(file, fallbackName) }
    }
    return { blob: new Blob([text], { type }), file_name: attachmentName(response, fallbackName) }
  }
  return { blob: await response.blob(), file_name: attachmentName(response, fallbackName) }
}
