import { DatePicker } from "@medusajs/ui"
import { Controller, useForm } from "react-hook-form"
import { useEditMembershipExpiration } from "../../hooks/api/memberships"
import { formatDate, startOfDay } from "../../lib/format"
import { useFormSave } from "../../hooks/use-form-save"
import { useTranslate } from "../../lib/i18n"
import { DrawerForm } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import { endOfDayIso } from "../tag-definitions/format"
import type { MembershipFormProps } from "./membership-dialogs"
import { MembershipSummary } from "./membership-summary"

/** "Edit expiration": the day the membership ends (at the end of it). */
export const EditExpirationForm = ({
  customerId,
  membership,
  onDone,
}: MembershipFormProps) => {
  const { t, locale } = useTranslate()
  const form = useForm<{ expires_on: Date | null }>({
    defaultValues: {
      expires_on: membership.expires_at
        ? startOfDay(new Date(membership.expires_at))
        : null,
    },
  })
  const { errors } = form.formState
  const { mutateAsync, isPending } = useEditMembershipExpiration(customerId)
  const { save, serverError } = useFormSave(mutateAsync)
  const startsOn = startOfDay(new Date(membership.starts_at))

  const handleSubmit = form.handleSubmit(async ({ expires_on: expiresOn }) => {
    if (!expiresOn) {
      return
    }
    await save(
      { membershipId: membership.id, expires_at: endOfDayIso(expiresOn) },
      {
        success: ({ membership: updated }) =>
          t("memberships.expiration.done", {
            number: updated.number,
            date: updated.expires_at
              ? formatDate(updated.expires_at, locale)
              : t("memberships.lifetime"),
          }),
        onSuccess: onDone,
      }
    )
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      serverError={serverError}
      cancelLabel={t("memberships.actions.cancelForm")}
      submitLabel={t("memberships.actions.save")}
      isPending={isPending}
      testIdPrefix="crm-membership-expiration"
    >
      <MembershipSummary membership={membership} />
      <FormField
        id="crm-membership-expiration-date"
        label={t("memberships.fields.expiresOn")}
        hint={t("memberships.expiration.hint")}
        error={errors.expires_on?.message}
        data-testid="crm-membership-expiration-field"
      >
        <Controller
          control={form.control}
          name="expires_on"
          rules={{
            validate: (value) => {
              if (!value) {
                return t("memberships.expiration.required")
              }
              return value >= startsOn || t("memberships.expiration.beforeStart")
            },
          }}
          render={({ field }) => (
            <div data-testid="crm-membership-expiration-date">
              <DatePicker
                id="crm-membership-expiration-date"
                aria-label={t("memberships.fields.expiresOn")}
                value={field.value}
                onChange={field.onChange}
                minValue={startsOn}
                granularity="day"
              />
            </div>
          )}
        />
      </FormField>
    </DrawerForm>
  )
}
