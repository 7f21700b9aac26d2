import { Hint, Label } from "@medusajs/ui"
import type { ReactNode } from "react"

type FormFieldProps = {
  label: string
  htmlFor?: string
  hint?: ReactNode
  error?: string
  children: ReactNode
  "data-testid"?: string
}

/** A labelled form field with its hint or error, laid out like the dashboard's `Form.Item`. */
export const FormField = ({
  label,
  htmlFor,
  hint,
  error,
  children,
  "data-testid": testId,
}: FormFieldProps) => (
  <div className="flex flex-col gap-y-2" data-testid={testId}>
    <Label htmlFor={htmlFor} size="small" weight="plus">
      {label}
    </Label>
    {children}
    {error ? (
      <Hint
        variant="error"
        data-testid={testId ? `${testId}-error` : undefined}
      >
        {error}
      </Hint>
    ) : hint ? (
      <Hint>{hint}</Hint>
    ) : null}
  </div>
)
