import type { UseMutateAsyncFunction } from "@tanstack/react-query"
import { useState } from "react"
import {
  type MutateWithToastOptions,
  mutateWithToast,
} from "../lib/mutate-with-toast"

/**
 * A form's save: `mutateWithToast`, with the API's refusal also kept as `serverError` for the form
 * to show, until the next try (or `clearError`, e.g. when a field changes).
 */
export const useFormSave = <TData, TError extends Error, TVariables>(
  mutateAsync: UseMutateAsyncFunction<TData, TError, TVariables, unknown>
) => {
  const [serverError, setServerError] = useState<string | null>(null)

  const save = (
    variables: TVariables,
    options: Omit<MutateWithToastOptions<TData>, "onError">
  ) => {
    setServerError(null)
    return mutateWithToast(mutateAsync, variables, {
      ...options,
      onError: setServerError,
    })
  }

  return {
    save,
    serverError,
    clearError: () => setServerError(null),
    /** Shows another failure of the form's (e.g. of an action inside it). */
    showError: setServerError,
  }
}
