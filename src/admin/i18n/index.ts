import en from "./json/en.json"
import nl from "./json/nl.json"

/**
 * The strings of the CRM admin extensions as i18next resources. Medusa's admin build deep-merges
 * them into the dashboard's own translations, so the dashboard's language switch covers them too.
 * Every string sits under the one top-level key `crm`, which the dashboard does not use.
 */
export default {
  en: { translation: en },
  nl: { translation: nl },
}
