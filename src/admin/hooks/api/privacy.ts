import type { HttpTypes } from "@medusajs/framework/types"
import { QueryClient, QueryKey, useQuery } from "@tanstack/react-query"
import type {
  AnonymizeCustomerPayload,
  AnonymizeCustomerResponse,
  CustomerPrivacyResponse,
  DeleteCustomerPayload,
  DeleteCustomerResponse,
  PrivacySettingsResponse,
  SetLegalHoldPayload,
  UpdatePrivacySettingsPayload,
} from "../../lib/types"
import {
  customerPrivacyQueryKeys,
  customerTimelineQueryKeys,
  privacySettingsQueryKeys,
  usersQueryKeys,
} from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type { MutationOptions, QueryOptions } from "./utils"
import { useInvalidatingMutation } from "./utils"

const SETTINGS_URL = "/admin/crm/privacy/settings"

const privacyUrl = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}/privacy`

// ---- One customer ----

/**
 * The customer's privacy state: anonymized or not, the legal hold, the person's records and what
 * they hold, what blocks anonymizing or deleting them, and their privacy requests.
 */
export const useCustomerPrivacy = (
  customerId: string,
  options?: QueryOptions<CustomerPrivacyResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: customerPrivacyQueryKeys.detail(customerId),
    queryFn: () =>
      sdk.client.fetch<CustomerPrivacyResponse>(privacyUrl(customerId), {
        method: "GET",
      }),
    ...options,
  })

  return { privacy: data?.privacy, ...rest }
}

/** A legal hold changes only the customer's privacy state (and may add a timeline entry). */
const invalidateLegalHold = (queryClient: QueryClient, customerId: string) =>
  Promise.all(
    [
      customerPrivacyQueryKeys.customer(customerId),
      customerTimelineQueryKeys.customer(customerId),
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey }))
  )

/** Puts the customer on legal hold with a reason (or changes the reason): anonymize and delete are refused. */
export const useSetLegalHold = (
  customerId: string,
  options?: MutationOptions<CustomerPrivacyResponse, SetLegalHoldPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<CustomerPrivacyResponse>(
        `${privacyUrl(customerId)}/legal-hold`,
        { method: "POST", body: payload }
      ),
    (queryClient) => invalidateLegalHold(queryClient, customerId),
    options
  )

/** Lifts the customer's legal hold. */
export const useLiftLegalHold = (
  customerId: string,
  options?: MutationOptions<CustomerPrivacyResponse, void>
) =>
  useInvalidatingMutation(
    () =>
      sdk.client.fetch<CustomerPrivacyResponse>(
        `${privacyUrl(customerId)}/legal-hold`,
        { method: "DELETE" }
      ),
    (queryClient) => invalidateLegalHold(queryClient, customerId),
    options
  )

/**
 * Anonymizing rewrites the person's records everywhere (name and e-mail on Medusa's customer and
 * order pages, notes, tags, profile, identity, the CRM's lists): every query refetches.
 */
export const useAnonymizeCustomer = (
  customerId: string,
  options?: MutationOptions<AnonymizeCustomerResponse, AnonymizeCustomerPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<AnonymizeCustomerResponse>(
        `${privacyUrl(customerId)}/anonymize`,
        { method: "POST", body: payload }
      ),
    (queryClient) => queryClient.invalidateQueries(),
    options
  )

/** Whether a query is about the customer: its key holds their id (the CRM's and the dashboard's). */
const isAboutCustomer = (queryKey: QueryKey, customerId: string) =>
  JSON.stringify(queryKey).includes(customerId)

/**
 * After a permanent delete the customer is gone: their queries are only marked stale (refetched,
 * they would fail, and their page with them, before the admin is taken to the customers list);
 * everything else refetches.
 */
export const useDeleteCustomerPermanently = (
  customerId: string,
  options?: MutationOptions<
    DeleteCustomerResponse,
    DeleteCustomerPayload
  >
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<DeleteCustomerResponse>(
        `${privacyUrl(customerId)}/delete`,
        { method: "POST", body: payload }
      ),
    (queryClient) =>
      Promise.all([
        queryClient.invalidateQueries({
          predicate: ({ queryKey }) => !isAboutCustomer(queryKey, customerId),
        }),
        queryClient.invalidateQueries({
          predicate: ({ queryKey }) => isAboutCustomer(queryKey, customerId),
          refetchType: "none",
        }),
      ]),
    options
  )

/** An admin user's name (or e-mail), e.g. who set a legal hold; nothing while it loads or fails. */
export const useAdminUserLabel = (userId: string | null | undefined) => {
  const { data } = useQuery({
    queryKey: usersQueryKeys.detail(userId ?? "", {
      fields: "id,email,first_name,last_name",
    }),
    queryFn: () =>
      sdk.client.fetch<HttpTypes.AdminUserResponse>(
        `/admin/users/${encodeURIComponent(userId ?? "")}`,
        { method: "GET", query: { fields: "id,email,first_name,last_name" } }
      ),
    enabled: !!userId,
    retry: false,
  })
  const user = data?.user
  if (!user) {
    return null
  }
  return (
    [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email
  )
}

// ---- The store's settings ----

/** Whether staff may anonymize customers, and whether customers may anonymize themselves. */
export const usePrivacySettings = (
  options?: QueryOptions<PrivacySettingsResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: privacySettingsQueryKeys.detail("settings"),
    queryFn: () =>
      sdk.client.fetch<PrivacySettingsResponse>(SETTINGS_URL, {
        method: "GET",
      }),
    ...options,
  })

  return { settings: data?.settings, ...rest }
}

/** Changes the privacy settings; whether staff may anonymize changes every customer's blockers. */
export const useUpdatePrivacySettings = (
  options?: MutationOptions<
    PrivacySettingsResponse,
    UpdatePrivacySettingsPayload
  >
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<PrivacySettingsResponse>(SETTINGS_URL, {
        method: "POST",
        body: payload,
      }),
    (queryClient) =>
      Promise.all(
        [privacySettingsQueryKeys.all, customerPrivacyQueryKeys.all].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey })
        )
      ),
    options
  )

// ---- The data export ----

/** The admin's download of a customer's data export: the file and its name. */
export type CustomerExportDownload = { blob: Blob; file_name: string }

/** The file name a download names in `Content-Disposition`, or a fallback. */
const attachmentName = (response: Response, fallback: string) =>
  /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallback

/**
 * Downloads the customer's data export (`GET /admin/customers/:id/privacy/export`): a JSON file the
 * caller saves. Each download is recorded as a privacy request, so the customer's requests refetch.
 */
export const useExportCustomerData = (
  customerId: string,
  options?: MutationOptions<CustomerExportDownload, void>
) =>
  useInvalidatingMutation(
    async () => {
      // Not `application/json`: the SDK then hands back the response itself, not parsed.
      const response = await sdk.client.fetch<Response>(`${privacyUrl(customerId)}/export`, {
        method: "GET",
        headers: { accept: "*/*" },
      })
      return {
        blob: await response.blob(),
        file_name: attachmentName(response, `customer-export-${customerId}.json`),
      }
    },
    (queryClient) => queryClient.invalidateQueries({ queryKey: customerPrivacyQueryKeys.customer(customerId) }),
    options
  )
