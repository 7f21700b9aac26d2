import { getI18n } from "react-i18next"
import { I18N_ROOT, useTranslate } from "./i18n"

/** The refusal's stable `code` (see `ApiError` in ./sdk), when the error carries one. */
export const errorCode = (error: unknown): string | null => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === "string" && code ? code : null
}

type Lookup = {
  has: (key: string) => boolean
  t: (key: string, vars?: Record<string, string>) => string
}

const describe = (error: unknown, { has, t }: Lookup) => {
  const code = errorCode(error)
  const raw = (error as { message?: unknown } | null)?.message
  const message = typeof raw === "string" ? raw : ""
  // A few texts quote the server's details (which fields, what blocks a merge) as `{{message}}`.
  if (code && has(`errors.${code}`)) {
    return t(`errors.${code}`, { message })
  }
  return message || t("errors.unknown")
}

/**
 * What went wrong, for the admin user: the admin's own text for the refusal's `code`
 * (`crm.errors.<code>`, in the dashboard's language), else the server's message.
 * Outside React (toasts of `mutateWithToast`); components use `useErrorMessage`.
 */
export const errorMessage = (error: unknown) => {
  const i18n = getI18n()
  if (!i18n) {
    return describe(error, { has: () => false, t: () => "Error" })
  }
  return describe(error, {
    has: (key) => i18n.exists(`${I18N_ROOT}.${key}`),
    t: (key, vars) => i18n.t(`${I18N_ROOT}.${key}`, vars) as string,
  })
}

/**
 * `const message = useErrorMessage(); message(error)`: an API error in the reader's language
 * (`crm.errors.<code>`), the server's message only when the code has no text of its own.
 *
 * @example
 * {t("profile.loadError", { message: message(error) })}
 */
export const useErrorMessage = () => {
  const { t, has } = useTranslate()
  const lookup: Lookup = {
    has,
    t: (key, vars) =>
      (t as unknown as (key: string, vars?: Record<string, string>) => string)(
        key,
        vars
      ),
  }
  return (error: unknown) => describe(error, lookup)
}
