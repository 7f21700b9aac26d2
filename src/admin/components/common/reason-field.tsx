import { Textarea } from "@medusajs/ui"
import type { UseFormRegisterReturn } from "react-hook-form"
import { FormField } from "./form-field"

type ReasonFieldProps = {
  /** The textarea's id; the field's test ids are `<id>-field` and `<id>`. */
  id: string
  label: string
  hint?: string
  optional?: boolean
  error?: string
  maxLength: number
  /** `form.register("reason", …)`. */
  registration: UseFormRegisterReturn
}

/** The "why" of a drawer (a legal hold, a consent change, an archive): a focused three-line textarea. */
export const ReasonField = ({ id, label, hint, optional, error, maxLength, registration }: ReasonFieldProps) => (
  <FormField id={id} label={label} hint={hint} optional={optional} error={error} data-testid={`${id}-field`}>
    <Textarea
      id={id}
      rows={3}
      autoFocus
      maxLength={maxLength}
      aria-invalid={!!error}
      {...registration}
      data-testid={id}
    />
  </FormField>
)
