import { Select } from "@medusajs/ui"
import type { Ref } from "react"

export type Choice<T extends string> = { value: T; label: string }

type ChoiceSelectProps<T extends string> = {
  value: T | undefined
  /** Called with one of the choices' values only. */
  onValueChange: (value: T) => void
  choices: readonly Choice<T>[]
  id?: string
  placeholder?: string
  "aria-label"?: string
  "aria-invalid"?: boolean
  /** For react-hook-form's `Controller`: its field's ref and blur. */
  triggerRef?: Ref<HTMLButtonElement>
  onBlur?: () => void
  triggerClassName?: string
  align?: "start" | "center" | "end"
  size?: "small" | "base"
  /** The trigger's; each choice is `<id>-option` with its `data-value`. */
  "data-testid": string
}

/** A select of a fixed set of choices, the trigger carrying the chosen value as `data-value`. */
export const ChoiceSelect = <T extends string>({
  value,
  onValueChange,
  choices,
  id,
  placeholder,
  "aria-label": ariaLabel,
  "aria-invalid": ariaInvalid,
  triggerRef,
  onBlur,
  triggerClassName,
  align,
  size,
  "data-testid": testId,
}: ChoiceSelectProps<T>) => (
  <Select
    size={size}
    value={value}
    onValueChange={(next) => {
      const choice = choices.find((option) => option.value === next)
      if (choice) {
        onValueChange(choice.value)
      }
    }}
  >
    <Select.Trigger
      id={id}
      ref={triggerRef}
      onBlur={onBlur}
      className={triggerClassName}
      aria-label={ariaLabel}
      aria-invalid={ariaInvalid}
      data-testid={testId}
      data-value={value}
    >
      <Select.Value placeholder={placeholder} />
    </Select.Trigger>
    <Select.Content align={align}>
      {choices.map((choice) => (
        <Select.Item
          key={choice.value}
          value={choice.value}
          data-testid={`${testId}-option`}
          data-value={choice.value}
        >
          {choice.label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
