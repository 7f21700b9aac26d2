import { useDeleteCampaign, useEndCampaign } from "../../hooks/api/campaigns"
import { useConfirmedMutation } from "../../hooks/use-confirmed-mutation"
import { useTranslate } from "../../lib/i18n"
import type { CustomerCampaign } from "../../lib/types"

/**
 * What can be done to a campaign from its row or its page, after a prompt: end it early (its
 * messages show as expired, its offers leave the inboxes) or delete it before it starts. Each
 * resolves to whether it happened; the outcome shows in a toast.
 */
export const useCampaignActions = () => {
  const { t } = useTranslate()
  const end = useConfirmedMutation(useEndCampaign())
  const remove = useConfirmedMutation(useDeleteCampaign())

  const confirmAndEnd = (campaign: Pick<CustomerCampaign, "id" | "title" | "kind">) =>
    end.confirmAndRun(campaign.id, {
      title: t("messagesPage.end.title", { title: campaign.title }),
      description: t(`messagesPage.end.description.${campaign.kind === "message" ? "message" : "offer"}`, {
        title: campaign.title,
      }),
      confirmText: t("messagesPage.actions.end"),
      cancelText: t("messagesPage.actions.cancel"),
      success: () => t("messagesPage.toasts.ended", { title: campaign.title }),
    })

  const confirmAndDelete = (campaign: Pick<CustomerCampaign, "id" | "title">) =>
    remove.confirmAndRun(campaign.id, {
      title: t("messagesPage.delete.title", { title: campaign.title }),
      description: t("messagesPage.delete.description", { title: campaign.title }),
      confirmText: t("messagesPage.actions.delete"),
      cancelText: t("messagesPage.actions.cancel"),
      success: () => t("messagesPage.toasts.deleted", { title: campaign.title }),
    })

  return {
    confirmAndEnd,
    confirmAndDelete,
    isEnding: end.isPending,
    isDeleting: remove.isPending,
  }
}
