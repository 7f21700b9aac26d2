import type { HttpTypes } from "@medusajs/framework/types"
import type { FetchError } from "@medusajs/js-sdk"
import {
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
  CustomerProfileResponse,
  UpdateCustomerProfilePayload,
  UploadCustomerPhotoPayload,
} from "../../lib/types"
import { customerTimelineQueryKeys } from "./customer-timeline"

const CUSTOMER_PROFILE_QUERY_KEY = "customer_profile" as const

export const customerProfileQueryKeys = {
  all: [CUSTOMER_PROFILE_QUERY_KEY] as const,
  detail: (customerId: string) =>
    [...customerProfileQueryKeys.all, customerId] as const,
}

/** The native records the CRM panel reads for itself, under keys of its own. */
export const crmNativeQueryKeys = {
  customer: (customerId: string) =>
    ["crm_native", "customer", customerId] as const,
  salesChannels: () => ["crm_native", "sales_channels"] as const,
}

const profileUrl = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}/profile`

type ProfileQueryOptions = Omit<
  UseQueryOptions<
    CustomerProfileResponse,
    FetchError,
    CustomerProfileResponse,
    QueryKey
  >,
  "queryKey" | "queryFn"
>

/** The customer's CRM profile; the API always returns one (`id` null when never saved). */
export const useCustomerProfile = (
  customerId: string,
  options?: ProfileQueryOptions
) => {
  const { data, ...rest } = useQuery({
    queryKey: customerProfileQueryKeys.detail(customerId),
    queryFn: () =>
      sdk.client.fetch<CustomerProfileResponse>(profileUrl(customerId), {
        method: "GET",
      }),
    ...options,
  })

  return { ...data, ...rest }
}

// A saved profile may write a system note, so the timeline is refreshed too.
const refreshProfile = async (
  queryClient: QueryClient,
  customerId: string,
  data: CustomerProfileResponse
) => {
  queryClient.setQueryData(customerProfileQueryKeys.detail(customerId), data)
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: customerProfileQueryKeys.detail(customerId),
    }),
    queryClient.invalidateQueries({
      queryKey: customerTimelineQueryKeys.customer(customerId),
    }),
  ])
}

export const useUpdateCustomerProfile = (
  customerId: string,
  options?: UseMutationOptions<
    CustomerProfileResponse,
    FetchError,
    UpdateCustomerProfilePayload
  >
) => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: (payload) =>
      sdk.client.fetch<CustomerProfileResponse>(profileUrl(customerId), {
        method: "POST",
        body: payload,
      }),
    ...options,
    onSuccess: async (data, variables, context) => {
      await refreshProfile(queryClient, customerId, data)
      options?.onSuccess?.(data, variables, context)
    },
  })
}

export const useUploadCustomerPhoto = (
  customerId: string,
  options?: UseMutationOptions<
    CustomerProfileResponse,
    FetchError,
    UploadCustomerPhotoPayload
  >
) => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: (payload) =>
      sdk.client.fetch<CustomerProfileResponse>(
        `${profileUrl(customerId)}/photo`,
        {
          method: "POST",
          body: payload,
        }
      ),
    ...options,
    onSuccess: async (data, variables, context) => {
      await refreshProfile(queryClient, customerId, data)
      options?.onSuccess?.(data, variables, context)
    },
  })
}

export const useDeleteCustomerPhoto = (
  customerId: string,
  options?: UseMutationOptions<CustomerProfileResponse, FetchError, void>
) => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<CustomerProfileResponse>(
        `${profileUrl(customerId)}/photo`,
        {
          method: "DELETE",
        }
      ),
    ...options,
    onSuccess: async (data, variables, context) => {
      await refreshProfile(queryClient, customerId, data)
      options?.onSuccess?.(data, variables, context)
    },
  })
}

/** The native customer's name and e-mail (for initials and the e-mail prefill). */
export const useCrmCustomer = (
  customerId: string,
  options?: { enabled?: boolean }
) => {
  const { data, ...rest } = useQuery({
    queryKey: crmNativeQueryKeys.customer(customerId),
    queryFn: () =>
      sdk.admin.customer.retrieve(customerId, {
        fields: "id,email,first_name,last_name",
      }),
    ...options,
  })

  return {
    customer: data?.customer as HttpTypes.AdminCustomer | undefined,
    ...rest,
  }
}

/** Every sales channel (the "stores" a customer can belong to). */
export const useCrmSalesChannels = (options?: { enabled?: boolean }) => {
  const { data, ...rest } = useQuery({
    queryKey: crmNativeQueryKeys.salesChannels(),
    queryFn: () =>
      sdk.admin.salesChannel.list({
        limit: 200,
        fields: "id,name,is_disabled",
        order: "name",
      }),
    ...options,
  })

  return { ...data, ...rest }
}
