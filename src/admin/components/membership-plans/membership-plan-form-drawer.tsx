import { Input, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { Controller, useForm, type UseFormReturn } from "react-hook-form"
import {
  useCreateMembershipPlan,
  useUpdateMembershipPlan,
} from "../../hooks/api/memberships"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import { MEMBERSHIP_PLAN_LIMITS, type MembershipPlan } from "../../lib/types"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { ChoiceSelect } from "../common/choice-select"
import { FormField } from "../common/form-field"
import { isWholeNumber } from "../loyalty-program/settings-form"
import { BenefitGroupSelect } from "../tag-definitions/benefit-group-select"
import {
  DURATION_UNITS,
  type PlanFormValues,
  toFormValues,
  toPayload,
} from "./plan-form"
import { VariantPicker } from "./variant-picker"

type MembershipPlanFormDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The plan to edit; without it the drawer creates one. */
  plan?: MembershipPlan | null
}

/** The drawer to create or edit a membership plan. */
export const MembershipPlanFormDrawer = ({
  open,
  onOpenChange,
  plan,
}: MembershipPlanFormDrawerProps) => {
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
      title={
        plan
          ? t("membershipsPage.form.editTitle")
          : t("membershipsPage.form.createTitle")
      }
      description={t("membershipsPage.form.description")}
      hideDescription
      data-testid="crm-membership-plan-form-drawer"
    >
      {open && (
        <MembershipPlanForm
          key={plan?.id ?? "new"}
          plan={plan ?? null}
          onDone={() => handleOpenChange(false)}
        />
      )}
    </FormDrawer>
  )
}

type MembershipPlanFormProps = {
  plan: MembershipPlan | null
  onDone: () => void
}

const MembershipPlanForm = ({ plan, onDone }: MembershipPlanFormProps) => {
  const { t } = useTranslate()
  const [serverError, setServerError] = useState<string | null>(null)
  const form = useForm<PlanFormValues>({ defaultValues: toFormValues(plan) })
  const { errors } = form.formState

  const { mutateAsync: createPlan, isPending: isCreating } =
    useCreateMembershipPlan()
  const { mutateAsync: updatePlan, isPending: isUpdating } =
    useUpdateMembershipPlan(plan?.id ?? "")
  const isPending = isCreating || isUpdating
  const isLifetime = form.watch("duration_unit") === "lifetime"

  const handleSubmit = form.handleSubmit(async (values) => {
    setServerError(null)
    const payload = toPayload(values)
    const callbacks = {
      success: ({ plan: saved }: { plan: MembershipPlan }) =>
        plan
          ? t("membershipsPage.toasts.updated", { name: saved.name })
          : t("membershipsPage.toasts.created", { name: saved.name }),
      onSuccess: onDone,
      onError: setServerError,
    }
    if (plan) {
      await mutateWithToast(updatePlan, payload, callbacks)
    } else {
      await mutateWithToast(createPlan, payload, callbacks)
    }
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      submitOnModEnter
      serverError={serverError}
      cancelLabel={t("membershipsPage.actions.cancel")}
      submitLabel={
        plan
          ? t("membershipsPage.actions.save")
          : t("membershipsPage.actions.create")
      }
      isPending={isPending}
      testIdPrefix="crm-membership-plan-form"
    >
      <FormField
        id="crm-membership-plan-form-name"
        label={t("membershipsPage.fields.name")}
        error={errors.name?.message}
        data-testid="crm-membership-plan-form-name-field"
      >
        <Input
          id="crm-membership-plan-form-name"
          placeholder={t("membershipsPage.form.namePlaceholder")}
          maxLength={MEMBERSHIP_PLAN_LIMITS.nameMaxLength}
          autoFocus
          aria-invalid={!!errors.name || undefined}
          data-testid="crm-membership-plan-form-name"
          {...form.register("name", {
            validate: (value) =>
              !!value.trim() || t("membershipsPage.form.nameRequired"),
          })}
        />
      </FormField>

      <FormField
        id="crm-membership-plan-form-description"
        label={t("membershipsPage.fields.description")}
        optional
      >
        <Textarea
          id="crm-membership-plan-form-description"
          rows={3}
          maxLength={MEMBERSHIP_PLAN_LIMITS.descriptionMaxLength}
          data-testid="crm-membership-plan-form-description"
          {...form.register("description")}
        />
      </FormField>

      <PlanNumberField
        form={form}
        name="level"
        label={t("membershipsPage.fields.level")}
        hint={t("membershipsPage.form.levelHint")}
        min={0}
      />

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FormField
          id="crm-membership-plan-form-duration-unit"
          label={t("membershipsPage.fields.durationUnit")}
        >
          <Controller
            control={form.control}
            name="duration_unit"
            render={({ field }) => (
              <ChoiceSelect
                id="crm-membership-plan-form-duration-unit"
                value={field.value}
                onValueChange={field.onChange}
                triggerRef={field.ref}
                onBlur={field.onBlur}
                choices={DURATION_UNITS.map((unit) => ({
                  value: unit,
                  label: t(`membershipsPage.units.${unit}`),
                }))}
                data-testid="crm-membership-plan-form-duration-unit"
              />
            )}
          />
        </FormField>
        <PlanNumberField
          form={form}
          name="duration_value"
          label={t("membershipsPage.fields.durationValue")}
          min={1}
          disabled={isLifetime}
        />
      </div>

      <FormField
        id="crm-membership-plan-form-benefit-group"
        label={t("membershipsPage.fields.benefitGroup")}
        optional
        hint={t("membershipsPage.form.benefitGroupHint")}
      >
        <Controller
          control={form.control}
          name="customer_group_id"
          render={({ field }) => (
            <BenefitGroupSelect
              id="crm-membership-plan-form-benefit-group"
              value={field.value}
              onChange={field.onChange}
              current={plan?.customer_group}
              disabled={isPending}
              data-testid="crm-membership-plan-form-benefit-group"
            />
          )}
        />
      </FormField>

      <FormField
        id="crm-membership-plan-form-variant"
        label={t("membershipsPage.fields.variant")}
        optional
        hint={t("membershipsPage.form.variantHint")}
      >
        <Controller
          control={form.control}
          name="variant_id"
          render={({ field }) => (
            <VariantPicker
              id="crm-membership-plan-form-variant"
              value={field.value}
              onChange={field.onChange}
              disabled={isPending}
            />
          )}
        />
      </FormField>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <PlanNumberField
          form={form}
          name="max_shares"
          label={t("membershipsPage.fields.maxShares")}
          hint={t("membershipsPage.form.maxSharesHint")}
          min={0}
          max={MEMBERSHIP_PLAN_LIMITS.maxShares}
        />
        <PlanNumberField
          form={form}
          name="reminder_days"
          label={t("membershipsPage.fields.reminderDays")}
          hint={t("membershipsPage.form.reminderDaysHint")}
          min={0}
          max={MEMBERSHIP_PLAN_LIMITS.reminderDays}
        />
      </div>
    </DrawerForm>
  )
}

type PlanNumberFieldProps = {
  form: UseFormReturn<PlanFormValues>
  name: "level" | "duration_value" | "max_shares" | "reminder_days"
  label: string
  hint?: string
  min: number
  max?: number
  /** Not used (and not checked) while disabled. */
  disabled?: boolean
}

/** A whole-number field, checked like the API does. */
const PlanNumberField = ({
  form,
  name,
  label,
  hint,
  min,
  max,
  disabled,
}: PlanNumberFieldProps) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const id = `crm-membership-plan-form-${name.replace("_", "-")}`
  const error = form.formState.errors[name]

  return (
    <FormField
      id={id}
      label={label}
      hint={hint}
      error={error ? errorText(error) : undefined}
      data-testid={`${id}-field`}
    >
      <Input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        autoComplete="off"
        disabled={disabled}
        aria-invalid={!!error || undefined}
        data-testid={id}
        {...form.register(name, {
          validate: (value) => {
            if (disabled) {
              return true
            }
            const valid =
              isWholeNumber(value, min) &&
              (max === undefined || Number(value.trim()) <= max)
            if (valid) {
              return true
            }
            return max === undefined
              ? t("membershipsPage.form.wholeNumberMin", { min })
              : t("membershipsPage.form.wholeNumberRange", { min, max })
          },
        })}
      />
    </FormField>
  )
}
