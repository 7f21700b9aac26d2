import { useQuery } from "@tanstack/react-query"
import type {
  AdminConsentPurposesResponse,
  RetentionDryRunPayload,
  RetentionDryRunResponse,
  RetentionRunsParams,
  RetentionRunsResponse,
  StartRetentionRunResponse,
} from "../../lib/types"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type { MutationOptions, QueryOptions } from "./utils"
import { useInvalidatingMutation } from "./utils"

const RETENTION_URL = "/admin/crm/privacy/retention"

export const retentionRunsQueryKeys = queryKeysFactory("crm_privacy_retention_runs")
export const consentPurposesQueryKeys = queryKeysFactory("crm_privacy_purposes")

/** How often the runs list is read again while a run is going on. */
const RUNNING_POLL_MS = 2000

/** The retention runs (real and dry), newest first; read again every 2 s while one is running. */
export const useRetentionRuns = (query: RetentionRunsParams, options?: QueryOptions<RetentionRunsResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: retentionRunsQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<RetentionRunsResponse>(`${RETENTION_URL}/runs`, { method: "GET", query }),
    refetchInterval: (q) => (q.state.data?.runs.some((r) => r.status === "running") ? RUNNING_POLL_MS : false),
    ...options,
  })
  return { runs: data?.runs, count: data?.count ?? 0, ...rest }
}

/** The consent purposes staff can pick as exempting (archived ones included, marked). */
export const useConsentPurposeOptions = (options?: QueryOptions<AdminConsentPurposesResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: consentPurposesQueryKeys.list({ limit: 100 }),
    queryFn: () =>
      sdk.client.fetch<AdminConsentPurposesResponse>("/admin/crm/privacy/purposes", {
        method: "GET",
        query: { limit: 100 },
      }),
    retry: false,
    ...options,
  })
  return { purposes: data?.purposes, ...rest }
}

/** A dry run: who would go and who stays, and why; it adds a run to the list. */
export const useRetentionDryRun = (options?: MutationOptions<RetentionDryRunResponse, RetentionDryRunPayload>) =>
  useInvalidatingMutation(
    (payload) => sdk.client.fetch<RetentionDryRunResponse>(`${RETENTION_URL}/dry-run`, { method: "POST", body: payload }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: retentionRunsQueryKeys.all }),
    options
  )

/** Starts a real run now (the worker carries it out); the runs list shows its progress. */
export const useStartRetentionRun = (options?: MutationOptions<StartRetentionRunResponse, void>) =>
  useInvalidatingMutation(
    () => sdk.client.fetch<StartRetentionRunResponse>(`${RETENTION_URL}/run`, { method: "POST", body: {} }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: retentionRunsQueryKeys.all }),
    options
  )
