import type { TranslateFn } from "../../lib/i18n"
import type { TagColor, TagDefinition, TagValueMode } from "../../lib/types"

export const colorLabel = (color: TagColor, t: TranslateFn) =>
  t(`tagsPage.colors.${color}`)

export const valueModeLabel = (mode: TagValueMode, t: TranslateFn) =>
  t(`tagsPage.valueModes.${mode}`)

/** "Flag", "Free text", or "List of 3 values". */
export const valueModeSummary = (
  tag: Pick<TagDefinition, "value_mode" | "allowed_values">,
  t: TranslateFn
) => {
  if (tag.value_mode !== "list") {
    return valueModeLabel(tag.value_mode, t)
  }
  const count = tag.allowed_values?.length ?? 0
  return count === 1
    ? t("tagsPage.valueModes.listOfOne")
    : t("tagsPage.valueModes.listOfMany", { count })
}

/** A customer's name, else their company, else their e-mail. */
export const customerDisplayName = (customer: {
  first_name?: string | null
  last_name?: string | null
  company_name?: string | null
  email?: string | null
}) => {
  const name = [customer.first_name, customer.last_name]
    .filter(Boolean)
    .join(" ")
  return name || customer.company_name || customer.email || ""
}

/** The end of the chosen day in the admin's time zone, as an ISO date-time. */
export const endOfDayIso = (date: Date) =>
  new Date(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    23,
    59,
    59,
    999
  ).toISOString()
