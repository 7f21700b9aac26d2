import { useSyncExternalStore } from "react"
import { customerPageEn, customerPageNl } from "./strings/customer-page"
import { identityEn, identityNl } from "./strings/identity"
import { insightsEn, insightsNl } from "./strings/insights"
import { loyaltyEn, loyaltyNl } from "./strings/loyalty"
import { membershipsEn, membershipsNl } from "./strings/memberships"
import { scannerKeysEn, scannerKeysNl } from "./strings/scanner-keys"
import { tagsPageEn, tagsPageNl } from "./strings/tags-page"

/**
 * The strings of the CRM admin extensions, in English and Dutch. The dashboard keeps its own
 * translations to itself, so the language is read from what it exposes: the `lang` attribute it
 * sets on <html>, then its `lng` preference in localStorage, then the browser's language.
 */
const en = {
  ...customerPageEn,
  ...tagsPageEn,
  ...loyaltyEn,
  ...membershipsEn,
  ...scannerKeysEn,
  ...insightsEn,
  ...identityEn,
  "crm.title": "CRM",
  "form.optional": "Optional",
  "crm.comingSoon": "Coming soon",
  "crm.tabs.overview": "Overview",
  "crm.tabs.notes": "Timeline",
  "crm.tabs.tags": "Tags",
  "crm.tabs.memberships": "Memberships",
  "crm.tabs.loyalty": "Loyalty",
  "crm.tabs.privacy": "Privacy",
  "crm.tabs.identity": "Identity",
  "crm.placeholders.privacy":
    "GDPR tools: recorded consents, a data export and anonymisation of this customer.",

  "notes.placeholder": "Write a note about this customer…",
  "notes.hint": "Notes are internal: customers never see them.",
  "notes.pinAsDescription": "Pin as internal description",
  "notes.save": "Save",
  "notes.cancel": "Cancel",
  "notes.edit": "Edit",
  "notes.delete": "Delete",
  "notes.pin": "Pin as internal description",
  "notes.unpin": "Unpin",
  "notes.internalDescription": "Internal description",
  "notes.system": "System",
  "notes.unknownAuthor": "Deleted user",
  "notes.loadMore": "Load more",
  "notes.created": "Note added",
  "notes.updated": "Note updated",
  "notes.deleted": "Note deleted",
  "notes.pinned": "Pinned as internal description",
  "notes.unpinned": "Internal description removed",
  "notes.deleteTitle": "Delete note?",
  "notes.deleteDescription":
    "This note will be deleted permanently. This cannot be undone.",
  "notes.actions": "Note actions",
  "notes.saveShortcut": "Ctrl + Enter to save",

  "side.internalDescription": "Internal description",
  "side.noInternalDescription": "No internal description",
  "side.markerLabel": "Internal description: {{body}}",
  "side.loadError": "The internal description could not be loaded",
}

export type TranslationKey = keyof typeof en

const nl: Record<TranslationKey, string> = {
  ...customerPageNl,
  ...tagsPageNl,
  ...loyaltyNl,
  ...membershipsNl,
  ...scannerKeysNl,
  ...insightsNl,
  ...identityNl,
  "form.optional": "Optioneel",
  "crm.title": "CRM",
  "crm.comingSoon": "Binnenkort beschikbaar",
  "crm.tabs.overview": "Overzicht",
  "crm.tabs.notes": "Tijdlijn",
  "crm.tabs.tags": "Labels",
  "crm.tabs.memberships": "Lidmaatschappen",
  "crm.tabs.loyalty": "Loyaliteit",
  "crm.tabs.privacy": "Privacy",
  "crm.tabs.identity": "Identiteit",
  "crm.placeholders.privacy":
    "AVG-hulpmiddelen: vastgelegde toestemmingen, een gegevensexport en anonimiseren van deze klant.",

  "notes.placeholder": "Schrijf een notitie over deze klant…",
  "notes.hint": "Notities zijn intern: klanten zien ze nooit.",
  "notes.pinAsDescription": "Vastzetten als omschrijving",
  "notes.save": "Opslaan",
  "notes.cancel": "Annuleren",
  "notes.edit": "Bewerken",
  "notes.delete": "Verwijderen",
  "notes.pin": "Vastzetten als omschrijving",
  "notes.unpin": "Losmaken",
  "notes.internalDescription": "Omschrijving",
  "notes.system": "Systeem",
  "notes.unknownAuthor": "Verwijderde gebruiker",
  "notes.loadMore": "Meer laden",
  "notes.created": "Notitie toegevoegd",
  "notes.updated": "Notitie bijgewerkt",
  "notes.deleted": "Notitie verwijderd",
  "notes.pinned": "Vastgezet als omschrijving",
  "notes.unpinned": "Omschrijving verwijderd",
  "notes.deleteTitle": "Notitie verwijderen?",
  "notes.deleteDescription":
    "Deze notitie wordt definitief verwijderd. Dit kan niet ongedaan worden gemaakt.",
  "notes.actions": "Acties voor notitie",
  "notes.saveShortcut": "Ctrl + Enter om op te slaan",

  "side.internalDescription": "Omschrijving",
  "side.noInternalDescription": "Geen omschrijving",
  "side.markerLabel": "Omschrijving: {{body}}",
  "side.loadError": "De omschrijving kon niet worden geladen",
}

export const dictionaries = { en, nl } as const
export type Locale = keyof typeof dictionaries

/** Whether a key made at run time (e.g. from an API value) has a string. */
export const isTranslationKey = (key: string): key is TranslationKey =>
  Object.prototype.hasOwnProperty.call(en, key)

const toLocale = (code: string | null | undefined): Locale | null => {
  if (!code) {
    return null
  }
  return code.toLowerCase().startsWith("nl") ? "nl" : "en"
}

/** The language of the dashboard, as far as it can be told from outside it. */
export const detectLocale = (): Locale => {
  if (typeof window === "undefined") {
    return "en"
  }
  let stored: string | null = null
  try {
    stored = window.localStorage.getItem("lng")
  } catch {
    // storage can be blocked; fall through to the browser's language
  }
  return (
    toLocale(document.documentElement.getAttribute("lang")) ??
    toLocale(stored) ??
    toLocale(window.navigator.language) ??
    "en"
  )
}

export type TranslateFn = (
  key: TranslationKey,
  vars?: Record<string, string | number>
) => string

export const translate = (
  locale: Locale,
  key: TranslationKey,
  vars?: Record<string, string | number>
) => {
  const template = dictionaries[locale][key] ?? en[key] ?? key
  if (!vars) {
    return template
  }
  return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match
  )
}

/** Translates with the current dashboard language. */
export const t: TranslateFn = (key, vars) =>
  translate(detectLocale(), key, vars)

// The dashboard changes <html lang> when the user switches language: follow it.
const subscribeToLang = (onChange: () => void) => {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["lang"],
  })
  return () => observer.disconnect()
}

/** The current locale and a `t` bound to it; re-renders when the dashboard language changes. */
export const useTranslate = () => {
  const locale = useSyncExternalStore(
    subscribeToLang,
    detectLocale,
    () => "en" as Locale
  )
  const bound: TranslateFn = (key, vars) => translate(locale, key, vars)
  return { t: bound, locale }
}
