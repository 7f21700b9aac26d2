import { Badge, Button, clx, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { Controller, useForm } from "react-hook-form"
import {
  useAddCustomerTag,
  useTagDefinitionSearch,
} from "../../hooks/api/customer-tags"
import { useDebounced } from "../../hooks/use-debounced"
import { parseIsoDate, toIsoDate } from "../../lib/format"
import { useFormSave } from "../../hooks/use-form-save"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import {
  type AssignCustomerTagPayload,
  type CustomerTag,
  TAG_VALUE_MAX_LENGTH,
  type TagDefinition,
} from "../../lib/types"
import { DateField } from "../common/date-field"
import { DrawerForm, formDrawer } from "../common/drawer-form"
import { ChoiceSelect } from "../common/choice-select"
import { FormField } from "../common/form-field"
import { Skeletons } from "../common/load-states"
import { customerTagText } from "./customer-tag-badge"

const SEARCH_DEBOUNCE_MS = 250

/** The end of a local calendar day as an ISO timestamp: a tag "expiring on" a day lasts all of it. */
const endOfDayIso = (isoDate: string) => {
  const date = parseIsoDate(isoDate)
  if (!date) {
    return null
  }
  date.setHours(23, 59, 59, 999)
  return date.toISOString()
}

type AddTagDrawerProps = {
  customerId: string
  currentTags: CustomerTag[]
}

type AddTagFormValues = {
  value: string
  expires_on: string
}

type AddTagFormProps = AddTagDrawerProps & {
  onDone: () => void
}

const AddTagForm = ({ customerId, currentTags, onDone }: AddTagFormProps) => {
  const { t } = useTranslate()
  const [selected, setSelected] = useState<TagDefinition | null>(null)
  const form = useForm<AddTagFormValues>({
    defaultValues: { value: "", expires_on: "" },
  })
  const { errors } = form.formState
  const today = toIsoDate()

  const { mutateAsync, isPending } = useAddCustomerTag(customerId)

  const { save, serverError, clearError } = useFormSave(mutateAsync)

  const choose = (definition: TagDefinition | null) => {
    setSelected(definition)
    clearError()
    form.reset({
      value:
        definition?.value_mode === "list" &&
        definition.allowed_values?.length === 1
          ? definition.allowed_values[0]
          : "",
      expires_on: form.getValues("expires_on"),
    })
  }

  const handleSubmit = form.handleSubmit(async (values) => {
    if (!selected) {
      return
    }
    const payload: AssignCustomerTagPayload = { key: selected.key }
    if (selected.value_mode !== "flag") {
      payload.value = values.value.trim()
    }
    if (values.expires_on) {
      payload.expires_at = endOfDayIso(values.expires_on)
    }
    await save(payload, {
      success: ({ tag }) =>
        t("customerTags.added", { tag: customerTagText(tag) }),
      onSuccess: onDone,
    })
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      serverError={serverError}
      cancelLabel={t("customerTags.cancel")}
      submitLabel={t("customerTags.save")}
      isPending={isPending}
      submitDisabled={!selected}
      submitTestId="crm-add-tag-save"
      testIdPrefix="crm-add-tag"
    >
      {selected ? (
        <SelectedDefinition
          definition={selected}
          onChange={() => choose(null)}
        />
      ) : (
        <DefinitionPicker
          taken={new Set(currentTags.map((tag) => tag.key))}
          onSelect={choose}
        />
      )}
      {selected && selected.value_mode !== "flag" && (
        <FormField
          label={t("customerTags.value")}
          id="crm-add-tag-value"
          error={errors.value?.message}
          data-testid="crm-add-tag-value-field"
        >
          {selected.value_mode === "text" ? (
            <Input
              id="crm-add-tag-value"
              autoFocus
              maxLength={TAG_VALUE_MAX_LENGTH}
              autoComplete="off"
              aria-invalid={!!errors.value}
              {...form.register("value", {
                validate: (value) =>
                  !!value.trim() || t("customerTags.valueRequired"),
              })}
              data-testid="crm-add-tag-value"
            />
          ) : (
            <Controller
              control={form.control}
              name="value"
              rules={{
                validate: (value) =>
                  (!!value && !!selected.allowed_values?.includes(value)) ||
                  t("customerTags.valueChoose"),
              }}
              render={({ field }) => (
                <ChoiceSelect
                  id="crm-add-tag-value"
                  value={field.value}
                  onValueChange={field.onChange}
                  triggerRef={field.ref}
                  onBlur={field.onBlur}
                  aria-invalid={!!errors.value}
                  placeholder={t("customerTags.selectValue")}
                  choices={(selected.allowed_values ?? []).map((value) => ({
                    value,
                    label: value,
                  }))}
                  data-testid="crm-add-tag-value-select"
                />
              )}
            />
          )}
        </FormField>
      )}
      {selected && selected.value_mode === "flag" && (
        <Text size="small" className="text-ui-fg-muted">
          {t("customerTags.flagHint")}
        </Text>
      )}
      {selected && (
        <FormField
          label={t("customerTags.expiresOn")}
          id="crm-add-tag-expires"
          error={errors.expires_on?.message}
          hint={t("customerTags.expiresHint")}
          data-testid="crm-add-tag-expires-field"
        >
          <Controller
            control={form.control}
            name="expires_on"
            rules={{
              validate: (value) => {
                if (!value) {
                  return true
                }
                if (!parseIsoDate(value)) {
                  return t("profile.form.invalidDate")
                }
                return value >= toIsoDate() || t("customerTags.expiresPast")
              },
            }}
            render={({ field }) => (
              <DateField
                id="crm-add-tag-expires"
                aria-label={t("customerTags.expiresOn")}
                value={field.value ?? ""}
                onChange={field.onChange}
                min={today}
                data-testid="crm-add-tag-expires"
              />
            )}
          />
        </FormField>
      )}
    </DrawerForm>
  )
}

type DefinitionPickerProps = {
  /** Keys the customer already has: shown, but not selectable. */
  taken: Set<string>
  onSelect: (definition: TagDefinition) => void
}

/** Search the tag catalogue by key or label and pick one. */
const DefinitionPicker = ({ taken, onSelect }: DefinitionPickerProps) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const [search, setSearch] = useState("")
  const q = useDebounced(search, SEARCH_DEBOUNCE_MS)
  const { tags, count, isPending, isError, error, isFetching } =
    useTagDefinitionSearch(q)

  const definitions = tags ?? []
  const firstAvailable = definitions.find((tag) => !taken.has(tag.key))

  const renderList = () => {
    if (isPending) {
      return (
        <div
          className="flex flex-col gap-y-2"
          data-testid="crm-tag-picker-loading"
        >
          <Skeletons count={4} className="h-12 w-full" />
        </div>
      )
    }
    if (isError) {
      return (
        <Text
          size="small"
          className="text-ui-fg-error"
          data-testid="crm-tag-picker-error"
        >
          {t("customerTags.definitionsError", {
            message: errorText(error),
          })}
        </Text>
      )
    }
    if (!definitions.length) {
      return (
        <Text
          size="small"
          className="text-ui-fg-muted"
          data-testid="crm-tag-picker-empty"
        >
          {q.trim()
            ? t("customerTags.noMatches", { q: q.trim() })
            : t("customerTags.noDefinitions")}
        </Text>
      )
    }
    return (
      <>
        <div
          role="listbox"
          aria-label={t("customerTags.addTitle")}
          className={clx(
            "shadow-elevation-card-rest bg-ui-bg-component divide-y overflow-hidden rounded-lg",
            { "opacity-60": isFetching }
          )}
          data-testid="crm-tag-picker-list"
        >
          {definitions.map((definition) => {
            const isTaken = taken.has(definition.key)
            return (
              <button
                key={definition.id}
                type="button"
                role="option"
                aria-selected={false}
                disabled={isTaken}
                onClick={() => onSelect(definition)}
                className={clx(
                  "flex w-full flex-col gap-y-1 px-4 py-3 text-left outline-none transition-fg",
                  "hover:bg-ui-bg-component-hover focus-visible:bg-ui-bg-component-hover",
                  "disabled:cursor-not-allowed disabled:opacity-60 disabled:hover:bg-transparent"
                )}
                data-testid="crm-tag-picker-option"
                data-tag-key={definition.key}
                data-taken={isTaken ? "true" : "false"}
              >
                <DefinitionSummary definition={definition} taken={isTaken} />
              </button>
            )
          })}
        </div>
        {(count ?? 0) > definitions.length && (
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("customerTags.narrowDown", {
              shown: definitions.length,
              count: count ?? 0,
            })}
          </Text>
        )}
      </>
    )
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="crm-tag-picker">
      <Input
        type="search"
        autoFocus
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={(event) => {
          // Enter picks the first match that can still be added.
          if (event.key === "Enter") {
            event.preventDefault()
            if (firstAvailable && q === search) {
              onSelect(firstAvailable)
            }
          }
        }}
        placeholder={t("customerTags.search")}
        aria-label={t("customerTags.search")}
        data-testid="crm-tag-picker-search"
      />
      {renderList()}
    </div>
  )
}

type DefinitionSummaryProps = {
  definition: TagDefinition
  taken?: boolean
}

/** Key badge, label, description and benefit of a tag definition. */
const DefinitionSummary = ({ definition, taken }: DefinitionSummaryProps) => {
  const { t } = useTranslate()

  return (
    <>
      <div className="flex min-w-0 items-center gap-x-2">
        <Badge size="2xsmall" color={definition.color}>
          {definition.key}
        </Badge>
        <Text size="small" leading="compact" weight="plus" className="truncate">
          {definition.label}
        </Text>
        {taken && (
          <Badge size="2xsmall" color="grey" className="ml-auto shrink-0">
            {t("customerTags.alreadyAdded")}
          </Badge>
        )}
      </div>
      {definition.description && (
        <Text size="small" className="text-ui-fg-subtle line-clamp-2">
          {definition.description}
        </Text>
      )}
      <div className="text-ui-fg-muted txt-compact-xsmall flex flex-wrap gap-x-3 gap-y-0.5">
        {definition.value_mode === "list" &&
          !!definition.allowed_values?.length && (
            <span>
              {t("customerTags.values", {
                values: definition.allowed_values.join(", "),
              })}
            </span>
          )}
        {definition.value_mode === "text" && (
          <span>{t("customerTags.freeText")}</span>
        )}
        {definition.customer_group && (
          <span data-testid="crm-tag-benefit">
            {t("customerTags.benefit", {
              group: definition.customer_group.name,
            })}
          </span>
        )}
      </div>
    </>
  )
}

type SelectedDefinitionProps = {
  definition: TagDefinition
  onChange: () => void
}

const SelectedDefinition = ({
  definition,
  onChange,
}: SelectedDefinitionProps) => {
  const { t } = useTranslate()

  return (
    <div
      className="shadow-elevation-card-rest bg-ui-bg-component flex items-start justify-between gap-x-4 rounded-lg px-4 py-3"
      data-testid="crm-add-tag-selected"
      data-tag-key={definition.key}
    >
      <div className="flex min-w-0 flex-col gap-y-1">
        <DefinitionSummary definition={definition} />
      </div>
      <Button
        type="button"
        size="small"
        variant="transparent"
        onClick={onChange}
        data-testid="crm-add-tag-change"
      >
        {t("customerTags.change")}
      </Button>
    </div>
  )
}

/** "Add tag": pick a definition from the catalogue, then its value and an optional expiry date. */
export const AddTagDrawer = formDrawer(AddTagForm, {
  title: "customerTags.addTitle",
  description: "customerTags.addDescription",
  keepMounted: true,
  "data-testid": "crm-add-tag-drawer",
})
