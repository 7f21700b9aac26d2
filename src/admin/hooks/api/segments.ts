import { keepPreviousData, type QueryClient, useQuery } from "@tanstack/react-query"
import {
  customerGroupsQueryKeys,
  customersQueryKeys,
  queryKeysFactory,
} from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  AdminCreateSegment,
  AdminSegmentListResponse,
  AdminSegmentResponse,
  AdminSegmentSyncListResponse,
  AdminUpdateSegment,
  CustomerListResponse,
  CustomerSegment,
} from "../../lib/types"
import type { MutationOptions, QueryOptions } from "./utils"
import { useInvalidatingMutation } from "./utils"

const SEGMENTS_URL = "/admin/crm/segments"

const segmentUrl = (id: string) => `${SEGMENTS_URL}/${encodeURIComponent(id)}`

export type SegmentListParams = { q?: string; limit?: number; offset?: number; order?: string }
export type SegmentPageParams = { limit: number; offset: number }

/** The segments' query keys: `["crm_segment", "list" | "detail", …]`, members and syncs below a segment. */
export const segmentsQueryKeys = {
  ...queryKeysFactory<"crm_segment", SegmentListParams>("crm_segment"),
  members: (id: string, query?: SegmentPageParams) =>
    ["crm_segment", "detail", id, "members", { query }] as const,
  syncs: (id: string, query?: SegmentPageParams) =>
    ["crm_segment", "detail", id, "syncs", { query }] as const,
}

type SegmentDeleteResponse = { id: string; object: string; deleted: true }

/** How often a page asks again while a sync is running or was just asked for. */
export const SEGMENT_POLL_MS = 2000

export const useSegments = (
  query?: SegmentListParams,
  options?: QueryOptions<AdminSegmentListResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: segmentsQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminSegmentListResponse>(SEGMENTS_URL, {
        method: "GET",
        query,
      }),
    placeholderData: keepPreviousData,
    ...options,
  })

  return { ...data, ...rest }
}

export const useSegment = (
  id: string,
  options?: QueryOptions<AdminSegmentResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: segmentsQueryKeys.detail(id),
    queryFn: () =>
      sdk.client.fetch<AdminSegmentResponse>(segmentUrl(id), { method: "GET" }),
    ...options,
  })

  return { segment: data?.segment, ...rest }
}

/** One page of the customers the segment's filter matches now (the list's rows). */
export const useSegmentMembers = (
  id: string,
  query: SegmentPageParams,
  options?: QueryOptions<CustomerListResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: segmentsQueryKeys.members(id, query),
    queryFn: () =>
      sdk.client.fetch<CustomerListResponse>(`${segmentUrl(id)}/customers`, {
        method: "GET",
        query,
      }),
    placeholderData: keepPreviousData,
    ...options,
  })

  return { ...data, ...rest }
}

/** The segment's syncs into its group, newest first. */
export const useSegmentSyncs = (
  id: string,
  query: SegmentPageParams,
  options?: QueryOptions<AdminSegmentSyncListResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: segmentsQueryKeys.syncs(id, query),
    queryFn: () =>
      sdk.client.fetch<AdminSegmentSyncListResponse>(`${segmentUrl(id)}/syncs`, {
        method: "GET",
        query,
      }),
    placeholderData: keepPreviousData,
    ...options,
  })

  return { ...data, ...rest }
}

/**
 * What a change to segments makes stale: the segments themselves and, since a sync fills a native
 * group, the dashboard's customer groups and customers.
 */
const invalidateSegments = (queryClient: QueryClient, { groups = false } = {}) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: segmentsQueryKeys.all }),
    ...(groups
      ? [customerGroupsQueryKeys.all, customersQueryKeys.all].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey })
        )
      : []),
  ])

export const useCreateSegment = (
  options?: MutationOptions<AdminSegmentResponse, AdminCreateSegment>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<AdminSegmentResponse>(SEGMENTS_URL, {
        method: "POST",
        body: payload,
      }),
    (queryClient) => invalidateSegments(queryClient, { groups: true }),
    options
  )

export const useUpdateSegment = (
  id: string,
  options?: MutationOptions<AdminSegmentResponse, AdminUpdateSegment>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<AdminSegmentResponse>(segmentUrl(id), {
        method: "POST",
        body: payload,
      }),
    (queryClient) => invalidateSegments(queryClient, { groups: true }),
    options
  )

/** Deletes the segment whose id is passed to `mutate` (its group stays, as a plain group). */
export const useDeleteSegment = (
  options?: MutationOptions<SegmentDeleteResponse, string>
) =>
  useInvalidatingMutation(
    (id) =>
      sdk.client.fetch<SegmentDeleteResponse>(segmentUrl(id), {
        method: "DELETE",
      }),
    (queryClient, _data, id) => {
      queryClient.removeQueries({
        queryKey: segmentsQueryKeys.detail(id),
        type: "inactive",
      })
      return Promise.all(
        [segmentsQueryKeys.lists(), customerGroupsQueryKeys.all].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey })
        )
      )
    },
    options
  )

/** Asks for a sync of the segment into its group now; the worker runs it (see the sync history). */
export const useSyncSegment = (
  options?: MutationOptions<unknown, string>
) =>
  useInvalidatingMutation(
    (id) =>
      sdk.client.fetch<unknown>(`${segmentUrl(id)}/sync`, {
        method: "POST",
      }),
    (queryClient) => invalidateSegments(queryClient, { groups: true }),
    options
  )

const GROUPS_QUERY = { limit: 100, order: "name", fields: "id,name" }

/** Medusa's customer groups a segment can sync into (the first 100, by name). */
export const useSegmentGroupChoices = (options?: { enabled?: boolean }) => {
  const { data, ...rest } = useQuery({
    queryKey: customerGroupsQueryKeys.list(GROUPS_QUERY),
    queryFn: () => sdk.admin.customerGroup.list(GROUPS_QUERY),
    ...options,
  })

  return { customerGroups: data?.customer_groups, ...rest }
}

/** Whether a segment's page should keep asking: its sync runs, or one asked for has not shown up yet. */
export const segmentSyncPending = (
  segment: CustomerSegment | undefined,
  requestedAt: number | null
) => {
  if (!segment) {
    return false
  }
  if (segment.last_sync?.status === "running") {
    return true
  }
  if (requestedAt === null || Date.now() - requestedAt > 60_000) {
    return false
  }
  const started = segment.last_sync ? Date.parse(segment.last_sync.started_at) : 0
  // Clocks of browser and server differ a little: a sync that started just before the click counts.
  return started < requestedAt - 5_000
}
