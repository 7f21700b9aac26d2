import { ArrowUturnLeft } from "@medusajs/icons"
import { Button } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useTagDefinition } from "../../hooks/api/tag-definitions"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import { PageError, SectionsSkeleton } from "../common/load-states"
import { BulkAddCustomersDrawer } from "./bulk-add-customers-drawer"
import { TagDefinitionFormDrawer } from "./tag-definition-form-drawer"
import { TagDefinitionGeneralSection } from "./tag-definition-general-section"
import { TagDefinitionUsageSection } from "./tag-definition-usage-section"
import { useDeleteTagDefinitionWithPrompt } from "./use-delete-tag-definition"

type TagDefinitionDetailProps = {
  id: string
}

/** The page of one tag definition: its fields, its usage, bulk tagging, edit and delete. */
export const TagDefinitionDetail = ({ id }: TagDefinitionDetailProps) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const navigate = useNavigate()
  const [isEditOpen, setIsEditOpen] = useState(false)
  const [isBulkOpen, setIsBulkOpen] = useState(false)

  const { tag, isPending, isError, error } = useTagDefinition(id)
  const { confirmAndDelete, isPending: isDeleting } =
    useDeleteTagDefinitionWithPrompt()

  if (isPending) {
    return (
      <SectionsSkeleton rows={[6, 4]} data-testid="crm-tag-detail-loading" />
    )
  }

  if (isError || !tag) {
    const notFound = error?.status === 404
    return (
      <PageError
        title={
          notFound
            ? t("tagsPage.detail.notFound")
            : t("tagsPage.detail.loadErrorTitle")
        }
        description={
          notFound
            ? t("tagsPage.detail.notFoundDescription")
            : t("tagsPage.loadError", { message: errorText(error) })
        }
        data-testid="crm-tag-detail-error"
      >
        <Button size="small" variant="secondary" asChild>
          <Link to="/crm-tags">
            <ArrowUturnLeft />
            {t("tagsPage.detail.backToList")}
          </Link>
        </Button>
      </PageError>
    )
  }

  const handleDelete = async () => {
    const deleted = await confirmAndDelete(tag)
    if (deleted) {
      navigate("/crm-tags", { replace: true })
    }
  }

  return (
    <div
      className="flex flex-col gap-y-3"
      data-testid="crm-tag-detail"
      data-tag-id={tag.id}
      data-tag-key={tag.key}
    >
      <TagDefinitionGeneralSection
        tag={tag}
        onEdit={() => setIsEditOpen(true)}
        onDelete={handleDelete}
        onAddCustomers={() => setIsBulkOpen(true)}
        isDeleting={isDeleting}
      />
      <TagDefinitionUsageSection tag={tag} />
      <TagDefinitionFormDrawer
        open={isEditOpen}
        onOpenChange={setIsEditOpen}
        tag={tag}
      />
      <BulkAddCustomersDrawer
        open={isBulkOpen}
        onOpenChange={setIsBulkOpen}
        tag={tag}
      />
    </div>
  )
}
