import { Badge, Button, Checkbox, Input, Label, Select, Switch, Text, Textarea } from "@medusajs/ui"
import { useMemo } from "react"
import { Controller, useForm, type UseFormReturn } from "react-hook-form"
import { useCreateReport, useUpdateReport } from "../../hooks/api/reports"
import { useSegments } from "../../hooks/api/segments"
import { useFormSave } from "../../hooks/use-form-save"
import { formatWeekday } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import {
  CUSTOMER_EXPORT_FORMATS,
  CUSTOMER_LIST_COLUMNS,
  type CrmReport,
  REPORT_DESTINATIONS,
  REPORT_FREQUENCIES,
} from "../../lib/types"
import { type Choice, ChoiceSelect } from "../common/choice-select"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import { FilterChips } from "../segments/filter-chips"
import {
  needsSecret,
  type ReportFormValues,
  type ReportSource,
  type SftpAuth,
  splitRecipients,
  timeZones,
  toFormValues,
  toPayload,
} from "./report-form"

const NAME_MAX = 120
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/

type ReportFormDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The report to edit; without it the drawer creates one. */
  report?: CrmReport | null
  onCreated?: (report: CrmReport) => void
}

/** The drawer to create or edit a scheduled report. */
export const ReportFormDrawer = ({ open, onOpenChange, report, onCreated }: ReportFormDrawerProps) => {
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
      title={report ? t("reportsPage.form.editTitle") : t("reportsPage.form.createTitle")}
      description={t("reportsPage.form.description")}
      hideDescription
      data-testid="crm-report-form-drawer"
    >
      {open && (
        <ReportForm
          key={report?.id ?? "new"}
          report={report ?? null}
          onDone={() => handleOpenChange(false)}
          onCreated={onCreated}
        />
      )}
    </FormDrawer>
  )
}

type ReportFormProps = {
  report: CrmReport | null
  onDone: () => void
  onCreated?: (report: CrmReport) => void
}

const ReportForm = ({ report, onDone, onCreated }: ReportFormProps) => {
  const { t } = useTranslate()
  const form = useForm<ReportFormValues>({ defaultValues: toFormValues(report) })
  const { errors } = form.formState
  const { mutateAsync: create, isPending: isCreating } = useCreateReport()
  const { mutateAsync: update, isPending: isUpdating } = useUpdateReport()
  const createSave = useFormSave(create)
  const updateSave = useFormSave(update)
  const serverError = report ? updateSave.serverError : createSave.serverError

  const handleSubmit = form.handleSubmit(async (values) => {
    const payload = toPayload(values, report)
    if (report) {
      await updateSave.save(
        { id: report.id, changes: payload },
        {
          success: ({ report: saved }) => t("reportsPage.toasts.updated", { name: saved.name }),
          onSuccess: onDone,
        }
      )
    } else {
      await createSave.save(payload, {
        success: ({ report: saved }) => t("reportsPage.toasts.created", { name: saved.name }),
        onSuccess: ({ report: saved }) => {
          onDone()
          onCreated?.(saved)
        },
      })
    }
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      submitOnModEnter
      serverError={serverError}
      cancelLabel={t("reportsPage.actions.cancel")}
      submitLabel={report ? t("reportsPage.actions.save") : t("reportsPage.actions.create")}
      isPending={isCreating || isUpdating}
      testIdPrefix="crm-report-form"
    >
      <FormField
        id="crm-report-form-name"
        label={t("reportsPage.fields.name")}
        error={errors.name?.message}
        data-testid="crm-report-form-name-field"
      >
        <Input
          id="crm-report-form-name"
          maxLength={NAME_MAX}
          autoFocus
          placeholder={t("reportsPage.form.namePlaceholder")}
          aria-invalid={!!errors.name || undefined}
          data-testid="crm-report-form-name"
          {...form.register("name", {
            validate: (value) => !!value.trim() || t("reportsPage.form.nameRequired"),
          })}
        />
      </FormField>
      <SourceFields form={form} report={report} />
      <ColumnsField form={form} />
      <FormField id="crm-report-form-format" label={t("reportsPage.fields.format")}>
        <Controller
          control={form.control}
          name="format"
          render={({ field }) => (
            <ChoiceSelect
              id="crm-report-form-format"
              value={field.value}
              onValueChange={field.onChange}
              triggerRef={field.ref}
              choices={CUSTOMER_EXPORT_FORMATS.map((format) => ({
                value: format,
                label: t(`reportsPage.formats.${format}`),
              }))}
              data-testid="crm-report-form-format"
            />
          )}
        />
      </FormField>
      <ScheduleFields form={form} />
      <DestinationFields form={form} report={report} />
      <Controller
        control={form.control}
        name="enabled"
        render={({ field }) => (
          <div className="flex items-start gap-x-3">
            <Switch
              id="crm-report-form-enabled"
              checked={field.value}
              onCheckedChange={field.onChange}
              data-testid="crm-report-form-enabled"
            />
            <div className="flex flex-col">
              <Label htmlFor="crm-report-form-enabled" size="small" weight="plus">
                {t("reportsPage.fields.enabled")}
              </Label>
              <Text size="small" className="text-ui-fg-subtle">
                {t("reportsPage.form.enabledHint")}
              </Text>
            </div>
          </div>
        )}
      />
    </DrawerForm>
  )
}

type FieldsProps = { form: UseFormReturn<ReportFormValues>; report?: CrmReport | null }

/** A segment from a select; a report made from the list may instead keep the filter it was saved with. */
const SourceFields = ({ form, report }: FieldsProps) => {
  const { t } = useTranslate()
  const { errors } = form.formState
  const source = form.watch("source")
  const { segments, isPending } = useSegments({ limit: 100 })
  const hasFilter = !!report?.filter

  const choices = useMemo(() => {
    const rows = (segments ?? []).map((segment) => ({ value: segment.id, label: segment.name }))
    if (report?.segment_id && !rows.some((row) => row.value === report.segment_id)) {
      rows.unshift({ value: report.segment_id, label: report.segment_id })
    }
    return rows
  }, [segments, report?.segment_id])

  return (
    <div className="flex flex-col gap-y-4">
      {hasFilter && (
        <FormField id="crm-report-form-source" label={t("reportsPage.fields.source")}>
          <Controller
            control={form.control}
            name="source"
            render={({ field }) => (
              <ChoiceSelect<ReportSource>
                id="crm-report-form-source"
                value={field.value}
                onValueChange={field.onChange}
                triggerRef={field.ref}
                choices={[
                  { value: "segment", label: t("reportsPage.form.sourceSegment") },
                  { value: "filter", label: t("reportsPage.form.sourceFilter") },
                ]}
                data-testid="crm-report-form-source"
              />
            )}
          />
        </FormField>
      )}
      {source === "filter" && report?.filter ? (
        <FilterChips filter={report.filter} resolveNames data-testid="crm-report-form-filter" />
      ) : (
        <FormField
          id="crm-report-form-segment"
          label={t("reportsPage.fields.segment")}
          hint={t("reportsPage.form.segmentHint")}
          error={errors.segment_id?.message}
          data-testid="crm-report-form-segment-field"
        >
          <Controller
            control={form.control}
            name="segment_id"
            rules={{
              validate: (value) =>
                form.getValues("source") !== "segment" || !!value || t("reportsPage.form.segmentRequired"),
            }}
            render={({ field }) => (
              <ChoiceSelect
                id="crm-report-form-segment"
                value={field.value || undefined}
                onValueChange={field.onChange}
                triggerRef={field.ref}
                aria-invalid={!!errors.segment_id}
                placeholder={
                  isPending
                    ? t("reportsPage.form.segmentsLoading")
                    : choices.length
                      ? t("reportsPage.form.segmentPlaceholder")
                      : t("reportsPage.form.noSegments")
                }
                choices={choices}
                data-testid="crm-report-form-segment"
              />
            )}
          />
        </FormField>
      )}
    </div>
  )
}

/** A checkbox per column the list can hold, in the list's order. */
const ColumnsField = ({ form }: FieldsProps) => {
  const { t } = useTranslate()
  const { errors } = form.formState
  return (
    <FormField
      id="crm-report-form-columns"
      label={t("reportsPage.fields.columns")}
      error={errors.columns?.message}
      data-testid="crm-report-form-columns-field"
    >
      <Controller
        control={form.control}
        name="columns"
        rules={{ validate: (value) => value.length > 0 || t("reportsPage.form.columnsRequired") }}
        render={({ field }) => (
          <div className="grid grid-cols-2 gap-2" data-testid="crm-report-form-columns">
            {CUSTOMER_LIST_COLUMNS.map((column) => {
              const id = `crm-report-form-column-${column}`
              const checked = field.value.includes(column)
              return (
                <div key={column} className="flex items-center gap-x-2">
                  <Checkbox
                    id={id}
                    checked={checked}
                    onCheckedChange={(next) =>
                      field.onChange(
                        next === true
                          ? CUSTOMER_LIST_COLUMNS.filter((c) => c === column || field.value.includes(c))
                          : field.value.filter((c) => c !== column)
                      )
                    }
                    data-testid="crm-report-form-column"
                    data-column={column}
                  />
                  <Label htmlFor={id} size="small">
                    {t(`reportsPage.columns.${column}`)}
                  </Label>
                </div>
              )
            })}
          </div>
        )}
      />
    </FormField>
  )
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0]

/** Daily, weekly or monthly at a time, in a time zone. */
const ScheduleFields = ({ form }: FieldsProps) => {
  const { t, locale } = useTranslate()
  const { errors } = form.formState
  const frequency = form.watch("frequency")
  const zones = useMemo(() => timeZones(), [])
  const weekdays: Choice<string>[] = WEEKDAYS.map((day) => ({
    value: String(day),
    label: formatWeekday(day === 0 ? 7 : day, locale, "long"),
  }))
  const days: Choice<string>[] = Array.from({ length: 28 }, (_, i) => ({
    value: String(i + 1),
    label: String(i + 1),
  }))

  return (
    <div className="flex flex-col gap-y-4" data-testid="crm-report-form-schedule">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FormField id="crm-report-form-frequency" label={t("reportsPage.fields.frequency")}>
          <Controller
            control={form.control}
            name="frequency"
            render={({ field }) => (
              <ChoiceSelect
                id="crm-report-form-frequency"
                value={field.value}
                onValueChange={field.onChange}
                triggerRef={field.ref}
                choices={REPORT_FREQUENCIES.map((value) => ({
                  value,
                  label: t(`reportsPage.frequencies.${value}`),
                }))}
                data-testid="crm-report-form-frequency"
              />
            )}
          />
        </FormField>
        <FormField
          id="crm-report-form-time"
          label={t("reportsPage.fields.time")}
          error={errors.time?.message}
          data-testid="crm-report-form-time-field"
        >
          <Input
            id="crm-report-form-time"
            type="time"
            data-testid="crm-report-form-time"
            aria-invalid={!!errors.time || undefined}
            {...form.register("time", {
              validate: (value) => TIME_PATTERN.test(value) || t("reportsPage.form.timeInvalid"),
            })}
          />
        </FormField>
      </div>
      {frequency === "weekly" && (
        <FormField id="crm-report-form-weekday" label={t("reportsPage.fields.weekday")}>
          <Controller
            control={form.control}
            name="weekday"
            render={({ field }) => (
              <ChoiceSelect
                id="crm-report-form-weekday"
                value={field.value}
                onValueChange={field.onChange}
                triggerRef={field.ref}
                choices={weekdays}
                data-testid="crm-report-form-weekday"
              />
            )}
          />
        </FormField>
      )}
      {frequency === "monthly" && (
        <FormField
          id="crm-report-form-day"
          label={t("reportsPage.fields.dayOfMonth")}
          hint={t("reportsPage.form.dayOfMonthHint")}
        >
          <Controller
            control={form.control}
            name="day_of_month"
            render={({ field }) => (
              <ChoiceSelect
                id="crm-report-form-day"
                value={field.value}
                onValueChange={field.onChange}
                triggerRef={field.ref}
                choices={days}
                data-testid="crm-report-form-day"
              />
            )}
          />
        </FormField>
      )}
      <FormField id="crm-report-form-timezone" label={t("reportsPage.fields.timezone")}>
        <Controller
          control={form.control}
          name="timezone"
          render={({ field }) => (
            <Select value={field.value} onValueChange={field.onChange}>
              <Select.Trigger
                id="crm-report-form-timezone"
                ref={field.ref}
                data-testid="crm-report-form-timezone"
                data-value={field.value}
              >
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {(zones.includes(field.value) ? zones : [field.value, ...zones]).map((zone) => (
                  <Select.Item key={zone} value={zone}>
                    {zone}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        />
      </FormField>
    </div>
  )
}

/** A stored secret: "Set" and a "Replace" button; replacing shows the empty field. */
const SecretField = ({
  form,
  report,
  which,
}: FieldsProps & { which: SftpAuth }) => {
  const { t } = useTranslate()
  const { errors } = form.formState
  const values = form.watch()
  const replaceKey = which === "password" ? "replace_password" : "replace_private_key"
  const typing = needsSecret(values, report ?? null, which)
  const id = `crm-report-form-${which.replace("_", "-")}`
  const label = which === "password" ? t("reportsPage.fields.password") : t("reportsPage.fields.privateKey")

  if (!typing) {
    return (
      <FormField id={id} label={label} data-testid={`${id}-field`}>
        <div className="flex items-center gap-x-2">
          <Badge size="2xsmall" color="green" data-testid={`${id}-set`}>
            {t("reportsPage.form.secretSet")}
          </Badge>
          <Button
            type="button"
            size="small"
            variant="transparent"
            onClick={() => form.setValue(replaceKey, true)}
            data-testid={`${id}-replace`}
          >
            {t("reportsPage.form.secretReplace")}
          </Button>
        </div>
      </FormField>
    )
  }

  const rules = {
    validate: (value: string) =>
      form.getValues("destination_type") !== "sftp" ||
      form.getValues("auth") !== which ||
      !!value ||
      t("reportsPage.form.secretRequired"),
  }
  return (
    <FormField
      id={id}
      label={label}
      hint={values[replaceKey] ? t("reportsPage.form.secretReplaceHint") : undefined}
      error={errors[which]?.message}
      data-testid={`${id}-field`}
    >
      {which === "password" ? (
        <Input
          id={id}
          type="password"
          autoComplete="new-password"
          data-testid={id}
          aria-invalid={!!errors.password || undefined}
          {...form.register("password", rules)}
        />
      ) : (
        <Textarea
          id={id}
          rows={5}
          className="font-mono"
          placeholder="-----BEGIN OPENSSH PRIVATE KEY-----"
          data-testid={id}
          aria-invalid={!!errors.private_key || undefined}
          {...form.register("private_key", rules)}
        />
      )}
    </FormField>
  )
}

/** The file module, an e-mail with a link, or SFTP with its login, folder and file name. */
const DestinationFields = ({ form, report }: FieldsProps) => {
  const { t } = useTranslate()
  const { errors } = form.formState
  const type = form.watch("destination_type")
  const auth = form.watch("auth")
  const isSftp = () => form.getValues("destination_type") === "sftp"

  return (
    <div className="flex flex-col gap-y-4" data-testid="crm-report-form-destination">
      <FormField
        id="crm-report-form-destination-type"
        label={t("reportsPage.fields.destination")}
        hint={t(`reportsPage.form.destinationHints.${type}`)}
      >
        <Controller
          control={form.control}
          name="destination_type"
          render={({ field }) => (
            <ChoiceSelect
              id="crm-report-form-destination-type"
              value={field.value}
              onValueChange={field.onChange}
              triggerRef={field.ref}
              choices={REPORT_DESTINATIONS.map((value) => ({
                value,
                label: t(`reportsPage.destinationTypes.${value}`),
              }))}
              data-testid="crm-report-form-destination-type"
            />
          )}
        />
      </FormField>
      {type === "email" && (
        <FormField
          id="crm-report-form-email-to"
          label={t("reportsPage.fields.recipients")}
          hint={t("reportsPage.form.recipientsHint")}
          error={errors.email_to?.message}
          data-testid="crm-report-form-email-to-field"
        >
          <Input
            id="crm-report-form-email-to"
            placeholder="reports@example.com"
            data-testid="crm-report-form-email-to"
            aria-invalid={!!errors.email_to || undefined}
            {...form.register("email_to", {
              validate: (value) => {
                if (form.getValues("destination_type") !== "email") {
                  return true
                }
                const to = splitRecipients(value)
                if (!to.length) {
                  return t("reportsPage.form.recipientsRequired")
                }
                const bad = to.find((address) => !EMAIL_PATTERN.test(address))
                return !bad || t("reportsPage.form.recipientInvalid", { address: bad })
              },
            })}
          />
        </FormField>
      )}
      {type === "sftp" && (
        <>
          <div className="grid grid-cols-3 gap-4">
            <div className="col-span-2">
              <FormField
                id="crm-report-form-host"
                label={t("reportsPage.fields.host")}
                error={errors.host?.message}
                data-testid="crm-report-form-host-field"
              >
                <Input
                  id="crm-report-form-host"
                  placeholder="sftp.example.com"
                  data-testid="crm-report-form-host"
                  aria-invalid={!!errors.host || undefined}
                  {...form.register("host", {
                    validate: (value) => !isSftp() || !!value.trim() || t("reportsPage.form.hostRequired"),
                  })}
                />
              </FormField>
            </div>
            <FormField
              id="crm-report-form-port"
              label={t("reportsPage.fields.port")}
              error={errors.port?.message}
              data-testid="crm-report-form-port-field"
            >
              <Input
                id="crm-report-form-port"
                type="number"
                min={1}
                max={65535}
                data-testid="crm-report-form-port"
                aria-invalid={!!errors.port || undefined}
                {...form.register("port", {
                  validate: (value) => {
                    const port = Number(value)
                    return (
                      !isSftp() ||
                      (Number.isInteger(port) && port >= 1 && port <= 65535) ||
                      t("reportsPage.form.portInvalid")
                    )
                  },
                })}
              />
            </FormField>
          </div>
          <FormField
            id="crm-report-form-username"
            label={t("reportsPage.fields.username")}
            error={errors.username?.message}
            data-testid="crm-report-form-username-field"
          >
            <Input
              id="crm-report-form-username"
              autoComplete="off"
              data-testid="crm-report-form-username"
              aria-invalid={!!errors.username || undefined}
              {...form.register("username", {
                validate: (value) => !isSftp() || !!value.trim() || t("reportsPage.form.usernameRequired"),
              })}
            />
          </FormField>
          <FormField id="crm-report-form-auth" label={t("reportsPage.fields.auth")}>
            <Controller
              control={form.control}
              name="auth"
              render={({ field }) => (
                <ChoiceSelect<SftpAuth>
                  id="crm-report-form-auth"
                  value={field.value}
                  onValueChange={field.onChange}
                  triggerRef={field.ref}
                  choices={[
                    { value: "password", label: t("reportsPage.fields.password") },
                    { value: "private_key", label: t("reportsPage.fields.privateKey") },
                  ]}
                  data-testid="crm-report-form-auth"
                />
              )}
            />
          </FormField>
          <SecretField form={form} report={report} which={auth} key={auth} />
          <FormField
            id="crm-report-form-remote-dir"
            label={t("reportsPage.fields.remoteDir")}
            optional
            hint={t("reportsPage.form.remoteDirHint")}
          >
            <Input
              id="crm-report-form-remote-dir"
              placeholder="/upload"
              data-testid="crm-report-form-remote-dir"
              {...form.register("remote_dir")}
            />
          </FormField>
          <FormField
            id="crm-report-form-file-name"
            label={t("reportsPage.fields.fileName")}
            hint={t("reportsPage.form.fileNameHint")}
          >
            <Input
              id="crm-report-form-file-name"
              data-testid="crm-report-form-file-name"
              {...form.register("file_name")}
            />
          </FormField>
        </>
      )}
    </div>
  )
}
