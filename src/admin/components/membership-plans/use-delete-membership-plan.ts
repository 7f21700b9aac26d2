import { useDeleteMembershipPlan } from "../../hooks/api/memberships"
import { useConfirmedMutation } from "../../hooks/use-confirmed-mutation"
import { useTranslate } from "../../lib/i18n"
import type { MembershipPlanWithCounts } from "../../lib/types"

/**
 * Asks for confirmation, then deletes a plan. The API refuses while the plan has active
 * memberships; its message is shown in the toast. Resolves to true when it was deleted.
 */
export const useDeleteMembershipPlanWithPrompt = () => {
  const { t } = useTranslate()
  const { confirmAndRun, isPending } = useConfirmedMutation(
    useDeleteMembershipPlan()
  )

  const confirmAndDelete = (
    plan: Pick<MembershipPlanWithCounts, "id" | "name" | "active_count">
  ) =>
    confirmAndRun(plan.id, {
      title: t("membershipsPage.delete.title", { name: plan.name }),
      description:
        plan.active_count > 0
          ? t("membershipsPage.delete.descriptionActive", {
              name: plan.name,
              count: plan.active_count,
            })
          : t("membershipsPage.delete.description", { name: plan.name }),
      confirmText: t("membershipsPage.actions.delete"),
      cancelText: t("membershipsPage.actions.cancel"),
      success: () => t("membershipsPage.toasts.deleted", { name: plan.name }),
    })

  return { confirmAndDelete, isPending }
}
