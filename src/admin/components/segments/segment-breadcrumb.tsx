import { TriangleRightMini } from "@medusajs/icons"
import { Link } from "react-router-dom"
import { useSegment } from "../../hooks/api/segments"
import { useTranslate } from "../../lib/i18n"

/** The segment page's breadcrumb: "Segments › name". */
export const SegmentBreadcrumb = ({ id }: { id?: string }) => {
  const { t } = useTranslate()
  const { segment } = useSegment(id ?? "", { enabled: !!id })

  return (
    <span className="flex items-center" data-testid="crm-segment-breadcrumb">
      <Link to="/crm-segments" className="transition-fg hover:text-ui-fg-subtle">
        {t("segmentsPage.title")}
      </Link>
      {segment && (
        <>
          <span className="mx-2">
            <TriangleRightMini className="rtl:rotate-180" />
          </span>
          <span>{segment.name}</span>
        </>
      )}
    </span>
  )
}
