import { Input, Label, RadioGroup, Select, Text, Textarea } from "@medusajs/ui"
import { useMemo } from "react"
import { Controller, useForm } from "react-hook-form"
import { useSegmentGroupChoices, useUpdateSegment } from "../../hooks/api/segments"
import { useFormSave } from "../../hooks/use-form-save"
import { useTranslate } from "../../lib/i18n"
import type { AdminUpdateSegment, CustomerSegment, SegmentManualMembers } from "../../lib/types"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"

type SyncTarget = "none" | "new" | "existing"

type SegmentFormValues = {
  name: string
  description: string
  sync: SyncTarget
  group_id: string
  manual_members: SegmentManualMembers
}

const NAME_MAX = 120
const DESCRIPTION_MAX = 1000

const toFormValues = (segment: CustomerSegment): SegmentFormValues => ({
  name: segment.name,
  description: segment.description ?? "",
  sync: segment.group_id ? "existing" : "none",
  group_id: segment.group_id ?? "",
  manual_members: segment.manual_members,
})

/** The changes to send: name and description, and where it syncs (unchanged when it stays). */
const toPayload = (values: SegmentFormValues, segment: CustomerSegment): AdminUpdateSegment => {
  const payload: AdminUpdateSegment = {
    name: values.name.trim(),
    description: values.description.trim() || null,
    manual_members: values.manual_members,
  }
  if (values.sync === "none") {
    payload.group_id = null
  } else if (values.sync === "new") {
    payload.create_group = true
  } else if (values.group_id !== segment.group_id) {
    payload.group_id = values.group_id
  }
  return payload
}

type SegmentFormDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  segment: CustomerSegment
}

/** The drawer to rename a segment and set where it syncs. */
export const SegmentFormDrawer = ({ open, onOpenChange, segment }: SegmentFormDrawerProps) => {
  const { t } = useTranslate()

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
      title={t("segmentsPage.form.editTitle")}
      description={t("segmentsPage.form.description")}
      data-testid="crm-segment-form-drawer"
    >
      {open && <SegmentForm segment={segment} onDone={() => handleOpenChange(false)} />}
    </FormDrawer>
  )
}

const SegmentForm = ({ segment, onDone }: { segment: CustomerSegment; onDone: () => void }) => {
  const { t } = useTranslate()
  const form = useForm<SegmentFormValues>({ defaultValues: toFormValues(segment) })
  const { errors } = form.formState
  const { mutateAsync, isPending } = useUpdateSegment(segment.id)
  const { save, serverError } = useFormSave(mutateAsync)
  const sync = form.watch("sync")
  const { customerGroups, isPending: groupsPending } = useSegmentGroupChoices({
    enabled: sync === "existing",
  })

  const groups = useMemo(() => {
    const rows = (customerGroups ?? []).map((group) => ({
      id: group.id,
      name: group.name ?? group.id,
    }))
    if (segment.group && !rows.some((group) => group.id === segment.group?.id)) {
      rows.unshift(segment.group)
    }
    return rows
  }, [customerGroups, segment.group])

  const handleSubmit = form.handleSubmit((values) =>
    save(toPayload(values, segment), {
      success: ({ segment: saved }) => t("segmentsPage.toasts.updated", { name: saved.name }),
      onSuccess: onDone,
    }).then(() => undefined)
  )

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      submitOnModEnter
      serverError={serverError}
      cancelLabel={t("segmentsPage.actions.cancel")}
      submitLabel={t("segmentsPage.actions.save")}
      isPending={isPending}
      testIdPrefix="crm-segment-form"
    >
      <FormField
        id="crm-segment-form-name"
        label={t("segmentsPage.fields.name")}
        error={errors.name?.message}
        data-testid="crm-segment-form-name-field"
      >
        <Input
          id="crm-segment-form-name"
          maxLength={NAME_MAX}
          autoFocus
          aria-invalid={!!errors.name || undefined}
          data-testid="crm-segment-form-name"
          {...form.register("name", {
            validate: (value) => !!value.trim() || t("segmentsPage.form.nameRequired"),
          })}
        />
      </FormField>
      <FormField id="crm-segment-form-description" label={t("segmentsPage.fields.description")} optional>
        <Textarea
          id="crm-segment-form-description"
          rows={3}
          maxLength={DESCRIPTION_MAX}
          data-testid="crm-segment-form-description"
          {...form.register("description")}
        />
      </FormField>

      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus" id="crm-segment-form-sync-label">
          {t("segmentsPage.form.syncInto")}
        </Label>
        <Text size="small" className="text-ui-fg-subtle">
          {t("segmentsPage.form.syncHint")}
        </Text>
        <Controller
          control={form.control}
          name="sync"
          render={({ field }) => (
            <RadioGroup
              value={field.value}
              onValueChange={(next) => field.onChange(next as SyncTarget)}
              aria-labelledby="crm-segment-form-sync-label"
              className="grid-cols-1"
              data-testid="crm-segment-form-sync"
              data-value={field.value}
            >
              <RadioGroup.ChoiceBox
                value="none"
                label={t("segmentsPage.form.syncNone")}
                description={t("segmentsPage.form.syncNoneHint")}
                data-testid="crm-segment-form-sync-none"
              />
              <RadioGroup.ChoiceBox
                value="new"
                label={t("segmentsPage.form.syncNew")}
                description={t("segmentsPage.form.syncNewHint", { name: form.watch("name") || segment.name })}
                data-testid="crm-segment-form-sync-new"
              />
              <RadioGroup.ChoiceBox
                value="existing"
                label={t("segmentsPage.form.syncExisting")}
                description={t("segmentsPage.form.syncExistingHint")}
                data-testid="crm-segment-form-sync-existing"
              />
            </RadioGroup>
          )}
        />
      </div>

      {sync === "existing" && (
        <FormField
          id="crm-segment-form-group"
          label={t("segmentsPage.fields.group")}
          error={errors.group_id?.message}
          data-testid="crm-segment-form-group-field"
        >
          <Controller
            control={form.control}
            name="group_id"
            rules={{
              validate: (value) =>
                form.getValues("sync") !== "existing" || !!value || t("segmentsPage.form.groupRequired"),
            }}
            render={({ field }) => (
              <Select value={field.value || undefined} onValueChange={field.onChange} disabled={groupsPending}>
                <Select.Trigger
                  id="crm-segment-form-group"
                  ref={field.ref}
                  aria-invalid={!!errors.group_id || undefined}
                  data-testid="crm-segment-form-group"
                  data-value={field.value}
                >
                  <Select.Value
                    placeholder={
                      groupsPending ? t("segmentsPage.form.groupsLoading") : t("segmentsPage.form.groupPlaceholder")
                    }
                  />
                </Select.Trigger>
                <Select.Content>
                  {groups.map((group) => (
                    <Select.Item
                      key={group.id}
                      value={group.id}
                      data-testid="crm-segment-form-group-option"
                      data-value={group.id}
                    >
                      {group.name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            )}
          />
        </FormField>
      )}

      {sync !== "none" && (
        <div className="flex flex-col gap-y-2">
          <Label size="small" weight="plus" id="crm-segment-form-manual-label">
            {t("segmentsPage.fields.manualMembers")}
          </Label>
          <Controller
            control={form.control}
            name="manual_members"
            render={({ field }) => (
              <RadioGroup
                value={field.value}
                onValueChange={(next) => field.onChange(next as SegmentManualMembers)}
                aria-labelledby="crm-segment-form-manual-label"
                className="grid-cols-1"
                data-testid="crm-segment-form-manual"
                data-value={field.value}
              >
                <RadioGroup.ChoiceBox
                  value="keep"
                  label={t("segmentsPage.form.manualKeep")}
                  description={t("segmentsPage.form.manualKeepHint")}
                  data-testid="crm-segment-form-manual-keep"
                />
                <RadioGroup.ChoiceBox
                  value="remove"
                  label={t("segmentsPage.form.manualRemove")}
                  description={t("segmentsPage.form.manualRemoveHint")}
                  data-testid="crm-segment-form-manual-remove"
                />
              </RadioGroup>
            )}
          />
        </div>
      )}
    </DrawerForm>
  )
}
