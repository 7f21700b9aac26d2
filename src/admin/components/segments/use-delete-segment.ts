import { useDeleteSegment } from "../../hooks/api/segments"
import { useConfirmedMutation } from "../../hooks/use-confirmed-mutation"
import { useTranslate } from "../../lib/i18n"
import type { CustomerSegment } from "../../lib/types"

/** Asks for confirmation, then deletes a segment; resolves to true when it was deleted. */
export const useDeleteSegmentWithPrompt = () => {
  const { t } = useTranslate()
  const { confirmAndRun, isPending } = useConfirmedMutation(useDeleteSegment())

  const confirmAndDelete = (segment: Pick<CustomerSegment, "id" | "name" | "group">) =>
    confirmAndRun(segment.id, {
      title: t("segmentsPage.delete.title", { name: segment.name }),
      description: segment.group
        ? t("segmentsPage.delete.descriptionSynced", {
            name: segment.name,
            group: segment.group.name,
          })
        : t("segmentsPage.delete.description", { name: segment.name }),
      confirmText: t("segmentsPage.actions.delete"),
      cancelText: t("segmentsPage.actions.cancel"),
      success: () => t("segmentsPage.toasts.deleted", { name: segment.name }),
    })

  return { confirmAndDelete, isPending }
}
