import { Badge, Tooltip } from "@medusajs/ui"
import { useCustomerIdentity } from "../../hooks/api/identity"
import { formatDate } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"

type AnonymizedBadgeProps = {
  customerId: string
  "data-testid": string
}

/**
 * "Anonymized" beside a heading of the customer's page, when they are; when, on hover. Reads the
 * customer's identity (which the side card loads anyway), and shows nothing while it loads or fails.
 */
export const AnonymizedBadge = ({
  customerId,
  "data-testid": testId,
}: AnonymizedBadgeProps) => {
  const { t, locale } = useTranslate()
  const { identity } = useCustomerIdentity(customerId)
  const anonymizedAt = identity?.anonymized_at

  if (!anonymizedAt) {
    return null
  }

  const badge = (
    <Badge size="2xsmall" color="grey" tabIndex={0} data-testid={testId}>
      {t("privacy.anonymized")}
    </Badge>
  )

  return (
    <Tooltip
      content={t("privacy.anonymize.anonymizedOn", {
        date: formatDate(anonymizedAt, locale),
      })}
    >
      {badge}
    </Tooltip>
  )
}
