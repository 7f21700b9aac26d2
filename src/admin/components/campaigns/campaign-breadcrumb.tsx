import { TriangleRightMini } from "@medusajs/icons"
import { Link } from "react-router-dom"
import { useCampaign } from "../../hooks/api/campaigns"
import { useTranslate } from "../../lib/i18n"

/** The campaign page's breadcrumb: "Messages & offers › title". */
export const CampaignBreadcrumb = ({ id }: { id?: string }) => {
  const { t } = useTranslate()
  const { campaign } = useCampaign(id ?? "", { enabled: !!id, refetchInterval: false })

  return (
    <span className="flex items-center" data-testid="campaign-breadcrumb">
      <Link to="/crm-messages" className="transition-fg hover:text-ui-fg-subtle">
        {t("messagesPage.title")}
      </Link>
      {campaign && (
        <>
          <span className="mx-2">
            <TriangleRightMini className="rtl:rotate-180" />
          </span>
          <span>{campaign.title}</span>
        </>
      )}
    </span>
  )
}
