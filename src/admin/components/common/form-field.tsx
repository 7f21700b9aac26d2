import { Hint, Label, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslate } from "../../lib/i18n"

type FormFieldProps = {
  id: string
  label: string
  optional?: boolean
  hint?: ReactNode
  error?: string
  children: ReactNode
  "data-testid"?: string
}

/** A labelled form field with its hint and error, laid out like the dashboard's Form.Item. */
export const FormField = ({
  id,
  label,
  optional,
  hint,
  error,
  children,
  "data-testid": testId,
}: FormFieldProps) => {
  const { t } = useTranslate()

  return (
    <div className="flex flex-col gap-y-2" data-testid={testId}>
      <div className="flex items-center gap-x-1">
        <Label htmlFor={id} size="small" weight="plus">
          {label}
        </Label>
        {optional && (
          <Text size="small" leading="compact" className="text-ui-fg-muted">
            ({t("form.optional")})
          </Text>
        )}
      </div>
      {children}
      {hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
      {error && (
        <Hint
          id={`${id}-error`}
          variant="error"
          data-testid={testId ? `${testId}-error` : undefined}
        >
          {error}
        </Hint>
      )}
    </div>
  )
}
