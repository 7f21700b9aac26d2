import { Hint, Input, Label, Switch } from "@medusajs/ui"
import { Controller, useForm, type UseFormReturn } from "react-hook-form"
import { useUpdateLoyaltyProgram } from "../../hooks/api/loyalty"
import { useFormSave } from "../../hooks/use-form-save"
import { useErrorMessage } from "../../lib/errors"
import { type TranslationKey, useTranslate } from "../../lib/i18n"
import type { LoyaltyProgram } from "../../lib/types"
import { DrawerForm, formDrawer } from "../common/drawer-form"
import { ChoiceSelect } from "../common/choice-select"
import { FormField } from "../common/form-field"
import { LoyaltyRatesField } from "./loyalty-rates-field"
import {
  EARN_ON,
  ENROLLMENT_MODES,
  isWholeNumber,
  type LoyaltySettingsFormValues,
  toFormValues,
  toPayload,
} from "./settings-form"

type NumberFieldProps = {
  form: UseFormReturn<LoyaltySettingsFormValues>
  name:
    | "pending_days"
    | "expiry_months"
    | "expiry_reminder_days"
    | "min_redeem_points"
    | "redemption_hold_hours"
  label: TranslationKey
  hint: TranslationKey
  /** The smallest whole number allowed. */
  min: number
  /** Empty is allowed (and means "never"). */
  optional?: boolean
  testId: string
}

/** A whole-number setting, validated like the API does. */
const NumberField = ({
  form,
  name,
  label,
  hint,
  min,
  optional,
  testId,
}: NumberFieldProps) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const id = `crm-loyalty-settings-${name}`
  const error = form.formState.errors[name]

  return (
    <FormField
      id={id}
      label={t(label)}
      hint={t(hint)}
      optional={optional}
      error={error ? errorText(error) : undefined}
      data-testid={`${testId}-field`}
    >
      <Input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        step={1}
        autoComplete="off"
        aria-invalid={!!error}
        {...form.register(name, {
          validate: (value) =>
            (optional && !value.trim()) ||
            isWholeNumber(value, min) ||
            t("loyaltyPage.form.wholeNumberMin", { min }),
        })}
        data-testid={testId}
      />
    </FormField>
  )
}

type LoyaltySettingsFormProps = {
  program: LoyaltyProgram
  onDone: () => void
}

const LoyaltySettingsForm = ({ program, onDone }: LoyaltySettingsFormProps) => {
  const { t } = useTranslate()
  const form = useForm<LoyaltySettingsFormValues>({
    defaultValues: toFormValues(program),
  })
  const { mutateAsync, isPending } = useUpdateLoyaltyProgram()
  const { save, serverError } = useFormSave(mutateAsync)

  const handleSubmit = form.handleSubmit(async (values) => {
    await save(toPayload(values), {
      success: () => t("loyaltyPage.toasts.saved"),
      onSuccess: onDone,
    })
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      serverError={serverError}
      cancelLabel={t("loyaltyPage.actions.cancel")}
      submitLabel={t("loyaltyPage.actions.save")}
      isPending={isPending}
      testIdPrefix="crm-loyalty-settings"
    >
      <Controller
        control={form.control}
        name="enabled"
        render={({ field: { value, onChange, ...field } }) => (
          <div className="bg-ui-bg-component shadow-elevation-card-rest flex items-start gap-x-3 rounded-lg p-3">
            <Switch
              {...field}
              id="crm-loyalty-settings-enabled"
              checked={value}
              onCheckedChange={onChange}
              data-testid="crm-loyalty-settings-enabled"
            />
            <div className="flex flex-col">
              <Label
                htmlFor="crm-loyalty-settings-enabled"
                size="small"
                weight="plus"
              >
                {t("loyaltyPage.fields.enabled")}
              </Label>
              <Hint>{t("loyaltyPage.form.enabledHint")}</Hint>
            </div>
          </div>
        )}
      />
      <FormField
        id="crm-loyalty-settings-enrollment"
        label={t("loyaltyPage.fields.enrollment")}
        hint={t(`loyaltyPage.form.enrollmentHints.${form.watch("enrollment")}`)}
      >
        <Controller
          control={form.control}
          name="enrollment"
          render={({ field }) => (
            <ChoiceSelect
              id="crm-loyalty-settings-enrollment"
              value={field.value}
              onValueChange={field.onChange}
              triggerRef={field.ref}
              onBlur={field.onBlur}
              choices={ENROLLMENT_MODES.map((mode) => ({
                value: mode,
                label: t(`loyaltyPage.enrollment.${mode}`),
              }))}
              data-testid="crm-loyalty-settings-enrollment"
            />
          )}
        />
      </FormField>
      <FormField
        id="crm-loyalty-settings-earn-on"
        label={t("loyaltyPage.fields.earnOn")}
        hint={t(`loyaltyPage.form.earnOnHints.${form.watch("earn_on")}`)}
      >
        <Controller
          control={form.control}
          name="earn_on"
          render={({ field }) => (
            <ChoiceSelect
              id="crm-loyalty-settings-earn-on"
              value={field.value}
              onValueChange={field.onChange}
              triggerRef={field.ref}
              onBlur={field.onBlur}
              choices={EARN_ON.map((value) => ({
                value,
                label: t(`loyaltyPage.earnOn.${value}`),
              }))}
              data-testid="crm-loyalty-settings-earn-on"
            />
          )}
        />
      </FormField>
      <NumberField
        form={form}
        name="pending_days"
        label="loyaltyPage.fields.pendingDays"
        hint="loyaltyPage.form.pendingDaysHint"
        min={0}
        testId="crm-loyalty-settings-pending-days"
      />
      <NumberField
        form={form}
        name="expiry_months"
        label="loyaltyPage.fields.expiryMonths"
        hint="loyaltyPage.form.expiryMonthsHint"
        min={1}
        optional
        testId="crm-loyalty-settings-expiry-months"
      />
      <NumberField
        form={form}
        name="expiry_reminder_days"
        label="loyaltyPage.fields.reminderDays"
        hint="loyaltyPage.form.reminderDaysHint"
        min={0}
        testId="crm-loyalty-settings-reminder-days"
      />
      <NumberField
        form={form}
        name="min_redeem_points"
        label="loyaltyPage.fields.minRedeemPoints"
        hint="loyaltyPage.form.minRedeemPointsHint"
        min={0}
        testId="crm-loyalty-settings-min-redeem"
      />
      <NumberField
        form={form}
        name="redemption_hold_hours"
        label="loyaltyPage.fields.holdHours"
        hint="loyaltyPage.form.holdHoursHint"
        min={1}
        testId="crm-loyalty-settings-hold-hours"
      />
      <LoyaltyRatesField form={form} />
    </DrawerForm>
  )
}

/** "Edit loyalty program": every setting and the per-currency rates. */
export const LoyaltySettingsDrawer = formDrawer(LoyaltySettingsForm, {
  title: "loyaltyPage.form.title",
  description: "loyaltyPage.form.description",
  hideDescription: true,
  "data-testid": "crm-loyalty-settings-drawer",
})
