import { keepPreviousData, QueryClient, useQuery } from "@tanstack/react-query"
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
import type { MutationOptions, QueryOptions } from "./utils"
import { useInvalidatingMutation } from "./utils"

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

export const useCustomerTags = (
  customerId: string,
  options?: QueryOptions<CustomerTagListResponse>
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
  options?: MutationOptions<CustomerTagResponse, AssignCustomerTagPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<CustomerTagResponse>(tagsUrl(customerId), {
        method: "POST",
        body: payload,
      }),
    (queryClient) => invalidateCustomerTags(queryClient, customerId),
    options
  )

export const useUpdateCustomerTag = (
  customerId: string,
  options?: MutationOptions<
    CustomerTagResponse,
    UpdateCustomerTagPayload & { id: string }
  >
) =>
  useInvalidatingMutation(
    ({ id, ...payload }) =>
      sdk.client.fetch<CustomerTagResponse>(tagUrl(customerId, id), {
        method: "POST",
        body: payload,
      }),
    (queryClient) => invalidateCustomerTags(queryClient, customerId),
    options
  )

type CustomerTagDeleteResponse = {
  id: string
  object: "customer_tag"
  deleted: true
}

export const useRemoveCustomerTag = (
  customerId: string,
  options?: MutationOptions<CustomerTagDeleteResponse, string>
) =>
  useInvalidatingMutation(
    (tagId) =>
      sdk.client.fetch<CustomerTagDeleteResponse>(tagUrl(customerId, tagId), {
        method: "DELETE",
      }),
    (queryClient) => invalidateCustomerTags(queryClient, customerId),
    options
  )

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
