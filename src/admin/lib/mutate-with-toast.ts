import { toast } from "@medusajs/ui"
import type { UseMutateAsyncFunction } from "@tanstack/react-query"
import { errorMessage } from "./errors"

export type MutateWithToastOptions<TData> = {
  /** The success toast's text. */
  success: (data: TData) => string
  /** After the success toast: close the drawer, reset the form… */
  onSuccess?: (data: TData) => void
  /**
   * The form shows the error itself (inline): then there is no error toast, so the message is
   * shown once.
   */
  onError?: (message: string) => void
}

/**
 * Runs a mutation the way the CRM's forms and actions do: a toast on success, the error's message
 * (translated by its code, see `errorMessage`) in a toast on failure (or, with `onError`, in the form
 * instead: shown once). The callbacks go with this call, so they do not run once the component is
 * gone. Resolves to whether it succeeded; it never rejects.
 */
export const mutateWithToast = <TData, TError extends Error, TVariables>(
  mutateAsync: UseMutateAsyncFunction<TData, TError, TVariables, unknown>,
  variables: TVariables,
  { success, onSuccess, onError }: MutateWithToastOptions<TData>
) =>
  mutateAsync(variables, {
    onSuccess: (data) => {
      toast.success(success(data))
      onSuccess?.(data)
    },
    onError: (error) => {
      // The admin's own text for the refusal's code, in the reader's language.
      const message = errorMessage(error)
      if (onError) {
        onError(message)
      } else {
        toast.error(message)
      }
    },
  }).then(
    () => true,
    () => false
  )
