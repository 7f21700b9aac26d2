import { ArrowUturnLeft } from "@medusajs/icons"
import { Button, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useTagDefinition } from "../../hooks/api/tag-definitions"
import { useTranslate } from "../../lib/i18n"
import { BulkAddCustomersDrawer } from "./bulk-add-customers-drawer"
import { TagDefinitionFormDrawer } from "./tag-definition-form-drawer"
import { TagDefinitionGeneralSection } from "./tag-definition-general-section"
import { TagDefinitionUsageSection } from "./tag-definition-usage-section"
import { useDeleteTagDefinitionWithPrompt } from "./use-delete-tag-definition"

const DetailSkeleton = () => (
  <div className="flex flex-col gap-y-3" data-testid="crm-tag-detail-loading">
    {[6, 4].map((rows, index) => (
      <Container key={index} className="divide-y p-0">
        <div className="px-6 py-4">
          <Skeleton className="h-7 w-48" />
        </div>
        {Array.from({ length: rows }).map((_, row) => (
          <div key={row} className="grid grid-cols-2 gap-4 px-6 py-4">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-4 w-40" />
          </div>
        ))}
      </Container>
    ))}
  </div>
)

type TagDefinitionDetailProps = {
  id: string
}

/** The page of one tag definition: its fields, its usage, bulk tagging, edit and delete. */
export const TagDefinitionDetail = ({ id }: TagDefinitionDetailProps) => {
  const { t } = useTranslate()
  const navigate = useNavigate()
  const [isEditOpen, setIsEditOpen] = useState(false)
  const [isBulkOpen, setIsBulkOpen] = useState(false)

  const { tag, isPending, isError, error } = useTagDefinition(id)
  const { confirmAndDelete, isPending: isDeleting } =
    useDeleteTagDefinitionWithPrompt()

  if (isPending) {
    return <DetailSkeleton />
  }

  if (isError || !tag) {
    const notFound = error?.status === 404
    return (
      <Container
        className="flex flex-col items-center gap-y-3 px-6 py-10 text-center"
        data-testid="crm-tag-detail-error"
      >
        <Heading level="h2">
          {notFound
            ? t("tagsPage.detail.notFound")
            : t("tagsPage.detail.loadErrorTitle")}
        </Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {notFound
            ? t("tagsPage.detail.notFoundDescription")
            : t("tagsPage.loadError", { message: error?.message ?? "" })}
        </Text>
        <Button size="small" variant="secondary" asChild>
          <Link to="/crm-tags">
            <ArrowUturnLeft />
            {t("tagsPage.detail.backToList")}
          </Link>
        </Button>
      </Container>
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
