import { Input, RadioGroup, Textarea } from "@medusajs/ui"
import { Controller, useForm } from "react-hook-form"
import {
  useCreateTagDefinition,
  useUpdateTagDefinition,
} from "../../hooks/api/tag-definitions"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type {
  CreateTagDefinitionPayload,
  TagColor,
  TagDefinition,
  TagValueMode,
  UpdateTagDefinitionPayload,
} from "../../lib/types"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import { AllowedValuesInput } from "./allowed-values-input"
import { BenefitGroupSelect } from "./benefit-group-select"
import { ColorPicker } from "./color-picker"
import {
  NO_GROUP_VALUE,
  TAG_DESCRIPTION_MAX_LENGTH,
  TAG_KEY_MAX_LENGTH,
  TAG_KEY_PATTERN,
  TAG_ALLOWED_VALUES_MAX,
  TAG_LABEL_MAX_LENGTH,
  TAG_VALUE_MAX_LENGTH,
  TAG_VALUE_MODES,
} from "./constants"
import { TagKeyBadge } from "./tag-key-badge"

type TagDefinitionFormValues = {
  key: string
  label: string
  description: string
  color: TagColor
  value_mode: TagValueMode
  allowed_values: string[]
  /** A customer group id, or NO_GROUP_VALUE. */
  customer_group_id: string
}

const toFormValues = (tag?: TagDefinition | null): TagDefinitionFormValues => ({
  key: tag?.key ?? "",
  label: tag?.label ?? "",
  description: tag?.description ?? "",
  color: tag?.color ?? "grey",
  value_mode: tag?.value_mode ?? "flag",
  allowed_values: tag?.allowed_values ?? [],
  customer_group_id: tag?.customer_group_id ?? NO_GROUP_VALUE,
})

type TagDefinitionFormDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The definition to edit; without it the drawer creates a new one. */
  tag?: TagDefinition | null
  onCreated?: (tag: TagDefinition) => void
}

/**
 * The drawer to create or edit a tag definition. When editing, the key and the value mode are
 * shown but cannot change.
 */
export const TagDefinitionFormDrawer = ({
  open,
  onOpenChange,
  tag,
  onCreated,
}: TagDefinitionFormDrawerProps) => {
  const { t } = useTranslate()
  const isEdit = !!tag

  const handleOpenChange = (next: boolean) => {
    if (!next) {
      // Radix can leave the body locked when a menu opened this drawer (as the dashboard notes).
      document.body.style.pointerEvents = "auto"
    }
    onOpenChange(next)
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={handleOpenChange}
      title={
        isEdit ? t("tagsPage.form.editTitle") : t("tagsPage.form.createTitle")
      }
      description={t("tagsPage.form.description")}
      hideDescription
      data-testid="crm-tag-form-drawer"
    >
      {open && (
        <TagDefinitionForm
          key={tag?.id ?? "new"}
          tag={tag ?? null}
          onDone={() => handleOpenChange(false)}
          onCreated={onCreated}
        />
      )}
    </FormDrawer>
  )
}

type TagDefinitionFormProps = {
  tag: TagDefinition | null
  onDone: () => void
  onCreated?: (tag: TagDefinition) => void
}

const TagDefinitionForm = ({
  tag,
  onDone,
  onCreated,
}: TagDefinitionFormProps) => {
  const { t } = useTranslate()
  const isEdit = !!tag

  const form = useForm<TagDefinitionFormValues>({
    defaultValues: toFormValues(tag),
  })
  const { errors } = form.formState

  const { mutateAsync: createTag, isPending: isCreating } =
    useCreateTagDefinition()
  const { mutateAsync: updateTag, isPending: isUpdating } =
    useUpdateTagDefinition(tag?.id ?? "")
  const isPending = isCreating || isUpdating

  const key = form.watch("key")
  const color = form.watch("color")
  const valueMode = form.watch("value_mode")

  const handleSubmit = form.handleSubmit(async (values) => {
    const customerGroupId =
      values.customer_group_id === NO_GROUP_VALUE
        ? null
        : values.customer_group_id

    if (tag) {
      const payload: UpdateTagDefinitionPayload = {
        label: values.label.trim(),
        description: values.description.trim() || null,
        color: values.color,
        customer_group_id: customerGroupId,
      }
      if (tag.value_mode === "list") {
        payload.allowed_values = values.allowed_values
      }
      await mutateWithToast(updateTag, payload, {
        success: ({ tag: updated }) =>
          t("tagsPage.toasts.updated", { key: updated.key }),
        onSuccess: onDone,
      })
      return
    }

    const payload: CreateTagDefinitionPayload = {
      key: values.key.trim(),
      label: values.label.trim(),
      description: values.description.trim() || null,
      color: values.color,
      value_mode: values.value_mode,
      customer_group_id: customerGroupId,
    }
    if (values.value_mode === "list") {
      payload.allowed_values = values.allowed_values
    }
    await mutateWithToast(createTag, payload, {
      success: ({ tag: created }) =>
        t("tagsPage.toasts.created", { key: created.key }),
      onSuccess: ({ tag: created }) => {
        onDone()
        onCreated?.(created)
      },
    })
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      submitOnModEnter
      bodyClassName="max-w-full flex-1"
      cancelLabel={t("tagsPage.actions.cancel")}
      submitLabel={
        isEdit ? t("tagsPage.actions.save") : t("tagsPage.actions.create")
      }
      isPending={isPending}
      cancelTestId="crm-tag-form-cancel"
      submitTestId="crm-tag-form-submit"
      testIdPrefix="crm-tag"
    >
      <FormField
        id="crm-tag-form-key"
        label={t("tagsPage.fields.key")}
        hint={
          isEdit ? t("tagsPage.form.keyLocked") : t("tagsPage.form.keyHint")
        }
        error={errors.key?.message}
        data-testid="crm-tag-form-key-field"
      >
        <Input
          id="crm-tag-form-key"
          placeholder={t("tagsPage.form.keyPlaceholder")}
          autoComplete="off"
          spellCheck={false}
          maxLength={TAG_KEY_MAX_LENGTH}
          disabled={isEdit}
          aria-invalid={!!errors.key || undefined}
          autoFocus={!isEdit}
          data-testid="crm-tag-form-key"
          {...form.register("key", {
            validate: (value) => {
              if (isEdit) {
                return true
              }
              if (!value.trim()) {
                return t("tagsPage.form.keyRequired")
              }
              return (
                TAG_KEY_PATTERN.test(value.trim()) ||
                t("tagsPage.form.keyInvalid")
              )
            },
          })}
        />
      </FormField>

      <FormField
        id="crm-tag-form-label"
        label={t("tagsPage.fields.label")}
        hint={t("tagsPage.form.labelHint")}
        error={errors.label?.message}
        data-testid="crm-tag-form-label-field"
      >
        <Input
          id="crm-tag-form-label"
          placeholder={t("tagsPage.form.labelPlaceholder")}
          maxLength={TAG_LABEL_MAX_LENGTH}
          aria-invalid={!!errors.label || undefined}
          autoFocus={isEdit}
          data-testid="crm-tag-form-label"
          {...form.register("label", {
            validate: (value) =>
              !!value.trim() || t("tagsPage.form.labelRequired"),
          })}
        />
      </FormField>

      <FormField
        id="crm-tag-form-description"
        label={t("tagsPage.fields.description")}
        optional
      >
        <Textarea
          id="crm-tag-form-description"
          rows={3}
          maxLength={TAG_DESCRIPTION_MAX_LENGTH}
          placeholder={t("tagsPage.form.descriptionPlaceholder")}
          data-testid="crm-tag-form-description"
          {...form.register("description")}
        />
      </FormField>

      <FormField
        id="crm-tag-form-color"
        label={t("tagsPage.fields.color")}
        hint={
          <span className="inline-flex flex-wrap items-center gap-x-2">
            <span>{t("tagsPage.form.preview")}</span>
            <TagKeyBadge
              tagKey={key.trim() || t("tagsPage.form.previewKey")}
              color={color}
              data-testid="crm-tag-form-preview"
            />
          </span>
        }
      >
        <Controller
          control={form.control}
          name="color"
          render={({ field }) => (
            <ColorPicker
              id="crm-tag-form-color"
              value={field.value}
              onChange={field.onChange}
              disabled={isPending}
            />
          )}
        />
      </FormField>

      <FormField
        id="crm-tag-form-value-mode"
        label={t("tagsPage.fields.valueMode")}
        hint={isEdit ? t("tagsPage.form.valueModeLocked") : undefined}
        data-testid="crm-tag-form-value-mode-field"
      >
        <Controller
          control={form.control}
          name="value_mode"
          render={({ field }) => (
            <RadioGroup
              id="crm-tag-form-value-mode"
              value={field.value}
              onValueChange={(next) => field.onChange(next as TagValueMode)}
              disabled={isEdit}
              aria-label={t("tagsPage.fields.valueMode")}
              className="grid-cols-1 sm:grid-cols-3"
              data-testid="crm-tag-form-value-mode"
            >
              {TAG_VALUE_MODES.map((mode) => (
                <RadioGroup.ChoiceBox
                  key={mode}
                  value={mode}
                  label={t(`tagsPage.valueModes.${mode}`)}
                  description={t(`tagsPage.form.valueModeHints.${mode}`)}
                  data-testid={`crm-tag-form-value-mode-${mode}`}
                />
              ))}
            </RadioGroup>
          )}
        />
      </FormField>

      {valueMode === "list" && (
        <FormField
          id="crm-tag-form-allowed-values"
          label={t("tagsPage.form.allowedValues")}
          hint={t("tagsPage.form.allowedValuesHint")}
          error={errors.allowed_values?.message}
          data-testid="crm-tag-form-allowed-values-field"
        >
          <Controller
            control={form.control}
            name="allowed_values"
            rules={{
              validate: (value, values) => {
                if (values.value_mode !== "list") {
                  return true
                }
                if (!value.length) {
                  return t("tagsPage.form.allowedValuesRequired")
                }
                if (value.length > TAG_ALLOWED_VALUES_MAX) {
                  return t("tagsPage.form.allowedValuesTooMany", {
                    max: TAG_ALLOWED_VALUES_MAX,
                  })
                }
                const tooLong = value.find(
                  (item) => item.length > TAG_VALUE_MAX_LENGTH
                )
                return tooLong
                  ? t("tagsPage.form.allowedValueTooLong", {
                      max: TAG_VALUE_MAX_LENGTH,
                    })
                  : true
              },
            }}
            render={({ field, fieldState }) => (
              <AllowedValuesInput
                ref={field.ref}
                id="crm-tag-form-allowed-values"
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                disabled={isPending}
                invalid={!!fieldState.error}
              />
            )}
          />
        </FormField>
      )}

      <FormField
        id="crm-tag-form-benefit-group"
        label={t("tagsPage.fields.benefitGroup")}
        optional
        hint={t("tagsPage.form.benefitGroupHint")}
        data-testid="crm-tag-form-benefit-group-field"
      >
        <Controller
          control={form.control}
          name="customer_group_id"
          render={({ field }) => (
            <BenefitGroupSelect
              id="crm-tag-form-benefit-group"
              value={field.value}
              onChange={field.onChange}
              current={tag?.customer_group}
              disabled={isPending}
            />
          )}
        />
      </FormField>
    </DrawerForm>
  )
}
