import { XMarkMini } from "@medusajs/icons"
import { Badge, Button, Input } from "@medusajs/ui"
import { forwardRef, useState } from "react"
import { useTranslate } from "../../lib/i18n"

type AllowedValuesInputProps = {
  id: string
  value: string[]
  onChange: (values: string[]) => void
  onBlur?: () => void
  disabled?: boolean
  invalid?: boolean
}

const splitValues = (text: string) =>
  text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)

/**
 * The allowed values of a `list` tag as removable chips. Enter, a comma or leaving the field adds
 * what was typed; a comma-separated text (typed or pasted) adds every part.
 */
export const AllowedValuesInput = forwardRef<
  HTMLInputElement,
  AllowedValuesInputProps
>(({ id, value, onChange, onBlur, disabled, invalid }, ref) => {
  const { t } = useTranslate()
  const [draft, setDraft] = useState("")

  const add = (text: string) => {
    const next = [...value]
    for (const part of splitValues(text)) {
      if (!next.includes(part)) {
        next.push(part)
      }
    }
    if (next.length !== value.length) {
      onChange(next)
    }
  }

  const commitDraft = () => {
    if (draft.trim()) {
      add(draft)
    }
    setDraft("")
  }

  const remove = (item: string) => {
    onChange(value.filter((existing) => existing !== item))
  }

  return (
    <div
      className="flex flex-col gap-y-2"
      data-testid="crm-tag-form-allowed-values"
    >
      <div className="flex items-center gap-x-2">
        <Input
          ref={ref}
          id={id}
          value={draft}
          placeholder={t("tagsPage.form.allowedValuesPlaceholder")}
          disabled={disabled}
          aria-invalid={invalid || undefined}
          className="flex-1"
          data-testid="crm-tag-form-allowed-values-input"
          onChange={(event) => {
            const text = event.target.value
            if (text.includes(",")) {
              // Everything up to the last comma is complete; keep typing the rest.
              const lastComma = text.lastIndexOf(",")
              add(text.slice(0, lastComma))
              setDraft(text.slice(lastComma + 1).trimStart())
              return
            }
            setDraft(text)
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              if (!(event.metaKey || event.ctrlKey)) {
                event.preventDefault()
                event.stopPropagation()
              }
              commitDraft()
              return
            }
            if (event.key === "Backspace" && !draft && value.length) {
              remove(value[value.length - 1])
            }
          }}
          onBlur={() => {
            commitDraft()
            onBlur?.()
          }}
        />
        <Button
          type="button"
          size="small"
          variant="secondary"
          disabled={disabled || !draft.trim()}
          onClick={commitDraft}
          data-testid="crm-tag-form-allowed-values-add"
        >
          {t("tagsPage.form.addValue")}
        </Button>
      </div>
      {value.length > 0 && (
        <ul
          className="flex flex-wrap gap-1.5"
          aria-label={t("tagsPage.form.allowedValues")}
        >
          {value.map((item) => (
            <li key={item}>
              <Badge
                size="small"
                className="gap-x-0.5 pr-0.5"
                data-testid="crm-tag-form-allowed-value"
                data-value={item}
              >
                <span className="max-w-[240px] truncate">{item}</span>
                <button
                  type="button"
                  disabled={disabled}
                  onClick={() => remove(item)}
                  aria-label={t("tagsPage.form.removeValue", { value: item })}
                  className="text-ui-fg-muted hover:text-ui-fg-subtle transition-fg rounded-sm outline-none focus-visible:shadow-borders-focus disabled:cursor-not-allowed"
                  data-testid="crm-tag-form-allowed-value-remove"
                >
                  <XMarkMini />
                </button>
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
})

AllowedValuesInput.displayName = "AllowedValuesInput"
