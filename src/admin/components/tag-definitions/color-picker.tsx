import { Badge, clx } from "@medusajs/ui"
import { useTranslate } from "../../lib/i18n"
import type { TagColor } from "../../lib/types"
import { TAG_COLORS } from "./constants"
import { colorLabel } from "./format"

type ColorPickerProps = {
  id: string
  value: TagColor
  onChange: (color: TagColor) => void
  disabled?: boolean
}

/** The six badge colours as a radio group, each shown as the badge it gives. */
export const ColorPicker = ({
  id,
  value,
  onChange,
  disabled,
}: ColorPickerProps) => {
  const { t } = useTranslate()

  const move = (from: TagColor, step: number) => {
    const index = TAG_COLORS.indexOf(from)
    const next =
      TAG_COLORS[(index + step + TAG_COLORS.length) % TAG_COLORS.length]
    onChange(next)
    document.getElementById(`${id}-${next}`)?.focus()
  }

  return (
    <div
      id={id}
      role="radiogroup"
      aria-label={t("tagsPage.form.color")}
      className="flex flex-wrap gap-2"
      data-testid="crm-tag-form-color"
    >
      {TAG_COLORS.map((color) => {
        const checked = color === value
        return (
          <button
            key={color}
            id={`${id}-${color}`}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            disabled={disabled}
            onClick={() => onChange(color)}
            onKeyDown={(event) => {
              if (event.key === "ArrowRight" || event.key === "ArrowDown") {
                event.preventDefault()
                move(color, 1)
              }
              if (event.key === "ArrowLeft" || event.key === "ArrowUp") {
                event.preventDefault()
                move(color, -1)
              }
            }}
            className={clx(
              "transition-fg rounded-full p-0.5 outline-none disabled:cursor-not-allowed disabled:opacity-50",
              "focus-visible:shadow-borders-focus",
              checked
                ? "shadow-borders-interactive-with-active"
                : "hover:bg-ui-bg-base-hover"
            )}
            data-testid={`crm-tag-form-color-${color}`}
            data-state={checked ? "checked" : "unchecked"}
          >
            <Badge size="small" color={color} rounded="full">
              {colorLabel(color, t)}
            </Badge>
          </button>
        )
      })}
    </div>
  )
}
