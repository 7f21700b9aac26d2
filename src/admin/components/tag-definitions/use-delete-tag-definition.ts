import { useDeleteTagDefinition } from "../../hooks/api/tag-definitions"
import { useConfirmedMutation } from "../../hooks/use-confirmed-mutation"
import { useTranslate } from "../../lib/i18n"
import type { TagDefinition } from "../../lib/types"

/**
 * Asks for confirmation, then deletes a definition (which also removes it from every customer).
 * Resolves to true when it was deleted.
 */
export const useDeleteTagDefinitionWithPrompt = () => {
  const { t } = useTranslate()
  const { confirmAndRun, isPending } = useConfirmedMutation(
    useDeleteTagDefinition()
  )

  const confirmAndDelete = (
    tag: Pick<TagDefinition, "id" | "key" | "customer_count">
  ) =>
    confirmAndRun(tag.id, {
      title: t("tagsPage.delete.title", { key: tag.key }),
      description:
        tag.customer_count > 0
          ? t("tagsPage.delete.descriptionInUse", {
              key: tag.key,
              count: tag.customer_count,
            })
          : t("tagsPage.delete.description", { key: tag.key }),
      confirmText: t("tagsPage.actions.delete"),
      cancelText: t("tagsPage.actions.cancel"),
      success: () => t("tagsPage.toasts.deleted", { key: tag.key }),
    })

  return { confirmAndDelete, isPending }
}
