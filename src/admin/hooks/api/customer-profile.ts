import type { HttpTypes } from "@medusajs/framework/types"
import { QueryClient, useQuery } from "@tanstack/react-query"
import {
  customerProfileQueryKeys,
  customersQueryKeys,
  customerTimelineQueryKeys,
  salesChannelsQueryKeys,
} from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  CustomerProfileResponse,
  UpdateCustomerProfilePayload,
  UploadCustomerPhotoPayload,
} from "../../lib/types"
import type { MutationOptions, QueryOptions } from "./utils"
import { useInvalidatingMutation } from "./utils"

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

const CUSTOMER_NAME_QUERY = { fields: "id,email,first_name,last_name" }
const SALES_CHANNELS_QUERY = {
  limit: 200,
  fields: "id,name,is_disabled",
  order: "name",
}

/** The native customer's name and e-mail (for initials and the e-mail prefill). */
export const useCrmCustomer = (
  customerId: string,
  options?: { enabled?: boolean }
) => {
  const { data, ...rest } = useQuery({
    queryKey: customersQueryKeys.detail(customerId, CUSTOMER_NAME_QUERY),
    queryFn: () => sdk.admin.customer.retrieve(customerId, CUSTOMER_NAME_QUERY),
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
    queryKey: salesChannelsQueryKeys.list(SALES_CHANNELS_QUERY),
    queryFn: () => sdk.admin.salesChannel.list(SALES_CHANNELS_QUERY),
    ...options,
  })

  return { ...data, ...rest }
}
