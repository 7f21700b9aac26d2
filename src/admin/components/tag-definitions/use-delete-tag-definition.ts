import { usePrompt } from "@medusajs/ui"
import { useDeleteTagDefinition } from "../../hooks/api/tag-definitions"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { TagDefinition } from "../../lib/types"

/**
 * Asks for confirmation, then deletes a definition (which also removes it from every customer).
 * Resolves to true when it was deleted.
 */
export const useDeleteTagDefinitionWithPrompt = () => {
  const { t } = useTranslate()
  const prompt = usePrompt()
  const { mutateAsync, isPending } = useDeleteTagDefinition()

  const confirmAndDelete = async (
    tag: Pick<TagDefinition, "id" | "key" | "customer_count">
  ) => {
    const confirmed = await prompt({
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
    })
    if (!confirmed) {
      return false
    }

    return mutateWithToast(mutateAsync, tag.id, {
      success: () => t("tagsPage.toasts.deleted", { key: tag.key }),
    })
  }

  return { confirmAndDelete, isPending }
}
