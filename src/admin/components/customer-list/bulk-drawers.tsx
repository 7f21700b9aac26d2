import { Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { useAddCustomersToGroup, useBulkCustomerTags, useListCustomerGroups } from "../../hooks/api/customer-list"
import { useTagDefinitions } from "../../hooks/api/tag-definitions"
import { errorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import { ChoiceSelect } from "../common/choice-select"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"

type BulkDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  customerIds: string[]
  /** After a change: clear the selection. */
  onDone: () => void
}

/** Adds a tag to, or removes one from, the selected customers. */
export const BulkTagDrawer = ({ mode, ...props }: BulkDrawerProps & { mode: "add" | "remove" }) => {
  const { t } = useTranslate()
  return (
    <FormDrawer
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t(mode === "add" ? "customerList.bulk.addTagTitle" : "customerList.bulk.removeTagTitle")}
      description={t("customerList.bulk.selected", { count: props.customerIds.length })}
      data-testid={`crm-list-${mode}-tag-drawer`}
    >
      {props.open && <BulkTagForm mode={mode} {...props} />}
    </FormDrawer>
  )
}

const BulkTagForm = ({ mode, customerIds, onOpenChange, onDone }: BulkDrawerProps & { mode: "add" | "remove" }) => {
  const { t } = useTranslate()
  const { tags } = useTagDefinitions({ limit: 100 })
  const [key, setKey] = useState<string | undefined>()
  const [value, setValue] = useState("")
  const [error, setError] = useState<string | null>(null)
  const { mutateAsync, isPending } = useBulkCustomerTags()
  const definition = tags?.find((tag) => tag.key === key)
  const needsValue = mode === "add" && !!definition && definition.value_mode !== "flag"

  const submit = async () => {
    if (!key || (needsValue && !value.trim())) {
      setError(t(key ? "customerList.bulk.valueRequired" : "customerList.bulk.tagRequired"))
      return
    }
    await mutateWithToast(
      mutateAsync,
      {
        customer_ids: customerIds,
        ...(mode === "add" ? { add: { key, ...(needsValue ? { value: value.trim() } : {}) } } : { remove: { key } }),
      },
      {
        success: ({ updated }) => t("customerList.bulk.tagsUpdated", { count: updated }),
        onSuccess: () => {
          onOpenChange(false)
          onDone()
        },
        onError: setError,
      }
    )
  }

  return (
    <DrawerForm
      onSubmit={async (event) => {
        event?.preventDefault()
        await submit()
      }}
      cancelLabel={t("customerList.actions.cancel")}
      submitLabel={t(mode === "add" ? "customerList.bulk.addTag" : "customerList.bulk.removeTag")}
      isPending={isPending}
      serverError={error}
      testIdPrefix={`crm-list-${mode}-tag`}
    >
      <FormField id="crm-list-tag-key" label={t("customerList.bulk.tag")}>
        <ChoiceSelect
          id="crm-list-tag-key"
          value={key}
          onValueChange={(next) => {
            setKey(next)
            setValue("")
            setError(null)
          }}
          choices={(tags ?? []).map((tag) => ({ value: tag.key, label: tag.label || tag.key }))}
          placeholder={t("customerList.bulk.chooseTag")}
          data-testid="crm-list-tag-key"
        />
      </FormField>
      {needsValue &&
        (definition.value_mode === "list" ? (
          <FormField id="crm-list-tag-value" label={t("customerList.bulk.value")}>
            <ChoiceSelect
              id="crm-list-tag-value"
              value={value || undefined}
              onValueChange={setValue}
              choices={(definition.allowed_values ?? []).map((v) => ({ value: v, label: v }))}
              data-testid="crm-list-tag-value"
            />
          </FormField>
        ) : (
          <FormField id="crm-list-tag-value" label={t("customerList.bulk.value")}>
            <Input
              id="crm-list-tag-value"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              data-testid="crm-list-tag-value"
            />
          </FormField>
        ))}
      {mode === "remove" && (
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerList.bulk.removeHint")}
        </Text>
      )}
    </DrawerForm>
  )
}

/** Adds the selected customers to one of the store's customer groups (Medusa's own route). */
export const BulkGroupDrawer = (props: BulkDrawerProps) => {
  const { t } = useTranslate()
  return (
    <FormDrawer
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t("customerList.bulk.groupTitle")}
      description={t("customerList.bulk.selected", { count: props.customerIds.length })}
      data-testid="crm-list-group-drawer"
    >
      {props.open && <BulkGroupForm {...props} />}
    </FormDrawer>
  )
}

const BulkGroupForm = ({ customerIds, onOpenChange, onDone }: BulkDrawerProps) => {
  const { t } = useTranslate()
  const { groups } = useListCustomerGroups()
  const [groupId, setGroupId] = useState<string | undefined>()
  const [error, setError] = useState<string | null>(null)
  const { mutateAsync, isPending } = useAddCustomersToGroup()

  return (
    <DrawerForm
      onSubmit={async (event) => {
        event?.preventDefault()
        if (!groupId) {
          setError(t("customerList.bulk.groupRequired"))
          return
        }
        await mutateWithToast(
          mutateAsync,
          { group_id: groupId, customer_ids: customerIds },
          {
            success: () => t("customerList.bulk.groupAdded", { count: customerIds.length }),
            onSuccess: () => {
              onOpenChange(false)
              onDone()
            },
            onError: (message) => setError(message || errorMessage(null)),
          }
        )
      }}
      cancelLabel={t("customerList.actions.cancel")}
      submitLabel={t("customerList.bulk.addToGroup")}
      isPending={isPending}
      serverError={error}
      testIdPrefix="crm-list-group"
    >
      <FormField id="crm-list-group-id" label={t("customerList.bulk.group")}>
        <ChoiceSelect
          id="crm-list-group-id"
          value={groupId}
          onValueChange={(next) => {
            setGroupId(next)
            setError(null)
          }}
          choices={(groups ?? []).map((g) => ({ value: g.id, label: g.name ?? g.id }))}
          placeholder={t("customerList.bulk.chooseGroup")}
          data-testid="crm-list-group-id"
        />
      </FormField>
    </DrawerForm>
  )
}
