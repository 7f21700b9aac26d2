import type { HttpTypes } from "@medusajs/framework/types"
import { QueryClient, useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type {
  CustomerProfileResponse,
  UpdateCustomerProfilePayload,
  UploadCustomerPhotoPayload,
} from "../../lib/types"
import { customerTimelineQueryKeys } from "./customer-timeline"
import type { MutationOptions, QueryOptions } from "./utils"
import { useInvalidatingMutation } from "./utils"

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

/** The customer's CRM profile; the API always returns one (`id` null when never saved). */
export const useCustomerProfile = (
  customerId: string,
  options?: QueryOptions<CustomerProfileResponse>
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
  options?: MutationOptions<
    CustomerProfileResponse,
    UpdateCustomerProfilePayload
  >
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<CustomerProfileResponse>(profileUrl(customerId), {
        method: "POST",
        body: payload,
      }),
    (queryClient, data) => refreshProfile(queryClient, customerId, data),
    options
  )

export const useUploadCustomerPhoto = (
  customerId: string,
  options?: MutationOptions<CustomerProfileResponse, UploadCustomerPhotoPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<CustomerProfileResponse>(
        `${profileUrl(customerId)}/photo`,
        { method: "POST", body: payload }
      ),
    (queryClient, data) => refreshProfile(queryClient, customerId, data),
    options
  )

export const useDeleteCustomerPhoto = (
  customerId: string,
  options?: MutationOptions<CustomerProfileResponse, void>
) =>
  useInvalidatingMutation(
    () =>
      sdk.client.fetch<CustomerProfileResponse>(
        `${profileUrl(customerId)}/photo`,
        { method: "DELETE" }
      ),
    (queryClient, data) => refreshProfile(queryClient, customerId, data),
    options
  )

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
