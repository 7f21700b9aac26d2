import { TriangleRightMini } from "@medusajs/icons"
import { Link } from "react-router-dom"
import { useTagDefinition } from "../../hooks/api/tag-definitions"
import { useTranslate } from "../../lib/i18n"

type TagDefinitionBreadcrumbProps = {
  id?: string
}

/**
 * The detail page's breadcrumb. Plugin routes are not nested in their list route, so this crumb
 * draws "Tags › label" itself, as the dashboard does for customer groups.
 */
export const TagDefinitionBreadcrumb = ({
  id,
}: TagDefinitionBreadcrumbProps) => {
  const { t } = useTranslate()
  const { tag } = useTagDefinition(id ?? "", { enabled: !!id })

  return (
    <span className="flex items-center" data-testid="crm-tag-breadcrumb">
      <Link to="/crm-tags" className="transition-fg hover:text-ui-fg-subtle">
        {t("tagsPage.title")}
      </Link>
      {tag && (
        <>
          <span className="mx-2">
            <TriangleRightMini className="rtl:rotate-180" />
          </span>
          <span>{tag.label}</span>
        </>
      )}
    </span>
  )
}
