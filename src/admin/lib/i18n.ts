import { useTranslation } from "react-i18next"
import type en from "../i18n/json/en.json"

/** The top-level key of the plugin's strings in the dashboard's translations (see `src/admin/i18n`). */
export const I18N_ROOT = "crm"

/** The dotted paths of an object's string leaves: `{ a: { b: "" } }` gives `"a.b"`. */
type LeafPaths<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K}`
    : LeafPaths<T[K], `${P}${K}.`>
}[keyof T & string]

/** A key of the English strings, below the root: a typo fails the type check. */
export type TranslationKey = LeafPaths<(typeof en)[typeof I18N_ROOT]>

export type TranslateFn = (
  key: TranslationKey,
  vars?: Record<string, string | number>
) => string

/** The language dates and numbers are formatted in: Dutch for a Dutch dashboard, else English. */
export type Locale = "en" | "nl"

/**
 * The plugin's strings in the dashboard's current language, through the dashboard's own i18next:
 * a `t` over the plugin's keys, the formatting locale, and `has` for keys made at run time
 * (e.g. from an API value).
 */
export const useTranslate = () => {
  const { t, i18n } = useTranslation(undefined, { keyPrefix: I18N_ROOT })
  const translate: TranslateFn = (key, vars) => t(key, vars) as string
  const has = (key: string): key is TranslationKey =>
    i18n.exists(`${I18N_ROOT}.${key}`)
  const locale: Locale = i18n.language?.toLowerCase().startsWith("nl")
    ? "nl"
    : "en"
  return { t: translate, locale, has }
}

/**
 * The full key of a route's sidebar label. The dashboard translates it when the route config
 * says `translationNs: "translation"`, so the label follows a language switch.
 */
export const routeLabel = (key: TranslationKey) => `${I18N_ROOT}.${key}`
