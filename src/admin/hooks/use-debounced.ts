import { useEffect, useState } from "react"

/** `value`, once it has stopped changing for `delay` ms: e.g. a search typed into a picker. */
export const useDebounced = <T>(value: T, delay: number) => {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay)
    return () => window.clearTimeout(timer)
  }, [value, delay])
  return debounced
}
