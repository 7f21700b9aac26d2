import { QueryClient, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useRef } from "react"
import {
  customerInsightsQueryKeys,
  customerTimelineQueryKeys,
  insightsRebuildQueryKeys,
  storeQueryKeys,
} from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  CustomerMetricsParams,
  CustomerMetricsResponse,
  CustomerTransactionListParams,
  CustomerTransactionListResponse,
  InsightsRebuildResponse,
  SendReceiptPayload,
  SendReceiptResponse,
  StartBasketPayload,
  StartBasketResponse,
  StartInsightsRebuildResponse,
} from "../../lib/types"
import type { MutationOptions, QueryOptions } from "./utils"
import { keepCustomerData, useInvalidatingMutation } from "./utils"

/** How many transactions one page of the Overview's table shows. */
export const TRANSACTIONS_PAGE_SIZE = 10

/** How often a running rebuild is polled. */
const REBUILD_POLL_MS = 1000

/** The store's defaults, read for the "Start basket" drawer under a key of its own. */

const customerUrl = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}`

const REBUILD_URL = "/admin/crm/insights/rebuild"

/** The customer's figures: lifetime and within `from`/`to` (all time when both are absent). */
export const useCustomerMetrics = (
  customerId: string,
  query?: CustomerMetricsParams,
  options?: QueryOptions<CustomerMetricsResponse>
) => {
  const params: CustomerMetricsParams = {
    ...(query?.from ? { from: query.from } : {}),
    ...(query?.to ? { to: query.to } : {}),
  }
  const { data, ...rest } = useQuery({
    queryKey: customerInsightsQueryKeys.metrics(customerId, params),
    queryFn: () =>
      sdk.client.fetch<CustomerMetricsResponse>(
        `${customerUrl(customerId)}/metrics`,
        { method: "GET", query: params }
      ),
    // Keep the figures on screen while another period loads.
    placeholderData: keepCustomerData(customerId),
    ...options,
  })

  return { ...data, ...rest }
}

/** One page of the customer's orders and draft orders, newest first; `status` filters them. */
export const useCustomerTransactions = (
  customerId: string,
  query?: CustomerTransactionListParams,
  options?: QueryOptions<CustomerTransactionListResponse>
) => {
  const params: CustomerTransactionListParams = {
    ...(query?.status ? { status: query.status } : {}),
    limit: query?.limit ?? TRANSACTIONS_PAGE_SIZE,
    offset: query?.offset ?? 0,
  }
  const { data, ...rest } = useQuery({
    queryKey: customerInsightsQueryKeys.transactions(customerId, params),
    queryFn: () =>
      sdk.client.fetch<CustomerTransactionListResponse>(
        `${customerUrl(customerId)}/transactions`,
        { method: "GET", query: params }
      ),
    placeholderData: keepCustomerData(customerId),
    ...options,
  })

  return { ...data, ...rest }
}

type SendReceiptVariables = SendReceiptPayload & { orderId: string }

/** E-mails an order's receipt (to the customer's address unless `to` is given). */
export const useSendReceipt = (
  customerId: string,
  options?: MutationOptions<SendReceiptResponse, SendReceiptVariables>
) =>
  useInvalidatingMutation(
    ({ orderId, ...payload }) =>
      sdk.client.fetch<SendReceiptResponse>(
        `${customerUrl(customerId)}/transactions/${encodeURIComponent(orderId)}/receipt`,
        { method: "POST", body: payload }
      ),
    // A sent receipt is recorded on the customer's timeline.
    (queryClient) =>
      queryClient.invalidateQueries({
        queryKey: customerTimelineQueryKeys.customer(customerId),
      }),
    options
  )

/** Starts a draft order for the customer; the caller then opens it on Medusa's own page. */
export const useStartBasket = (
  customerId: string,
  options?: MutationOptions<StartBasketResponse, StartBasketPayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<StartBasketResponse>(
        `${customerUrl(customerId)}/start-basket`,
        { method: "POST", body: payload }
      ),
    // The draft shows among the transactions and on the timeline.
    (queryClient) =>
      Promise.all([
        queryClient.invalidateQueries({
          queryKey: customerInsightsQueryKeys.transactionLists(customerId),
        }),
        queryClient.invalidateQueries({
          queryKey: customerTimelineQueryKeys.customer(customerId),
        }),
      ]),
    options
  )

const STORE_QUERY = { fields: "id,default_sales_channel_id" }

/** The store's default sales channel: the one a new basket starts in. */
export const useCrmStoreDefaultChannel = (options?: { enabled?: boolean }) => {
  const { data, ...rest } = useQuery({
    queryKey: storeQueryKeys.list(STORE_QUERY),
    queryFn: () => sdk.admin.store.list(STORE_QUERY),
    ...options,
  })

  return {
    defaultSalesChannelId: data?.stores?.[0]?.default_sales_channel_id ?? null,
    ...rest,
  }
}

// Every customer's figures changed: the ones on screen refetch.
const invalidateAllMetrics = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: customerInsightsQueryKeys.all })

/**
 * The latest rebuild, polled every second while it runs. When a run finishes, every customer's
 * figures are refreshed.
 */
export const useInsightsRebuild = (
  options?: QueryOptions<InsightsRebuildResponse>
) => {
  const queryClient = useQueryClient()
  const { data, ...rest } = useQuery({
    queryKey: insightsRebuildQueryKeys.detail("latest"),
    queryFn: () =>
      sdk.client.fetch<InsightsRebuildResponse>(REBUILD_URL, {
        method: "GET",
      }),
    refetchInterval: (query) =>
      query.state.data?.rebuild?.status === "running" ? REBUILD_POLL_MS : false,
    ...options,
  })

  const status = data?.rebuild?.status
  const previous = useRef(status)
  useEffect(() => {
    if (previous.current === "running" && status && status !== "running") {
      invalidateAllMetrics(queryClient)
    }
    previous.current = status
  }, [status, queryClient])

  return { ...data, ...rest }
}

/** Starts a rebuild of every customer's figures; fails with 409 while one is running. */
export const useStartInsightsRebuild = (
  options?: MutationOptions<StartInsightsRebuildResponse, void>
) =>
  useInvalidatingMutation(
    () =>
      sdk.client.fetch<StartInsightsRebuildResponse>(REBUILD_URL, {
        method: "POST",
        body: {},
      }),
    // Show the new run at once: its "running" status starts the polling.
    (queryClient, data) => {
      queryClient.setQueryData<InsightsRebuildResponse>(
        insightsRebuildQueryKeys.detail("latest"),
        { rebuild: data.rebuild }
      )
      return Promise.all([
        queryClient.invalidateQueries({
          queryKey: insightsRebuildQueryKeys.all,
        }),
        // A run that finished at once is never seen running.
        data.rebuild.status !== "running" && invalidateAllMetrics(queryClient),
      ])
    },
    options
  )
