import { usePrompt } from "@medusajs/ui"
import type { UseMutateAsyncFunction } from "@tanstack/react-query"
import { mutateWithToast } from "../lib/mutate-with-toast"

type Confirmation<TData> = {
  title: string
  description: string
  confirmText: string
  cancelText: string
  /**
   * A word the user must type before the confirm button enables (the dashboard's typed
   * confirmation of a customer delete), and the line asking for it: "Type {val} to confirm:".
   */
  verificationText?: string
  verificationInstruction?: string
  /** The success toast's text. */
  success: (data: TData) => string
}

/**
 * A destructive action: the dashboard's confirmation prompt, then the mutation with its toasts
 * (the API's refusal in the error toast). `confirmAndRun` resolves to whether it ran and succeeded.
 */
export const useConfirmedMutation = <TData, TError extends Error, TVariables>({
  mutateAsync,
  isPending,
}: {
  mutateAsync: UseMutateAsyncFunction<TData, TError, TVariables, unknown>
  isPending: boolean
}) => {
  const prompt = usePrompt()

  const confirmAndRun = async (
    variables: TVariables,
    { success, ...question }: Confirmation<TData>
  ) => {
    if (!(await prompt(question))) {
      return false
    }
    return mutateWithToast(mutateAsync, variables, { success })
  }

  return { confirmAndRun, isPending }
}
