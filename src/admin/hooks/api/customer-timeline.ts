import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { TimelineListParams, TimelineListResponse } from "../../lib/types"
import { keepCustomerData, type QueryOptions } from "./utils"

const CUSTOMER_TIMELINE_QUERY_KEY = "customer_timeline" as const

/**
 * Query keys of a customer's timeline. Anything that writes a note (manual or system: notes,
 * tags, profile changes) invalidates `customer(customerId)`.
 */
export const customerTimelineQueryKeys = {
  all: [CUSTOMER_TIMELINE_QUERY_KEY] as const,
  customer: (customerId: string) =>
    [...customerTimelineQueryKeys.all, customerId] as const,
  list: (customerId: string, query?: TimelineListParams) =>
    [
      ...customerTimelineQueryKeys.customer(customerId),
      "list",
      { query: query ?? {} },
    ] as const,
}

const timelineUrl = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}/timeline`

/** The customer's notes, system notes and orders, newest first. */
export const useCustomerTimeline = (
  customerId: string,
  query?: TimelineListParams,
  options?: QueryOptions<TimelineListResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: customerTimelineQueryKeys.list(customerId, query),
    queryFn: () =>
      sdk.client.fetch<TimelineListResponse>(timelineUrl(customerId), {
        method: "GET",
        query,
      }),
    // Keep showing the loaded entries while a longer page loads.
    placeholderData: keepCustomerData(customerId),
    ...options,
  })

  return { ...data, ...rest }
}
