import type { FetchError } from "@medusajs/js-sdk"
import {
  keepPreviousData,
  QueryClient,
  QueryKey,
  useMutation,
  UseMutationOptions,
  useQueryClient,
  UseQueryOptions,
} from "@tanstack/react-query"

/** What a CRM query hook lets its caller set (its key and fetch are its own). */
export type QueryOptions<TResponse> = Omit<
  UseQueryOptions<TResponse, FetchError, TResponse, QueryKey>,
  "queryKey" | "queryFn"
>

export type MutationOptions<TResponse, TVariables> = UseMutationOptions<
  TResponse,
  FetchError,
  TVariables
>

/**
 * `placeholderData` for a customer's paged query: keep the current page on screen while the next
 * one loads, but never another customer's. The customer's id is the query key's second part.
 */
export const keepCustomerData =
  (customerId: string) =>
  <T>(previous: T | undefined, previousQuery?: { queryKey: QueryKey }) =>
    previousQuery?.queryKey[1] === customerId
      ? keepPreviousData(previous)
      : undefined

/**
 * A mutation that refreshes the caches it makes stale (awaited) before the caller's `onSuccess`
 * runs, so what the caller does next already sees fresh data.
 */
export const useInvalidatingMutation = <TResponse, TVariables>(
  mutationFn: (variables: TVariables) => Promise<TResponse>,
  invalidate: (
    queryClient: QueryClient,
    data: TResponse,
    variables: TVariables
  ) => Promise<unknown>,
  options?: MutationOptions<TResponse, TVariables>
) => {
  const queryClient = useQueryClient()

  return useMutation({
    mutationFn,
    ...options,
    onSuccess: async (data, variables, context) => {
      await invalidate(queryClient, data, variables)
      options?.onSuccess?.(data, variables, context)
    },
  })
}
