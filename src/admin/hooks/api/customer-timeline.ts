import { useQuery } from "@tanstack/react-query"
import { customerTimelineQueryKeys } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type { TimelineListParams, TimelineListResponse } from "../../lib/types"
import { keepCustomerData, type QueryOptions } from "./utils"

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
