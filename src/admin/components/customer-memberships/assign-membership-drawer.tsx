import { Alert, DatePicker, Select, Text } from "@medusajs/ui"
import { Controller, useForm, type UseFormReturn } from "react-hook-form"
import { Link } from "react-router-dom"
import {
  useAssignMembership,
  useMembershipPlans,
} from "../../hooks/api/memberships"
import { formatDate, startOfDay } from "../../lib/format"
import { useFormSave } from "../../hooks/use-form-save"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import type { AssignMembershipPayload, MembershipPlan } from "../../lib/types"
import { DrawerForm, formDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import { endOfDayIso } from "../tag-definitions/format"
import { addDuration, durationText } from "./format"

/** The plans the picker offers: the API's page size, ordered by level then name. */
const PLAN_PICKER_LIMIT = 50

type AssignFormValues = {
  plan_id: string
  starts_on: Date | null
  expires_on: Date | null
}

type AssignMembershipFormProps = {
  customerId: string
  onDone: () => void
}

const AssignMembershipForm = ({
  customerId,
  onDone,
}: AssignMembershipFormProps) => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const form = useForm<AssignFormValues>({
    defaultValues: { plan_id: "", starts_on: null, expires_on: null },
  })
  const { errors } = form.formState
  const { plans, isPending: isLoadingPlans, isError, error } =
    useMembershipPlans({ limit: PLAN_PICKER_LIMIT, offset: 0 })
  const { mutateAsync, isPending } = useAssignMembership(customerId)
  const { save, serverError } = useFormSave(mutateAsync)

  const plan = plans?.find(({ id }) => id === form.watch("plan_id"))
  const startsOn = form.watch("starts_on")
  const defaultExpiry = plan ? addDuration(startsOn ?? new Date(), plan) : null

  const handleSubmit = form.handleSubmit(async (values) => {
    const payload: AssignMembershipPayload = { plan_id: values.plan_id }
    if (values.starts_on) {
      payload.starts_at = values.starts_on.toISOString()
    }
    if (values.expires_on) {
      payload.expires_at = endOfDayIso(values.expires_on)
    }
    await save(payload, {
      success: ({ membership }) =>
        t("memberships.assignForm.done", {
          plan: membership.plan.name,
          number: membership.number,
        }),
      onSuccess: onDone,
    })
  })

  const noPlans = !isLoadingPlans && !isError && !plans?.length

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      serverError={serverError}
      cancelLabel={t("memberships.actions.cancelForm")}
      submitLabel={t("memberships.assignForm.submit")}
      isPending={isPending}
      submitDisabled={noPlans}
      testIdPrefix="crm-membership-assign"
    >
      {noPlans && (
        <Alert variant="info" data-testid="crm-membership-assign-no-plans">
          <div>
            {t("memberships.assignForm.noPlans")}{" "}
            <Link
              to="/crm-memberships"
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
            >
              {t("memberships.assignForm.managePlans")}
            </Link>
          </div>
        </Alert>
      )}
      <FormField
        id="crm-membership-assign-plan"
        label={t("memberships.fields.plan")}
        error={
          isError
            ? t("memberships.assignForm.plansError", {
                message: errorText(error),
              })
            : errors.plan_id?.message
        }
        data-testid="crm-membership-assign-plan-field"
      >
        <Controller
          control={form.control}
          name="plan_id"
          rules={{
            validate: (value) =>
              !!value || t("memberships.assignForm.planRequired"),
          }}
          render={({ field }) => (
            <Select
              value={field.value || undefined}
              onValueChange={field.onChange}
              disabled={isLoadingPlans || noPlans}
            >
              <Select.Trigger
                id="crm-membership-assign-plan"
                ref={field.ref}
                onBlur={field.onBlur}
                aria-invalid={!!errors.plan_id || undefined}
                data-testid="crm-membership-assign-plan"
              >
                <Select.Value
                  placeholder={
                    isLoadingPlans
                      ? t("memberships.assignForm.plansLoading")
                      : t("memberships.assignForm.planPlaceholder")
                  }
                />
              </Select.Trigger>
              <Select.Content>
                {(plans ?? []).map((option) => (
                  <Select.Item
                    key={option.id}
                    value={option.id}
                    data-testid="crm-membership-assign-plan-option"
                    data-plan-id={option.id}
                  >
                    {option.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        />
      </FormField>
      {plan && <PlanFacts plan={plan} />}
      <DateField
        form={form}
        name="starts_on"
        label={t("memberships.fields.startsOn")}
        hint={t("memberships.assignForm.startsHint")}
      />
      <DateField
        form={form}
        name="expires_on"
        label={t("memberships.fields.expiresOn")}
        hint={
          !plan
            ? t("memberships.assignForm.expiresHintNoPlan")
            : defaultExpiry
              ? t("memberships.assignForm.expiresHint", {
                  date: formatDate(defaultExpiry, locale),
                  duration: durationText(plan, t),
                })
              : t("memberships.assignForm.expiresHintLifetime")
        }
        minValue={startsOn ?? startOfDay()}
        validate={(value) =>
          !value ||
          value >= startOfDay(startsOn ?? new Date()) ||
          t("memberships.assignForm.expiresBeforeStart")
        }
      />
    </DrawerForm>
  )
}

type DateFieldProps = {
  form: UseFormReturn<AssignFormValues>
  name: "starts_on" | "expires_on"
  label: string
  hint: string
  minValue?: Date
  validate?: (value: Date | null) => true | string
}

/** An optional day, picked with the dashboard's date picker. */
const DateField = ({
  form,
  name,
  label,
  hint,
  minValue,
  validate,
}: DateFieldProps) => {
  const id = `crm-membership-assign-${name.replace("_", "-")}`

  return (
    <FormField
      id={id}
      label={label}
      optional
      hint={hint}
      error={form.formState.errors[name]?.message}
      data-testid={`${id}-field`}
    >
      <Controller
        control={form.control}
        name={name}
        rules={validate ? { validate } : undefined}
        render={({ field }) => (
          <div data-testid={id}>
            <DatePicker
              id={id}
              aria-label={label}
              value={field.value}
              onChange={field.onChange}
              minValue={minValue}
              granularity="day"
            />
          </div>
        )}
      />
    </FormField>
  )
}

type PlanFactsProps = {
  plan: MembershipPlan
}

/** What the chosen plan gives: level, duration, benefit group, shares. */
const PlanFacts = ({ plan }: PlanFactsProps) => {
  const { t } = useTranslate()
  const facts = [
    [t("memberships.fields.level"), String(plan.level)],
    [t("memberships.fields.duration"), durationText(plan, t)],
    [
      t("memberships.fields.benefitGroup"),
      plan.customer_group?.name ?? t("memberships.none"),
    ],
    [t("memberships.fields.maxShares"), String(plan.max_shares)],
  ]

  return (
    <div
      className="shadow-elevation-card-rest bg-ui-bg-component flex flex-col gap-y-1.5 rounded-lg px-4 py-3"
      data-testid="crm-membership-assign-plan-facts"
    >
      {plan.description && (
        <Text size="small" className="text-ui-fg-subtle">
          {plan.description}
        </Text>
      )}
      {facts.map(([label, value]) => (
        <div key={label} className="flex items-center justify-between gap-x-4">
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {label}
          </Text>
          <Text size="small" leading="compact">
            {value}
          </Text>
        </div>
      ))}
    </div>
  )
}

/** "Assign membership": a plan, and optionally when it starts and ends. */
export const AssignMembershipDrawer = formDrawer(AssignMembershipForm, {
  title: "memberships.assignForm.title",
  description: "memberships.assignForm.description",
  "data-testid": "crm-membership-assign-drawer",
})
