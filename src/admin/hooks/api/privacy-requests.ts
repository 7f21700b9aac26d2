import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  PrivacyRequestListParams,
  PrivacyRequestsResponse,
} from "../../lib/types"
import type { QueryOptions } from "./utils"

/** The store-wide privacy requests log (Customers › Privacy). */
export const privacyRequestsQueryKeys = queryKeysFactory<
  "crm_privacy_requests",
  PrivacyRequestListParams
>("crm_privacy_requests")

/** Rows per page of the requests log. */
export const PRIVACY_REQUESTS_PAGE_SIZE = 20

/**
 * One page of the requests log, newest first, with whose request each is and how many pending
 * requests are past their due date store-wide.
 */
export const usePrivacyRequests = (
  query: PrivacyRequestListParams,
  options?: QueryOptions<PrivacyRequestsResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: privacyRequestsQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<PrivacyRequestsResponse>("/admin/crm/privacy/requests", {
        method: "GET",
        query,
      }),
    // Keep the current page on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
    ...options,
  })

  return { ...data, ...rest }
}
