import { XMarkMini } from "@medusajs/icons"
import {
  Badge,
  Button,
  IconButton,
  Input,
  Label,
  RadioGroup,
  Text,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Controller, type UseFormReturn } from "react-hook-form"
import { useCampaignAudienceCount, useCampaignCustomers } from "../../hooks/api/campaigns"
import { useSegments } from "../../hooks/api/segments"
import { useTagDefinitions } from "../../hooks/api/tag-definitions"
import { useDebounced } from "../../hooks/use-debounced"
import { useErrorMessage } from "../../lib/errors"
import { formatNumber } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import {
  CAMPAIGN_AUDIENCE_TYPES,
  CAMPAIGN_MAX_CUSTOMERS,
  CAMPAIGN_MAX_TAGS,
  type CampaignAudience,
  type CampaignAudienceType,
  type CustomerSummary,
} from "../../lib/types"
import { ChoiceSelect } from "../common/choice-select"
import { CustomerSearchPicker, CustomerText } from "../common/customer-search-picker"
import { FormField } from "../common/form-field"
import { tagText } from "./campaign-format"
import { type CampaignFormValues, normalizeTag, type TagMatch, toAudience } from "./campaign-form"

type AudienceFieldsProps = {
  form: UseFormReturn<CampaignFormValues>
  /** The campaign has started: the audience shows but cannot change. */
  disabled?: boolean
}

const COUNT_DEBOUNCE_MS = 400

/** How many picked customers show by name; the rest are counted. */
const CUSTOMERS_SHOWN = 50

/** Who receives the campaign: everyone, a segment, tags (any/all) or picked customers, with its size now. */
export const AudienceFields = ({ form, disabled }: AudienceFieldsProps) => {
  const { t } = useTranslate()
  const type = form.watch("audience_type")

  return (
    <div className="flex flex-col gap-y-4" data-testid="campaign-form-audience">
      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus" id="campaign-form-audience-label">
          {t("messagesPage.fields.audience")}
        </Label>
        <Controller
          control={form.control}
          name="audience_type"
          render={({ field }) => (
            <RadioGroup
              value={field.value}
              onValueChange={(next) => field.onChange(next as CampaignAudienceType)}
              aria-labelledby="campaign-form-audience-label"
              className="grid-cols-1 sm:grid-cols-2"
              disabled={disabled}
              data-testid="campaign-form-audience-type"
              data-value={field.value}
            >
              {CAMPAIGN_AUDIENCE_TYPES.map((value) => (
                <RadioGroup.ChoiceBox
                  key={value}
                  value={value}
                  label={t(`messagesPage.audience.types.${value}`)}
                  description={t(`messagesPage.audience.typeHints.${value}`)}
                  data-testid={`campaign-form-audience-${value}`}
                />
              ))}
            </RadioGroup>
          )}
        />
      </div>
      {type === "segment" && <SegmentField form={form} disabled={disabled} />}
      {type === "tags" && <TagsField form={form} disabled={disabled} />}
      {type === "customers" && <CustomersField form={form} disabled={disabled} />}
      <AudienceCount form={form} />
    </div>
  )
}

const SegmentField = ({ form, disabled }: AudienceFieldsProps) => {
  const { t } = useTranslate()
  const { errors } = form.formState
  const { segments, isPending } = useSegments({ limit: 100 })
  const current = form.getValues("segment_id")

  const choices = useMemo(() => {
    const rows = (segments ?? []).map((segment) => ({ value: segment.id, label: segment.name }))
    if (current && !rows.some((row) => row.value === current)) {
      rows.unshift({ value: current, label: current })
    }
    return rows
  }, [segments, current])

  return (
    <FormField
      id="campaign-form-segment"
      label={t("messagesPage.fields.segment")}
      error={errors.segment_id?.message}
      data-testid="campaign-form-segment-field"
    >
      <Controller
        control={form.control}
        name="segment_id"
        rules={{
          validate: (value) =>
            form.getValues("audience_type") !== "segment" ||
            !!value ||
            t("messagesPage.form.segmentRequired"),
        }}
        render={({ field }) =>
          disabled ? (
            <Input id="campaign-form-segment" value={choices.find((c) => c.value === field.value)?.label ?? field.value} disabled readOnly />
          ) : (
            <ChoiceSelect
              id="campaign-form-segment"
              value={field.value || undefined}
              onValueChange={field.onChange}
              triggerRef={field.ref}
              aria-invalid={!!errors.segment_id}
              placeholder={
                isPending
                  ? t("messagesPage.form.segmentsLoading")
                  : choices.length
                    ? t("messagesPage.form.segmentPlaceholder")
                    : t("messagesPage.form.noSegments")
              }
              choices={choices}
              data-testid="campaign-form-segment"
            />
          )
        }
      />
    </FormField>
  )
}

/** Tags typed as `KEY` or `KEY=VALUE` (Enter or Add), the store's tags suggested; any or all of them. */
const TagsField = ({ form, disabled }: AudienceFieldsProps) => {
  const { t } = useTranslate()
  const { errors } = form.formState
  const [input, setInput] = useState("")
  const [inputError, setInputError] = useState<string | null>(null)
  const { tags: definitions } = useTagDefinitions({ limit: 100 })

  const suggestions = useMemo(
    () =>
      (definitions ?? []).flatMap((tag) => [
        tag.key,
        ...(tag.value_mode === "list" ? tag.allowed_values ?? [] : []).map(
          (value) => `${tag.key}=${value}`
        ),
      ]),
    [definitions]
  )

  return (
    <div className="flex flex-col gap-y-4">
      <FormField
        id="campaign-form-tag-input"
        label={t("messagesPage.fields.tags")}
        hint={inputError ? undefined : t("messagesPage.form.tagsHint")}
        error={inputError ?? errors.tags?.message}
        data-testid="campaign-form-tags-field"
      >
        <Controller
          control={form.control}
          name="tags"
          rules={{
            validate: (value) => {
              if (form.getValues("audience_type") !== "tags") {
                return true
              }
              if (!value.length) {
                return t("messagesPage.form.tagsRequired")
              }
              return (
                value.length <= CAMPAIGN_MAX_TAGS ||
                t("messagesPage.form.tagsTooMany", { max: CAMPAIGN_MAX_TAGS })
              )
            },
          }}
          render={({ field }) => {
            const add = () => {
              if (!input.trim()) {
                return
              }
              const tag = normalizeTag(input)
              if (!tag) {
                setInputError(t("messagesPage.form.tagInvalid"))
                return
              }
              setInputError(null)
              setInput("")
              if (!field.value.includes(tag)) {
                field.onChange([...field.value, tag])
              }
            }
            return (
              <div className="flex flex-col gap-y-2">
                {!disabled && (
                  // The input (inside Input's own wrapper) takes the row's width beside the button.
                  <div className="flex items-center gap-x-2 [&>div:first-child]:flex-1">
                    <Input
                      id="campaign-form-tag-input"
                      ref={field.ref}
                      value={input}
                      onChange={(event) => {
                        setInput(event.target.value)
                        setInputError(null)
                      }}
                      onKeyDown={(event) => {
                        if (event.key === "Enter" && !(event.metaKey || event.ctrlKey)) {
                          // Enter adds the tag instead of submitting the form.
                          event.preventDefault()
                          add()
                        }
                      }}
                      // A tag typed but not added yet (Save clicked straight away) is added too.
                      onBlur={() => {
                        add()
                        field.onBlur()
                      }}
                      list="campaign-form-tag-suggestions"
                      placeholder="USER_AFFILIATION=CUSTOMER"
                      autoComplete="off"
                      aria-invalid={!!(inputError || errors.tags) || undefined}
                      data-testid="campaign-form-tag-input"
                    />
                    <datalist id="campaign-form-tag-suggestions">
                      {suggestions.map((suggestion) => (
                        <option key={suggestion} value={suggestion} />
                      ))}
                    </datalist>
                    <Button
                      type="button"
                      size="small"
                      variant="secondary"
                      onClick={add}
                      data-testid="campaign-form-tag-add"
                    >
                      {t("messagesPage.actions.addTag")}
                    </Button>
                  </div>
                )}
                {field.value.length > 0 && (
                  <div className="flex flex-wrap gap-1" data-testid="campaign-form-tags">
                    {field.value.map((tag) => (
                      <Badge
                        key={tag}
                        size="small"
                        className="gap-x-1"
                        data-testid="campaign-form-tag"
                        data-tag={tag}
                      >
                        {tagText(tag)}
                        {!disabled && (
                          <button
                            type="button"
                            className="text-ui-fg-muted hover:text-ui-fg-subtle transition-fg"
                            aria-label={t("messagesPage.actions.removeTag", { tag: tagText(tag) })}
                            onClick={() => field.onChange(field.value.filter((v) => v !== tag))}
                            data-testid="campaign-form-tag-remove"
                          >
                            <XMarkMini />
                          </button>
                        )}
                      </Badge>
                    ))}
                  </div>
                )}
              </div>
            )
          }}
        />
      </FormField>
      <FormField id="campaign-form-tags-match" label={t("messagesPage.fields.tagsMatch")}>
        <Controller
          control={form.control}
          name="tags_match"
          render={({ field }) =>
            disabled ? (
              <Input id="campaign-form-tags-match" value={t(`messagesPage.form.match.${field.value}`)} disabled readOnly />
            ) : (
              <ChoiceSelect<TagMatch>
                id="campaign-form-tags-match"
                value={field.value}
                onValueChange={field.onChange}
                triggerRef={field.ref}
                choices={[
                  { value: "any", label: t("messagesPage.form.match.any") },
                  { value: "all", label: t("messagesPage.form.match.all") },
                ]}
                data-testid="campaign-form-tags-match"
              />
            )
          }
        />
      </FormField>
    </div>
  )
}

type PickedCustomer = Pick<CustomerSummary, "id" | "email" | "first_name" | "last_name">

/** Customers picked one by one with the CRM's search (online accounts only), up to 1000. */
const CustomersField = ({ form, disabled }: AudienceFieldsProps) => {
  const { t, locale } = useTranslate()
  const { errors } = form.formState
  const ids = form.watch("customer_ids")
  // Names of the customers picked here; those saved before are read by id.
  const [picked, setPicked] = useState<Record<string, PickedCustomer>>({})
  const shown = ids.slice(0, CUSTOMERS_SHOWN)
  const unknown = shown.filter((id) => !picked[id])
  const { customers: loaded } = useCampaignCustomers(unknown, { enabled: unknown.length > 0 })
  const names = useMemo(() => {
    const all: Record<string, PickedCustomer> = { ...picked }
    for (const customer of loaded ?? []) {
      all[customer.id] ??= customer
    }
    return all
  }, [picked, loaded])
  const unavailable = useMemo(
    () => new Map(ids.map((id) => [id, t("messagesPage.form.customerAdded")])),
    // `t` changes identity on every render but only meaning with the locale.
    [ids, locale]
  )

  return (
    <FormField
      id="campaign-form-customers"
      label={t("messagesPage.fields.customers")}
      hint={t("messagesPage.form.customersHint", { max: CAMPAIGN_MAX_CUSTOMERS })}
      error={errors.customer_ids?.message}
      data-testid="campaign-form-customers-field"
    >
      <Controller
        control={form.control}
        name="customer_ids"
        rules={{
          validate: (value) => {
            if (form.getValues("audience_type") !== "customers") {
              return true
            }
            if (!value.length) {
              return t("messagesPage.form.customersRequired")
            }
            return (
              value.length <= CAMPAIGN_MAX_CUSTOMERS ||
              t("messagesPage.form.customersTooMany", { max: CAMPAIGN_MAX_CUSTOMERS })
            )
          },
        }}
        render={({ field }) => (
          <div className="flex flex-col gap-y-3">
            {!disabled && field.value.length < CAMPAIGN_MAX_CUSTOMERS && (
              <CustomerSearchPicker
                id="campaign-form-customers"
                value={null}
                onChange={(customer) => {
                  if (!customer || field.value.includes(customer.id)) {
                    return
                  }
                  setPicked((current) => ({ ...current, [customer.id]: customer }))
                  field.onChange([...field.value, customer.id])
                }}
                placeholder={t("messagesPage.form.customersSearch")}
                accountsOnly
                noMatchesText={t("messagesPage.form.customersNoMatches")}
                noCustomersText={t("messagesPage.form.customersNone")}
                errorText={(message) => t("messagesPage.form.customersError", { message })}
                changeLabel={t("messagesPage.actions.change")}
                unavailable={unavailable}
                data-testid="campaign-form-customers"
              />
            )}
            {field.value.length > 0 && (
              <div
                className="shadow-elevation-card-rest bg-ui-bg-component divide-y overflow-hidden rounded-lg"
                data-testid="campaign-form-customer-list"
              >
                {field.value.slice(0, CUSTOMERS_SHOWN).map((id) => (
                  <div
                    key={id}
                    className="flex items-center justify-between gap-x-3 px-4 py-2"
                    data-testid="campaign-form-customer"
                    data-customer-id={id}
                  >
                    <div className="flex min-w-0 flex-col">
                      {names[id] ? (
                        <CustomerText customer={names[id]} />
                      ) : (
                        <Text size="small" leading="compact" className="truncate">
                          {id}
                        </Text>
                      )}
                    </div>
                    {!disabled && (
                      <IconButton
                        type="button"
                        size="small"
                        variant="transparent"
                        aria-label={t("messagesPage.actions.removeCustomer")}
                        onClick={() => field.onChange(field.value.filter((v) => v !== id))}
                        data-testid="campaign-form-customer-remove"
                      >
                        <XMarkMini />
                      </IconButton>
                    )}
                  </div>
                ))}
                {field.value.length > CUSTOMERS_SHOWN && (
                  <Text size="small" className="text-ui-fg-subtle px-4 py-2">
                    {t("messagesPage.form.customersMore", {
                      count: field.value.length - CUSTOMERS_SHOWN,
                    })}
                  </Text>
                )}
              </div>
            )}
          </div>
        )}
      />
    </FormField>
  )
}

/** The audience's size now (debounced while it is being edited): "Reaches 1,204 customers now". */
const AudienceCount = ({ form }: { form: UseFormReturn<CampaignFormValues> }) => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const [type, segmentId, tags, match, customerIds] = form.watch([
    "audience_type",
    "segment_id",
    "tags",
    "tags_match",
    "customer_ids",
  ])
  const audience = toAudience({
    audience_type: type,
    segment_id: segmentId,
    tags,
    tags_match: match,
    customer_ids: customerIds,
  })
  // Debounce the audience's text: an object would be a new value on every render.
  const settled = useDebounced(audience ? JSON.stringify(audience) : "", COUNT_DEBOUNCE_MS)
  const settledAudience = settled ? (JSON.parse(settled) as CampaignAudience) : null
  const { count, isFetching, isError, error } = useCampaignAudienceCount(settledAudience)
  const waiting = !!audience && (settled !== JSON.stringify(audience) || isFetching)

  let text: string
  if (!audience) {
    text = t("messagesPage.audience.incomplete")
  } else if (isError) {
    text = t("messagesPage.audience.countError", { message: errorText(error) })
  } else if (count === undefined) {
    text = t("messagesPage.audience.counting")
  } else {
    text = t(`messagesPage.audience.reaches.${count === 1 ? "one" : "other"}`, {
      count: formatNumber(count, locale),
    })
  }

  return (
    <div
      className="bg-ui-bg-subtle flex items-center justify-between gap-x-3 rounded-lg px-4 py-3"
      aria-live="polite"
      aria-busy={waiting}
    >
      <Text
        size="small"
        leading="compact"
        weight="plus"
        className={isError ? "text-ui-fg-error" : waiting ? "text-ui-fg-muted" : undefined}
        data-testid="campaign-audience-count"
        data-count={audience && !isError && count !== undefined && !waiting ? count : undefined}
        data-loading={waiting || undefined}
      >
        {text}
      </Text>
      <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
        {t("messagesPage.audience.countHint")}
      </Text>
    </div>
  )
}
