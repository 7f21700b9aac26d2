import { Check, TrianglesMini } from "@medusajs/icons"
import { clx, Input, Popover, Text } from "@medusajs/ui"
import { forwardRef, useMemo, useState, type KeyboardEvent } from "react"
import { countryName } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import { COUNTRY_CODES } from "./countries"

type CountrySelectProps = {
  id?: string
  /** ISO 3166-1 alpha-2 code, or "" for none. */
  value: string
  onChange: (value: string) => void
  disabled?: boolean
  invalid?: boolean
}

/**
 * A searchable country picker (the dashboard has no combobox in @medusajs/ui): a trigger
 * styled like `Select`, and a popover with a filter field and the matching countries.
 */
export const CountrySelect = forwardRef<HTMLButtonElement, CountrySelectProps>(
  ({ id, value, onChange, disabled, invalid }, ref) => {
    const { t, locale } = useTranslate()
    const [open, setOpen] = useState(false)
    const [search, setSearch] = useState("")
    const [active, setActive] = useState(0)

    const countries = useMemo(
      () =>
        COUNTRY_CODES.map((code) => ({
          code,
          name: countryName(code, locale),
        })).sort((a, b) => a.name.localeCompare(b.name, locale)),
      [locale]
    )

    const matches = useMemo(() => {
      const needle = search.trim().toLowerCase()
      if (!needle) {
        return countries
      }
      return countries.filter(
        (country) =>
          country.name.toLowerCase().includes(needle) ||
          country.code.toLowerCase() === needle
      )
    }, [countries, search])

    const select = (code: string) => {
      onChange(code)
      setOpen(false)
    }

    const handleOpenChange = (next: boolean) => {
      setOpen(next)
      if (next) {
        setSearch("")
        const index = countries.findIndex((country) => country.code === value)
        setActive(Math.max(0, index))
      }
    }

    const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === "ArrowDown") {
        event.preventDefault()
        setActive((index) => Math.min(matches.length - 1, index + 1))
      } else if (event.key === "ArrowUp") {
        event.preventDefault()
        setActive((index) => Math.max(0, index - 1))
      } else if (event.key === "Enter") {
        event.preventDefault()
        const match = matches[active]
        if (match) {
          select(match.code)
        }
      }
    }

    return (
      <Popover open={open} onOpenChange={handleOpenChange}>
        <Popover.Trigger asChild disabled={disabled}>
          <button
            ref={ref}
            id={id}
            type="button"
            role="combobox"
            aria-expanded={open}
            aria-invalid={invalid || undefined}
            className={clx(
              "bg-ui-bg-field shadow-buttons-neutral transition-fg txt-compact-small flex h-8 w-full select-none items-center justify-between gap-x-2 rounded-md px-2 py-1.5 text-left outline-none",
              "hover:bg-ui-bg-field-hover focus-visible:shadow-borders-interactive-with-active data-[state=open]:!shadow-borders-interactive-with-active",
              "aria-[invalid=true]:shadow-borders-error disabled:!bg-ui-bg-disabled disabled:!text-ui-fg-disabled",
              value ? "text-ui-fg-base" : "text-ui-fg-muted"
            )}
            data-testid="crm-country-select"
          >
            <span className="truncate">
              {value
                ? `${countryName(value, locale)} (${value})`
                : t("profile.form.selectCountry")}
            </span>
            <TrianglesMini className="text-ui-fg-muted shrink-0" />
          </button>
        </Popover.Trigger>
        <Popover.Content
          className="flex w-[var(--radix-popover-trigger-width)] flex-col gap-y-1 p-1"
          data-testid="crm-country-select-content"
        >
          <Input
            size="small"
            type="search"
            autoFocus
            value={search}
            placeholder={t("profile.form.searchCountry")}
            aria-label={t("profile.form.searchCountry")}
            onChange={(event) => {
              setSearch(event.target.value)
              setActive(0)
            }}
            onKeyDown={handleKeyDown}
            data-testid="crm-country-search"
          />
          <div className="max-h-60 overflow-y-auto" role="listbox">
            {value && !search && (
              <button
                type="button"
                className="txt-compact-small text-ui-fg-muted hover:bg-ui-bg-component-hover w-full rounded-[4px] px-2 py-1.5 text-left outline-none"
                onClick={() => select("")}
                data-testid="crm-country-clear"
              >
                {t("profile.form.clearCountry")}
              </button>
            )}
            {matches.length === 0 ? (
              <Text size="small" className="text-ui-fg-muted px-2 py-1.5">
                {t("profile.form.noCountries")}
              </Text>
            ) : (
              matches.map((country, index) => (
                <button
                  key={country.code}
                  type="button"
                  role="option"
                  aria-selected={country.code === value}
                  className={clx(
                    "txt-compact-small text-ui-fg-base grid w-full grid-cols-[15px_1fr_auto] items-center gap-x-2 rounded-[4px] px-2 py-1.5 text-left outline-none",
                    "hover:bg-ui-bg-component-hover",
                    { "bg-ui-bg-component-hover": index === active }
                  )}
                  ref={(node) => {
                    if (index === active && node) {
                      node.scrollIntoView({ block: "nearest" })
                    }
                  }}
                  onMouseMove={() => setActive(index)}
                  onClick={() => select(country.code)}
                  data-testid="crm-country-option"
                  data-country={country.code}
                >
                  <span className="flex size-[15px] items-center justify-center">
                    {country.code === value && <Check />}
                  </span>
                  <span className="truncate">{country.name}</span>
                  <span className="text-ui-fg-muted">{country.code}</span>
                </button>
              ))
            )}
          </div>
        </Popover.Content>
      </Popover>
    )
  }
)
CountrySelect.displayName = "CountrySelect"
