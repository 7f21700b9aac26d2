import { QueryClient, useQuery } from "@tanstack/react-query"
import {
  customerQueryKeysFactory,
  customerTimelineQueryKeys,
} from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  AdminCustomerMessageListResponse,
  AdminCustomerOfferListResponse,
  AdminCustomerOfferResponse,
  CrmFindParams,
} from "../../lib/types"
import type { MutationOptions, QueryOptions } from "./utils"
import { keepCustomerData, useInvalidatingMutation } from "./utils"

/** How many entries one page of a customer's messages or offers shows. */
export const CUSTOMER_INBOX_PAGE_SIZE = 20

/** The page of a customer's messages or offers (the routes take `limit` and `offset`). */
export type CustomerInboxParams = Pick<CrmFindParams, "limit" | "offset">

const inbox = customerQueryKeysFactory("customer_inbox")

/**
 * The keys of a customer's inbox as staff read it: `["customer_inbox", customerId, part, { query }]`,
 * so `customer(customerId)` refreshes both lists.
 */
export const customerInboxQueryKeys = {
  ...inbox,
  messages: (customerId: string, query: Required<CustomerInboxParams>) =>
    inbox.query(customerId, "messages", query),
  offers: (customerId: string, query: Required<CustomerInboxParams>) =>
    inbox.query(customerId, "offers", query),
}

const customerUrl = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}`

const pageParams = (
  query?: CustomerInboxParams
): Required<CustomerInboxParams> => ({
  limit: query?.limit ?? CUSTOMER_INBOX_PAGE_SIZE,
  offset: query?.offset ?? 0,
})

/** One page of the messages in the customer's inbox, whatever their status (newest first). */
export const useCustomerMessages = (
  customerId: string,
  query?: CustomerInboxParams,
  options?: QueryOptions<AdminCustomerMessageListResponse>
) => {
  const params = pageParams(query)
  const { data, ...rest } = useQuery({
    queryKey: customerInboxQueryKeys.messages(customerId, params),
    queryFn: () =>
      sdk.client.fetch<AdminCustomerMessageListResponse>(
        `${customerUrl(customerId)}/messages`,
        { method: "GET", query: params }
      ),
    placeholderData: keepCustomerData(customerId),
    ...options,
  })

  return { ...data, ...rest }
}

/**
 * One page of the customer's offers, loyalty offers and rewards, whatever their status (newest
 * first): staff also see what left the storefront inbox (redeemed, removed, expired).
 */
export const useCustomerOffers = (
  customerId: string,
  query?: CustomerInboxParams,
  options?: QueryOptions<AdminCustomerOfferListResponse>
) => {
  const params = pageParams(query)
  const { data, ...rest } = useQuery({
    queryKey: customerInboxQueryKeys.offers(customerId, params),
    queryFn: () =>
      sdk.client.fetch<AdminCustomerOfferListResponse>(
        `${customerUrl(customerId)}/offers`,
        { method: "GET", query: params }
      ),
    placeholderData: keepCustomerData(customerId),
    ...options,
  })

  return { ...data, ...rest }
}

// Removing an offer writes a system note in the customer's timeline.
const invalidateCustomerInbox = (queryClient: QueryClient, customerId: string) =>
  Promise.all([
    queryClient.invalidateQueries({
      queryKey: customerInboxQueryKeys.customer(customerId),
    }),
    queryClient.invalidateQueries({
      queryKey: customerTimelineQueryKeys.customer(customerId),
    }),
    // The campaign's "removed" count.
    queryClient.invalidateQueries({ queryKey: ["crm_campaign"] }),
  ])

/**
 * Removes an offer (by its inbox entry's id) from the customer's inbox: it leaves the storefront,
 * a personal code stops working, and the timeline gets a note.
 */
export const useRemoveCustomerOffer = (
  customerId: string,
  options?: MutationOptions<AdminCustomerOfferResponse, string>
) =>
  useInvalidatingMutation(
    (offerId) =>
      sdk.client.fetch<AdminCustomerOfferResponse>(
        `${customerUrl(customerId)}/offers/${encodeURIComponent(offerId)}/remove`,
        { method: "POST" }
      ),
    (queryClient) => invalidateCustomerInbox(queryClient, customerId),
    options
  )
