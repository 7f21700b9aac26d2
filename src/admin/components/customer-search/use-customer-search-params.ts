import { useSearchParams } from "react-router-dom"
import type {
  CustomerSearchField,
  CustomerSearchStatus,
} from "../../lib/types"

export const SEARCH_FIELDS = [
  "any",
  "name",
  "email",
  "phone",
] as const satisfies readonly CustomerSearchField[]

export const SEARCH_STATUSES = [
  "active",
  "archived",
] as const satisfies readonly CustomerSearchStatus[]

export const isSearchField = (value: unknown): value is CustomerSearchField =>
  typeof value === "string" &&
  (SEARCH_FIELDS as readonly string[]).includes(value)

export const isSearchStatus = (value: unknown): value is CustomerSearchStatus =>
  typeof value === "string" &&
  (SEARCH_STATUSES as readonly string[]).includes(value)

/**
 * The search of the Find customers page, kept in the URL (`q`, `field`, `status`, `offset`), so
 * going back from a customer returns to the same results. Defaults are left out of the URL.
 */
export const useCustomerSearchParams = () => {
  const [searchParams, setSearchParams] = useSearchParams()

  const q = searchParams.get("q") ?? ""
  const fieldParam = searchParams.get("field")
  const field: CustomerSearchField = isSearchField(fieldParam)
    ? fieldParam
    : "any"
  const statusParam = searchParams.get("status")
  const status: CustomerSearchStatus = isSearchStatus(statusParam)
    ? statusParam
    : "active"
  const offset = Math.max(
    0,
    Number.parseInt(searchParams.get("offset") ?? "", 10) || 0
  )

  /** Sets (or, with null, removes) params; a new search replaces the history entry. */
  const update = (changes: Record<string, string | null>, replace = true) =>
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [key, value] of Object.entries(changes)) {
          if (value) {
            next.set(key, value)
          } else {
            next.delete(key)
          }
        }
        return next
      },
      { replace }
    )

  return {
    q,
    field,
    status,
    offset,
    // Each new search starts at its first page.
    setQ: (value: string) => update({ q: value || null, offset: null }),
    setField: (value: CustomerSearchField) =>
      update({ field: value === "any" ? null : value, offset: null }),
    setStatus: (value: CustomerSearchStatus) =>
      update({ status: value === "active" ? null : value, offset: null }),
    // A page is a history entry of its own, as in the dashboard's lists.
    setOffset: (value: number) =>
      update({ offset: value > 0 ? String(value) : null }, false),
  }
}
