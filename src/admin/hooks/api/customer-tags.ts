import { keepPreviousData, QueryClient, useQuery } from "@tanstack/react-query"
import {
  customerGroupsQueryKeys,
  customerTagsQueryKeys,
  customerTimelineQueryKeys,
  tagPickerQueryKeys,
} from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  AssignCustomerTagPayload,
  CustomerTagListResponse,
  CustomerTagResponse,
  TagDefinitionListParams,
  TagDefinitionListResponse,
  UpdateCustomerTagPayload,
} from "../../lib/types"
import type { MutationOptions, QueryOptions } from "./utils"
import { useInvalidatingMutation } from "./utils"

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
      queryKey: customerGroupsQueryKeys.all,
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
    queryKey: tagPickerQueryKeys.list(query),
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
