import { usePrompt } from "@medusajs/ui"
import { useDeleteMembershipPlan } from "../../hooks/api/memberships"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { MembershipPlanWithCounts } from "../../lib/types"

/**
 * Asks for confirmation, then deletes a plan. The API refuses while the plan has active
 * memberships; its message is shown in the toast. Resolves to true when it was deleted.
 */
export const useDeleteMembershipPlanWithPrompt = () => {
  const { t } = useTranslate()
  const prompt = usePrompt()
  const { mutateAsync, isPending } = useDeleteMembershipPlan()

  const confirmAndDelete = async (
    plan: Pick<MembershipPlanWithCounts, "id" | "name" | "active_count">
  ) => {
    const confirmed = await prompt({
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
    })
    if (!confirmed) {
      return false
    }

    return mutateWithToast(mutateAsync, plan.id, {
      success: () => t("membershipsPage.toasts.deleted", { name: plan.name }),
    })
  }

  return { confirmAndDelete, isPending }
}
