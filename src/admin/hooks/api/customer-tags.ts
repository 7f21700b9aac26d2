import type { FetchError } from "@medusajs/js-sdk"
import {
  keepPreviousData,
  QueryClient,
  QueryKey,
  useMutation,
  UseMutationOptions,
  useQuery,
  useQueryClient,
  UseQueryOptions,
} from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type {
  AssignCustomerTagPayload,
  CustomerTagListResponse,
  CustomerTagResponse,
  TagDefinitionListParams,
  TagDefinitionListResponse,
  UpdateCustomerTagPayload,
} from "../../lib/types"
import { customerTimelineQueryKeys } from "./customer-timeline"

const CUSTOMER_TAGS_QUERY_KEY = "customer_tags" as const
const TAG_PICKER_QUERY_KEY = "customer_tag_picker" as const

/** The dashboard's own key of customer groups: a tag with a benefit moves the customer into one. */
const DASHBOARD_CUSTOMER_GROUPS_QUERY_KEY = ["customer_groups"] as const

/**
 * Query keys of a customer's tags. The Overview, the Tags tab and the side card read the same
 * list, so one invalidation refreshes them all.
 */
export const customerTagsQueryKeys = {
  all: [CUSTOMER_TAGS_QUERY_KEY] as const,
  customer: (customerId: string) =>
    [...customerTagsQueryKeys.all, customerId] as const,
  list: (customerId: string) =>
    [...customerTagsQueryKeys.customer(customerId), "list"] as const,
}

export const tagPickerQueryKeys = {
  all: [TAG_PICKER_QUERY_KEY] as const,
  search: (query: TagDefinitionListParams) =>
    [...tagPickerQueryKeys.all, { query }] as const,
}

const tagsUrl = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}/tags`

const tagUrl = (customerId: string, tagId: string) =>
  `${tagsUrl(customerId)}/${encodeURIComponent(tagId)}`

type TagsQueryOptions = Omit<
  UseQueryOptions<
    CustomerTagListResponse,
    FetchError,
    CustomerTagListResponse,
    QueryKey
  >,
  "queryKey" | "queryFn"
>

export const useCustomerTags = (
  customerId: string,
  options?: TagsQueryOptions
) => {
  const { data, ...rest } = useQuery({
    queryKey: customerTagsQueryKeys.list(customerId),
    queryFn: () =>
      sdk.client.fetch<CustomerTagListResponse>(tagsUrl(customerId), {
        method: "GET",
      }),
    ...options,
  })

  return { ...data, ...rest }
}

// Adding or removing a tag writes a system note, and may change the customer's groups.
const invalidateCustomerTags = (queryClient: QueryClient, customerId: string) =>
  Promise.all([
    queryClient.invalidateQueries({
      queryKey: customerTagsQueryKeys.customer(customerId),
    }),
    queryClient.invalidateQueries({
      queryKey: customerTimelineQueryKeys.customer(customerId),
    }),
    queryClient.invalidateQueries({ queryKey: tagPickerQueryKeys.all }),
    queryClient.invalidateQueries({
      queryKey: DASHBOARD_CUSTOMER_GROUPS_QUERY_KEY,
    }),
  ])

export const useAddCustomerTag = (
  customerId: string,
  options?: UseMutationOptions<
    CustomerTagResponse,
    FetchError,
    AssignCustomerTagPayload
  >
) => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: (payload) =>
      sdk.client.fetch<CustomerTagResponse>(tagsUrl(customerId), {
        method: "POST",
        body: payload,
      }),
    ...options,
    onSuccess: async (data, variables, context) => {
      await invalidateCustomerTags(queryClient, customerId)
      options?.onSuccess?.(data, variables, context)
    },
  })
}

export const useUpdateCustomerTag = (
  customerId: string,
  options?: UseMutationOptions<
    CustomerTagResponse,
    FetchError,
    UpdateCustomerTagPayload & { id: string }
  >
) => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: ({ id, ...payload }) =>
      sdk.client.fetch<CustomerTagResponse>(tagUrl(customerId, id), {
        method: "POST",
        body: payload,
      }),
    ...options,
    onSuccess: async (data, variables, context) => {
      await invalidateCustomerTags(queryClient, customerId)
      options?.onSuccess?.(data, variables, context)
    },
  })
}

type CustomerTagDeleteResponse = {
  id: string
  object: "customer_tag"
  deleted: true
}

export const useRemoveCustomerTag = (
  customerId: string,
  options?: UseMutationOptions<CustomerTagDeleteResponse, FetchError, string>
) => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: (tagId) =>
      sdk.client.fetch<CustomerTagDeleteResponse>(tagUrl(customerId, tagId), {
        method: "DELETE",
      }),
    ...options,
    onSuccess: async (data, variables, context) => {
      await invalidateCustomerTags(queryClient, customerId)
      options?.onSuccess?.(data, variables, context)
    },
  })
}

/** Tag definitions for the "Add tag" picker, filtered by key or label as the user types. */
export const useTagDefinitionSearch = (
  q: string,
  options?: { enabled?: boolean }
) => {
  const query: TagDefinitionListParams = {
    limit: 50,
    ...(q.trim() ? { q: q.trim() } : {}),
  }
  const { data, ...rest } = useQuery({
    queryKey: tagPickerQueryKeys.search(query),
    queryFn: () =>
      sdk.client.fetch<TagDefinitionListResponse>("/admin/crm/tags", {
        method: "GET",
        query,
      }),
    placeholderData: keepPreviousData,
    ...options,
  })

  return { ...data, ...rest }
}
