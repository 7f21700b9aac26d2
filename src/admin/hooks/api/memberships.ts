import { keepPreviousData, QueryClient, useQuery } from "@tanstack/react-query"
import {
  customerGroupsQueryKeys,
  customerMembershipsQueryKeys,
  customerTimelineQueryKeys,
  membershipPickerQueryKeys,
  membershipPlansQueryKeys,
  membershipVerifyQueryKeys,
  scannerKeysQueryKeys,
} from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  AssignMembershipPayload,
  CancelMembershipPayload,
  CreatedMembershipScannerKeyResponse,
  CreateMembershipPlanPayload,
  CreateMembershipScannerKeyPayload,
  CustomerMembershipDetailResponse,
  CustomerMembershipListParams,
  CustomerMembershipListResponse,
  CustomerMembershipResponse,
  EditMembershipExpirationPayload,
  MembershipCardResponse,
  MembershipCustomerPayload,
  MembershipPlanDeleteResponse,
  MembershipPlanListParams,
  MembershipPlanListResponse,
  MembershipPlanResponse,
  MembershipScannerKeyListParams,
  MembershipScannerKeyListResponse,
  MembershipScannerKeyResponse,
  MembershipVerifyResponse,
  UpdateMembershipPlanPayload,
} from "../../lib/types"
import type { MutationOptions, QueryOptions } from "./utils"
import { useInvalidatingMutation } from "./utils"

/** Variants matching a search, or the ones with these ids. */
type VariantQuery = { q?: string; id?: string[] }

const PLANS_URL = "/admin/crm/membership-plans"

const planUrl = (id: string) => `${PLANS_URL}/${encodeURIComponent(id)}`

const membershipsUrl = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}/memberships`

const membershipUrl = (customerId: string, membershipId: string) =>
  `${membershipsUrl(customerId)}/${encodeURIComponent(membershipId)}`

// ---- Plans ----

/** One page of plans, by level then name. */
export const useMembershipPlans = (
  query?: MembershipPlanListParams,
  options?: QueryOptions<MembershipPlanListResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: membershipPlansQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<MembershipPlanListResponse>(PLANS_URL, {
        method: "GET",
        query,
      }),
    // Keep the current page on screen while the next page or search loads.
    placeholderData: keepPreviousData,
    ...options,
  })

  return { ...data, ...rest }
}

export const useMembershipPlan = (
  id: string,
  options?: QueryOptions<MembershipPlanResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: membershipPlansQueryKeys.detail(id),
    queryFn: () =>
      sdk.client.fetch<MembershipPlanResponse>(planUrl(id), { method: "GET" }),
    ...options,
  })

  return { plan: data?.plan, ...rest }
}

/**
 * A plan's name, duration or benefit group shows on every membership of it, and its group is the
 * one its members are in: a change to a plan refreshes the memberships and the customer groups.
 */
const invalidatePlans = (queryClient: QueryClient) =>
  Promise.all(
    [
      membershipPlansQueryKeys.lists(),
      membershipPlansQueryKeys.details(),
      customerMembershipsQueryKeys.all,
      customerGroupsQueryKeys.all,
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey }))
  )

export const useCreateMembershipPlan = (
  options?: MutationOptions<MembershipPlanResponse, CreateMembershipPlanPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<MembershipPlanResponse>(PLANS_URL, {
        method: "POST",
        body: payload,
      }),
    (queryClient) =>
      queryClient.invalidateQueries({
        queryKey: membershipPlansQueryKeys.lists(),
      }),
    options
  )

export const useUpdateMembershipPlan = (
  id: string,
  options?: MutationOptions<MembershipPlanResponse, UpdateMembershipPlanPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<MembershipPlanResponse>(planUrl(id), {
        method: "POST",
        body: payload,
      }),
    (queryClient) => invalidatePlans(queryClient),
    options
  )

/** Deletes the plan whose id is passed to `mutate`, so one hook serves a whole table. */
export const useDeleteMembershipPlan = (
  options?: MutationOptions<MembershipPlanDeleteResponse, string>
) =>
  useInvalidatingMutation(
    (id) =>
      sdk.client.fetch<MembershipPlanDeleteResponse>(planUrl(id), {
        method: "DELETE",
      }),
    (queryClient, _data, id) => {
      queryClient.removeQueries({
        queryKey: membershipPlansQueryKeys.detail(id),
        type: "inactive",
      })
      return invalidatePlans(queryClient)
    },
    options
  )

/** Product variants matching `q` (or with these ids), for the plan's "sold via" variant. */
export const useMembershipVariants = (
  query: VariantQuery,
  options?: { enabled?: boolean }
) => {
  const { data, ...rest } = useQuery({
    queryKey: membershipPickerQueryKeys.list(query),
    queryFn: () =>
      sdk.admin.productVariant.list({
        ...(query.q ? { q: query.q } : {}),
        ...(query.id ? { id: query.id } : {}),
        limit: query.id ? query.id.length : 10,
        fields: "id,title,sku,product.title",
      }),
    placeholderData: keepPreviousData,
    ...options,
  })

  return { variants: data?.variants, count: data?.count, ...rest }
}

// ---- A customer's memberships ----

/** The memberships the customer holds or shares in, active first. */
export const useCustomerMemberships = (
  customerId: string,
  query?: CustomerMembershipListParams,
  options?: QueryOptions<CustomerMembershipListResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: customerMembershipsQueryKeys.list(customerId, query),
    queryFn: () =>
      sdk.client.fetch<CustomerMembershipListResponse>(
        membershipsUrl(customerId),
        { method: "GET", query }
      ),
    ...options,
  })

  return { ...data, ...rest }
}

/** One membership with its history, newest first. */
export const useCustomerMembership = (
  customerId: string,
  membershipId: string,
  options?: QueryOptions<CustomerMembershipDetailResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: customerMembershipsQueryKeys.detail(customerId, membershipId),
    queryFn: () =>
      sdk.client.fetch<CustomerMembershipDetailResponse>(
        membershipUrl(customerId, membershipId),
        { method: "GET" }
      ),
    ...options,
  })

  return { ...data, ...rest }
}

/** What the membership's card shows, with its QR code. */
export const useMembershipCard = (
  customerId: string,
  membershipId: string,
  options?: QueryOptions<MembershipCardResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: customerMembershipsQueryKeys.card(customerId, membershipId),
    queryFn: () =>
      sdk.client.fetch<MembershipCardResponse>(
        `${membershipUrl(customerId, membershipId)}/card`,
        { method: "GET" }
      ),
    ...options,
  })

  return { card: data?.card, ...rest }
}

/**
 * Every change to a membership writes a system note and may move customers in or out of the
 * plan's group. A membership shows on the holder's page and on each co-member's (and a gift moves
 * it to another customer), so all customers' memberships and timelines are refreshed; only the
 * ones on screen refetch.
 */
const invalidateMemberships = (queryClient: QueryClient) =>
  Promise.all(
    [
      customerMembershipsQueryKeys.all,
      customerTimelineQueryKeys.all,
      membershipPlansQueryKeys.lists(),
      membershipPlansQueryKeys.details(),
      membershipVerifyQueryKeys.all,
      customerGroupsQueryKeys.all,
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey }))
  )

type WithMembership<T> = T & { membershipId: string }

/** An action on one of the customer's memberships, posted to `…/:membership_id/<path>`. */
const useMembershipAction = <TPayload extends object>(
  customerId: string,
  path: string,
  options?: MutationOptions<CustomerMembershipResponse, WithMembership<TPayload>>
) =>
  useInvalidatingMutation(
    ({ membershipId, ...payload }) =>
      sdk.client.fetch<CustomerMembershipResponse>(
        `${membershipUrl(customerId, membershipId)}/${path}`,
        { method: "POST", body: payload }
      ),
    (queryClient) => invalidateMemberships(queryClient),
    options
  )

export const useAssignMembership = (
  customerId: string,
  options?: MutationOptions<CustomerMembershipResponse, AssignMembershipPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<CustomerMembershipResponse>(membershipsUrl(customerId), {
        method: "POST",
        body: payload,
      }),
    (queryClient) => invalidateMemberships(queryClient),
    options
  )

export const useEditMembershipExpiration = (
  customerId: string,
  options?: MutationOptions<
    CustomerMembershipResponse,
    WithMembership<EditMembershipExpirationPayload>
  >
) =>
  useMembershipAction<EditMembershipExpirationPayload>(customerId, "expiration", options)

/** Extends the membership by its plan's duration, from the later of now and its expiry. */
export const useRenewMembership = (
  customerId: string,
  options?: MutationOptions<CustomerMembershipResponse, WithMembership<object>>
) => useMembershipAction<object>(customerId, "renew", options)

export const useCancelMembership = (
  customerId: string,
  options?: MutationOptions<
    CustomerMembershipResponse,
    WithMembership<CancelMembershipPayload>
  >
) =>
  useMembershipAction<CancelMembershipPayload>(customerId, "cancel", options)

/** Moves the membership to another customer: then it is no longer this customer's. */
export const useGiftMembership = (
  customerId: string,
  options?: MutationOptions<
    CustomerMembershipResponse,
    WithMembership<MembershipCustomerPayload>
  >
) =>
  useMembershipAction<MembershipCustomerPayload>(customerId, "gift", options)

/** Adds a co-member (up to the plan's max_shares). */
export const useShareMembership = (
  customerId: string,
  options?: MutationOptions<
    CustomerMembershipResponse,
    WithMembership<MembershipCustomerPayload>
  >
) =>
  useMembershipAction<MembershipCustomerPayload>(customerId, "shares", options)

/** Removes a co-member: the share is addressed by the co-member's customer id. */
export const useUnshareMembership = (
  customerId: string,
  options?: MutationOptions<
    CustomerMembershipResponse,
    WithMembership<MembershipCustomerPayload>
  >
) =>
  useInvalidatingMutation(
    ({ membershipId, customer_id }) =>
      sdk.client.fetch<CustomerMembershipResponse>(
        `${membershipUrl(customerId, membershipId)}/shares/${encodeURIComponent(customer_id)}`,
        { method: "DELETE" }
      ),
    (queryClient) => invalidateMemberships(queryClient),
    options
  )

// ---- Door check ----

/** Checks a scanned card code; disabled until there is one. Never retried: a "no" is an answer. */
export const useVerifyMembership = (
  code: string,
  options?: QueryOptions<MembershipVerifyResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: membershipVerifyQueryKeys.detail(code),
    queryFn: () =>
      sdk.client.fetch<MembershipVerifyResponse>(
        "/admin/crm/memberships/verify",
        { method: "GET", query: { code } }
      ),
    enabled: !!code,
    retry: false,
    ...options,
  })

  return { ...data, ...rest }
}

// ---- Door scanner keys ----

const SCANNER_KEYS_URL = "/admin/crm/memberships/scanner-keys"

/** One page of scanner keys, newest first (revoked ones too). */
export const useScannerKeys = (
  query?: MembershipScannerKeyListParams,
  options?: QueryOptions<MembershipScannerKeyListResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: scannerKeysQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<MembershipScannerKeyListResponse>(SCANNER_KEYS_URL, {
        method: "GET",
        query,
      }),
    placeholderData: keepPreviousData,
    ...options,
  })

  return { ...data, ...rest }
}

/** Creates a scanner key; the response carries the key, shown this once. */
export const useCreateScannerKey = (
  options?: MutationOptions<
    CreatedMembershipScannerKeyResponse,
    CreateMembershipScannerKeyPayload
  >
) =>
  useInvalidatingMutation(
    (payload: CreateMembershipScannerKeyPayload) =>
      sdk.client.fetch<CreatedMembershipScannerKeyResponse>(SCANNER_KEYS_URL, {
        method: "POST",
        body: payload,
      }),
    (queryClient) =>
      queryClient.invalidateQueries({ queryKey: scannerKeysQueryKeys.lists() }),
    options
  )

/** Revokes a scanner key: it can no longer check cards. */
export const useRevokeScannerKey = (
  options?: MutationOptions<MembershipScannerKeyResponse, string>
) =>
  useInvalidatingMutation(
    (id: string) =>
      sdk.client.fetch<MembershipScannerKeyResponse>(
        `${SCANNER_KEYS_URL}/${encodeURIComponent(id)}/revoke`,
        { method: "POST", body: {} }
      ),
    (queryClient) =>
      queryClient.invalidateQueries({ queryKey: scannerKeysQueryKeys.lists() }),
    options
  )
