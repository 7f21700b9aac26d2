import { keepPreviousData, QueryClient, useQuery } from "@tanstack/react-query"
import {
  customerGroupsQueryKeys,
  customersQueryKeys,
  customerTagsQueryKeys,
  customerTimelineQueryKeys,
  tagDefinitionsQueryKeys,
  tagPickerQueryKeys,
} from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  BulkTagCustomersPayload,
  BulkTagCustomersResponse,
  CreateTagDefinitionPayload,
  TagDefinitionListParams,
  TagDefinitionListResponse,
  TagDefinitionResponse,
  UpdateTagDefinitionPayload,
} from "../../lib/types"
import type { MutationOptions, QueryOptions } from "./utils"
import { useInvalidatingMutation } from "./utils"

const TAGS_URL = "/admin/crm/tags"

const tagUrl = (id: string) => `${TAGS_URL}/${encodeURIComponent(id)}`

type TagDefinitionDeleteResponse = {
  id: string
  object: "customer_tag_definition"
  deleted: true
}

export const useTagDefinitions = (
  query?: TagDefinitionListParams,
  options?: QueryOptions<TagDefinitionListResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: tagDefinitionsQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<TagDefinitionListResponse>(TAGS_URL, {
        method: "GET",
        query,
      }),
    // Keep the current page on screen while the next page or search loads.
    placeholderData: keepPreviousData,
    ...options,
  })

  return { ...data, ...rest }
}

export const useTagDefinition = (
  id: string,
  options?: QueryOptions<TagDefinitionResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: tagDefinitionsQueryKeys.detail(id),
    queryFn: () =>
      sdk.client.fetch<TagDefinitionResponse>(tagUrl(id), {
        method: "GET",
      }),
    ...options,
  })

  return { tag: data?.tag, ...rest }
}

/**
 * Caches that tagging many customers, or deleting or changing a definition, makes stale: the
 * customers' own tag lists and tag picker, their timelines (system notes), and the dashboard's
 * customers and customer groups (a benefit puts the tagged customers into a customer group).
 */
const RELATED_CUSTOMER_KEYS = [
  customerTagsQueryKeys.all,
  tagPickerQueryKeys.all,
  customerTimelineQueryKeys.all,
  customerGroupsQueryKeys.all,
  customersQueryKeys.all,
] as const

/** Invalidates every list and, when given, one definition's detail. */
const invalidateTagDefinitions = (
  queryClient: QueryClient,
  id?: string,
  { related = false } = {}
) =>
  Promise.all([
    queryClient.invalidateQueries({
      queryKey: tagDefinitionsQueryKeys.lists(),
    }),
    id
      ? queryClient.invalidateQueries({
          queryKey: tagDefinitionsQueryKeys.detail(id),
        })
      : Promise.resolve(),
    ...(related
      ? RELATED_CUSTOMER_KEYS.map((queryKey) =>
          queryClient.invalidateQueries({ queryKey })
        )
      : []),
  ])

export const useCreateTagDefinition = (
  options?: MutationOptions<TagDefinitionResponse, CreateTagDefinitionPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<TagDefinitionResponse>(TAGS_URL, {
        method: "POST",
        body: payload,
      }),
    // Also refreshes the customers' tag picker, which lists the definitions.
    (queryClient, data) =>
      invalidateTagDefinitions(queryClient, data.tag.id, { related: true }),
    options
  )

export const useUpdateTagDefinition = (
  id: string,
  options?: MutationOptions<TagDefinitionResponse, UpdateTagDefinitionPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<TagDefinitionResponse>(tagUrl(id), {
        method: "POST",
        body: payload,
      }),
    // The customers' tags show the definition's label and colour: refresh them too.
    (queryClient) =>
      invalidateTagDefinitions(queryClient, id, { related: true }),
    options
  )

/** Deletes the definition whose id is passed to `mutate`, so one hook serves a whole table. */
export const useDeleteTagDefinition = (
  options?: MutationOptions<TagDefinitionDeleteResponse, string>
) =>
  useInvalidatingMutation(
    (id) =>
      sdk.client.fetch<TagDefinitionDeleteResponse>(tagUrl(id), {
        method: "DELETE",
      }),
    (queryClient, _data, id) => {
      // The deleted detail is not refetched (it would 404 under the page that is leaving it);
      // drop it unless a page still shows it.
      queryClient.removeQueries({
        queryKey: tagDefinitionsQueryKeys.detail(id),
        type: "inactive",
      })
      return Promise.all(
        [tagDefinitionsQueryKeys.lists(), ...RELATED_CUSTOMER_KEYS].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey })
        )
      )
    },
    options
  )

/** Adds the tag to (or removes it from) many customers at once. */
export const useBulkTagCustomers = (
  id: string,
  options?: MutationOptions<BulkTagCustomersResponse, BulkTagCustomersPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<BulkTagCustomersResponse>(`${tagUrl(id)}/customers`, {
        method: "POST",
        body: payload,
      }),
    (queryClient) =>
      invalidateTagDefinitions(queryClient, id, { related: true }),
    options
  )

const BENEFIT_GROUPS_QUERY = { limit: 100, order: "name", fields: "id,name" }

/** The customer groups a definition can give as its benefit (the first 100, by name). */
export const useBenefitCustomerGroups = (options?: { enabled?: boolean }) => {
  const { data, ...rest } = useQuery({
    queryKey: customerGroupsQueryKeys.list(BENEFIT_GROUPS_QUERY),
    queryFn: () => sdk.admin.customerGroup.list(BENEFIT_GROUPS_QUERY),
    ...options,
  })

  return { customerGroups: data?.customer_groups, ...rest }
}

/** One page of customers matching `q`, for picking who gets a tag. */
export const useTagCustomerSearch = (
  q: string,
  options?: { enabled?: boolean }
) => {
  const query = {
    q: q || undefined,
    limit: 20,
    fields: "id,email,first_name,last_name,company_name",
  }
  const { data, ...rest } = useQuery({
    queryKey: customersQueryKeys.list(query),
    queryFn: () => sdk.admin.customer.list(query),
    placeholderData: keepPreviousData,
    ...options,
  })

  return { customers: data?.customers, count: data?.count, ...rest }
}
