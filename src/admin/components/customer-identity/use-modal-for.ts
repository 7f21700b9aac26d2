import { useState } from "react"

type ModalFor<T> = {
  open: boolean
  /** What the modal was last opened for; kept while it closes, so its content does not change. */
  value: T | null
}

/** The state of a modal opened for one thing at a time: a duplicate, a group, a merge. */
export const useModalFor = <T>() => {
  const [state, setState] = useState<ModalFor<T>>({ open: false, value: null })

  return {
    ...state,
    openFor: (value: T) => setState({ open: true, value }),
    onOpenChange: (open: boolean) =>
      setState((previous) => ({ ...previous, open })),
  }
}
