import { RadioGroup } from "@medusajs/ui"
import { Controller, useForm } from "react-hook-form"
import { useCancelMembership } from "../../hooks/api/memberships"
import { formatDate } from "../../lib/format"
import { useFormSave } from "../../hooks/use-form-save"
import { useTranslate } from "../../lib/i18n"
import type { MembershipCancelAt } from "../../lib/types"
import { DrawerForm } from "../common/drawer-form"
import type { MembershipFormProps } from "./membership-dialogs"
import { MembershipSummary } from "./membership-summary"

/** "Cancel": end the membership now, or let it run to its expiry and not renew. */
export const CancelMembershipForm = ({
  customerId,
  membership,
  onDone,
}: MembershipFormProps) => {
  const { t, locale } = useTranslate()
  // A lifetime membership has no period end; a scheduled one is already set to end there.
  const canEndAtPeriodEnd =
    !!membership.expires_at && !membership.cancel_at_period_end
  const form = useForm<{ at: MembershipCancelAt }>({
    defaultValues: { at: canEndAtPeriodEnd ? "period_end" : "now" },
  })
  const { mutateAsync, isPending } = useCancelMembership(customerId)
  const { save, serverError } = useFormSave(mutateAsync)

  const handleSubmit = form.handleSubmit(async ({ at }) => {
    await save(
      { membershipId: membership.id, at },
      {
        success: ({ membership: updated }) =>
          at === "now"
            ? t("memberships.cancel.doneNow", { number: updated.number })
            : t("memberships.cancel.donePeriodEnd", {
                number: updated.number,
              }),
        onSuccess: onDone,
      }
    )
  })

  const periodEndHint = () => {
    if (!membership.expires_at) {
      return t("memberships.cancel.periodEndLifetime")
    }
    if (membership.cancel_at_period_end) {
      return t("memberships.cancel.periodEndScheduled")
    }
    return t("memberships.cancel.periodEndHint", {
      date: formatDate(membership.expires_at, locale),
    })
  }

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      serverError={serverError}
      cancelLabel={t("memberships.cancel.keep")}
      submitLabel={t("memberships.cancel.submit")}
      isPending={isPending}
      cancelTestId="crm-membership-cancel-keep"
      testIdPrefix="crm-membership-cancel"
    >
      <MembershipSummary membership={membership} />
      <Controller
        control={form.control}
        name="at"
        render={({ field }) => (
          <RadioGroup
            value={field.value}
            onValueChange={(next) => field.onChange(next as MembershipCancelAt)}
            aria-label={t("memberships.cancel.title")}
            className="grid-cols-1"
            data-testid="crm-membership-cancel-at"
            data-value={field.value}
          >
            <RadioGroup.ChoiceBox
              value="period_end"
              label={t("memberships.cancel.periodEnd")}
              description={periodEndHint()}
              disabled={!canEndAtPeriodEnd}
              data-testid="crm-membership-cancel-at-period_end"
            />
            <RadioGroup.ChoiceBox
              value="now"
              label={t("memberships.cancel.now")}
              description={t("memberships.cancel.nowHint")}
              data-testid="crm-membership-cancel-at-now"
            />
          </RadioGroup>
        )}
      />
    </DrawerForm>
  )
}
