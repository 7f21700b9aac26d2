import { useQuery } from "@tanstack/react-query"
import { insightsOverviewQueryKeys } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  InsightsOverviewParams,
  InsightsOverviewResponse,
} from "../../lib/types"
import type { QueryOptions } from "./utils"

/** Store-wide customer figures in one currency (Customers › Insights). */
export const useInsightsOverview = (
  query: InsightsOverviewParams,
  options?: QueryOptions<InsightsOverviewResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: insightsOverviewQueryKeys.overview(query),
    queryFn: () =>
      sdk.client.fetch<InsightsOverviewResponse>(
        "/admin/crm/insights/overview",
        { method: "GET", query }
      ),
    // Keep the figures on screen while another currency or threshold loads.
    placeholderData: (previous) => previous,
    ...options,
  })

  return { ...data, ...rest }
}
