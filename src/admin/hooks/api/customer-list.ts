import {
  keepPreviousData,
  QueryClient,
  useQuery,
} from "@tanstack/react-query"
import {
  customerGroupsQueryKeys,
  customerSearchQueryKeys,
  customerTagsQueryKeys,
  customerTimelineQueryKeys,
  customersQueryKeys,
  queryKeysFactory,
  tagDefinitionsQueryKeys,
} from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  AdminBulkCustomerTags,
  AdminBulkCustomerTagsResponse,
  AdminCreateExport,
  AdminCreateSegment,
  AdminExportListResponse,
  AdminExportResponse,
  AdminSegmentResponse,
  CustomerListFilter,
  CustomerListResponse,
} from "../../lib/types"
import type { MutationOptions, QueryOptions } from "./utils"
import { useInvalidatingMutation } from "./utils"

// The CRM list's own keys (kept here, beside their hooks).
/** Pages of the list, by their query string. */
export const customerListQueryKeys = queryKeysFactory<"crm_customer_list", string>("crm_customer_list")
export const listSegmentsQueryKeys = queryKeysFactory<"crm_segments">("crm_segments")
export const listExportsQueryKeys = queryKeysFactory<"crm_list_exports", { limit: number; offset: number }>(
  "crm_list_exports"
)

const LIST_URL = "/admin/crm/customers"
const SEGMENTS_URL = "/admin/crm/segments"
const EXPORTS_URL = "/admin/crm/exports"

const exportUrl = (id: string) => `${EXPORTS_URL}/${encodeURIComponent(id)}`
const segmentUrl = (id: string) => `${SEGMENTS_URL}/${encodeURIComponent(id)}`

/** Where an export's file downloads from (the admin session's cookie authorises it). */
export const exportDownloadUrl = (id: string) =>
  `${(import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "")}${exportUrl(id)}/download`

// ---- The list ----

/**
 * One page of the CRM list. `search` is the list route's own query string (`tags=vip&
 * lifetime_value[gte]=500&order=-lifetime_value&limit=20&offset=0`), as the page keeps it in its URL.
 */
export const useCustomerList = (search: string, options?: QueryOptions<CustomerListResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: customerListQueryKeys.list(search),
    queryFn: () =>
      sdk.client.fetch<CustomerListResponse>(search ? `${LIST_URL}?${search}` : LIST_URL, { method: "GET" }),
    // Keep the current page on screen while the next page, sort or filter loads.
    placeholderData: keepPreviousData,
    ...options,
  })

  return { ...data, ...rest }
}

/** A bulk change touches the customers' tags, timelines, groups, and every list that shows them. */
const invalidateCustomers = (queryClient: QueryClient) =>
  Promise.all(
    [
      customerListQueryKeys.all,
      customerSearchQueryKeys.all,
      customerTagsQueryKeys.all,
      customerTimelineQueryKeys.all,
      tagDefinitionsQueryKeys.all,
      customerGroupsQueryKeys.all,
      customersQueryKeys.all,
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey }))
  )

/** Adds a tag to and/or removes a tag from the selected customers: `{ updated }`. */
export const useBulkCustomerTags = (
  options?: MutationOptions<AdminBulkCustomerTagsResponse, AdminBulkCustomerTags>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<AdminBulkCustomerTagsResponse>(`${LIST_URL}/tags`, { method: "POST", body: payload }),
    invalidateCustomers,
    options
  )

/** Adds the selected customers to a native customer group (Medusa's own route). */
export const useAddCustomersToGroup = (
  options?: MutationOptions<unknown, { group_id: string; customer_ids: string[] }>
) =>
  useInvalidatingMutation(
    ({ group_id, customer_ids }) =>
      sdk.client.fetch(`/admin/customer-groups/${encodeURIComponent(group_id)}/customers`, {
        method: "POST",
        body: { add: customer_ids },
      }),
    invalidateCustomers,
    options
  )

/** The native customer groups (first 100 by name), for the group filter and the bulk action. */
export const useListCustomerGroups = () => {
  const query = { limit: 100, order: "name", fields: "id,name" }
  const { data, ...rest } = useQuery({
    queryKey: customerGroupsQueryKeys.list(query),
    queryFn: () => sdk.admin.customerGroup.list(query),
  })
  return { groups: data?.customer_groups, ...rest }
}

// ---- Segments ----

/** Saves the list's filter as a named segment (optionally synced into a new group). */
export const useCreateSegment = (options?: MutationOptions<AdminSegmentResponse, AdminCreateSegment>) =>
  useInvalidatingMutation(
    (payload) => sdk.client.fetch<AdminSegmentResponse>(SEGMENTS_URL, { method: "POST", body: payload }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: listSegmentsQueryKeys.all }),
    options
  )

/** The segment whose filter the list opens (`/crm-customers?segment=<id>`). */
export const useSegmentForList = (id: string | null, options?: QueryOptions<AdminSegmentResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: listSegmentsQueryKeys.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminSegmentResponse>(segmentUrl(id!), { method: "GET" }),
    enabled: !!id,
    ...options,
  })
  return { segment: data?.segment, ...rest }
}

/** Replaces the segment's filter with the list's current one. */
export const useUpdateSegmentFilter = (
  id: string,
  options?: MutationOptions<AdminSegmentResponse, CustomerListFilter>
) =>
  useInvalidatingMutation(
    (filter) =>
      sdk.client.fetch<AdminSegmentResponse>(segmentUrl(id), { method: "POST", body: { filter } }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: listSegmentsQueryKeys.all }),
    options
  )

// ---- Exports ----

/** Starts an export of the filtered list, a selection or a segment. */
export const useCreateExport = (options?: MutationOptions<AdminExportResponse, AdminCreateExport>) =>
  useInvalidatingMutation(
    (payload) => sdk.client.fetch<AdminExportResponse>(EXPORTS_URL, { method: "POST", body: payload }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: listExportsQueryKeys.all }),
    options
  )

const EXPORT_POLL_MS = 1000

/** One export; polled every second while it is pending or running. */
export const useExport = (id: string | null, options?: QueryOptions<AdminExportResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: listExportsQueryKeys.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminExportResponse>(exportUrl(id!), { method: "GET" }),
    enabled: !!id,
    refetchInterval: (query) => {
      const status = query.state.data?.export.status
      return !status || status === "pending" || status === "running" ? EXPORT_POLL_MS : false
    },
    ...options,
  })
  return { export: data?.export, ...rest }
}

/** Past exports, newest first: who exported what and when. */
export const useExports = (
  query: { limit: number; offset: number },
  options?: QueryOptions<AdminExportListResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: listExportsQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminExportListResponse>(EXPORTS_URL, { method: "GET", query }),
    placeholderData: keepPreviousData,
    ...options,
  })
  return { ...data, ...rest }
}
