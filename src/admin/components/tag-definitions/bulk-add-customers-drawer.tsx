import { MagnifyingGlass } from "@medusajs/icons"
import {
  Button,
  Checkbox,
  clx,
  DatePicker,
  Input,
  Select,
  Text,
  toast,
} from "@medusajs/ui"
import { useState } from "react"
import { Controller, useForm } from "react-hook-form"
import {
  useBulkTagCustomers,
  useTagCustomerSearch,
} from "../../hooks/api/tag-definitions"
import { useDebounced } from "../../hooks/use-debounced"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import type { TagDefinition } from "../../lib/types"
import { CustomerText } from "../common/customer-search-picker"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import { Skeletons } from "../common/load-states"
import { TAG_VALUE_MAX_LENGTH } from "./constants"
import { endOfDayIso } from "./format"
import { TagKeyBadge } from "./tag-key-badge"

type PickedCustomer = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  company_name: string | null
}

type BulkAddValues = {
  value: string
  expires_at: Date | null
}

type BulkAddCustomersDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  tag: TagDefinition
}

/** Gives the tag to many customers at once: pick them from a searchable list. */
export const BulkAddCustomersDrawer = ({
  open,
  onOpenChange,
  tag,
}: BulkAddCustomersDrawerProps) => {
  const { t } = useTranslate()

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={
        <>
          <span>{t("tagsPage.bulk.title")}</span>
          <TagKeyBadge tagKey={tag.key} color={tag.color} size="xsmall" />
        </>
      }
      titleClassName="flex items-center gap-x-2"
      description={t("tagsPage.bulk.description")}
      hideDescription
      data-testid="crm-tag-bulk-drawer"
    >
      {open && (
        <BulkAddCustomersForm tag={tag} onDone={() => onOpenChange(false)} />
      )}
    </FormDrawer>
  )
}

type BulkAddCustomersFormProps = {
  tag: TagDefinition
  onDone: () => void
}

const BulkAddCustomersForm = ({ tag, onDone }: BulkAddCustomersFormProps) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const [search, setSearch] = useState("")
  const q = useDebounced(search.trim(), 300)
  const [selected, setSelected] = useState<Record<string, PickedCustomer>>({})
  const [today] = useState(startOfToday)

  const { customers, count, isPending, isFetching, isError, error } =
    useTagCustomerSearch(q)
  const { mutateAsync, isPending: isSaving } = useBulkTagCustomers(tag.id)

  const form = useForm<BulkAddValues>({
    defaultValues: { value: "", expires_at: null },
  })
  const { errors } = form.formState

  const needsValue = tag.value_mode !== "flag"
  const selectedIds = Object.keys(selected)
  const visible = (customers ?? []) as PickedCustomer[]
  const allVisibleSelected =
    visible.length > 0 && visible.every((customer) => selected[customer.id])
  const someVisibleSelected =
    !allVisibleSelected && visible.some((customer) => selected[customer.id])

  const toggle = (customer: PickedCustomer, checked: boolean) => {
    setSelected((current) => {
      const next = { ...current }
      if (checked) {
        next[customer.id] = customer
      } else {
        delete next[customer.id]
      }
      return next
    })
  }

  const toggleVisible = (checked: boolean) => {
    setSelected((current) => {
      const next = { ...current }
      for (const customer of visible) {
        if (checked) {
          next[customer.id] = customer
        } else {
          delete next[customer.id]
        }
      }
      return next
    })
  }

  const handleSubmit = form.handleSubmit(async (values) => {
    if (!selectedIds.length) {
      return
    }
    await mutateAsync(
      {
        add: selectedIds,
        value: needsValue ? values.value.trim() : null,
        expires_at: values.expires_at ? endOfDayIso(values.expires_at) : null,
      },
      {
        onSuccess: ({ added, skipped }) => {
          const message = t("tagsPage.bulk.result", { added, skipped })
          if (added > 0) {
            toast.success(message)
          } else {
            toast.info(message)
          }
          onDone()
        },
        onError: (mutationError) => {
          toast.error(errorText(mutationError))
        },
      }
    ).catch(() => undefined)
  })

  const renderCustomers = () => {
    if (isError) {
      return (
        <div className="px-4 py-6" data-testid="crm-tag-bulk-error">
          <Text size="small" className="text-ui-fg-error">
            {t("tagsPage.bulk.loadError", { message: errorText(error) })}
          </Text>
        </div>
      )
    }
    if (isPending) {
      return (
        <div className="flex flex-col gap-y-3 px-4 py-4">
          <Skeletons count={4} className="h-5 w-full" />
        </div>
      )
    }
    if (!visible.length) {
      return (
        <div
          className="px-4 py-6 text-center"
          data-testid="crm-tag-bulk-empty"
        >
          <Text size="small" className="text-ui-fg-subtle">
            {q ? t("tagsPage.bulk.noMatches") : t("tagsPage.bulk.noCustomers")}
          </Text>
        </div>
      )
    }
    return (
      <ul className="divide-y" data-testid="crm-tag-bulk-customers">
        {visible.map((customer) => {
          const checkboxId = `crm-tag-bulk-customer-${customer.id}`
          const checked = !!selected[customer.id]
          return (
            <li
              key={customer.id}
              data-testid="crm-tag-bulk-customer"
              data-customer-id={customer.id}
              data-selected={checked ? "true" : "false"}
            >
              <label
                htmlFor={checkboxId}
                className={clx(
                  "hover:bg-ui-bg-base-hover transition-fg flex cursor-pointer items-center gap-x-3 px-4 py-2.5",
                  { "bg-ui-bg-highlight": checked }
                )}
              >
                <Checkbox
                  id={checkboxId}
                  checked={checked}
                  onCheckedChange={(value) => toggle(customer, value === true)}
                  disabled={isSaving}
                  data-testid="crm-tag-bulk-customer-checkbox"
                />
                <div className="flex min-w-0 flex-col">
                  <CustomerText customer={customer} />
                </div>
              </label>
            </li>
          )
        })}
      </ul>
    )
  }

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      submitOnModEnter
      bodyClassName="max-w-full flex-1"
      footerStart={
        <Text
          size="small"
          className="text-ui-fg-subtle"
          data-count={selectedIds.length}
        >
          {t("tagsPage.bulk.selected", { count: selectedIds.length })}
        </Text>
      }
      cancelLabel={t("tagsPage.actions.cancel")}
      submitLabel={
        selectedIds.length
          ? t("tagsPage.bulk.submitCount", { count: selectedIds.length })
          : t("tagsPage.bulk.submit")
      }
      isPending={isSaving}
      submitDisabled={!selectedIds.length}
      testIdPrefix="crm-tag-bulk"
    >
      {tag.value_mode !== "flag" && (
        <FormField
          id="crm-tag-bulk-value"
          label={t("tagsPage.bulk.value")}
          hint={t("tagsPage.bulk.valueHint")}
          error={errors.value?.message}
          data-testid="crm-tag-bulk-value-field"
        >
          {tag.value_mode === "text" ? (
            <Input
              id="crm-tag-bulk-value"
              maxLength={TAG_VALUE_MAX_LENGTH}
              aria-invalid={!!errors.value || undefined}
              data-testid="crm-tag-bulk-value"
              {...form.register("value", {
                validate: (value) =>
                  !!value.trim() || t("tagsPage.bulk.valueRequired"),
              })}
            />
          ) : (
            <Controller
              control={form.control}
              name="value"
              rules={{
                validate: (value) =>
                  !!value || t("tagsPage.bulk.valueRequired"),
              }}
              render={({ field }) => (
                <Select
                  value={field.value || undefined}
                  onValueChange={field.onChange}
                >
                  <Select.Trigger
                    id="crm-tag-bulk-value"
                    ref={field.ref}
                    aria-invalid={!!errors.value || undefined}
                    data-testid="crm-tag-bulk-value"
                  >
                    <Select.Value
                      placeholder={t("tagsPage.bulk.valuePlaceholder")}
                    />
                  </Select.Trigger>
                  <Select.Content>
                    {(tag.allowed_values ?? []).map((value) => (
                      <Select.Item
                        key={value}
                        value={value}
                        data-testid="crm-tag-bulk-value-option"
                        data-value={value}
                      >
                        {value}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              )}
            />
          )}
        </FormField>
      )}
      <FormField
        id="crm-tag-bulk-expires-at"
        label={t("tagsPage.bulk.expiresAt")}
        optional
        hint={t("tagsPage.bulk.expiresAtHint")}
        data-testid="crm-tag-bulk-expires-at-field"
      >
        <Controller
          control={form.control}
          name="expires_at"
          render={({ field }) => (
            <div data-testid="crm-tag-bulk-expires-at">
              <DatePicker
                id="crm-tag-bulk-expires-at"
                aria-label={t("tagsPage.bulk.expiresAt")}
                value={field.value}
                onChange={field.onChange}
                minValue={today}
                granularity="day"
              />
            </div>
          )}
        />
      </FormField>

      <div className="flex min-h-0 flex-col gap-y-2">
        <div className="flex items-center justify-between gap-x-2">
          <Text size="small" weight="plus" leading="compact">
            {t("tagsPage.bulk.customers")}
          </Text>
          {selectedIds.length > 0 && (
            <Button
              type="button"
              size="small"
              variant="transparent"
              onClick={() => setSelected({})}
              disabled={isSaving}
              data-testid="crm-tag-bulk-clear"
            >
              {t("tagsPage.bulk.clearSelection")}
            </Button>
          )}
        </div>
        <div className="relative">
          <MagnifyingGlass className="text-ui-fg-muted pointer-events-none absolute left-2 top-1/2 -translate-y-1/2" />
          <Input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onKeyDown={(event) => {
              // Enter searches at once instead of submitting the form.
              if (
                event.key === "Enter" &&
                !(event.metaKey || event.ctrlKey)
              ) {
                event.preventDefault()
              }
            }}
            placeholder={t("tagsPage.bulk.searchPlaceholder")}
            aria-label={t("tagsPage.bulk.searchPlaceholder")}
            className="pl-8"
            data-testid="crm-tag-bulk-search"
          />
        </div>
        <div className="shadow-borders-base overflow-hidden rounded-lg">
          {visible.length > 0 && (
            <label
              htmlFor="crm-tag-bulk-select-page"
              className="bg-ui-bg-subtle flex cursor-pointer items-center gap-x-3 border-b px-4 py-2.5"
            >
              <Checkbox
                id="crm-tag-bulk-select-page"
                checked={
                  allVisibleSelected
                    ? true
                    : someVisibleSelected
                      ? "indeterminate"
                      : false
                }
                onCheckedChange={(value) => toggleVisible(value === true)}
                disabled={isSaving}
                data-testid="crm-tag-bulk-select-page"
              />
              <Text
                size="small"
                leading="compact"
                className="text-ui-fg-subtle"
              >
                {t("tagsPage.bulk.selectShown", { count: visible.length })}
              </Text>
            </label>
          )}
          <div className={clx({ "opacity-60": isFetching && !isPending })}>
            {renderCustomers()}
          </div>
        </div>
        {(count ?? 0) > visible.length && (
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("tagsPage.bulk.showingOf", {
              shown: visible.length,
              count: count ?? 0,
            })}
          </Text>
        )}
      </div>
    </DrawerForm>
  )
}

const startOfToday = () => {
  const now = new Date()
  return new Date(now.getFullYear(), now.getMonth(), now.getDate())
}
