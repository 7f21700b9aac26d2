import type { FetchError } from "@medusajs/js-sdk"
import {
  keepPreviousData,
  QueryKey,
  useMutation,
  UseMutationOptions,
  useQuery,
  useQueryClient,
  UseQueryOptions,
} from "@tanstack/react-query"
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

const TAG_DEFINITIONS_QUERY_KEY = "crm_tag_definitions" as const

/**
 * Query keys of the tag catalogue. Every list sits under `lists()` and every detail under
 * `details()`, so a mutation invalidates them all at once.
 */
export const tagDefinitionsQueryKeys = {
  all: [TAG_DEFINITIONS_QUERY_KEY] as const,
  lists: () => [...tagDefinitionsQueryKeys.all, "list"] as const,
  list: (query?: TagDefinitionListParams) =>
    [...tagDefinitionsQueryKeys.lists(), { query: query ?? {} }] as const,
  details: () => [...tagDefinitionsQueryKeys.all, "detail"] as const,
  detail: (id: string) => [...tagDefinitionsQueryKeys.details(), id] as const,
  /** Native data the catalogue's forms need, kept apart from the dashboard's own caches. */
  customerGroups: () =>
    [...tagDefinitionsQueryKeys.all, "customer_groups"] as const,
  customers: (q: string) =>
    [...tagDefinitionsQueryKeys.all, "customers", { q }] as const,
}

const TAGS_URL = "/admin/crm/tags"

const tagUrl = (id: string) => `${TAGS_URL}/${encodeURIComponent(id)}`

type TagDefinitionDeleteResponse = {
  id: string
  object: "customer_tag_definition"
  deleted: true
}

type ListQueryOptions = Omit<
  UseQueryOptions<
    TagDefinitionListResponse,
    FetchError,
    TagDefinitionListResponse,
    QueryKey
  >,
  "queryKey" | "queryFn"
>

type DetailQueryOptions = Omit<
  UseQueryOptions<
    TagDefinitionResponse,
    FetchError,
    TagDefinitionResponse,
    QueryKey
  >,
  "queryKey" | "queryFn"
>

export const useTagDefinitions = (
  query?: TagDefinitionListParams,
  options?: ListQueryOptions
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

export const useTagDefinition = (id: string, options?: DetailQueryOptions) => {
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
 * customers' own tag lists and tag picker (hooks/api/customer-tags.ts), their timelines (system
 * notes), and the dashboard's customers and customer groups (a benefit puts the tagged customers
 * into a customer group). By prefix, so that this file does not depend on those hooks.
 */
const RELATED_CUSTOMER_KEYS = [
  ["customer_tags"],
  ["customer_tag_picker"],
  ["customer_timeline"],
  ["customer_groups"],
  ["customers"],
] as const

/** Invalidates every list and, when given, one definition's detail. */
const useInvalidateTagDefinitions = () => {
  const queryClient = useQueryClient()

  return async (id?: string, { related = false } = {}) => {
    await Promise.all([
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
  }
}

export const useCreateTagDefinition = (
  options?: UseMutationOptions<
    TagDefinitionResponse,
    FetchError,
    CreateTagDefinitionPayload
  >
) => {
  const invalidate = useInvalidateTagDefinitions()

  return useMutation({
    mutationFn: (payload) =>
      sdk.client.fetch<TagDefinitionResponse>(TAGS_URL, {
        method: "POST",
        body: payload,
      }),
    ...options,
    onSuccess: async (data, variables, context) => {
      // Also refreshes the customers' tag picker, which lists the definitions.
      await invalidate(data.tag.id, { related: true })
      options?.onSuccess?.(data, variables, context)
    },
  })
}

export const useUpdateTagDefinition = (
  id: string,
  options?: UseMutationOptions<
    TagDefinitionResponse,
    FetchError,
    UpdateTagDefinitionPayload
  >
) => {
  const invalidate = useInvalidateTagDefinitions()

  return useMutation({
    mutationFn: (payload) =>
      sdk.client.fetch<TagDefinitionResponse>(tagUrl(id), {
        method: "POST",
        body: payload,
      }),
    ...options,
    onSuccess: async (data, variables, context) => {
      // The customers' tags show the definition's label and colour: refresh them too.
      await invalidate(id, { related: true })
      options?.onSuccess?.(data, variables, context)
    },
  })
}

/** Deletes the definition whose id is passed to `mutate`, so one hook serves a whole table. */
export const useDeleteTagDefinition = (
  options?: UseMutationOptions<TagDefinitionDeleteResponse, FetchError, string>
) => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: (id) =>
      sdk.client.fetch<TagDefinitionDeleteResponse>(tagUrl(id), {
        method: "DELETE",
      }),
    ...options,
    onSuccess: async (data, id, context) => {
      // The deleted detail is not refetched (it would 404 under the page that is leaving it);
      // drop it unless a page still shows it.
      queryClient.removeQueries({
        queryKey: tagDefinitionsQueryKeys.detail(id),
        type: "inactive",
      })
      await Promise.all(
        [tagDefinitionsQueryKeys.lists(), ...RELATED_CUSTOMER_KEYS].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey })
        )
      )
      options?.onSuccess?.(data, id, context)
    },
  })
}

/** Adds the tag to (or removes it from) many customers at once. */
export const useBulkTagCustomers = (
  id: string,
  options?: UseMutationOptions<
    BulkTagCustomersResponse,
    FetchError,
    BulkTagCustomersPayload
  >
) => {
  const invalidate = useInvalidateTagDefinitions()

  return useMutation({
    mutationFn: (payload) =>
      sdk.client.fetch<BulkTagCustomersResponse>(`${tagUrl(id)}/customers`, {
        method: "POST",
        body: payload,
      }),
    ...options,
    onSuccess: async (data, variables, context) => {
      await invalidate(id, { related: true })
      options?.onSuccess?.(data, variables, context)
    },
  })
}

/** The customer groups a definition can give as its benefit (the first 100, by name). */
export const useBenefitCustomerGroups = (options?: { enabled?: boolean }) => {
  const { data, ...rest } = useQuery({
    queryKey: tagDefinitionsQueryKeys.customerGroups(),
    queryFn: () =>
      sdk.admin.customerGroup.list({
        limit: 100,
        order: "name",
        fields: "id,name",
      }),
    ...options,
  })

  return { customerGroups: data?.customer_groups, ...rest }
}

/** One page of customers matching `q`, for picking who gets a tag. */
export const useTagCustomerSearch = (
  q: string,
  options?: { enabled?: boolean }
) => {
  const { data, ...rest } = useQuery({
    queryKey: tagDefinitionsQueryKeys.customers(q),
    queryFn: () =>
      sdk.admin.customer.list({
        q: q || undefined,
        limit: 20,
        fields: "id,email,first_name,last_name,company_name",
      }),
    placeholderData: keepPreviousData,
    ...options,
  })

  return { customers: data?.customers, count: data?.count, ...rest }
}
