import type { FetchError } from "@medusajs/js-sdk"
import { useCallback, useRef } from "react"
import {
  type MutateOptions,
  keepPreviousData,
  QueryClient,
  QueryKey,
  useMutation,
  UseMutationOptions,
  useQueryClient,
  UseQueryOptions,
} from "@tanstack/react-query"
import {
  fingerprint,
  newIdempotencyKey,
  withIdempotencyKey,
} from "../../lib/idempotency"

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

/** A late second click of the same submission (after its answer) within this time is a repeat. */
const REPEAT_WINDOW_MS = 10_000

type Submission = {
  fingerprint: string
  key: string
  /** Until when the same variables reuse `key`: the request's end plus the window (Infinity while running or after a failure). */
  reuseUntil: number
}

/**
 * A mutation that refreshes the caches it makes stale (awaited) before the caller's `onSuccess`
 * runs, so what the caller does next already sees fresh data.
 *
 * Every mutation is also safe to repeat:
 * - a call with the same variables while the same one is in flight sends nothing and returns the
 *   request already running (a double click lands before the button is disabled);
 * - each request carries an `Idempotency-Key`: the same variables reuse it while running, after a
 *   failure (a retry) and for a few seconds after success; other variables get a new one. The
 *   server answers a repeated key with the first answer instead of making a second record.
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
  const submission = useRef<Submission | null>(null)
  const inFlight = useRef<{
    fingerprint: string
    promise: Promise<TResponse>
  } | null>(null)

  const mutation = useMutation({
    mutationFn: (variables: TVariables) => {
      const print = fingerprint(variables)
      const last = submission.current
      const entry: Submission = {
        fingerprint: print,
        key:
          last && last.fingerprint === print && Date.now() < last.reuseUntil
            ? last.key
            : newIdempotencyKey(),
        reuseUntil: Infinity,
      }
      submission.current = entry
      return withIdempotencyKey(entry.key, () => mutationFn(variables)).then(
        (data) => {
          entry.reuseUntil = Date.now() + REPEAT_WINDOW_MS
          return data
        }
      )
    },
    ...options,
    onSuccess: async (data, variables, context) => {
      await invalidate(queryClient, data, variables)
      options?.onSuccess?.(data, variables, context)
    },
  })

  const { mutateAsync: run } = mutation
  const mutateAsync = useCallback(
    (
      variables: TVariables,
      callOptions?: MutateOptions<TResponse, FetchError, TVariables>
    ) => {
      const print = fingerprint(variables)
      if (inFlight.current?.fingerprint === print) {
        return inFlight.current.promise
      }
      const promise = run(variables, callOptions)
      const entry = { fingerprint: print, promise }
      inFlight.current = entry
      const clear = () => {
        if (inFlight.current === entry) {
          inFlight.current = null
        }
      }
      promise.then(clear, clear)
      return promise
    },
    [run]
  )
  const mutate = useCallback(
    (
      variables: TVariables,
      callOptions?: MutateOptions<TResponse, FetchError, TVariables>
    ) => {
      mutateAsync(variables, callOptions).catch(() => undefined)
    },
    [mutateAsync]
  )

  return { ...mutation, mutateAsync, mutate }
}
