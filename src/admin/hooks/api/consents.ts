import { type QueryClient, useQuery } from "@tanstack/react-query"
import type {
  AdminChangeConsentPayload,
  AdminConsentPurposeResponse,
  AdminConsentPurposesResponse,
  AdminCustomerConsentsResponse,
  ChangeConsentResponse,
  CreateConsentPurposePayload,
  UpdateConsentPurposePayload,
} from "../../lib/types"
import {
  customerPrivacyQueryKeys,
  customerQueryKeysFactory,
  customerTimelineQueryKeys,
  queryKeysFactory,
} from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type { MutationOptions, QueryOptions } from "./utils"
import { useInvalidatingMutation } from "./utils"

const PURPOSES_URL = "/admin/crm/privacy/purposes"

/** The consent purposes (Customers › Privacy). */
export const consentPurposesQueryKeys = queryKeysFactory<
  "crm_consent_purposes",
  { archived?: "true" | "false"; limit?: number; offset?: number }
>("crm_consent_purposes")

const customerConsents = customerQueryKeysFactory("customer_consents")
/** A customer's consents and their log. */
export const customerConsentsQueryKeys = {
  ...customerConsents,
  detail: (customerId: string) => customerConsents.part(customerId, "detail"),
}

const consentsUrl = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}/consents`

// ---- One customer ----

/** Every live purpose with the customer's current consent, and their consent log (newest first). */
export const useCustomerConsents = (
  customerId: string,
  options?: QueryOptions<AdminCustomerConsentsResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: customerConsentsQueryKeys.detail(customerId),
    queryFn: () =>
      sdk.client.fetch<AdminCustomerConsentsResponse>(consentsUrl(customerId), {
        method: "GET",
      }),
    ...options,
  })
  return { consents: data?.consents, history: data?.history, ...rest }
}

/**
 * Grants or withdraws a purpose for the customer, with a reason. The change adds a system note
 * to the timeline and a record to the Privacy tab's counts.
 */
export const useChangeCustomerConsent = (
  customerId: string,
  options?: MutationOptions<ChangeConsentResponse, AdminChangeConsentPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<ChangeConsentResponse>(consentsUrl(customerId), {
        method: "POST",
        body: payload,
      }),
    (queryClient) =>
      Promise.all(
        [
          customerConsentsQueryKeys.customer(customerId),
          customerTimelineQueryKeys.customer(customerId),
          customerPrivacyQueryKeys.customer(customerId),
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey }))
      ),
    options
  )

// ---- The store's purposes ----

/** The purposes, archived ones included, by rank (up to 100). */
export const useConsentPurposes = (
  options?: QueryOptions<AdminConsentPurposesResponse>
) => {
  const query = { limit: 100 }
  const { data, ...rest } = useQuery({
    queryKey: consentPurposesQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminConsentPurposesResponse>(PURPOSES_URL, {
        method: "GET",
        query,
      }),
    ...options,
  })
  return { purposes: data?.purposes, count: data?.count, ...rest }
}

/** One purpose with every version of its text, newest first. */
export const useConsentPurpose = (
  purposeId: string | null,
  options?: QueryOptions<AdminConsentPurposeResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: consentPurposesQueryKeys.detail(purposeId ?? ""),
    queryFn: () =>
      sdk.client.fetch<AdminConsentPurposeResponse>(
        `${PURPOSES_URL}/${encodeURIComponent(purposeId ?? "")}`,
        { method: "GET" }
      ),
    enabled: !!purposeId,
    ...options,
  })
  return { purpose: data?.purpose, versions: data?.versions, ...rest }
}

/** A purpose's name or text shows on every customer's consents too. */
const invalidatePurposes = (queryClient: QueryClient) =>
  Promise.all(
    [consentPurposesQueryKeys.all, customerConsentsQueryKeys.all].map(
      (queryKey) => queryClient.invalidateQueries({ queryKey })
    )
  )

/** Creates a purpose with its first text. */
export const useCreateConsentPurpose = (
  options?: MutationOptions<AdminConsentPurposeResponse, CreateConsentPurposePayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<AdminConsentPurposeResponse>(PURPOSES_URL, {
        method: "POST",
        body: payload,
      }),
    invalidatePurposes,
    options
  )

/** Changes a purpose: a new text adds a version; `archived` archives it or brings it back. */
export const useUpdateConsentPurpose = (
  purposeId: string,
  options?: MutationOptions<AdminConsentPurposeResponse, UpdateConsentPurposePayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<AdminConsentPurposeResponse>(
        `${PURPOSES_URL}/${encodeURIComponent(purposeId)}`,
        { method: "POST", body: payload }
      ),
    invalidatePurposes,
    options
  )
