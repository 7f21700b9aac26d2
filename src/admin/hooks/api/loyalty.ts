import { QueryClient, useQuery } from "@tanstack/react-query"
import {
  customerLoyaltyQueryKeys,
  customerTimelineQueryKeys,
  loyaltyProgramQueryKeys,
} from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  AdjustLoyaltyPointsPayload,
  AdjustLoyaltyPointsResponse,
  CustomerLoyaltyParams,
  CustomerLoyaltyResponse,
  LoyaltyEnrollmentResponse,
  LoyaltyProgramResponse,
  SetLoyaltyEnrollmentPayload,
  UpdateLoyaltyProgramPayload,
  UpdateLoyaltyProgramResponse,
} from "../../lib/types"
import type { MutationOptions, QueryOptions } from "./utils"
import { keepCustomerData, useInvalidatingMutation } from "./utils"

/** How many entries one page of a customer's loyalty history shows. */
export const LOYALTY_HISTORY_PAGE_SIZE = 20

const PROGRAM_URL = "/admin/crm/loyalty"

const loyaltyUrl = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}/loyalty`

/** The program's settings and its totals over all customers. */
export const useLoyaltyProgram = (
  options?: QueryOptions<LoyaltyProgramResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: loyaltyProgramQueryKeys.detail("program"),
    queryFn: () =>
      sdk.client.fetch<LoyaltyProgramResponse>(PROGRAM_URL, {
        method: "GET",
      }),
    ...options,
  })

  return { ...data, ...rest }
}

export const useUpdateLoyaltyProgram = (
  options?: MutationOptions<
    UpdateLoyaltyProgramResponse,
    UpdateLoyaltyProgramPayload
  >
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<UpdateLoyaltyProgramResponse>(PROGRAM_URL, {
        method: "POST",
        body: payload,
      }),
    // Switching the program, its enrollment or its rates changes every customer's account.
    (queryClient) =>
      Promise.all([
        queryClient.invalidateQueries({
          queryKey: loyaltyProgramQueryKeys.all,
        }),
        queryClient.invalidateQueries({
          queryKey: customerLoyaltyQueryKeys.all,
        }),
      ]),
    options
  )

/** The customer's balance and one page of their entries (the first 20 by default). */
export const useCustomerLoyalty = (
  customerId: string,
  query?: CustomerLoyaltyParams,
  options?: QueryOptions<CustomerLoyaltyResponse>
) => {
  const params = {
    limit: query?.limit ?? LOYALTY_HISTORY_PAGE_SIZE,
    offset: query?.offset ?? 0,
  }
  const { data, ...rest } = useQuery({
    queryKey: customerLoyaltyQueryKeys.detail(customerId, params),
    queryFn: () =>
      sdk.client.fetch<CustomerLoyaltyResponse>(loyaltyUrl(customerId), {
        method: "GET",
        query: params,
      }),
    placeholderData: keepCustomerData(customerId),
    ...options,
  })

  return { ...data, ...rest }
}

// A change to one account also changes the program's totals.
const invalidateCustomerLoyalty = (
  queryClient: QueryClient,
  customerId: string
) =>
  Promise.all([
    queryClient.invalidateQueries({
      queryKey: customerLoyaltyQueryKeys.customer(customerId),
    }),
    queryClient.invalidateQueries({ queryKey: loyaltyProgramQueryKeys.all }),
  ])

/** Adds (positive points) or removes (negative points) points by hand, with a reason. */
export const useAdjustLoyaltyPoints = (
  customerId: string,
  options?: MutationOptions<
    AdjustLoyaltyPointsResponse,
    AdjustLoyaltyPointsPayload
  >
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<AdjustLoyaltyPointsResponse>(
        `${loyaltyUrl(customerId)}/adjustments`,
        { method: "POST", body: payload }
      ),
    // Every adjustment writes a system note in the customer's timeline.
    (queryClient) =>
      Promise.all([
        invalidateCustomerLoyalty(queryClient, customerId),
        queryClient.invalidateQueries({
          queryKey: customerTimelineQueryKeys.customer(customerId),
        }),
      ]),
    options
  )

/** Enrolls or unenrolls the customer (meaningful when the program's enrollment is per customer). */
export const useSetLoyaltyEnrollment = (
  customerId: string,
  options?: MutationOptions<
    LoyaltyEnrollmentResponse,
    SetLoyaltyEnrollmentPayload
  >
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<LoyaltyEnrollmentResponse>(
        `${loyaltyUrl(customerId)}/enrollment`,
        { method: "POST", body: payload }
      ),
    (queryClient) => invalidateCustomerLoyalty(queryClient, customerId),
    options
  )
