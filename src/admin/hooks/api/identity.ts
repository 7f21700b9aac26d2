import {
  keepPreviousData,
  QueryClient,
  QueryKey,
  useQuery,
} from "@tanstack/react-query"
import {
  customerIdentityQueryKeys,
  customerSearchQueryKeys,
  customerTimelineQueryKeys,
  duplicateGroupsQueryKeys,
} from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  AddAlternateEmailPayload,
  AlternateEmailDeleteResponse,
  AlternateEmailResponse,
  ArchiveCustomerPayload,
  CustomerIdentityResponse,
  CustomerSearchParams,
  CustomerSearchResponse,
  DuplicateGroupListParams,
  DuplicateGroupListResponse,
  LinkAccountPayload,
  MergePayload,
  MergePreviewParams,
  MergePreviewResponse,
  MergeResponse,
  RelinkPayload,
} from "../../lib/types"
import type { MutationOptions, QueryOptions } from "./utils"
import { useInvalidatingMutation } from "./utils"

/** How many rows one page of the Find customers and Duplicates pages shows. */
export const IDENTITY_LIST_PAGE_SIZE = 20

const identityUrl = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}/identity`

// ---- One customer ----

/**
 * The customer's archive state, alternate e-mails, possible duplicates, the records merged into
 * them and their online account.
 */
export const useCustomerIdentity = (
  customerId: string,
  options?: QueryOptions<CustomerIdentityResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: customerIdentityQueryKeys.detail(customerId),
    queryFn: () => fetchCustomerIdentity(customerId),
    ...options,
  })

  return { identity: data?.identity, ...rest }
}

/** The customer's identity, fetched now (not from the cache). */
export const fetchCustomerIdentity = (customerId: string) =>
  sdk.client.fetch<CustomerIdentityResponse>(identityUrl(customerId), {
    method: "GET",
  })

/**
 * Every change writes a system note in the customer's timeline. An e-mail added or removed here
 * makes (or unmakes) this customer a possible duplicate of others, and archiving moves them between
 * the search's lists: all identities, the search and the duplicate groups are refreshed; only the
 * ones on screen refetch.
 */
const invalidateIdentity = (queryClient: QueryClient, customerId: string) =>
  Promise.all(
    [
      customerIdentityQueryKeys.all,
      customerTimelineQueryKeys.customer(customerId),
      customerSearchQueryKeys.all,
      duplicateGroupsQueryKeys.all,
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey }))
  )

/** Adds an alternate e-mail; 400 when invalid or the primary one, 409 when another customer has it. */
export const useAddAlternateEmail = (
  customerId: string,
  options?: MutationOptions<AlternateEmailResponse, AddAlternateEmailPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<AlternateEmailResponse>(
        `${identityUrl(customerId)}/emails`,
        { method: "POST", body: payload }
      ),
    (queryClient) => invalidateIdentity(queryClient, customerId),
    options
  )

/** Removes an alternate e-mail, by its id. */
export const useRemoveAlternateEmail = (
  customerId: string,
  options?: MutationOptions<AlternateEmailDeleteResponse, string>
) =>
  useInvalidatingMutation(
    (emailId) =>
      sdk.client.fetch<AlternateEmailDeleteResponse>(
        `${identityUrl(customerId)}/emails/${encodeURIComponent(emailId)}`,
        { method: "DELETE" }
      ),
    (queryClient) => invalidateIdentity(queryClient, customerId),
    options
  )

/** Hides the customer from the CRM's lists (deletes nothing); 409 when already archived. */
export const useArchiveCustomer = (
  customerId: string,
  options?: MutationOptions<CustomerIdentityResponse, ArchiveCustomerPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<CustomerIdentityResponse>(
        `${identityUrl(customerId)}/archive`,
        { method: "POST", body: payload }
      ),
    (queryClient) => invalidateIdentity(queryClient, customerId),
    options
  )

/** Brings an archived customer back into the CRM's lists; 409 when not archived. */
export const useRestoreCustomer = (
  customerId: string,
  options?: MutationOptions<CustomerIdentityResponse, void>
) =>
  useInvalidatingMutation(
    () =>
      sdk.client.fetch<CustomerIdentityResponse>(
        `${identityUrl(customerId)}/restore`,
        { method: "POST", body: {} }
      ),
    (queryClient) => invalidateIdentity(queryClient, customerId),
    options
  )

// ---- Merges ----

/**
 * What merging `other_id` with the customer would move and keep, and what blocks it, with
 * `survivor_id` (the customer by default) as the record that stays.
 */
export const useMergePreview = (
  customerId: string,
  params: MergePreviewParams,
  options?: QueryOptions<MergePreviewResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: customerIdentityQueryKeys.mergePreview(customerId, params),
    queryFn: () =>
      sdk.client.fetch<MergePreviewResponse>(
        `${identityUrl(customerId)}/merge-preview`,
        { method: "GET", query: params }
      ),
    ...options,
  })

  return { preview: data?.preview, ...rest }
}

/** Whether a query is about the customer: its key holds their id (the CRM's and the dashboard's). */
const isAboutCustomer = (queryKey: QueryKey, customerId: string) =>
  JSON.stringify(queryKey).includes(customerId)

/**
 * A merge changes the orders, loyalty, tags, notes, memberships and metrics of two customers, and
 * the dashboard's own customer queries: everything is refreshed. The merged-away record is gone,
 * so its queries are only marked stale: refetched, they would fail (and its page with them) before
 * the admin is taken to the survivor's page.
 */
export const invalidateAfterMerge = (
  queryClient: QueryClient,
  { merge }: MergeResponse
) =>
  Promise.all([
    queryClient.invalidateQueries({
      predicate: ({ queryKey }) => !isAboutCustomer(queryKey, merge.source_id),
    }),
    queryClient.invalidateQueries({
      predicate: ({ queryKey }) => isAboutCustomer(queryKey, merge.source_id),
      refetchType: "none",
    }),
  ])

/** Merges `other_id` and the customer: `survivor_id` stays, the other is merged away; 409 when blocked. */
export const useMergeCustomers = (
  customerId: string,
  options?: MutationOptions<MergeResponse, MergePayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<MergeResponse>(`${identityUrl(customerId)}/merge`, {
        method: "POST",
        body: payload,
      }),
    invalidateAfterMerge,
    options
  )

/** Links the customer, a guest record, to `account_id`'s online account: the guest is merged into it. */
export const useLinkAccount = (
  customerId: string,
  options?: MutationOptions<MergeResponse, LinkAccountPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<MergeResponse>(`${identityUrl(customerId)}/link`, {
        method: "POST",
        body: payload,
      }),
    invalidateAfterMerge,
    options
  )

const mergeUrl = (customerId: string, mergeId: string) =>
  `${identityUrl(customerId)}/merges/${encodeURIComponent(mergeId)}`

/**
 * Undoes the merge whose id is passed to `mutate` (the customer is its survivor): the record comes
 * back with its data. 409 once the window has passed or a later merge depends on it.
 */
export const useUndoMerge = (
  customerId: string,
  options?: MutationOptions<MergeResponse, string>
) =>
  useInvalidatingMutation(
    (mergeId) =>
      sdk.client.fetch<MergeResponse>(`${mergeUrl(customerId, mergeId)}/undo`, {
        method: "POST",
        body: {},
      }),
    // The record is back: every query, its own too, refetches.
    (queryClient) => queryClient.invalidateQueries(),
    options
  )

/** Undoes the link `mergeId` and links the guest record to `account_id` instead: the new link. */
export const useRelinkAccount = (
  customerId: string,
  mergeId: string,
  options?: MutationOptions<MergeResponse, RelinkPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<MergeResponse>(
        `${mergeUrl(customerId, mergeId)}/relink`,
        { method: "POST", body: payload }
      ),
    invalidateAfterMerge,
    options
  )

// ---- Lists ----

/**
 * One page of customers matching `q` in `field` (name, primary or alternate e-mail, phone), each
 * with what matched; without `q`, the newest first.
 */
export const useCustomerSearch = (
  query: CustomerSearchParams,
  options?: QueryOptions<CustomerSearchResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: customerSearchQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<CustomerSearchResponse>("/admin/crm/customers", {
        method: "GET",
        query,
      }),
    // Keep the current page on screen while the next page or search loads.
    placeholderData: keepPreviousData,
    ...options,
  })

  return { ...data, ...rest }
}

/** One page of groups of customers sharing an e-mail address or a phone number, largest first. */
export const useDuplicateGroups = (
  query?: DuplicateGroupListParams,
  options?: QueryOptions<DuplicateGroupListResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: duplicateGroupsQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<DuplicateGroupListResponse>("/admin/crm/duplicates", {
        method: "GET",
        query,
      }),
    placeholderData: keepPreviousData,
    ...options,
  })

  return { ...data, ...rest }
}
