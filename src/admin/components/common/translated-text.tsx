import { type TranslationKey, useTranslate } from "../../lib/i18n"

/** One string in the dashboard's current language, for places outside a component (route breadcrumbs). */
export const TranslatedText = ({ textKey }: { textKey: TranslationKey }) => {
  const { t } = useTranslate()
  return <>{t(textKey)}</>
}
