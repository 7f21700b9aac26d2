import { formatNumber } from "../../lib/format"
import type { TranslateFn } from "../../lib/i18n"
import type { PrivacyBlocker } from "../../lib/types"

type Lookup = {
  t: TranslateFn
  has: (key: string) => boolean
  locale: string
}

/** A blocker value as its text shows it: a list joined with commas, a number in the admin's language. */
const valueText = (value: unknown, locale: string): string => {
  if (Array.isArray(value)) {
    return value.map((item) => valueText(item, locale)).join(", ")
  }
  if (typeof value === "number") {
    return formatNumber(value, locale)
  }
  return value === null || value === undefined ? "" : String(value)
}

/** Order numbers as the dashboard shows them: "#12, #13". */
const orderNumbers = (value: unknown) =>
  (Array.isArray(value) ? value : [value])
    .filter((id) => id !== null && id !== undefined && id !== "")
    .map((id) => (typeof id === "number" ? `#${id}` : String(id)))
    .join(", ")

/**
 * What blocks an action, in the admin's language (`privacy.blockers.<code>` with the blocker's
 * values), else the server's message.
 */
export const blockerText = (
  blocker: PrivacyBlocker,
  { t, has, locale }: Lookup
) => {
  const key = `privacy.blockers.${blocker.code}`
  if (!has(key)) {
    return blocker.message
  }
  const values = Object.fromEntries(
    Object.entries(blocker.values ?? {}).map(([name, value]) => [
      name,
      name === "display_ids"
        ? orderNumbers(value)
        : valueText(value, locale),
    ])
  )
  // Every text's variables are there, even when the server leaves one out.
  return (t as (key: string, vars: Record<string, string>) => string)(key, {
    count: "",
    display_ids: "",
    ...values,
  })
}

/** A kind of data the person's records hold (a registry handler's name), in the admin's language. */
export const holdLabel = (name: string, { t, has }: Lookup) => {
  const key = `privacy.holds.${name}`
  if (has(key)) {
    return (t as (key: string) => string)(key)
  }
  const words = name.replace(/[_-]+/g, " ").trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
