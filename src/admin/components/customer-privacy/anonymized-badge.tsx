import { Badge, Tooltip } from "@medusajs/ui"
import { useCustomerPrivacy } from "../../hooks/api/privacy"
import { formatDate } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"

type AnonymizedBadgeProps = {
  customerId: string
  "data-testid": string
}

/**
 * "Anonymized" beside a heading of the customer's page, when they are; when, on hover. Reads the
 * Privacy tab's query, and shows nothing while it loads or fails.
 */
export const AnonymizedBadge = ({
  customerId,
  "data-testid": testId,
}: AnonymizedBadgeProps) => {
  const { t, locale } = useTranslate()
  const { privacy } = useCustomerPrivacy(customerId)

  if (!privacy?.anonymized) {
    return null
  }

  const badge = (
    <Badge size="2xsmall" color="grey" tabIndex={0} data-testid={testId}>
      {t("privacy.anonymized")}
    </Badge>
  )

  return privacy.anonymized_at ? (
    <Tooltip
      content={t("privacy.anonymize.anonymizedOn", {
        date: formatDate(privacy.anonymized_at, locale),
      })}
    >
      {badge}
    </Tooltip>
  ) : (
    badge
  )
}
