import { QueryClient, useQuery } from "@tanstack/react-query"
import {
  customerNotesQueryKeys,
  customerTimelineQueryKeys,
} from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  CreateCustomerNotePayload,
  CustomerNoteDeleteResponse,
  CustomerNoteEmailPayload,
  CustomerNoteListParams,
  CustomerNoteListResponse,
  CustomerNoteResponse,
  UpdateCustomerNotePayload,
} from "../../lib/types"
import type { MutationOptions, QueryOptions } from "./utils"
import { keepCustomerData, useInvalidatingMutation } from "./utils"

/** After any note change: every note list of the customer (the pinned note included) and their timeline. */
const invalidateCustomerNotes = (
  queryClient: QueryClient,
  customerId: string
) =>
  Promise.all([
    queryClient.invalidateQueries({
      queryKey: customerNotesQueryKeys.lists(customerId),
    }),
    queryClient.invalidateQueries({
      queryKey: customerTimelineQueryKeys.customer(customerId),
    }),
  ])

const notesUrl = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}/notes`

const noteUrl = (customerId: string, noteId: string) =>
  `${notesUrl(customerId)}/${encodeURIComponent(noteId)}`

type ListQueryOptions = QueryOptions<CustomerNoteListResponse>

export const useCustomerNotes = (
  customerId: string,
  query?: CustomerNoteListParams,
  options?: ListQueryOptions
) => {
  const { data, ...rest } = useQuery({
    queryKey: customerNotesQueryKeys.list(customerId, query),
    queryFn: () =>
      sdk.client.fetch<CustomerNoteListResponse>(notesUrl(customerId), {
        method: "GET",
        query,
      }),
    // Keep showing the loaded notes while a longer page loads.
    placeholderData: keepCustomerData(customerId),
    ...options,
  })

  return { ...data, ...rest }
}

/** The customer's pinned note (the "internal description"), or null. */
export const usePinnedCustomerNote = (
  customerId: string,
  options?: ListQueryOptions
) => {
  const { notes, ...rest } = useCustomerNotes(
    customerId,
    { pinned: true, limit: 1 },
    options
  )

  return { pinnedNote: notes?.[0] ?? null, ...rest }
}

export const useCreateCustomerNote = (
  customerId: string,
  options?: MutationOptions<CustomerNoteResponse, CreateCustomerNotePayload>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<CustomerNoteResponse>(notesUrl(customerId), {
        method: "POST",
        body: payload,
      }),
    (queryClient) => invalidateCustomerNotes(queryClient, customerId),
    options
  )

export const useUpdateCustomerNote = (
  customerId: string,
  options?: MutationOptions<
    CustomerNoteResponse,
    UpdateCustomerNotePayload & { id: string }
  >
) =>
  useInvalidatingMutation(
    ({ id, ...payload }) =>
      sdk.client.fetch<CustomerNoteResponse>(noteUrl(customerId, id), {
        method: "POST",
        body: payload,
      }),
    (queryClient) => invalidateCustomerNotes(queryClient, customerId),
    options
  )

export const useDeleteCustomerNote = (
  customerId: string,
  options?: MutationOptions<CustomerNoteDeleteResponse, string>
) =>
  useInvalidatingMutation(
    (noteId) =>
      sdk.client.fetch<CustomerNoteDeleteResponse>(
        noteUrl(customerId, noteId),
        { method: "DELETE" }
      ),
    (queryClient) => invalidateCustomerNotes(queryClient, customerId),
    options
  )

/** E-mails a note to the customer (or to `to`); the note then lists the e-mail in `emails`. */
export const useEmailCustomerNote = (
  customerId: string,
  options?: MutationOptions<
    CustomerNoteResponse,
    CustomerNoteEmailPayload & { id: string }
  >
) =>
  useInvalidatingMutation(
    ({ id, ...payload }) =>
      sdk.client.fetch<CustomerNoteResponse>(
        `${noteUrl(customerId, id)}/email`,
        { method: "POST", body: payload }
      ),
    (queryClient) => invalidateCustomerNotes(queryClient, customerId),
    options
  )
