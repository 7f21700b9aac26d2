import { Badge, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslate } from "../../lib/i18n"

type ComingSoonProps = {
  icon: ReactNode
  description: string
}

/** The placeholder of a CRM tab that is not built yet: what will be there. */
export const ComingSoon = ({ icon, description }: ComingSoonProps) => {
  const { t } = useTranslate()

  return (
    <div
      className="flex flex-col items-center justify-center gap-y-3 px-6 py-10 text-center"
      data-testid="crm-coming-soon"
    >
      <div className="text-ui-fg-muted">{icon}</div>
      <Badge size="2xsmall" color="grey">
        {t("crm.comingSoon")}
      </Badge>
      <Text size="small" className="text-ui-fg-muted max-w-[420px]">
        {description}
      </Text>
    </div>
  )
}
