import { useCallback, useEffect, useRef } from "react"

/**
 * A function that keeps its identity for the component's life and always calls the latest
 * `callback`: for a table's columns, which must not change (their cells would remount and close an
 * open row menu) when only a handler did.
 */
export const useStableCallback = <TArgs extends unknown[], TResult>(
  callback: (...args: TArgs) => TResult
) => {
  const ref = useRef(callback)
  useEffect(() => {
    ref.current = callback
  })
  return useCallback((...args: TArgs) => ref.current(...args), [])
}
